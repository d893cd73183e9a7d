/** The one Hebrew label map: every status value the server sends, shown in Hebrew. */

const LABELS = {
  customer: { lead: "ליד", active: "פעיל", inactive: "לא פעיל" },
  task: { open: "פתוחה", done: "בוצעה" },
  invoice: { draft: "טיוטה", issued: "הונפקה", paid: "שולמה", cancelled: "בוטלה" },
  contract: { draft: "טיוטה", sent: "נשלח לחתימה", signed: "נחתם", declined: "נדחה" },
  message: {
    pending: "ממתינה לשליחה", accepted: "התקבלה", scheduled: "מתוזמנת", queued: "בתור", sending: "נשלחת",
    sent: "נשלחה", delivered: "נמסרה", read: "נקראה", received: "התקבלה", receiving: "מתקבלת",
    failed: "נכשלה", undelivered: "לא נמסרה", canceled: "בוטלה",
  },
  transcript: {
    none: "אין תמלול", pending: "התמלול בתהליך", done: "תומלל", failed: "התמלול נכשל",
    unavailable: "תמלול לא זמין",
  },
  call: {
    queued: "בתור", ringing: "מצלצלת", "in-progress": "בשיחה", completed: "הושלמה", busy: "תפוס",
    failed: "נכשלה", "no-answer": "לא נענתה", canceled: "בוטלה", initiated: "החלה",
  },
  direction: { inbound: "נכנסת", outbound: "יוצאת", "outbound-api": "יוצאת", "outbound-dial": "יוצאת" },
  timeline: { call: "שיחה", whatsapp: "וואטסאפ", task: "משימה", invoice: "חשבונית", contract: "חוזה" },
} as const satisfies Record<string, Record<string, string>>;

export type LabelKind = keyof typeof LABELS;

/** The Hebrew label of `value` in `kind`; an unknown value is shown as it came (never blank). */
export function label(kind: LabelKind, value: string | null | undefined): string {
  if (!value) return "—";
  const labels: Record<string, string> = LABELS[kind];
  return labels[value] ?? value;
}

/** Every value of `kind` with its label, in the map's order (for selects). */
export function options(kind: LabelKind): { value: string; label: string }[] {
  return Object.entries(LABELS[kind]).map(([value, text]) => ({ value, label: text }));
}

/** WhatsApp delivery ticks: one for sent, two for delivered, two blue for read. */
export function ticks(status: string): { marks: string; read: boolean; failed: boolean } {
  if (["failed", "undelivered", "canceled"].includes(status)) return { marks: "!", read: false, failed: true };
  if (status === "read") return { marks: "✓✓", read: true, failed: false };
  if (status === "delivered") return { marks: "✓✓", read: false, failed: false };
  if (status === "sent") return { marks: "✓", read: false, failed: false };
  return { marks: "…", read: false, failed: false };
}
