/** Click-to-call with its words: the toast that the agent's phone is about to ring, or why the
 * call did not go (a missing phone of one's own opens the profile, where it is set). The card's
 * head and the call-back tasks call through it. */
import { useState } from "react";
import { useNavigate } from "react-router";
import { useToast } from "@/components/ui/Toast";
import { ApiError } from "@/lib/api";
import { startCall } from "@/lib/actions";
import { hebrewError } from "@/lib/errors";

export const AGENT_PHONE_MISSING = "השיחה לא יצאה: לא הגדרת מספר טלפון משלך, ולכן אין לאן לצלצל אליך לפני הלקוח";

export function useStartCall(): { call: (customerId: number) => Promise<void>; calling: boolean } {
  const toast = useToast();
  const navigate = useNavigate();
  const [calling, setCalling] = useState(false);

  async function call(customerId: number) {
    setCalling(true);
    try {
      await startCall(customerId);
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

  return { call, calling };
}
