/** The greeting form's rules and words, kept out of the component so they are tested alone. */
import { ApiError } from "@/lib/api";

/** The server's limit: the stripped text is 1..600 characters (Python's len: code points). */
export const MAX_GREETING_CHARS = 600;

export function greetingLength(text: string): number {
  return [...text.trim()].length;
}

/** Why this text cannot be sent, in Hebrew; null when it can. */
export function greetingProblem(text: string): string | null {
  const length = greetingLength(text);
  if (length === 0) return "כתבו את נוסח הברכה";
  if (length > MAX_GREETING_CHARS) return `הנוסח ארוך מ-${MAX_GREETING_CHARS} תווים ב-${length - MAX_GREETING_CHARS}`;
  return null;
}

/** The counter under the text box, e.g. "42/600 תווים". */
export function counterText(text: string): string {
  return `${greetingLength(text)}/${MAX_GREETING_CHARS} תווים`;
}

/** A duration as the player shows it, to a tenth: "5.6" (Hebrew writes a decimal point too). */
export function formatSeconds(seconds: number): string {
  return (Math.round(seconds * 10) / 10).toString();
}

/** What rendered a preview (its X-Greeting-Engine), as "הקול: …" says it. */
export const ENGINE_NAMES: Record<string, string> = {
  google: "Google",
  "espeak-ng": "בסיסי (espeak-ng)",
};

/**
 * The greeting's URL with a version, so that after a change the player fetches the new file
 * instead of the one the browser cached (the server lets it cache for five minutes).
 */
export function playableUrl(base: string, greetingUrl: string, version: string | number): string {
  const separator = greetingUrl.includes("?") ? "&" : "?";
  return `${base}${greetingUrl}${separator}v=${encodeURIComponent(String(version))}`;
}

export const isDefaultGreeting = (greetingUrl: string) => /\/welcome\.mp3(\?|$)/.test(greetingUrl);

export type GreetingAction = "preview" | "publish" | "upload";

const WHAT: Record<GreetingAction, string> = {
  preview: "ההשמעה נכשלה",
  publish: "הפעלת הברכה נכשלה",
  upload: "העלאת הקובץ נכשלה",
};

const BY_CODE: Record<string, string> = {
  tts_failed: "שירות הקול של Google לא הקריא את הטקסט; נסו שוב בעוד רגע",
  tts_unavailable: "הקראת טקסט אינה זמינה בשרת כרגע; אפשר להעלות קובץ MP3",
  not_mp3: "הקובץ אינו קובץ MP3 תקין",
  too_large: "הקובץ גדול מדי; נסו קובץ קצר יותר",
};

const BY_STATUS: Record<number, string> = {
  401: "פג תוקף ההתחברות; התחברו מחדש",
  403: "רק מנהל יכול לשנות את הברכה",
  413: "הקובץ גדול מדי; נסו קובץ קצר יותר",
  415: "אפשר להעלות קובץ MP3 בלבד",
  429: "יותר מדי בקשות; נסו שוב בעוד רגע",
  502: "שירות הקול של Google לא הקריא את הטקסט; נסו שוב בעוד רגע",
  503: "הקראת טקסט אינה זמינה בשרת כרגע; אפשר להעלות קובץ MP3",
};

/** A failed preview, publish or upload said in Hebrew: never the server's code or English. */
export function greetingError(error: unknown, action: GreetingAction): string {
  const what = WHAT[action];
  if (!(error instanceof ApiError)) return `${what}: אין חיבור לשרת`;
  const reason = BY_CODE[error.code] ?? BY_STATUS[error.status]
    ?? (error.status === 422
      ? action === "upload" ? BY_CODE.not_mp3 : `הנוסח צריך להכיל בין 1 ל-${MAX_GREETING_CHARS} תווים`
      : error.status >= 500 ? "תקלה בשרת; נסו שוב" : "הבקשה לא התקבלה; נסו שוב");
  return `${what}: ${reason}`;
}
