/**
 * /profile: the signed-in user's own details. The phone is the one click-to-call rings first
 * (the card's "Call" sends agents here when it is missing); the e-mail is the login, which
 * only an admin changes. Push notifications are switched here too.
 */
import { BellRing, Phone, UserRound } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { useUpdateMe } from "@/features/profile/api/me";
import { PushSwitch } from "@/components/PushSwitch";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toast";
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";
import { type Me, useMe } from "@/lib/me";
import "@/features/profile/profile.css";

const REFUSALS: Record<string, string> = {
  invalid_phone: "זה אינו מספר טלפון. כותבים מספר ישראלי, למשל 054-123-4567",
  invalid_name: "השם לא יכול להיות ריק",
};

function saveError(error: unknown): string {
  if (error instanceof ApiError && REFUSALS[error.code]) return REFUSALS[error.code]!;
  return hebrewError(error, "השמירה נכשלה");
}

export function ProfilePage() {
  const me = useMe();
  return (
    <div className="profile">
      <h1>הפרופיל שלי</h1>
      {me.isPending && <div className="card"><span className="skeleton wide" /><span className="skeleton" /></div>}
      {me.isError && <p role="alert" className="error">{hebrewError(me.error, "טעינת הפרופיל נכשלה")}</p>}
      {me.data && <ProfileForm me={me.data} />}
      <section className="card profile-section" aria-labelledby="profile-alerts">
        <h2 id="profile-alerts"><BellRing size={18} aria-hidden="true" /> התראות</h2>
        <p className="muted">משימה שמגיע מועדה מקפיצה התראה גם כשהלשונית של המערכת סגורה.</p>
        <PushSwitch />
      </section>
    </div>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const update = useUpdateMe();
  const toast = useToast();
  const [name, setName] = useState(me.name);
  const [phone, setPhone] = useState(me.phone_display);
  useEffect(() => {
    setName(me.name);
    setPhone(me.phone_display);
  }, [me.name, me.phone_display]);
  const changed = name.trim() !== me.name || phone.trim() !== me.phone_display;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      // Only what changed: a user created without a name (the first admin) can still set a phone.
      await update.mutateAsync({
        ...(name.trim() !== me.name ? { name: name.trim() } : {}),
        ...(phone.trim() !== me.phone_display ? { phone: phone.trim() } : {}),
      });
      toast({ text: "הפרטים נשמרו", tone: "success" });
    } catch {
      // shown below, from update.error
    }
  }

  return (
    <section className="card profile-section" aria-labelledby="profile-details">
      <h2 id="profile-details"><UserRound size={18} aria-hidden="true" /> הפרטים שלי</h2>
      <form className="profile-form" onSubmit={submit} aria-label="הפרטים שלי">
        <label>שם<input maxLength={200} value={name} onChange={(e) => setName(e.target.value)} /></label>
        <div className="profile-field">
          <span className="profile-label">אימייל</span>
          <bdi dir="ltr" className="profile-value">{me.email}</bdi>
          <span className="muted profile-hint">האימייל הוא שם המשתמש להתחברות; מנהל המערכת יכול לשנות אותו.</span>
        </div>
        <label>
          <span><Phone size={14} aria-hidden="true" /> הטלפון שלי</span>
          <input dir="ltr" type="tel" inputMode="tel" autoComplete="tel" maxLength={32} value={phone}
            placeholder="054-123-4567" onChange={(e) => setPhone(e.target.value)} aria-describedby="phone-hint" />
          <span id="phone-hint" className="muted profile-hint">
            בלחיצה על &quot;התקשרות&quot; בכרטיס לקוח, המערכת מצלצלת קודם למספר הזה ואז מחברת ללקוח.
          </span>
        </label>
        {update.isError && <p role="alert" className="error">{saveError(update.error)}</p>}
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={!changed || update.isPending}>
            {update.isPending ? "שומר…" : "שמירה"}
          </Button>
        </div>
      </form>
    </section>
  );
}
