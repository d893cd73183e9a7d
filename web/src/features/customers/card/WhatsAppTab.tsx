import { type FormEvent, useState } from "react";
import { type WhatsAppBody, useBusinessTemplate, useMessages, useSendWhatsApp } from "@/features/customers/api/card";
import type { Customer } from "@/features/customers/types";
import { QueryState } from "@/components/QueryState";
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { ticks } from "@/lib/labels";
import { useObjectUrl } from "@/lib/useObjectUrl";

/** A chat with the customer: bubbles oldest (top) to newest (bottom), delivery ticks, a send box; outside
 * WhatsApp's 24-hour window the server refuses free text (409) and a template is offered. */
export function WhatsAppTab({ customer }: { customer: Customer }) {
  const messages = useMessages(customer.id);
  const send = useSendWhatsApp(customer.id);
  const [text, setText] = useState("");
  const [needTemplate, setNeedTemplate] = useState(false);
  // Newest first, as the server sends them: the log is laid out bottom-up (column-reverse),
  // so it opens at the newest message and stays there as messages and images arrive.
  const list = messages.data?.results ?? [];

  async function submit(body: WhatsAppBody) {
    try {
      await send.mutateAsync(body);
      setText("");
      setNeedTemplate(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === "outside_window") setNeedTemplate(true);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) void submit({ body: text.trim() });
  }

  return (
    <div className="chat">
      <QueryState query={messages} isEmpty={list.length === 0} empty="אין עדיין הודעות וואטסאפ עם הלקוח">
        <div className="bubbles" role="log" aria-label="שיחת וואטסאפ">
          {list.map((message) => {
            const mark = ticks(message.status);
            return (
              <div key={message.id} className={`bubble ${message.direction}`} data-testid="bubble">
                {message.media.map((item, i) => <Attachment key={i} {...item} />)}
                <p className="prewrap">{message.body || (message.content_sid ? "[תבנית]" : "")}</p>
                {message.error_message && <p className="bubble-error">{message.error_message}</p>}
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
      {send.isError && (
        <p role="alert" className="error">{hebrewError(send.error, "ההודעה לא נשלחה")}</p>
      )}
      {needTemplate ? (
        <TemplateForm customer={customer} busy={send.isPending} onSend={submit} onCancel={() => setNeedTemplate(false)} />
      ) : (
        <form className="chat-send" onSubmit={onSubmit}>
          <label className="visually-hidden" htmlFor="wa-body">הודעה</label>
          <textarea id="wa-body" rows={2} placeholder="כתבו הודעה…" value={text} onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey) onSubmit(e);
            }} />
          <button type="submit" className="button primary" disabled={send.isPending || !text.trim()}>שליחה</button>
        </form>
      )}
    </div>
  );
}

/** An attachment: images inline, anything else as a link; fetched with the token. */
function Attachment({ content_type, url: path }: { content_type: string; url: string | null }) {
  const { url } = useObjectUrl(path);
  if (!path) return <p className="muted">[קובץ מצורף בהורדה]</p>;
  if (!url) return <span className="skeleton" aria-label="טוען קובץ מצורף" />;
  if (content_type.startsWith("image/")) return <img className="bubble-image" src={url} alt="תמונה מצורפת" />;
  if (content_type.startsWith("audio/")) return <audio controls src={url} aria-label="הקלטה מצורפת" />;
  return <a href={url} download>קובץ מצורף ({content_type})</a>;
}

function TemplateForm({ customer, busy, onSend, onCancel }: {
  customer: Customer; busy: boolean; onSend: (body: WhatsAppBody) => Promise<void>; onCancel: () => void;
}) {
  const business = useBusinessTemplate(true);
  const [sid, setSid] = useState("");
  const [variable, setVariable] = useState(customer.name);
  const template = sid || business.data?.missed_call_template_sid || "";

  return (
    <form className="template-form" aria-label="שליחת תבנית"
      onSubmit={(e) => {
        e.preventDefault();
        void onSend({ content_sid: template.trim(), variables: { "1": variable } });
      }}>
      <p>מחוץ לחלון 24 השעות אפשר לשלוח רק תבנית מאושרת של וואטסאפ.</p>
      <label>מזהה תבנית (Content SID)
        <input dir="ltr" required pattern="HX[0-9a-fA-F]{32}" value={template} onChange={(e) => setSid(e.target.value)}
          placeholder="HX…" />
      </label>
      <label>משתנה 1 (שם הלקוח)<input value={variable} onChange={(e) => setVariable(e.target.value)} /></label>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !template}>שליחת תבנית</button>
        <button type="button" className="button" onClick={onCancel}>ביטול</button>
      </div>
    </form>
  );
}
