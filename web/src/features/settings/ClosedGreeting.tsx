/**
 * What callers hear outside the opening hours (Settings → שיחות חיות): the current closed
 * greeting, and behind "שינוי ברכת הסגירה" the greeting's own form (text or MP3) pointed at
 * `/api/business/closed_greeting`.
 */
import { useState } from "react";
import { GreetingForm } from "@/features/settings/GreetingSection";
import { playableUrl } from "@/features/settings/greeting";
import type { Business } from "@/features/settings/types";
import { API_BASE } from "@/lib/config";

export function ClosedGreeting({ business }: { business: Business }) {
  const [version, setVersion] = useState(() => Date.now());
  const [editing, setEditing] = useState(false);
  const url = business.closed_greeting_url;
  return (
    <div className="settings-block closed-greeting" data-testid="closed-greeting">
      <h3>ברכה מחוץ לשעות הפעילות</h3>
      {url ? (
        <audio controls preload="metadata" src={playableUrl(API_BASE, url, version)} aria-label="ברכת הסגירה הנוכחית"
          data-testid="current-closed-greeting" />
      ) : <p className="muted">לעסק אין ברכת סגירה משלו.</p>}
      {business.closed_greeting_text ? <p className="greeting-quote">{business.closed_greeting_text}</p>
        : url && <p className="muted">מתקשרים מחוץ לשעות הפעילות שומעים את ההקלטה הזו ומשאירים הודעה.</p>}
      {editing ? (
        <div className="closed-greeting-form">
          <GreetingForm business={business} which="closed_greeting" onChanged={() => setVersion((v) => v + 1)} />
          <button type="button" className="button ghost" onClick={() => setEditing(false)}>סגירת העריכה</button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          שינוי ברכת הסגירה
        </button>
      )}
    </div>
  );
}
