import { ApiError } from "@/lib/api";
import MESSAGES from "@/lib/error-messages.json";

const HEBREW = /[\u0590-\u05FF]/;
const SERVER_FAULT = "תקלה בשרת; נסו שוב בעוד רגע";

/** Said when the server's code is not in the table (a code newer than this build). */
const BY_STATUS: Record<number, string> = {
  400: "הבקשה אינה תקינה",
  401: "פג תוקף ההתחברות; התחברו מחדש",
  403: "אין הרשאה לפעולה זו",
  404: "הפעולה אינה זמינה בשרת",
  409: "הפעולה אינה אפשרית כרגע",
  413: "הקובץ או הבקשה גדולים מדי",
  415: "סוג הקובץ אינו נתמך",
  422: "חלק מהפרטים אינם תקינים",
  429: "יותר מדי בקשות; נסו שוב בעוד רגע",
};

/**
 * Every code the server sends, in Hebrew: one table (error-messages.json), which
 * tests/web/test_error_messages.py checks against the server's source.
 */
const BY_CODE: Record<string, string> = MESSAGES;

/** The Hebrew reason for a server error: its own Hebrew message, its code's, else its status's. */
export function hebrewReason(error: ApiError): string {
  if (HEBREW.test(error.message)) return error.message;
  const known = Object.hasOwn(BY_CODE, error.code) ? BY_CODE[error.code] : undefined;
  if (known) return known;
  if (error.status >= 500) return SERVER_FAULT;
  return BY_STATUS[error.status] ?? "הפעולה נכשלה";
}

/**
 * A clear Hebrew sentence for a failed action: "<what>: <why>". Never a raw code or English:
 * an unexpected error in the page itself says so in Hebrew.
 */
export function hebrewError(error: unknown, what: string): string {
  if (error instanceof ApiError) return `${what}: ${hebrewReason(error)}`;
  if (error instanceof Error && HEBREW.test(error.message)) return `${what}: ${error.message}`;
  if (error instanceof TypeError || !(error instanceof Error)) return `${what}: אין חיבור לשרת`;
  return `${what}: תקלה לא צפויה; נסו שוב`;
}
