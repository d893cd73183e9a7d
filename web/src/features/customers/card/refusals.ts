/** The card's refusals in Hebrew: invoices and contracts answer with codes whose messages are
 * English (server/invoices, server/contracts); the rest goes to the app's table (lib/errors). */
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";

const REFUSALS: Record<string, string> = {
  invoice_locked: "חשבונית שהופקה אינה ניתנת לעריכה; אפשר לבטל אותה ולהפיק חדשה",
  invalid_transition: "אי אפשר להעביר את המסמך לסטטוס הזה מהסטטוס הנוכחי שלו",
  invoice_changed: "החשבונית השתנתה בינתיים; טענו את הדף מחדש",
  amount_too_large: "סכום החשבונית גדול מדי",
  busy: "לא הצלחנו לתת מספר לחשבונית; נסו שוב",
  contract_locked: "רק טיוטה של חוזה אפשר לערוך",
  contract_changed: "החוזה השתנה בינתיים; טענו את הדף מחדש",
  contract_not_draft: "רק טיוטה של חוזה אפשר למחוק",
  validation_error: "חלק מהפרטים חסרים או אינם תקינים",
};

export function refusal(error: unknown, what: string): string {
  if (error instanceof ApiError && REFUSALS[error.code]) return `${what}: ${REFUSALS[error.code]}`;
  return hebrewError(error, what);
}
