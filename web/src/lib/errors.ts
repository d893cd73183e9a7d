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

/** The server's error codes whose messages are in English, said in Hebrew. */
const BY_CODE: Record<string, string> = {
  agent_phone_missing: "למשתמש שלך אין מספר טלפון לצלצל אליו; מנהל יכול להגדיר אותו",
  customer_phone_missing: "ללקוח אין מספר טלפון",
  no_business_number: "לעסק אין מספר Twilio להתקשר ממנו",
  twilio_unreachable: "אין חיבור ל-Twilio כרגע; נסו שוב בעוד רגע",
  twilio_refused: "Twilio סירב להוציא את השיחה",
  no_whatsapp_sender: "לעסק אין מספר Twilio לשליחת וואטסאפ",
  no_whatsapp_address: "ללקוח אין מספר טלפון או מזהה וואטסאפ",
  push_off: "התראות דחיפה אינן מוגדרות בשרת",
};

/**
 * A clear Hebrew sentence for a failed action: "<what> נכשל: <why>". The server's own message
 * is used when it is in Hebrew; otherwise a Hebrew reason by status, with the server's code.
 */
export function hebrewError(error: unknown, what: string): string {
  if (error instanceof ApiError) {
    if (HEBREW.test(error.message)) return `${what}: ${error.message}`;
    if (BY_CODE[error.code]) return `${what}: ${BY_CODE[error.code]}`;
    const reason = BY_STATUS[error.status] ?? (error.status >= 500 ? "תקלה בשרת; נסו שוב" : "שגיאה");
    return `${what}: ${reason} (${error.code})`;
  }
  if (error instanceof Error && HEBREW.test(error.message)) return `${what}: ${error.message}`;
  if (error instanceof TypeError || !(error instanceof Error)) return `${what}: אין חיבור לשרת`;
  return `${what}: ${error.message}`;
}
