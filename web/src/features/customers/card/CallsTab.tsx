import { useCalls } from "@/features/customers/api/card";
import type { Call } from "@/features/customers/types";
import { QueryState } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { useObjectUrl } from "@/lib/useObjectUrl";
import { Badge, statusTone } from "@/components/ui/Badge";

/** Every call: when, direction, status, the recording (a real player) and the transcript. */
export function CallsTab({ customerId }: { customerId: number }) {
  const calls = useCalls(customerId);
  return (
    <QueryState query={calls} isEmpty={calls.data?.results.length === 0} empty="אין שיחות ללקוח זה">
      <ul className="calls">
        {calls.data?.results.map((call) => (
          <li key={call.id} className="call" data-testid="call">
            <div className="call-head">
              <strong>{call.direction_label}</strong>
              <span>{formatDateTime(call.started_at)}</span>
              <span dir="ltr">{call.direction.startsWith("outbound") ? call.to_number_display : call.from_number_display}</span>
              <Badge tone={statusTone("call", call.status)}>{call.status_label}</Badge>
              {call.duration != null && <span className="muted">{call.duration} שניות</span>}
            </div>
            {call.recording_url ? <Recording call={call} /> : <p className="muted">אין הקלטה</p>}
            <div className="transcript">
              <Badge tone={statusTone("transcript", call.transcript_status)}>{call.transcript_status_label}</Badge>
              {call.transcript && <p className="transcript-text">{call.transcript}</p>}
            </div>
          </li>
        ))}
      </ul>
    </QueryState>
  );
}

/** The recording needs the bearer token: fetched as a blob, played from an object URL. */
function Recording({ call }: { call: Call }) {
  const { url, error } = useObjectUrl(call.recording_url);
  if (error) return <p role="alert" className="error">ההקלטה לא נטענה: {error.message}</p>;
  if (!url) return <span className="skeleton audio" aria-label="טוען הקלטה" />;
  return <audio controls preload="metadata" src={url} aria-label={`הקלטת השיחה מ-${formatDateTime(call.started_at)}`} />;
}
