/**
 * The week's opening hours as a grid: a row per day, ראשון to שבת, each closed or open with one
 * or more ranges (two HH:MM fields each), a range added or removed with a button. Pure
 * conversion to and from the server's JSON lives in hours.ts.
 */
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { type DayRow, DEFAULT_RANGE, nextRange, tidyTime, type TimeRange } from "@/features/settings/hours";

/** On leaving a field, show what will be sent: "8:00" as 08:00, an end of 00:00 as 24:00. */
function tidy(typed: string, current: string, isEnd: boolean, set: (value: string) => void) {
  const tidied = tidyTime(typed, isEnd);
  if (tidied !== current) set(tidied);
}

/** A 24-hour clock in every browser: a time input shows AM/PM in an English browser, and
 * cannot say 24:00. What is typed goes to the server, whose 422 invalid_hours says a bad one. */
const TIME = {
  type: "text", dir: "ltr", inputMode: "numeric", maxLength: 5, placeholder: "08:00", className: "time-input",
  autoComplete: "off", spellCheck: false,
} as const;

export function HoursEditor({ rows, onChange, disabled = false }: {
  rows: DayRow[];
  onChange: (rows: DayRow[]) => void;
  disabled?: boolean;
}) {
  function setRanges(day: string, ranges: TimeRange[]) {
    onChange(rows.map((row) => (row.day === day ? { ...row, ranges } : row)));
  }

  return (
    <table className="hours-grid" data-testid="hours-grid">
      <caption className="visually-hidden">שעות הפעילות לפי יום</caption>
      <thead className="visually-hidden">
        <tr><th scope="col">יום</th><th scope="col">פתוח</th><th scope="col">שעות</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const open = row.ranges.length > 0;
          return (
            <tr key={row.day} data-day={row.day} className={open ? "open" : "closed"}>
              <th scope="row" className="hours-day">{row.label}</th>
              <td className="hours-open">
                <label className="switch">
                  <input type="checkbox" role="switch" checked={open} disabled={disabled}
                    aria-label={`פתוח ביום ${row.label}`}
                    onChange={(e) => setRanges(row.day, e.target.checked ? [DEFAULT_RANGE] : [])} />
                  <span aria-hidden="true">{open ? "פתוח" : "סגור"}</span>
                </label>
              </td>
              <td className="hours-ranges">
                {open ? (
                  <ul>
                    {row.ranges.map((range, index) => {
                      const name = `יום ${row.label}, טווח ${index + 1}`;
                      const update = (patch: Partial<TimeRange>) =>
                        setRanges(row.day, row.ranges.map((r, i) => (i === index ? { ...r, ...patch } : r)));
                      return (
                        <li key={index} className="hours-range" data-testid="hours-range">
                          <input {...TIME} value={range.start} disabled={disabled}
                            aria-label={`${name}: משעה`} onChange={(e) => update({ start: e.target.value })}
                            onBlur={(e) => tidy(e.target.value, range.start, false, (start) => update({ start }))} />
                          <span aria-hidden="true">–</span>
                          <input {...TIME} value={range.end} disabled={disabled}
                            aria-label={`${name}: עד שעה`} onChange={(e) => update({ end: e.target.value })}
                            onBlur={(e) => tidy(e.target.value, range.end, true, (end) => update({ end }))} />
                          <Button icon={Trash2} label={`הסרת ${name}`} disabled={disabled}
                            onClick={() => setRanges(row.day, row.ranges.filter((_, i) => i !== index))} />
                        </li>
                      );
                    })}
                    <li>
                      <Button icon={Plus} variant="ghost small" disabled={disabled}
                        aria-label={`הוספת טווח ליום ${row.label}`}
                        onClick={() => setRanges(row.day, [...row.ranges, nextRange(row.ranges)])}>
                        טווח נוסף
                      </Button>
                    </li>
                  </ul>
                ) : <span className="muted">סגור כל היום</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
