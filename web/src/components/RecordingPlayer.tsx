/** A call's recording: it needs the bearer token, so it is fetched as a blob and played from an
 * object URL (lib/useObjectUrl). The card's Calls tab and the call-back tasks play through it.
 * A user whose role may not listen (`/auth/me` can_listen false, or the server's 403
 * `forbidden_listen`) is told so instead, and nothing is fetched; a call whose recording the
 * retention policy deleted says that instead (PurgedNote). */
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useCan } from "@/lib/me";
import { useObjectUrl } from "@/lib/useObjectUrl";

export const NO_LISTEN = "אין לך הרשאה להאזין להקלטות";
export const CALL_PURGED = "ההקלטה והתמלול נמחקו לפי מדיניות שמירת המידע";
export const FILE_PURGED = "הקובץ נמחק לפי מדיניות שמירת המידע";

export function RecordingPlayer({ url, startedAt, autoPlay = false }: { url: string; startedAt: string; autoPlay?: boolean }) {
  const can = useCan();
  const { url: objectUrl, error } = useObjectUrl(can.listen ? url : null);
  const refused = !can.listen || (error instanceof ApiError && error.code === "forbidden_listen");
  if (refused) return <p className="muted no-listen" data-testid="no-listen">{NO_LISTEN}</p>;
  if (error) return <p role="alert" className="error">{hebrewError(error, "ההקלטה לא נטענה")}</p>;
  if (!objectUrl) return <span className="skeleton audio" aria-label="טוען הקלטה" />;
  return <audio controls preload="metadata" src={objectUrl} autoPlay={autoPlay} aria-label={`הקלטת השיחה מ-${formatDateTime(startedAt)}`} />;
}

/** What the retention policy (or an erasure) deleted: said plainly where the file was. */
export function PurgedNote({ text = CALL_PURGED }: { text?: string }) {
  return <p className="purged-note" data-testid="purged">{text}</p>;
}
