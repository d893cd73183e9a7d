import { FileText, Phone, PhoneIncoming, PhoneOutgoing } from "lucide-react";
import { useCalls } from "@/features/customers/api/card";
import type { Call } from "@/features/customers/types";
import { QueryState } from "@/components/QueryState";
import { PurgedNote, RecordingPlayer } from "@/components/RecordingPlayer";
import { Badge, statusTone } from "@/components/ui/Badge";
import { formatDateTime } from "@/lib/format";

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m}:${String(s).padStart(2, "0")} דקות` : `${s} שניות`;
}

/** Every call: when, direction, status, what came of it, the recording (a real player) and
 * the transcript, or that the retention policy deleted both. */
export function CallsTab({ customerId }: { customerId: number }) {
  const calls = useCalls(customerId);
  return (
    <QueryState query={calls} isEmpty={calls.data?.results.length === 0} empty="אין שיחות ללקוח זה" emptyIcon={Phone}
      emptyText="שיחות נכנסות ויוצאות, עם ההקלטה והתמלול, יופיעו כאן.">
      <ul className="calls">
        {calls.data?.results.map((call) => {
          const outbound = call.direction.startsWith("outbound");
          const Direction = outbound ? PhoneOutgoing : PhoneIncoming;
          return (
            <li key={call.id} className="call" data-testid="call">
              <div className="call-head">
                <span className={`call-icon ${outbound ? "out" : "in"}`} aria-hidden="true"><Direction size={18} /></span>
                <strong>{call.direction_label}</strong>
                <span>{formatDateTime(call.started_at)}</span>
                <bdi dir="ltr">{outbound ? call.to_number_display : call.from_number_display}</bdi>
                <Badge tone={statusTone("call", call.status)}>{call.status_label}</Badge>
                {call.duration != null && <span className="muted">{duration(call.duration)}</span>}
                {call.outcome_label && (
                  <span className="call-outcome" data-testid="call-outcome">
                    <span className="muted">תוצאה:</span> <Badge tone="info">{call.outcome_label}</Badge>
                  </span>
                )}
              </div>
              {call.notes && <p className="call-notes prewrap">{call.notes}</p>}
              {call.purged_at ? <PurgedNote /> : (
                <>
                  {call.recording_url ? <RecordingPlayer url={call.recording_url} startedAt={call.started_at} />
                    : <p className="muted">אין הקלטה</p>}
                  <Transcript call={call} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </QueryState>
  );
}

function Transcript({ call }: { call: Call }) {
  return (
    <div className="transcript">
      <div className="transcript-head">
        <FileText size={16} aria-hidden="true" />
        <span>תמלול</span>
        <Badge tone={statusTone("transcript", call.transcript_status)}>{call.transcript_status_label}</Badge>
      </div>
      {call.transcript && <p className="transcript-text">{call.transcript}</p>}
    </div>
  );
}
