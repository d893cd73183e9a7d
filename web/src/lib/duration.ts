/** Spans of time in Hebrew words ("21 דקות", "שעתיים ו-5 דקות"): the calls board's medians,
 * and (through `countWords`) how late a task is. */

/** Hebrew has its own words for one and two of these units. */
export function countWords(n: number, one: string, two: string, many: string): string {
  if (n === 1) return one;
  if (n === 2) return two;
  return `${n} ${many}`;
}

const minutes = (n: number) => countWords(n, "דקה", "שתי דקות", "דקות");
const hours = (n: number) => countWords(n, "שעה", "שעתיים", "שעות");
const days = (n: number) => countWords(n, "יום", "יומיים", "ימים");

/** "and": joined with a hyphen before a figure ("ו-5 דקות"), else to the word ("ודקה"). */
const and = (words: string) => (/^\d/.test(words) ? `ו-${words}` : `ו${words}`);

/** Seconds as people say them, to the minute once past one (a median of 1260 → "21 דקות");
 * "—" for none (nothing was called back). */
export function durationWords(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return "—";
  const s = Math.round(seconds);
  if (s < 60) return countWords(s, "שנייה", "שתי שניות", "שניות");
  const total = Math.round(s / 60);
  if (total < 60) return minutes(total);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h < 24) return m ? `${hours(h)} ${and(minutes(m))}` : hours(h);
  const d = Math.floor(h / 24);
  const rest = h % 24;
  return rest ? `${days(d)} ${and(hours(rest))}` : days(d);
}
