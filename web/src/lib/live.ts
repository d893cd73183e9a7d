/**
 * Live updates: each realtime event invalidates the TanStack Query keys whose data it changes.
 * Keys are `[resource, customerId, ...]` (the card) or `["customers", ...]` (the list).
 */
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { Socket } from "socket.io-client";

type Payload = Record<string, { customer_id?: number | null; id?: number } | number | string | null | undefined>;

/** The customer an event names: `data.<resource>.customer_id`, or the flat `customer_id` of the
 * live-call events (`call:ringing`, `call:answered`, `call:missed`). */
function customerOf(data: Payload, resource: string): number | null | undefined {
  const nested = data[resource];
  if (nested && typeof nested === "object") return nested.customer_id;
  return typeof data.customer_id === "number" ? data.customer_id : null;
}

/** The calls board's figures (features/calls-board): every call and call-back moves them. */
const STATS: QueryKey = ["stats", "calls"];

/** What the event's payload says changed, as query-key prefixes. */
export function staleKeys(event: string, data: Payload): QueryKey[] {
  const scoped = (resource: string, customerId: number | null | undefined): QueryKey =>
    customerId ? [resource, customerId] : [resource];
  switch (event) {
    case "call:new":
    case "call:updated":
    case "call:answered":
    case "call:missed": {
      const id = customerOf(data, "call");
      return [scoped("calls", id), scoped("timeline", id), ["customers"], STATS];
    }
    case "wa:message": {
      const id = customerOf(data, "message");
      return [scoped("messages", id), scoped("timeline", id), ["customers"]];
    }
    case "wa:status": {
      const id = customerOf(data, "message");
      return [scoped("messages", id), scoped("timeline", id)];
    }
    case "customer:updated":
      return [["customers"]];
    case "contract:updated": {
      const id = customerOf(data, "contract");
      return [scoped("contracts", id), scoped("signatures", id), scoped("timeline", id)];
    }
    case "invoice:updated": {
      const id = customerOf(data, "invoice");
      return [scoped("invoices", id), scoped("timeline", id)];
    }
    case "task:due":
    case "task:updated": {
      const id = customerOf(data, "task");
      // The agent's own list (/tasks) spans customers: it refreshes on any task event.
      return [scoped("tasks", id), scoped("timeline", id), ["tasks", "mine"], STATS];
    }
    case "callback:overdue": {
      const id = customerOf(data, "task");
      return [scoped("tasks", id), ["tasks", "mine"]];
    }
    case "presence:changed":
      // Both one's own switch (["presence", "me"]) and the board's list (["presence", "all"]).
      return [["presence"]];
    default:
      return [];
  }
}

export const LIVE_EVENTS = ["call:new", "call:updated", "call:answered", "call:missed", "wa:message", "wa:status",
  "customer:updated", "task:due", "task:updated", "callback:overdue", "contract:updated", "invoice:updated",
  "presence:changed"];

/** Listen on `socket`; returns the function that stops listening. */
export function connectLiveUpdates(socket: Socket, queryClient: QueryClient): () => void {
  const handlers = LIVE_EVENTS.map((event) => {
    const handler = (data: Payload) => {
      for (const queryKey of staleKeys(event, data ?? {})) void queryClient.invalidateQueries({ queryKey });
    };
    socket.on(event, handler);
    return [event, handler] as const;
  });
  return () => handlers.forEach(([event, handler]) => socket.off(event, handler));
}
