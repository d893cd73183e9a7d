/** The board's dates: days in the business's time zone as `YYYY-MM-DD`, and the presets. */

export const BUSINESS_TIME_ZONE = "Asia/Jerusalem";

/** Today's date where the business is (not where the browser is). */
export function todayIn(now: Date = new Date(), timeZone: string = BUSINESS_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** `date` moved by `days` (calendar arithmetic on the date itself, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return moved.toISOString().slice(0, 10);
}

export const PRESETS = [
  { id: "today", label: "היום", days: 1 },
  { id: "7", label: "7 ימים", days: 7 },
  { id: "30", label: "30 ימים", days: 30 },
] as const;

export type PresetId = (typeof PRESETS)[number]["id"];

/** A preset's range, ending today (7 ימים: today and the six days before it). */
export function presetRange(id: PresetId, today: string): { from: string; to: string } {
  const preset = PRESETS.find((p) => p.id === id)!;
  return { from: addDays(today, -(preset.days - 1)), to: today };
}

/** The preset a range is, if any (so its button shows pressed). */
export function presetOf(from: string, to: string, today: string): PresetId | null {
  return PRESETS.find((p) => {
    const range = presetRange(p.id, today);
    return range.from === from && range.to === to;
  })?.id ?? null;
}

const VALID = /^\d{4}-\d{2}-\d{2}$/;

/** The range from the address bar, else the last 7 days. */
export function rangeFrom(params: URLSearchParams, today: string): { from: string; to: string } {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return VALID.test(from) && VALID.test(to) ? { from, to } : presetRange("7", today);
}

const dayMonth = new Intl.DateTimeFormat("he-IL", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** "1 בדצמבר 2026" for a `YYYY-MM-DD`. */
export function dateWords(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return dayMonth.format(new Date(Date.UTC(y, m - 1, d)));
}
