/**
 * The business's opening hours, between the server's JSON (`{"sun": [["08:00","17:00"]], ...,
 * "sat": []}`) and the week grid the settings page edits: a row per day, Sunday first, each
 * closed (no ranges) or with one or more ranges. Whether ranges overlap is the server's call
 * (422 `hours_overlap`): the grid sends what was typed, and says the server's refusal.
 */

export const DAYS = [
  { key: "sun", label: "ראשון" },
  { key: "mon", label: "שני" },
  { key: "tue", label: "שלישי" },
  { key: "wed", label: "רביעי" },
  { key: "thu", label: "חמישי" },
  { key: "fri", label: "שישי" },
  { key: "sat", label: "שבת" },
] as const;

export type DayKey = (typeof DAYS)[number]["key"];
export type Hours = Record<DayKey, [string, string][]>;

export interface TimeRange {
  start: string;
  end: string;
}

export interface DayRow {
  day: DayKey;
  label: string;
  ranges: TimeRange[];
}

/** A new day's first range, and the one "add a range" appends after the last. */
export const DEFAULT_RANGE: TimeRange = { start: "09:00", end: "17:00" };

/** An end typed as 00:00 means midnight at the end of the day: the server's 24:00. What is
 * typed is sent trimmed, and "8:00" as "08:00"; anything else goes as it is (the server's 422
 * invalid_hours says it in Hebrew). */
export function tidyTime(time: string, isEnd: boolean): string {
  const typed = time.trim().replace(/^(\d):/, "0$1:");
  return isEnd && typed === "00:00" ? "24:00" : typed;
}

export function gridFromHours(hours: Partial<Record<string, [string, string][]>> | null | undefined): DayRow[] {
  return DAYS.map(({ key, label }) => ({
    day: key,
    label,
    ranges: (hours?.[key] ?? []).map(([start, end]) => ({ start, end })),
  }));
}

export function hoursFromGrid(rows: DayRow[]): Hours {
  const hours = Object.fromEntries(DAYS.map(({ key }) => [key, []])) as unknown as Hours;
  for (const row of rows) {
    hours[row.day] = row.ranges.map(({ start, end }) => [tidyTime(start, false), tidyTime(end, true)]);
  }
  return hours;
}

/** The next range for a day: after its last one (an hour later, two hours long), else the default. */
export function nextRange(ranges: TimeRange[]): TimeRange {
  const last = ranges.at(-1);
  if (!last) return DEFAULT_RANGE;
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const end = ["00:00", "24:00"].includes(last.end) ? 24 * 60 : minutes(last.end);
  if (!Number.isFinite(end)) return DEFAULT_RANGE;
  const start = Math.min(end + 60, 23 * 60);
  return { start: clock(start), end: clock(Math.min(start + 120, 23 * 60 + 59)) };
}

/** "08:00–17:00, 18:00–20:00" or "סגור": a day as the page's summary says it. */
export function dayText(row: DayRow): string {
  return row.ranges.length ? row.ranges.map(({ start, end }) => `${start}–${tidyTime(end, true)}`).join(", ") : "סגור";
}
