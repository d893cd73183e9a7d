/** The signed-in user's open tasks (soonest first), and the names of their customers. */
import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api";
import type { Page, Task } from "@/lib/types";

export const MY_TASKS_LIMIT = 100;

export function useMyOpenTasks() {
  return useQuery({
    // Every task event refreshes it (lib/live.ts), whichever customer the task is under.
    queryKey: ["tasks", "mine", "open"],
    queryFn: () => api.get<Page<Task>>("/api/crm/tasks", { mine: "true", status: "open", sort: "due_at", limit: MY_TASKS_LIMIT }),
    staleTime: 0,
  });
}

/** customer id → name, for the customers these tasks belong to (the card's own cache key). */
export function useCustomerNames(ids: number[]): Map<number, string> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ["customers", "one", id],
      queryFn: () => api.get<{ id: number; name: string }>(`/api/crm/customers/${id}`),
      staleTime: 60_000,
    })),
  });
  return new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data.name] as const] : [])));
}
