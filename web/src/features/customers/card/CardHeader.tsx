/** The card's head: who (name, status, phone beside the name) and what to do now (call,
 * WhatsApp, a new task). A call the server cannot place says why in a toast; when the agent's
 * own phone is missing, the toast opens the profile where they set it. */
import { ListPlus, MessageCircle, Phone } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { Customer } from "@/features/customers/types";
import { Badge, statusTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toast";
import { ApiError } from "@/lib/api";
import { startCall } from "@/lib/actions";
import { hebrewError } from "@/lib/errors";

export const AGENT_PHONE_MISSING = "השיחה לא יצאה: לא הגדרת מספר טלפון משלך, ולכן אין לאן לצלצל אליך לפני הלקוח";

export function CardHeader({ customer, onTab }: {
  customer: Customer;
  onTab: (tab: string, extra?: Record<string, string>) => void;
}) {
  const toast = useToast();
  const navigate = useNavigate();
  const [calling, setCalling] = useState(false);

  async function call() {
    setCalling(true);
    try {
      await startCall(customer.id);
      toast({ text: "השיחה יוצאת: הטלפון שלך יצלצל בעוד רגע", tone: "success" });
    } catch (error) {
      if (error instanceof ApiError && error.code === "agent_phone_missing") {
        toast({ text: AGENT_PHONE_MISSING, tone: "error",
          action: { label: "הגדרת הטלפון שלי", onClick: () => navigate("/profile") } });
      } else {
        toast({ text: hebrewError(error, "השיחה לא יצאה"), tone: "error" });
      }
    } finally {
      setCalling(false);
    }
  }

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
