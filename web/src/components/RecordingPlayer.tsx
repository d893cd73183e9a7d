/** A call's recording: it needs the bearer token, so it is fetched as a blob and played from an
 * object URL (lib/useObjectUrl). The card's Calls tab and the call-back tasks play through it. */
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useObjectUrl } from "@/lib/useObjectUrl";

export function RecordingPlayer({ url, startedAt, autoPlay = false }: { url: string; startedAt: string; autoPlay?: boolean }) {
  const { url: objectUrl, error } = useObjectUrl(url);
  if (error) return <p role="alert" className="error">{hebrewError(error, "ההקלטה לא נטענה")}</p>;
  if (!objectUrl) return <span className="skeleton audio" aria-label="טוען הקלטה" />;
  return <audio controls preload="metadata" src={objectUrl} autoPlay={autoPlay} aria-label={`הקלטת השיחה מ-${formatDateTime(startedAt)}`} />;
}
