/**
 * /calls, לוח שיחות: today's figures, the same for a chosen range (presets or two dates, kept
 * in the address bar), and each agent over that range with their presence now. Every call and
 * call-back event refreshes it (lib/live.ts: ["stats", "calls"], ["presence"]).
 */
import "@/features/calls-board/calls-board.css";
import { Users } from "lucide-react";
import { useSearchParams } from "react-router";
import { EmptyState } from "@/components/ui/EmptyState";
import { AgentsTable } from "@/features/calls-board/AgentsTable";
import { useCallStats } from "@/features/calls-board/api/get-call-stats";
import { usePresence } from "@/features/calls-board/api/get-presence";
import { dateWords, PRESETS, presetOf, presetRange, rangeFrom, todayIn } from "@/features/calls-board/range";
import { Tiles } from "@/features/calls-board/Tiles";
import { hebrewError } from "@/lib/errors";

export function CallsBoardPage() {
  const [params, setParams] = useSearchParams();
  // Today is the server's (its answer says which day, in the business's own time zone).
  const todays = useCallStats();
  const today = todays.data?.to ?? todayIn(new Date(), todays.data?.timezone);
  const { from, to } = rangeFrom(params, today);
  const ranged = useCallStats(from, to);
  const presence = usePresence();
  const chosen = presetOf(from, to, today);

  function choose(next: { from: string; to: string }) {
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set("from", next.from);
      updated.set("to", next.to);
      return updated;
    }, { replace: true });
  }

  const byUser = new Map((presence.data?.results ?? []).map((member) => [member.user_id, member]));
  const rows = (ranged.data?.agents ?? []).map((agent) => ({ ...agent, presence: byUser.get(agent.user_id) }));

  return (
    <div className="calls-board">
      <header className="page-head">
        <h1>לוח שיחות</h1>
        <span className="muted">{dateWords(today)}</span>
      </header>

      <section className="card board-section" aria-labelledby="today-title">
        <h2 id="today-title">היום</h2>
        {todays.isError ? <p role="alert" className="error">{hebrewError(todays.error, "טעינת נתוני היום נכשלה")}</p>
          : <Tiles totals={todays.data?.totals} label="נתוני היום" testId="today-tiles" />}
      </section>

      <section className="card board-section" aria-labelledby="range-title">
        <div className="range-head">
          <h2 id="range-title">לפי תקופה</h2>
          <div className="range-picker" role="group" aria-label="בחירת תקופה">
            <div className="presets" role="group" aria-label="תקופות מוכנות">
              {PRESETS.map((preset) => (
                <button key={preset.id} type="button" className="button small" aria-pressed={chosen === preset.id}
                  onClick={() => choose(presetRange(preset.id, today))}>
                  {preset.label}
                </button>
              ))}
            </div>
            <label>מתאריך
              <input type="date" value={from} max={to} onChange={(e) => e.target.value && choose({ from: e.target.value, to })} />
            </label>
            <label>עד תאריך
              <input type="date" value={to} min={from} onChange={(e) => e.target.value && choose({ from, to: e.target.value })} />
            </label>
          </div>
        </div>
        <p className="muted range-words" data-testid="range-words">
          {from === to ? dateWords(from) : `${dateWords(from)} – ${dateWords(to)}`}
        </p>
        {ranged.isError ? <p role="alert" className="error">{hebrewError(ranged.error, "טעינת נתוני התקופה נכשלה")}</p>
          : <Tiles totals={ranged.data?.totals} label="נתוני התקופה" testId="range-tiles" />}

        <h3 className="agents-title">לפי נציג</h3>
        {ranged.data && rows.length === 0 ? <EmptyState icon={Users} title="אין נציגים פעילים" compact />
          : ranged.data ? <AgentsTable rows={rows} /> : <div className="tab-skeleton" aria-busy="true" aria-label="טוען"><span className="skeleton line" /></div>}
      </section>
    </div>
  );
}
