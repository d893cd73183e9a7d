/** An invoice's allocation number (מספר הקצאה, issue 19) in the agent's words: why it still
 * waits, or why the Tax Authority refused, by `allocation_error.code` (never the raw code). */
import type { Invoice } from "@/features/customers/types";

const HEBREW = /[\u0590-\u05FF]/;

const REASONS: Record<string, string> = {
  unreachable: "רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית",
  no_credentials: "לא הוגדרו פרטי התחברות לרשות המסים (הגדרות)",
  unauthorized: "רשות המסים דחתה את פרטי ההתחברות",
  missing_business_tax_id: "חסר מספר עוסק של העסק בהגדרות",
};

export type AllocationView =
  | { kind: "none" }
  | { kind: "allocated"; number: string }
  | { kind: "pending"; reason: string | null }
  | { kind: "refused"; reason: string };

/** The reason for an allocation error; the Tax Authority's own message goes after "סירבה" when
 * it is one an agent can read. */
export function allocationReason(error: Invoice["allocation_error"]): string | null {
  if (!error) return null;
  if (error.code === "refused") {
    const message = (error.message ?? "").trim();
    return message && HEBREW.test(message) ? `רשות המסים סירבה: ${message}` : "רשות המסים סירבה להקצות מספר";
  }
  return REASONS[error.code] ?? "הבקשה למספר הקצאה לא הצליחה; ננסה שוב";
}

export function allocationView(invoice: Invoice): AllocationView {
  if (invoice.allocation_number) return { kind: "allocated", number: invoice.allocation_number };
  if (invoice.status === "awaiting_allocation") return { kind: "pending", reason: allocationReason(invoice.allocation_error) };
  if (invoice.allocation_status === "refused") {
    return { kind: "refused", reason: allocationReason(invoice.allocation_error) ?? "רשות המסים סירבה להקצות מספר" };
  }
  return { kind: "none" };
}
