/**
 * The phone greeting: the one callers hear now, and (for admins) a new one from Hebrew text,
 * previewed before it goes live, or an MP3 file uploaded instead.
 */
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { useBusiness } from "@/features/settings/api/get-business";
import { usePreviewGreeting } from "@/features/settings/api/preview-greeting";
import { usePublishGreeting } from "@/features/settings/api/publish-greeting";
import { useUploadGreeting } from "@/features/settings/api/upload-greeting";
import {
  counterText, ENGINE_NAMES, formatSeconds, greetingError, greetingLength, greetingProblem, isDefaultGreeting,
  MAX_GREETING_CHARS, playableUrl,
} from "@/features/settings/greeting";
import type { Business, GreetingInstalled, GreetingWhich } from "@/features/settings/types";
import { API_BASE } from "@/lib/config";

export function GreetingSection({ canEdit }: { canEdit: boolean }) {
  const business = useBusiness();
  // The player's cache-busting version: new on every visit (the clock) and after every change of ours.
  const [version, setVersion] = useState(() => Date.now());
  return (
    <section className="card settings-section" aria-labelledby="greeting-title">
      <h2 id="greeting-title">ברכה טלפונית</h2>
      <p className="muted">מה שמתקשרים שומעים כשהם מתקשרים לעסק, לפני שהם משאירים הודעה.</p>
      {business.isPending && (
        <div className="tab-skeleton" aria-busy="true" aria-label="טוען">
          <span className="skeleton audio" />
          <span className="skeleton line" />
        </div>
      )}
      {business.isError && <p role="alert" className="error">טעינת הברכה נכשלה; רעננו את הדף ונסו שוב</p>}
      {business.data && (
        <>
          <CurrentGreeting business={business.data} version={version} />
          {canEdit ? <GreetingForm business={business.data} onChanged={() => setVersion((v) => v + 1)} />
            : <p className="muted" data-testid="admin-only">רק מנהל העסק יכול לשנות את הברכה.</p>}
        </>
      )}
    </section>
  );
}

function CurrentGreeting({ business, version }: { business: Business; version: number }) {
  return (
    <div className="settings-block">
      <h3>הברכה הנוכחית</h3>
      <audio controls preload="metadata" src={playableUrl(API_BASE, business.greeting_url, version)}
        aria-label="הברכה הנוכחית" data-testid="current-greeting" />
      {isDefaultGreeting(business.greeting_url) ? (
        <p className="muted">לעסק אין עדיין ברכה משלו: מתקשרים שומעים את ברכת ברירת המחדל.</p>
      ) : business.greeting_text ? (
        <p className="greeting-quote">{business.greeting_text}</p>
      ) : (
        <p className="muted">הברכה הנוכחית הועלתה כקובץ MP3.</p>
      )}
    </div>
  );
}

/** The words and ids of each greeting's form: the greeting's own, and the closed greeting's
 * (Settings → שיחות חיות), which reuses the form. */
export const GREETING_FORMS = {
  greeting: {
    id: "greeting", textLabel: "ברכה מטקסט", preview: "השמעה", publish: "הפעלה כברכה", publishing: "מפעיל את הברכה…",
    published: "הברכה החדשה הופעלה.", uploaded: "הקובץ הותקן כברכה.", upload: "העלאת קובץ MP3",
    heard: "מעכשיו מתקשרים ישמעו אותה", fileHint: "הקובץ יחליף את הברכה הנוכחית מיד.",
    placeholder: "שלום, הגעתם לסוכנות הדגמה. השאירו הודעה אחרי הצליל ונחזור אליכם בהקדם.",
  },
  closed_greeting: {
    id: "closed-greeting", textLabel: "ברכת סגירה מטקסט", preview: "השמעת ברכת הסגירה", publish: "הפעלה כברכת סגירה",
    publishing: "מפעיל את ברכת הסגירה…", published: "ברכת הסגירה החדשה הופעלה.", uploaded: "הקובץ הותקן כברכת סגירה.",
    upload: "העלאת קובץ MP3 לברכת הסגירה", heard: "מחוץ לשעות הפעילות מתקשרים ישמעו אותה",
    fileHint: "הקובץ יחליף את ברכת הסגירה הנוכחית מיד.",
    placeholder: "שלום, הגעתם לסוכנות הדגמה. המשרד סגור כעת; השאירו הודעה ונחזור אליכם כשנפתח.",
  },
} as const;

