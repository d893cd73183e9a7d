/**
 * פרטיות ושמירת מידע (admins): how long recordings, transcripts and WhatsApp media are kept
 * (the daily retention sweep deletes older ones), what agents may do with personal data
 * (listen to recordings, export CSV), and the recording notice callers hear before they leave a
 * message: on or off (off asks first: callers are then no longer told) and its wording (the
 * business's own, rendered to MP3, or the default), with a player for what callers hear now.
 */
import "@/features/settings/privacy.css";
import { type FormEvent, useState } from "react";
import { useBusiness } from "@/features/settings/api/get-business";
import { useResetNoticeText, useSaveNoticeText } from "@/features/settings/api/recording-notice";
import { useUpdateBusiness } from "@/features/settings/api/update-business";
import { playableUrl } from "@/features/settings/greeting";
import { typedNumber, useSettingsForm } from "@/features/settings/useSettingsForm";
import type { Business } from "@/features/settings/types";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { useToast } from "@/components/ui/Toast";
import { API_BASE } from "@/lib/config";
import { hebrewError } from "@/lib/errors";

export function PrivacySection() {
  const business = useBusiness();
  return (
    <section className="card settings-section" aria-labelledby="privacy-title" data-testid="privacy-settings">
      <h2 id="privacy-title">פרטיות ושמירת מידע</h2>
      <p className="muted">כמה זמן נשמרים הקלטות, תמלולים וקבצים, מה מותר לנציגים, ומה שומעים המתקשרים על ההקלטה.</p>
      {business.isPending && <div className="tab-skeleton" aria-busy="true" aria-label="טוען"><span className="skeleton line" /></div>}
      {business.isError && <p role="alert" className="error">{hebrewError(business.error, "טעינת ההגדרות נכשלה")}</p>}
      {business.data && (
        <>
          <RetentionForm key={business.data.id} business={business.data} />
          <RecordingNotice business={business.data} />
        </>
      )}
    </section>
  );
}

function RetentionForm({ business }: { business: Business }) {
  const { update, saved, edited, submit } = useSettingsForm();
  const [months, setMonths] = useState(String(business.retention_months ?? 24));
  const [listen, setListen] = useState(business.agents_can_listen ?? true);
  const [exporting, setExporting] = useState(business.agents_can_export ?? false);
  const save = submit(() => ({
    retention_months: typedNumber(months), agents_can_listen: listen, agents_can_export: exporting,
  }));

  return (
    <form className="live-calls-form privacy-form" onSubmit={save} noValidate aria-label="שמירת מידע והרשאות">
      <div className="settings-block"><fieldset>
        <legend>שמירת מידע</legend>
        <div className="number-fields">
          <label>לשמור הקלטות, תמלולים וקבצים (חודשים)
            <input type="number" inputMode="numeric" min={1} max={120} value={months} dir="ltr"
              onChange={(e) => edited(setMonths)(e.target.value)} />
            <span className="muted">בין 1 ל-120. מה שישן יותר נמחק פעם ביום; פרטי השיחות, החשבוניות והחוזים נשמרים.</span>
          </label>
        </div>
      </fieldset></div>

      <div className="settings-block"><fieldset>
        <legend>הרשאות נציגים</legend>
        <p className="muted">מנהלים רשאים תמיד. כל האזנה וכל ייצוא נרשמים ביומן הפעולות.</p>
        <label className="switch">
          <input type="checkbox" role="switch" checked={listen} onChange={(e) => edited(setListen)(e.target.checked)} />
          <span>נציגים רשאים להאזין להקלטות שיחה</span>
        </label>
        <label className="switch">
          <input type="checkbox" role="switch" checked={exporting} onChange={(e) => edited(setExporting)(e.target.checked)} />
          <span>נציגים רשאים לייצא נתונים ל-CSV</span>
        </label>
      </fieldset></div>

      <div className="form-actions settings-save">
        <button type="submit" className="button primary" disabled={update.isPending} aria-busy={update.isPending}>
          {update.isPending ? "שומר…" : "שמירת הגדרות הפרטיות"}
        </button>
        {saved && <p role="status" className="success">ההגדרות נשמרו.</p>}
      </div>
      {update.isError && <p role="alert" className="error" data-testid="privacy-error">
        {hebrewError(update.error, "השמירה נכשלה")}</p>}
    </form>
  );
}

