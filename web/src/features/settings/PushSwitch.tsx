/** The settings switch for push notifications (task alerts while the tab is closed). */
import { useEffect, useState } from "react";
import { hebrewError } from "@/lib/errors";
import { currentSubscription, pushSupported, subscribePush, unsubscribePush } from "@/lib/push";

export function PushSwitch() {
  const [on, setOn] = useState(false);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const supported = pushSupported();

  useEffect(() => {
    if (!supported) return setBusy(false);
    currentSubscription().then((s) => setOn(s !== null)).catch(() => undefined).finally(() => setBusy(false));
  }, [supported]);

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      if (on) {
        await unsubscribePush();
        setOn(false);
      } else {
        await subscribePush();
        setOn(true);
      }
    } catch (caught) {
      setError(hebrewError(caught, "הגדרת ההתראות נכשלה"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="switch-row">
      <label className="switch">
        <input type="checkbox" role="switch" checked={on} disabled={!supported || busy} onChange={toggle} />
        <span>התראות דחיפה כשהלשונית סגורה</span>
      </label>
      {!supported && <p className="muted">הדפדפן הזה אינו תומך בהתראות דחיפה.</p>}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
