/**
 * The agent's availability in the top bar: זמין / לא זמין, a real switch (Space or Enter turns
 * it). While this browser's socket is down the server counts the agent away whatever they
 * chose, and the switch says so ("לא מחובר"): no call will ring their phone meanwhile.
 */
import "@/features/presence/presence.css";
import type { Socket } from "socket.io-client";
import { useToast } from "@/components/ui/Toast";
import { useMyPresence, useSetMyPresence } from "@/features/presence/api/my-presence";
import { presenceView } from "@/features/presence/view";
import { hebrewError } from "@/lib/errors";
import { useSocketOnline } from "@/lib/useSocketOnline";

export function PresenceSwitch({ socket }: { socket: Socket | null }) {
  const presence = useMyPresence();
  const change = useSetMyPresence();
  const toast = useToast();
  const online = useSocketOnline(socket);
  const chosen = change.isPending ? change.variables : presence.data?.status;
  const view = presenceView(chosen ?? null, online);

  function toggle() {
    if (!chosen || change.isPending) return;
    change.mutate(chosen === "available" ? "away" : "available", {
      onError: (error) => toast({ tone: "error", text: hebrewError(error, "שינוי הזמינות נכשל") }),
    });
  }

  return (
    <button type="button" role="switch" aria-checked={chosen === "available"} className={`presence ${view.tone}`}
      disabled={!chosen} onClick={toggle} title={view.hint}
      data-testid="presence-switch" data-effective={view.effective}>
      <span className="presence-dot" aria-hidden="true" />
      <span className="presence-label">{view.label}</span>
      {view.short && <span className="presence-hint">{view.short}</span>}
    </button>
  );
}
