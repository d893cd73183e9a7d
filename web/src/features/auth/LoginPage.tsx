import { type FormEvent, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { api, ApiError } from "@/lib/api";

function loginError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 422) return "האימייל או הסיסמה שגויים.";
    if (error.status === 429) return "יותר מדי ניסיונות התחברות. נסו שוב בעוד כמה דקות.";
    return `ההתחברות נכשלה: ${error.message}`;
  }
  return "אין חיבור לשרת. בדקו את החיבור ונסו שוב.";
}

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
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== "/login" ? from : "/crm/customers", { replace: true });
    } catch (caught) {
      setError(loginError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} noValidate={false}>
        <h1>כניסה ל-AgentLocator</h1>
        <label htmlFor="email">אימייל</label>
        <input id="email" name="email" type="email" autoComplete="username" dir="ltr" required
          value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">סיסמה</label>
        <input id="password" name="password" type="password" autoComplete="current-password" dir="ltr" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? "מתחבר…" : "כניסה"}
        </button>
      </form>
    </main>
  );
}
