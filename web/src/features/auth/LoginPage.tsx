import "@/features/auth/login.css";
import { CircleAlert, LogIn } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { BrandMark } from "@/app/BrandMark";
import { returnTo } from "@/app/returnTo";
import { api, ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";

function loginError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 422) return "האימייל או הסיסמה שגויים.";
    if (error.status === 429) return "יותר מדי ניסיונות התחברות. נסו שוב בעוד כמה דקות.";
  }
  if (error instanceof TypeError) return "אין חיבור לשרת. בדקו את החיבור ונסו שוב.";
  return hebrewError(error, "ההתחברות נכשלה");
}

/** The login form; after it, back to the page that sent the user here (AppLayout's `from`). */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email.trim(), password);
      navigate(returnTo((location.state as { from?: unknown } | null)?.from), { replace: true });
    } catch (caught) {
      setError(loginError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="login-brand" aria-hidden="true">
        <BrandMark size={40} />
        <span>AgentLocator</span>
      </div>
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">כניסה ל-AgentLocator</h1>
        <p className="lead">ניהול הלקוחות, השיחות וההודעות של העסק</p>
        <label className="login-field" htmlFor="email">
          אימייל
          <input id="email" name="email" type="email" autoComplete="username" dir="ltr" required autoFocus
            placeholder="name@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="login-field" htmlFor="password">
          סיסמה
          <input id="password" name="password" type="password" autoComplete="current-password" dir="ltr" required
            value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="error"><CircleAlert size={18} aria-hidden="true" />{error}</p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          <LogIn size={18} aria-hidden="true" />
          {busy ? "מתחבר…" : "כניסה"}
        </button>
      </form>
      <p className="login-foot">שכחתם את הסיסמה? מנהל העסק יכול לקבוע לכם סיסמה חדשה.</p>
    </main>
  );
}
