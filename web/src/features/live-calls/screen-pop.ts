/**
 * The screen pop, as a pure function of the live-call events: what the notice of a call says
 * and when it changes or closes. One notice per call id (its toast key): `call:ringing` opens
 * it, `call:answered` says who answered and lets it go, `call:missed` closes it. `call:new`
 * makes none (it comes just before `call:ringing` for the same call). A call that was answered
 * or missed stays closed if its `call:ringing` comes late (a reconnect's replay).
 */

export interface Ringing {
  call_id: number;
  customer_id: number | null;
  from: string;
  from_national?: string | null;
  customer: { id: number; name: string } | null;
  agent_ids?: number[];
}

export interface Answered {
  call_id: number;
  customer_id: number | null;
  answered_by_user_id: number | null;
  answered_by_name?: string | null;
}

export interface Missed {
  call_id: number;
  customer_id: number | null;
  from?: string;
  reason?: string;
}

export interface CallbackOverdue {
  task: { id: number; title?: string; customer_id: number | null };
  customer: { id: number; name: string; phone_display?: string | null } | null;
  call?: { id: number; from_number?: string | null; from_national?: string | null } | null;
}

/** What the screen shows: a notice to show (or replace) under `key`, or one to close. */
export type NoticeAction =
  | { kind: "show"; key: string; title: string; text: string; tone: "info" | "success" | "error";
      duration: number; cardPath: string | null; callId?: number }
  | { kind: "close"; key: string }
  | { kind: "none" };

export const RINGING_TITLE = "שיחה נכנסת";
export const OVERDUE_TITLE = "התקשרות חזרה באיחור";
/** How long "נענתה על ידי דנה" stays before the notice goes. */
export const ANSWERED_MS = 4000;

export const callKey = (callId: number) => `call:${callId}`;
const cardPath = (customerId: number | null | undefined, tab?: string) =>
  customerId ? `/crm/customers/${customerId}${tab ? `?tab=${tab}` : ""}` : null;

/** The caller as the notice names them: the customer's name, else the number as dialled in Israel. */
export function callerText(event: Pick<Ringing, "customer" | "from" | "from_national">): string {
  return event.customer?.name || event.from_national || event.from || "מספר חסוי";
}

export function answeredText(event: Answered, myId: number | null): string {
  if (myId !== null && event.answered_by_user_id === myId) return "ענית לשיחה";
  return event.answered_by_name ? `נענתה על ידי ${event.answered_by_name}` : "השיחה נענתה";
}

/** Remembers which calls have ended, so that a late `call:ringing` opens nothing. */
export class ScreenPop {
  private ended = new Set<number>();
  private ringing = new Set<number>();

  constructor(private readonly myId: number | null) {}

  /** The user put the call's notice away: its answer will not bring it back. */
  putAway(callId: number): void {
    this.ringing.delete(callId);
  }

  handle(event: string, data: unknown): NoticeAction {
    switch (event) {
      case "call:ringing": {
        const ring = data as Ringing;
        if (this.ended.has(ring.call_id)) return { kind: "none" };
        this.ringing.add(ring.call_id);
        return { kind: "show", key: callKey(ring.call_id), title: RINGING_TITLE, text: callerText(ring), tone: "info",
          duration: 0, cardPath: cardPath(ring.customer_id ?? ring.customer?.id), callId: ring.call_id };
      }
      case "call:answered": {
        const answered = data as Answered;
        this.ended.add(answered.call_id);
        if (!this.ringing.delete(answered.call_id)) return { kind: "none" }; // never shown here
        return { kind: "show", key: callKey(answered.call_id), title: "השיחה נענתה",
          text: answeredText(answered, this.myId), tone: "success", duration: ANSWERED_MS,
          cardPath: cardPath(answered.customer_id) };
      }
      case "call:missed": {
        const missed = data as Missed;
        this.ended.add(missed.call_id);
        this.ringing.delete(missed.call_id);
        return { kind: "close", key: callKey(missed.call_id) };
      }
      case "callback:overdue": {
        const overdue = data as CallbackOverdue;
        const who = overdue.customer?.name || overdue.call?.from_national || overdue.call?.from_number
          || overdue.task.title || "לקוח";
        return { kind: "show", key: `callback:${overdue.task.id}`, title: OVERDUE_TITLE, text: who, tone: "error",
          duration: 0, cardPath: cardPath(overdue.customer?.id ?? overdue.task.customer_id, "tasks") };
      }
      default:
        return { kind: "none" };
    }
  }
}

export const SCREEN_POP_EVENTS = ["call:ringing", "call:answered", "call:missed", "callback:overdue"] as const;
