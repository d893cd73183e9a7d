import { ApiError } from "@/lib/api";

const HEBREW = /[\u0590-\u05FF]/;

const BY_STATUS: Record<number, string> = {
  400: "הבקשה אינה תקינה",
  401: "פג תוקף ההתחברות; התחברו מחדש",
  403: "אין הרשאה לפעולה זו",
  404: "הפעולה אינה זמינה בשרת",
  409: "הפעולה אינה אפשרית כרגע",
  422: "חלק מהפרטים אינם תקינים",
  429: "יותר מדי בקשות; נסו שוב בעוד רגע",
};

/**
 * A clear Hebrew sentence for a failed action: "<what> נכשל: <why>". The server's own message
 * is used when it is in Hebrew; otherwise a Hebrew reason by status, with the server's code.
 */
export function hebrewError(error: unknown, what: string): string {
  if (error instanceof ApiError) {
    if (HEBREW.test(error.message)) return `${what}: ${error.message}`;
    const reason = BY_STATUS[error.status] ?? (error.status >= 500 ? "תקלה בשרת; נסו שוב" : "שגיאה");
    return `${what}: ${reason} (${error.code})`;
  }
  if (error instanceof Error && HEBREW.test(error.message)) return `${what}: ${error.message}`;
  if (error instanceof TypeError || !(error instanceof Error)) return `${what}: אין חיבור לשרת`;
  return `${what}: ${error.message}`;
}
