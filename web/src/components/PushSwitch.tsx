/** The switch for push notifications (task alerts while the tab is closed), on the settings
 * and the profile pages. The browser's refusals are said in Hebrew, with what to do. */
import { useEffect, useState } from "react";
import { PUSH_BLOCKED, PUSH_INSECURE, PUSH_UNSUPPORTED, pushErrorText } from "@/components/push-errors";
import { currentSubscription, pushSupported, subscribePush, unsubscribePush } from "@/lib/push";

const permission = (): NotificationPermission | null => ("Notification" in window ? Notification.permission : null);

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
      setError(pushErrorText(caught, permission()));
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
      {!supported && <p className="muted">{window.isSecureContext ? PUSH_UNSUPPORTED : PUSH_INSECURE}</p>}
      {supported && !error && permission() === "denied" && <p className="muted">{PUSH_BLOCKED}</p>}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
