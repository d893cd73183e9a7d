/** The screen pop in every signed-in page: the live-call events as toasts (never a modal, never
 * taking the focus), with "פתיחת הכרטיס" to the caller's card. */
import { AlarmClockOff, PhoneCall, PhoneIncoming } from "lucide-react";
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import type { Socket } from "socket.io-client";
import { useToastControls } from "@/components/ui/Toast";
import { SCREEN_POP_EVENTS, ScreenPop } from "@/features/live-calls/screen-pop";

const ICONS = { "call:ringing": PhoneIncoming, "call:answered": PhoneCall, "callback:overdue": AlarmClockOff } as const;

export function CallNotices({ socket, myId }: { socket: Socket; myId: number | null }) {
  const { show, dismiss } = useToastControls();
  const navigate = useNavigate();
  const pop = useRef<ScreenPop | null>(null);
  if (pop.current === null) pop.current = new ScreenPop(myId);

  useEffect(() => {
    const handlers = SCREEN_POP_EVENTS.map((event) => {
      const handler = (data: unknown) => {
        const action = pop.current!.handle(event, data ?? {});
        if (action.kind === "close") dismiss(action.key);
        if (action.kind !== "show") return;
        const path = action.cardPath;
        const callId = action.callId;
        show({
          onClose: callId === undefined ? undefined : () => pop.current!.putAway(callId),
          icon: ICONS[event as keyof typeof ICONS],
          key: action.key, title: action.title, text: action.text, tone: action.tone, duration: action.duration,
          action: path ? { label: "פתיחת הכרטיס", onClick: () => navigate(path) } : undefined,
        });
      };
      socket.on(event, handler);
      return [event, handler] as const;
    });
    return () => handlers.forEach(([event, handler]) => socket.off(event, handler));
  }, [socket, show, dismiss, navigate]);

  return null;
}
