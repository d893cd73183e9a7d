/**
 * שיחות חיות (admins): how an inbound call is handled (the recorded greeting, or ringing the
 * available agents for `ring_seconds` first), how soon a missed call is to be called back, the
 * opening hours as a week grid, and closing on Israel's holidays, with the next ones listed.
 * One save PATCHes them together; the server's refusals (overlapping ranges, a bad number) are
 * said in Hebrew under the button.
 */
import { useState } from "react";
import { useBusiness } from "@/features/settings/api/get-business";
import { ClosedGreeting } from "@/features/settings/ClosedGreeting";
import { HoursEditor } from "@/features/settings/HoursEditor";
import { type DayRow, gridFromHours, hoursFromGrid } from "@/features/settings/hours";
import { typedNumber, useSettingsForm } from "@/features/settings/useSettingsForm";
import type { Business, CallMode } from "@/features/settings/types";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

const MODES: { value: CallMode; label: string; hint: string }[] = [
  { value: "voicemail", label: "הודעה מוקלטת", hint: "כל שיחה שומעת את הברכה ומשאירה הודעה." },
  { value: "ring_agents", label: "צלצול לנציגים",
    hint: "בשעות הפעילות השיחה מצלצלת אצל כל הנציגים הזמינים יחד; מי שעונה ראשון מקבל אותה. אם איש לא ענה, המתקשר משאיר הודעה." },
];

const holidayDate = new Intl.DateTimeFormat("he-IL", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" });
function holidayWhen(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return holidayDate.format(new Date(Date.UTC(y, m - 1, d)));
}

export function LiveCallsSection() {
  const business = useBusiness();
  return (
    <section className="card settings-section" aria-labelledby="live-calls-title" data-testid="live-calls-settings">
      <h2 id="live-calls-title">שיחות חיות</h2>
      <p className="muted">איך עונים לשיחה נכנסת, מתי העסק פתוח, ותוך כמה זמן חוזרים למי שלא נענה.</p>
      {business.isPending && <div className="tab-skeleton" aria-busy="true" aria-label="טוען"><span className="skeleton line" /></div>}
      {business.isError && <p role="alert" className="error">{hebrewError(business.error, "טעינת ההגדרות נכשלה")}</p>}
      {business.data && <LiveCallsForm key={business.data.id} business={business.data} />}
      {business.data && <ClosedGreeting business={business.data} />}
    </section>
  );
}

function LiveCallsForm({ business }: { business: Business }) {
  const { update, saved, edited, submit } = useSettingsForm();
  const [mode, setMode] = useState<CallMode>(business.call_mode ?? "voicemail");
  const [ringSeconds, setRingSeconds] = useState(String(business.ring_seconds ?? 20));
  const [callbackMinutes, setCallbackMinutes] = useState(String(business.callback_minutes ?? 30));
  const [holidays, setHolidays] = useState(business.closed_on_holidays ?? true);
  const [rows, setRows] = useState<DayRow[]>(() => gridFromHours(business.hours));
  const save = submit(() => ({
    call_mode: mode, ring_seconds: typedNumber(ringSeconds), callback_minutes: typedNumber(callbackMinutes),
    closed_on_holidays: holidays, hours: hoursFromGrid(rows),
  }));

  const upcoming = business.upcoming_holidays ?? [];
  return (
    <form className="live-calls-form" onSubmit={save} noValidate aria-label="הגדרות שיחות חיות">
      <p className="open-now" data-testid="open-now">
        {business.open_now ? <><span className="dot open" aria-hidden="true" />העסק פתוח עכשיו</>
          : <><span className="dot closed" aria-hidden="true" />העסק סגור עכשיו
            {business.next_opening && <>; ייפתח ב-{formatDateTime(business.next_opening)}</>}</>}
      </p>

      <div className="settings-block"><fieldset>
        <legend>מענה לשיחה נכנסת</legend>
        {MODES.map((option) => (
          <label key={option.value} className="radio-row">
            <input type="radio" name="call_mode" value={option.value} checked={mode === option.value}
              onChange={() => edited(setMode)(option.value)} />
            <span><strong>{option.label}</strong><span className="muted">{option.hint}</span></span>
          </label>
        ))}
        <div className="number-fields">
          <label>כמה שניות לצלצל לנציגים
            <input type="number" inputMode="numeric" min={5} max={120} value={ringSeconds} dir="ltr"
              disabled={mode !== "ring_agents"} onChange={(e) => edited(setRingSeconds)(e.target.value)} />
            <span className="muted">בין 5 ל-120</span>
          </label>
          <label>לחזור למי שלא נענה תוך (דקות)
            <input type="number" inputMode="numeric" min={1} max={1440} value={callbackMinutes} dir="ltr"
              onChange={(e) => edited(setCallbackMinutes)(e.target.value)} />
            <span className="muted">משימת התקשרות חזרה נפתחת לאחראי התורן</span>
          </label>
        </div>
      </fieldset></div>

      <div className="settings-block"><fieldset>
        <legend>שעות פעילות</legend>
        <p className="muted">מחוץ לשעות האלה המתקשרים שומעים את ברכת "סגור" ומשאירים הודעה, ונפתחת משימת התקשרות חזרה לפתיחה הבאה.</p>
        <HoursEditor rows={rows} onChange={edited(setRows)} disabled={update.isPending} />
      </fieldset></div>

      <div className="settings-block"><fieldset>
        <legend>חגים</legend>
        <label className="switch">
          <input type="checkbox" role="switch" checked={holidays} onChange={(e) => edited(setHolidays)(e.target.checked)} />
          <span>סגור בחגי ישראל</span>
        </label>
        {upcoming.length > 0 ? (
          <ul className="holidays" aria-label="החגים הקרובים" data-testid="holidays">
            {upcoming.map((holiday) => (
              <li key={holiday.date}><strong>{holiday.name}</strong> <span className="muted">{holidayWhen(holiday.date)}</span></li>
            ))}
          </ul>
        ) : <p className="muted">אין חגים בשלושת החודשים הקרובים.</p>}
      </fieldset></div>

      <div className="form-actions settings-save">
        <button type="submit" className="button primary" disabled={update.isPending} aria-busy={update.isPending}>
          {update.isPending ? "שומר…" : "שמירת הגדרות השיחות"}
        </button>
        {saved && <p role="status" className="success">ההגדרות נשמרו.</p>}
      </div>
      {update.isError && <p role="alert" className="error" data-testid="live-calls-error">
        {hebrewError(update.error, "השמירה נכשלה")}</p>}
    </form>
  );
}
