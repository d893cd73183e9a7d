import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { connectLiveUpdates, staleKeys } from "@/lib/live";

describe("staleKeys", () => {
  it("maps each realtime event to the queries it changes", () => {
    expect(staleKeys("call:new", { call: { customer_id: 7 } }))
      .toEqual([["calls", 7], ["timeline", 7], ["customers"], ["stats", "calls"]]);
    expect(staleKeys("call:updated", { call: { customer_id: null } }))
      .toEqual([["calls"], ["timeline"], ["customers"], ["stats", "calls"]]);
    expect(staleKeys("call:answered", { call_id: 5, customer_id: 7 }))
      .toEqual([["calls", 7], ["timeline", 7], ["customers"], ["stats", "calls"]]);
    expect(staleKeys("call:missed", { call_id: 5, customer_id: null }))
      .toEqual([["calls"], ["timeline"], ["customers"], ["stats", "calls"]]);
    expect(staleKeys("presence:changed", { user_id: 2, status: "away" })).toEqual([["presence"]]);
    expect(staleKeys("callback:overdue", { task: { customer_id: 9 } })).toEqual([["tasks", 9], ["tasks", "mine"]]);
    expect(staleKeys("wa:message", { message: { customer_id: 3 } })).toEqual([["messages", 3], ["timeline", 3], ["customers"]]);
    expect(staleKeys("wa:status", { message: { customer_id: 3 } })).toEqual([["messages", 3], ["timeline", 3]]);
    expect(staleKeys("customer:updated", { customer: { id: 3 } })).toEqual([["customers"]]);
    expect(staleKeys("task:due", { task: { customer_id: 9 } }))
      .toEqual([["tasks", 9], ["timeline", 9], ["tasks", "mine"], ["stats", "calls"]]);
    expect(staleKeys("task:updated", { task: { customer_id: 9 } }))
      .toEqual([["tasks", 9], ["timeline", 9], ["tasks", "mine"], ["stats", "calls"]]);
    expect(staleKeys("contract:updated", { contract: { customer_id: 4 } }))
      .toEqual([["contracts", 4], ["signatures", 4], ["timeline", 4]]);
    expect(staleKeys("invoice:updated", { invoice: { customer_id: 4 } })).toEqual([["invoices", 4], ["timeline", 4]]);
    expect(staleKeys("something:else", {})).toEqual([]);
  });
});

describe("connectLiveUpdates", () => {
  it("invalidates on the event and stops listening when disconnected", () => {
    const handlers = new Map<string, (data: unknown) => void>();
    const socket = {
      on: (event: string, handler: (data: unknown) => void) => handlers.set(event, handler),
      off: (event: string) => handlers.delete(event),
    };
    const client = new QueryClient();
    client.setQueryData(["messages", 3], { results: [] });
    client.setQueryData(["messages", 4], { results: [] });
    client.setQueryData(["customers", { page: 1 }], { results: [] });
    const stop = connectLiveUpdates(socket as never, client);
    handlers.get("wa:message")!({ message: { customer_id: 3 } });
    expect(client.getQueryState(["messages", 3])?.isInvalidated).toBe(true);
    expect(client.getQueryState(["messages", 4])?.isInvalidated).toBe(false);
    expect(client.getQueryState(["customers", { page: 1 }])?.isInvalidated).toBe(true);
    client.setQueryData(["contracts", 8], { results: [] });
    client.setQueryData(["invoices", 8], { results: [] });
    client.setQueryData(["invoices", 9], { results: [] });
    handlers.get("contract:updated")!({ contract: { customer_id: 8 } });
    expect(client.getQueryState(["contracts", 8])?.isInvalidated).toBe(true);
    expect(client.getQueryState(["invoices", 8])?.isInvalidated).toBe(false);
    handlers.get("invoice:updated")!({ invoice: { customer_id: 8 } });
    expect(client.getQueryState(["invoices", 8])?.isInvalidated).toBe(true);
    expect(client.getQueryState(["invoices", 9])?.isInvalidated).toBe(false);
    stop();
    expect(handlers.size).toBe(0);
  });
});
