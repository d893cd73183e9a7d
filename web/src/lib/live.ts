/**
 * Live updates: each realtime event invalidates the TanStack Query keys whose data it changes.
 * Keys are `[resource, customerId, ...]` (the card) or `["customers", ...]` (the list).
 */
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { Socket } from "socket.io-client";

type Payload = Record<string, { customer_id?: number | null; id?: number } | null | undefined>;

/** What the event's payload says changed, as query-key prefixes. */
export function staleKeys(event: string, data: Payload): QueryKey[] {
  const scoped = (resource: string, customerId: number | null | undefined): QueryKey =>
    customerId ? [resource, customerId] : [resource];
  switch (event) {
    case "call:new":
    case "call:updated": {
      const id = data.call?.customer_id;
      return [scoped("calls", id), scoped("timeline", id), ["customers"]];
    }
    case "wa:message": {
      const id = data.message?.customer_id;
      return [scoped("messages", id), scoped("timeline", id), ["customers"]];
    }
    case "wa:status": {
      const id = data.message?.customer_id;
      return [scoped("messages", id), scoped("timeline", id)];
    }
    case "customer:updated":
      return [["customers"]];
    case "contract:updated": {
      const id = data.contract?.customer_id;
      return [scoped("contracts", id), scoped("signatures", id), scoped("timeline", id)];
    }
    case "invoice:updated": {
      const id = data.invoice?.customer_id;
      return [scoped("invoices", id), scoped("timeline", id)];
    }
    case "task:due":
    case "task:updated": {
      const id = data.task?.customer_id;
      // The agent's own list (/tasks) spans customers: it refreshes on any task event.
      return [scoped("tasks", id), scoped("timeline", id), ["tasks", "mine"]];
    }
    default:
      return [];
  }
}

export const LIVE_EVENTS = ["call:new", "call:updated", "wa:message", "wa:status", "customer:updated", "task:due",
  "task:updated", "contract:updated", "invoice:updated"];

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
