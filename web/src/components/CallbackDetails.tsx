/**
 * A call-back task's call, wherever tasks are listed (/tasks, the card's Tasks tab): when it
 * came, from which number, why nobody took it, the message (played on demand: recordings
 * cost a fetch each) and its transcript, and "התקשרות חזרה", the card's click-to-call.
 */
import "@/components/callback.css";
import { PhoneIncoming, PhoneOutgoing, Play } from "lucide-react";
import { useState } from "react";
import { PurgedNote, RecordingPlayer } from "@/components/RecordingPlayer";
import { Button } from "@/components/ui/Button";
import { useStartCall } from "@/components/useStartCall";
import { formatDateTime } from "@/lib/format";
import type { CallbackCall, Task } from "@/lib/types";

const HANDLING: Record<string, string> = {
  missed: "לא נענתה",
  no_agents: "לא היו נציגים זמינים",
  closed: "מחוץ לשעות הפעילות",
  voicemail: "הודעה מוקלטת",
  ringing: "מצלצלת",
  answered: "נענתה",
};

export const isCallback = (task: Task): task is Task & { call: CallbackCall } =>
  task.kind === "callback" && !!task.call;

export function CallbackDetails({ task, call }: { task: Task; call: CallbackCall }) {
  const { call: callBack, calling } = useStartCall();
  const [playing, setPlaying] = useState(false);
  const handling = call.handling_label || HANDLING[call.handling] || "";
  return (
    <div className="callback" data-testid="callback-call">
      <p className="callback-when">
        <PhoneIncoming size={15} aria-hidden="true" />
        <span>שיחה מ-{formatDateTime(call.started_at)}</span>
        <span>מהמספר <bdi dir="ltr" data-testid="callback-from">{call.from_number_display || call.from_number}</bdi></span>
        {handling && <span className="muted">({handling})</span>}
      </p>
      {call.purged_at ? <PurgedNote /> : call.recording_url ? (
        playing ? <RecordingPlayer url={call.recording_url} startedAt={call.started_at} autoPlay />
          : <Button icon={Play} variant="small" onClick={() => setPlaying(true)}>השמעת ההודעה</Button>
      ) : <p className="muted">המתקשר לא השאיר הודעה</p>}
      {!call.purged_at && call.transcript && <p className="callback-transcript" data-testid="callback-transcript">{call.transcript}</p>}
      {task.status === "open" && task.customer_id !== null && (
        <Button icon={PhoneOutgoing} variant="primary small" disabled={calling}
          onClick={() => void callBack(task.customer_id!)}>
          {calling ? "מחייג…" : "התקשרות חזרה"}
        </Button>
      )}
    </div>
  );
}
