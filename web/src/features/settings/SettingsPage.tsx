/**
 * /settings: the business's phone greeting, live calls (admins: call mode, opening hours,
 * holidays, call-back time), privacy (retention, the recording notice, what agents may do), the
 * Tax Authority's credentials, and this user's push notifications. Agents see it
 * too: they hear the greeting callers hear (read-only) and switch their own alerts; only admins
 * get the greeting's controls (the server refuses an agent's change anyway).
 */
import "@/features/settings/live-calls.css";
import { GreetingSection } from "@/features/settings/GreetingSection";
import { LiveCallsSection } from "@/features/settings/LiveCallsSection";
import { PrivacySection } from "@/features/settings/PrivacySection";
import { TaxAuthoritySection } from "@/features/settings/TaxAuthoritySection";
import { PushSwitch } from "@/components/PushSwitch";
import { api } from "@/lib/api";

export function SettingsPage() {
  return (
    <div className="settings">
      <h1>הגדרות</h1>
      <GreetingSection canEdit={api.user?.role === "admin"} />
      {api.user?.role === "admin" && <LiveCallsSection />}
      {api.user?.role === "admin" && <PrivacySection />}
      {api.user?.role === "admin" && <TaxAuthoritySection />}
      <section className="card settings-section" aria-labelledby="alerts-title">
        <h2 id="alerts-title">התראות</h2>
        <PushSwitch />
      </section>
    </div>
  );
}