export function GreetingForm({ business, onChanged, which = "greeting" }: {
  business: Business;
  onChanged: () => void;
  which?: GreetingWhich;
}) {
  const words = GREETING_FORMS[which];
  const testId = (name: string) => (which === "greeting" ? name : `closed-${name}`);
  const [text, setText] = useState((which === "greeting" ? business.greeting_text : business.closed_greeting_text) ?? "");
  // The last change's success, said next to the control that made it.
  const [done, setDone] = useState<{ by: "text" | "file"; message: string } | null>(null);
  const preview = usePreviewGreeting();
  const publish = usePublishGreeting(which);
  const upload = useUploadGreeting(which);
  const previewUrl = useBlobUrl(preview.data?.audio ?? null);
  const player = useRef<HTMLAudioElement>(null);

  // "השמעה" means play: start the new rendering as soon as it is there.
  useEffect(() => {
    if (previewUrl) player.current?.play().catch(() => undefined);
  }, [previewUrl]);

  const problem = greetingProblem(text);
  const over = greetingLength(text) > MAX_GREETING_CHARS;
  const changing = publish.isPending || upload.isPending;

  function edit(value: string) {
    setText(value);
    setDone(null);
    if (preview.data || preview.error) preview.reset(); // a preview of other words would mislead
  }

  function installed(by: "text" | "file", how: string) {
    return (answer: GreetingInstalled) => {
      onChanged();
      setDone({ by, message: `${how} ${words.heard} (${formatSeconds(answer.greeting_duration)} שניות).` });
    };
  }

  function makeGreeting() {
    setDone(null);
    upload.reset();
    publish.mutate(text, { onSuccess: installed("text", words.published) });
  }

  function uploadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ""; // the same file may be chosen again
    if (!file) return;
    setDone(null);
    publish.reset();
    upload.mutate(file, { onSuccess: installed("file", words.uploaded) });
  }

  return (
    <>
      <div className="settings-block">
        <h3><label htmlFor={`${words.id}-text`}>{words.textLabel}</label></h3>
        <textarea id={`${words.id}-text`} dir="rtl" rows={4} value={text} onChange={(e) => edit(e.target.value)}
          placeholder={words.placeholder} aria-describedby={`${words.id}-counter`} aria-invalid={over} />
        <span id={`${words.id}-counter`} className={over ? "counter over" : "counter"}>
          {counterText(text)}{over && ` · ${problem}`}
        </span>
        {business.tts_engine === "espeak-ng" && (
          <p className="notice" data-testid={testId("engine-notice")}>
            קול Google אינו מוגדר בשרת, לכן הברכה תוקרא בקול הבסיסי (espeak-ng): מובן, אך פחות טבעי.
            אפשר גם להעלות קובץ MP3 מוקלט.
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" disabled={problem !== null || preview.isPending}
            aria-busy={preview.isPending} onClick={() => preview.mutate(text)}>
            {preview.isPending ? "מכין השמעה…" : words.preview}
          </button>
          <button type="button" className="button primary" disabled={problem !== null || changing}
            aria-busy={publish.isPending} onClick={makeGreeting}>
            {publish.isPending ? words.publishing : words.publish}
          </button>
        </div>
        {previewUrl && (
          <div className="greeting-preview">
            <audio ref={player} controls src={previewUrl} aria-label="השמעת הנוסח" data-testid={testId("preview-audio")} />
            {preview.data?.engine && <span className="muted" data-testid={testId("preview-engine")}>הקול: {ENGINE_NAMES[preview.data.engine] ?? preview.data.engine}</span>}
          </div>
        )}
        {preview.isError && <p role="alert" className="error">{greetingError(preview.error, "preview")}</p>}
        {publish.isError && <p role="alert" className="error">{greetingError(publish.error, "publish")}</p>}
        {done?.by === "text" && <p role="status" className="success">{done.message}</p>}
      </div>

      <div className="settings-block">
        <h3>או: קובץ MP3 מוקלט</h3>
        <label className={`button file-button${changing ? " disabled" : ""}`} aria-busy={upload.isPending}>
          {upload.isPending ? "מעלה את הקובץ…" : words.upload}
          <input type="file" accept="audio/mpeg,.mp3" className="visually-hidden" disabled={changing}
            onChange={uploadFile} />
        </label>
        <p className="muted">{words.fileHint}</p>
        {upload.isError && <p role="alert" className="error">{greetingError(upload.error, "upload")}</p>}
        {done?.by === "file" && <p role="status" className="success">{done.message}</p>}
      </div>
    </>
  );
}

/** An object URL for a blob while it is shown; the previous one is revoked when it changes. */
function useBlobUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url;
}
