/** The card's head: who (name, status, phone beside the name) and what to do now (call,
 * WhatsApp, a new task). A call the server cannot place says why in a toast; when the agent's
 * own phone is missing, the toast opens the profile where they set it. */
import { ListPlus, MessageCircle, Phone } from "lucide-react";
import type { Customer } from "@/features/customers/types";
import { Badge, statusTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { useStartCall } from "@/components/useStartCall";

export function CardHeader({ customer, onTab }: {
  customer: Customer;
  onTab: (tab: string, extra?: Record<string, string>) => void;
}) {
  const { call: startCall, calling } = useStartCall();
  const call = () => startCall(customer.id);

  return (
    <header className="card-head">
      <div className="card-who">
        <h1>{customer.name}</h1>
        <Badge tone={statusTone("customer", customer.status)}>{customer.status_label}</Badge>
        {customer.phone_display && <bdi dir="ltr" className="card-phone muted">{customer.phone_display}</bdi>}
      </div>
      <div className="quick-actions" role="group" aria-label="פעולות מהירות">
        <Button icon={Phone} variant="primary" onClick={call} disabled={calling || !customer.phone}
          title={customer.phone ? undefined : "ללקוח אין מספר טלפון"}>
          {calling ? "מחייג…" : "התקשרות"}
        </Button>
        <Button icon={MessageCircle} onClick={() => onTab("whatsapp")}>וואטסאפ</Button>
        <Button icon={ListPlus} onClick={() => onTab("tasks", { new: "1" })}>משימה חדשה</Button>
      </div>
    </header>
  );
}
