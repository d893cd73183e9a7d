/** The card's head: who (name, status, phone beside the name) and what to do now (call,
 * WhatsApp, a new task; for admins, the privacy actions). A call the server cannot place says
 * why in a toast; when the agent's own phone is missing, the toast opens the profile where they
 * set it. An erased customer has no one to call or write to: only the admin actions remain. */
import { ListPlus, MessageCircle, Phone } from "lucide-react";
import { AdminActions } from "@/features/customers/card/AdminActions";
import type { Customer } from "@/features/customers/types";
import { Badge, statusTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { useStartCall } from "@/components/useStartCall";
import { useCan } from "@/lib/me";

export function CardHeader({ customer, onTab }: {
  customer: Customer;
  onTab: (tab: string, extra?: Record<string, string>) => void;
}) {
  const { call: startCall, calling } = useStartCall();
  const call = () => startCall(customer.id);
  const can = useCan();
  const erased = Boolean(customer.erased_at);

  return (
    <header className="card-head">
      <div className="card-who">
        <h1>{customer.name}</h1>
        <Badge tone={statusTone("customer", customer.status)}>{customer.status_label}</Badge>
        {customer.phone_display && <bdi dir="ltr" className="card-phone muted">{customer.phone_display}</bdi>}
        {erased && <Badge tone="neutral">המידע האישי נמחק</Badge>}
      </div>
      <div className="quick-actions" role="group" aria-label="פעולות מהירות">
        {!erased && (
          <>
            <Button icon={Phone} variant="primary" onClick={call} disabled={calling || !customer.phone}
              title={customer.phone ? undefined : "ללקוח אין מספר טלפון"}>
              {calling ? "מחייג…" : "התקשרות"}
            </Button>
            <Button icon={MessageCircle} onClick={() => onTab("whatsapp")}>וואטסאפ</Button>
            <Button icon={ListPlus} onClick={() => onTab("tasks", { new: "1" })}>משימה חדשה</Button>
          </>
        )}
        {can.admin && <AdminActions customer={customer} />}
      </div>
    </header>
  );
}
