/** Why push notifications could not be switched, in Hebrew: the browser's own errors
 * (DOMExceptions whose messages are English, e.g. "Registration failed - permission denied")
 * and the server's. */
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";

export const PUSH_BLOCKED = "הדפדפן חוסם התראות לאתר הזה. אפשר לאשר אותן בהגדרות האתר בדפדפן.";
export const PUSH_UNSUPPORTED = "הדפדפן הזה אינו תומך בהתראות דחיפה. אפשר לנסות בכרום, באדג׳ או בפיירפוקס.";
export const PUSH_SERVICE_DOWN = "שירות ההתראות של הדפדפן אינו זמין כרגע. נסו שוב בעוד כמה דקות.";
export const PUSH_INSECURE = "התראות דחיפה פועלות רק בחיבור מאובטח (https).";

const WHAT = "הגדרת ההתראות נכשלה";

export function pushErrorText(error: unknown, permission: NotificationPermission | null = null): string {
  if (error instanceof ApiError) return hebrewError(error, WHAT);
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  const message = error instanceof Error || error instanceof DOMException ? error.message.toLowerCase() : "";
  if (permission === "denied" || name === "NotAllowedError" || message.includes("permission denied")) return PUSH_BLOCKED;
  if (name === "NotSupportedError" || message.includes("not supported")) return PUSH_UNSUPPORTED;
  if (name === "SecurityError") return PUSH_INSECURE;
  if (name === "AbortError" || name === "InvalidStateError" || message.includes("push service")) return PUSH_SERVICE_DOWN;
  // Our own (lib/push.ts) are Hebrew, a TypeError is the network; anything else is the
  // browser's English, which is not shown.
  if (error instanceof TypeError || (error instanceof Error && /[\u0590-\u05FF]/.test(error.message))) {
    return hebrewError(error, WHAT);
  }
  return `${WHAT}: הדפדפן לא הצליח להירשם להתראות`;
}