function RecordingNotice({ business }: { business: Business }) {
  const update = useUpdateBusiness();
  const saveText = useSaveNoticeText();
  const resetText = useResetNoticeText();
  const toast = useToast();
  const [confirmOff, setConfirmOff] = useState(false);
  // The player's cache-busting version: new on every visit and after every change of the wording.
  const [version, setVersion] = useState(() => Date.now());
  const on = business.recording_notice ?? true;
  const busy = update.isPending || saveText.isPending || resetText.isPending;

  function switchTo(next: boolean) {
    update.mutate({ recording_notice: next }, {
      onSuccess: () => toast({ text: next ? "הודעת ההקלטה הופעלה" : "הודעת ההקלטה כובתה", tone: "success" }),
      onError: (error) => toast({ text: hebrewError(error, "השינוי לא נשמר"), tone: "error" }),
    });
  }

  function backToDefault() {
    resetText.mutate(undefined, {
      onSuccess: () => {
        setVersion((v) => v + 1);
        toast({ text: "הודעת ההקלטה חזרה לנוסח ברירת המחדל", tone: "success" });
      },
      onError: (error) => toast({ text: hebrewError(error, "החזרת הנוסח נכשלה"), tone: "error" }),
    });
  }

  return (
    <div className="settings-block recording-notice" data-testid="recording-notice">
      <h3>הודעה על הקלטת השיחה</h3>
      <p className="muted">לפני שמתקשר משאיר הודעה הוא שומע שהשיחה מוקלטת ולמה.</p>
      <label className="switch">
        <input type="checkbox" role="switch" checked={on} disabled={busy}
          onChange={(e) => (e.target.checked ? switchTo(true) : setConfirmOff(true))} />
        <span>להשמיע למתקשרים הודעה שהשיחה מוקלטת</span>
      </label>
      {!on && <p className="notice-off" role="status">ההודעה כבויה: מתקשרים אינם שומעים שהשיחה מוקלטת.</p>}

      <p className="muted">מה שמתקשרים שומעים עכשיו{business.recording_notice_default ? " (נוסח ברירת המחדל)" : ""}:</p>
      {business.recording_notice_url && (
        <audio controls preload="metadata" src={playableUrl(API_BASE, business.recording_notice_url, version)}
          aria-label="הודעת ההקלטה הנוכחית" data-testid="current-notice" />
      )}
      <p className="notice-quote" data-testid="notice-text">{business.recording_notice_text}</p>

      {/* Keyed by the wording in force: going back to the default refills the box with it. */}
      <NoticeWording key={business.recording_notice_text ?? ""} current={business.recording_notice_text ?? ""}
        isDefault={business.recording_notice_default ?? true} busy={busy} saveText={saveText}
        onReset={backToDefault} onSaved={() => setVersion((v) => v + 1)} />

      {confirmOff && (
        <Dialog title="לכבות את הודעת ההקלטה?" onClose={() => setConfirmOff(false)} footer={
          <>
            <Button variant="danger" onClick={() => { setConfirmOff(false); switchTo(false); }}>כיבוי ההודעה</Button>
            <Button onClick={() => setConfirmOff(false)}>ביטול</Button>
          </>
        }>
          <p>מעכשיו מתקשרים לא ישמעו שהשיחה מוקלטת ונשמרת. החוק מחייב ליידע אותם על ההקלטה, לכן כבו רק אם אתם
            מיידעים אותם בדרך אחרת (למשל בברכה עצמה).</p>
        </Dialog>
      )}
    </div>
  );
}

function NoticeWording({ current, isDefault, busy, saveText, onReset, onSaved }: {
  current: string;
  isDefault: boolean;
  busy: boolean;
  saveText: ReturnType<typeof useSaveNoticeText>;
  onReset: () => void;
  onSaved: () => void;
}) {
  const toast = useToast();
  const [text, setText] = useState(current);
  const changed = text.trim() !== current.trim();

  function publish(event: FormEvent) {
    event.preventDefault();
    saveText.mutate(text, {
      onSuccess: () => {
        onSaved();
        toast({ text: "הנוסח החדש של הודעת ההקלטה הופעל", tone: "success" });
      },
    });
  }

  return (
    <form className="notice-form" onSubmit={publish} aria-label="נוסח הודעת ההקלטה">
      <label htmlFor="notice-text-input">נוסח משלכם</label>
      <textarea id="notice-text-input" rows={3} value={text} maxLength={500}
        onChange={(e) => { setText(e.target.value); if (saveText.isError) saveText.reset(); }} />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy || !text.trim() || !changed}>
          {saveText.isPending ? "מקליט את הנוסח…" : "הפעלת הנוסח"}
        </Button>
        {!isDefault && <Button disabled={busy} onClick={onReset}>חזרה לנוסח ברירת המחדל</Button>}
      </div>
      {saveText.isError && <p role="alert" className="error">{hebrewError(saveText.error, "הנוסח לא הופעל")}</p>}
    </form>
  );
}
