/** What the presence switch shows for the agent's choice and this browser's connection. */
import type { PresenceStatus } from "@/features/presence/types";

export interface PresenceView {
  label: string;
  /** A word after the label when choice and reality differ (offline). */
  short: string;
  hint: string;
  tone: "available" | "away" | "offline" | "loading";
  effective: PresenceStatus | "unknown";
}

/** `online`: this browser's socket; null while its first connection is under way (not yet "offline"). */
export function presenceView(status: PresenceStatus | null, online: boolean | null): PresenceView {
  if (status === null) return { label: "זמינות", short: "", hint: "טוען את מצב הזמינות", tone: "loading", effective: "unknown" };
  if (status === "away") {
    return { label: "לא זמין", short: "", hint: "שיחות נכנסות לא יצלצלו אליך. לחצו כדי להיות זמינים", tone: "away",
      effective: "away" };
  }
  if (online === false) {
    return { label: "זמין", short: "לא מחובר", tone: "offline", effective: "away",
      hint: "אין חיבור לשרת: עד שהחיבור יחזור שיחות לא יצלצלו אליך" };
  }
  return { label: "זמין", short: "", hint: "שיחות נכנסות יצלצלו אליך. לחצו כדי לא להיות זמינים", tone: "available",
    effective: "available" };
}
