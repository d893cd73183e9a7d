import { describe, expect, it } from "vitest";
import { ANSWERED_MS, callerText, ScreenPop } from "@/features/live-calls/screen-pop";

const RINGING = { call_id: 5, customer_id: 7, from: "+972541234567", from_national: "054-123-4567",
  customer: { id: 7, name: "דנה כהן" }, agent_ids: [1, 2] };

describe("the screen pop", () => {
  it("names the caller, else the number as dialled in Israel", () => {
    expect(callerText(RINGING)).toBe("דנה כהן");
    expect(callerText({ ...RINGING, customer: null })).toBe("054-123-4567");
    expect(callerText({ ...RINGING, customer: null, from_national: null })).toBe("+972541234567");
  });

  it("opens one notice per call, with the card, until it is answered", () => {
    const pop = new ScreenPop(1);
    expect(pop.handle("call:new", { call: { id: 5 } })).toEqual({ kind: "none" });
    const shown = pop.handle("call:ringing", RINGING);
    expect(shown).toMatchObject({ kind: "show", key: "call:5", title: "שיחה נכנסת", text: "דנה כהן", duration: 0,
      cardPath: "/crm/customers/7" });
    const answered = pop.handle("call:answered", { call_id: 5, customer_id: 7, answered_by_user_id: 2,
      answered_by_name: "דנה" });
    expect(answered).toMatchObject({ kind: "show", key: "call:5", text: "נענתה על ידי דנה", duration: ANSWERED_MS });
    // a late replay of the ringing opens nothing again
    expect(pop.handle("call:ringing", RINGING)).toEqual({ kind: "none" });
  });

  it("does not bring back a notice the user put away when the call is answered", () => {
    const pop = new ScreenPop(1);
    pop.handle("call:ringing", RINGING);
    pop.putAway(5);
    expect(pop.handle("call:answered", { call_id: 5, customer_id: 7, answered_by_user_id: 2 })).toEqual({ kind: "none" });
  });

  it("says so when the one who answered is me", () => {
    const pop = new ScreenPop(2);
    pop.handle("call:ringing", RINGING);
    expect(pop.handle("call:answered", { call_id: 5, customer_id: 7, answered_by_user_id: 2 }))
      .toMatchObject({ text: "ענית לשיחה" });
  });

  it("closes on a missed call, and an answer to a call never shown shows nothing", () => {
    const pop = new ScreenPop(1);
    pop.handle("call:ringing", { ...RINGING, customer: null, customer_id: null });
    expect(pop.handle("call:missed", { call_id: 5, customer_id: null })).toEqual({ kind: "close", key: "call:5" });
    expect(pop.handle("call:answered", { call_id: 9, customer_id: null, answered_by_user_id: 2 }))
      .toEqual({ kind: "none" });
  });

  it("raises an overdue call-back with its customer and the card's tasks", () => {
    const pop = new ScreenPop(1);
    expect(pop.handle("callback:overdue", { task: { id: 3, customer_id: 7 }, customer: { id: 7, name: "דנה כהן" },
      call: { id: 5 } })).toMatchObject({ kind: "show", key: "callback:3", title: "התקשרות חזרה באיחור",
      text: "דנה כהן", cardPath: "/crm/customers/7?tab=tasks" });
  });
});
