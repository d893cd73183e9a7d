import { FileText, MessageCircle, RotateCw, Send } from "lucide-react";
import { type FormEvent, useState } from "react";
import { type WhatsAppBody, useMessages, useSendWhatsApp } from "@/features/customers/api/card";
import { useTemplates } from "@/features/customers/api/templates";
import { TemplatePicker } from "@/features/customers/card/TemplatePicker";
import { fillTemplate } from "@/features/customers/card/template-fill";
import type { Customer, Message, Template } from "@/features/customers/types";
import { QueryState } from "@/components/QueryState";
import { FILE_PURGED, PurgedNote } from "@/components/RecordingPlayer";
import { Button } from "@/components/ui/Button";
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { ticks } from "@/lib/labels";
import { useObjectUrl } from "@/lib/useObjectUrl";

/** What a message says: its body, or for a template sent without one kept (another server
 * process had no list), the template's text from the list with the variables it went with. */
function textOf(message: Message, templates: Template[] | undefined): string {
  if (message.body || !message.content_sid) return message.body;
  const template = templates?.find((t) => t.sid === message.content_sid);
  return template ? fillTemplate(template.body, message.content_variables) : "הודעת תבנית";
}

/** What to send again for a message that failed: the same text or the same template. */
function again(message: Message): WhatsAppBody {
  return message.content_sid
    ? { content_sid: message.content_sid, variables: message.content_variables ?? {} }
    : { body: message.body };
}

/** A chat with the customer: bubbles oldest (top) to newest (bottom), delivery ticks, a send box
 * and templates by name; outside WhatsApp's 24-hour window the server refuses free text (409)
 * and the template picker opens with the reason. */
export function WhatsAppTab({ customer }: { customer: Customer }) {
  const messages = useMessages(customer.id);
  const send = useSendWhatsApp(customer.id);
  const [text, setText] = useState("");
  const [picker, setPicker] = useState(false);
  const [outsideWindow, setOutsideWindow] = useState(false);
  // Newest first, as the server sends them: the log is laid out bottom-up (column-reverse),
  // so it opens at the newest message and stays there as messages and images arrive.
  const list = messages.data?.results ?? [];
  const templates = useTemplates(picker || list.some((m) => m.content_sid && !m.body));

  async function submit(body: WhatsAppBody) {
    try {
      await send.mutateAsync(body);
      if ("body" in body) setText("");
      else setPicker(false);
      setOutsideWindow(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === "outside_window") {
        setOutsideWindow(true);
        setPicker(true);
      }
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) void submit({ body: text.trim() });
  }

  const refused = send.error instanceof ApiError && send.error.code === "outside_window";
  return (
    <div className="chat">
      <QueryState query={messages} isEmpty={list.length === 0} empty="אין עדיין הודעות וואטסאפ עם הלקוח"
        emptyIcon={MessageCircle}
        emptyText="הודעה ראשונה ללקוח שלא כתב לעסק נשלחת כתבנית מאושרת של וואטסאפ.">
        <div className="bubbles" role="log" aria-label="שיחת וואטסאפ">
          {list.map((message) => {
            const mark = ticks(message.status);
            const failed = message.direction === "outbound" && mark.failed;
            return (
              <div key={message.id} className={`bubble ${message.direction}`} data-testid="bubble">
                {message.media.map((item, i) => (
                  <Attachment key={i} {...item} purged={Boolean(message.purged_at) || item.status === "purged"} />
                ))}
                {message.content_sid && <span className="bubble-kind"><FileText size={12} aria-hidden="true" /> תבנית</span>}
                <p className="prewrap">{textOf(message, templates.data?.results)}</p>
                {message.retrying && message.error_message && (
                  <p className="bubble-note" role="status" data-testid="bubble-retrying">{message.error_message}</p>
                )}
                {failed && message.error_message && <p className="bubble-error">{message.error_message}</p>}
                {failed && (
                  <Button icon={RotateCw} variant="small" disabled={send.isPending}
                    onClick={() => void submit(again(message))}>שליחה חוזרת</Button>
                )}
                <span className="bubble-meta">
                  {formatDateTime(message.created_at)}
                  {message.direction === "outbound" && (
                    <span className={`ticks ${mark.read ? "read" : ""} ${mark.failed ? "failed" : ""}`}
                      title={message.status_label} aria-label={message.status_label}
                      data-status={message.status}>
                      {" "}{mark.marks}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </QueryState>
      {send.isError && !refused && (
        <p role="alert" className="error">{hebrewError(send.error, "ההודעה לא נשלחה")}</p>
      )}
      {picker ? (
        <TemplatePicker customer={customer} busy={send.isPending} outsideWindow={outsideWindow} onSend={submit}
          onClose={() => { setPicker(false); setOutsideWindow(false); }} />
      ) : (
        <form className="chat-send" onSubmit={onSubmit}>
          <label className="visually-hidden" htmlFor="wa-body">הודעה</label>
          <textarea id="wa-body" rows={2} placeholder="כתבו הודעה…" value={text} onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) onSubmit(e);
            }} />
          <div className="chat-send-actions">
            <Button type="submit" icon={Send} variant="primary" disabled={send.isPending || !text.trim()}>שליחה</Button>
            <Button icon={FileText} onClick={() => setPicker(true)}>תבנית</Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** An attachment: images inline, anything else as a link; fetched with the token. One the
 * retention policy deleted (`status` "purged") says so instead. */
function Attachment({ content_type, url: path, purged }: { content_type: string; url: string | null; purged: boolean }) {
  const { url } = useObjectUrl(purged ? null : path);
  if (purged) return <PurgedNote text={FILE_PURGED} />;
  if (!path) return <p className="muted">[קובץ מצורף בהורדה]</p>;
  if (!url) return <span className="skeleton" aria-label="טוען קובץ מצורף" />;
  if (content_type.startsWith("image/")) return <img className="bubble-image" src={url} alt="תמונה מצורפת" />;
  if (content_type.startsWith("audio/")) return <audio controls src={url} aria-label="הקלטה מצורפת" />;
  return <a href={url} download>קובץ מצורף ({content_type})</a>;
}
