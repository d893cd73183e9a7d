/** The six figures of a range, as tiles: calls, answered, missed, messages left, called back,
 * and the median time to call back in words. */
import { MessageSquareText, Phone, PhoneCall, PhoneMissed, PhoneOutgoing, Timer } from "lucide-react";
import type { CallTotals } from "@/features/calls-board/types";
import { durationWords } from "@/lib/duration";

const TILES = [
  { key: "calls", label: "שיחות", icon: Phone, tone: "neutral" },
  { key: "answered", label: "נענו", icon: PhoneCall, tone: "success" },
  { key: "missed", label: "לא נענו", icon: PhoneMissed, tone: "danger" },
  { key: "messages_left", label: "השאירו הודעה", icon: MessageSquareText, tone: "info" },
  { key: "called_back", label: "חזרנו אליהם", icon: PhoneOutgoing, tone: "success" },
] as const;

export function Tiles({ totals, label, testId }: { totals: CallTotals | undefined; label: string; testId: string }) {
  return (
    <ul className="tiles" aria-label={label} data-testid={testId} aria-busy={!totals}>
      {TILES.map(({ key, label: text, icon: Icon, tone }) => (
        <li key={key} className={`tile tone-${tone}`} data-tile={key}>
          <Icon size={18} aria-hidden="true" className="tile-icon" />
          <span className="tile-label">{text}</span>
          <strong className="tile-value">{totals ? totals[key].toLocaleString("he-IL") : <span className="skeleton" />}</strong>
        </li>
      ))}
      <li className="tile tone-neutral wide" data-tile="median_callback">
        <Timer size={18} aria-hidden="true" className="tile-icon" />
        <span className="tile-label">זמן חזרה (חציון)</span>
        <strong className="tile-value">
          {totals ? durationWords(totals.median_callback_seconds) : <span className="skeleton" />}
        </strong>
      </li>
    </ul>
  );
}
