import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CallStats } from "@/features/calls-board/types";
import { api } from "@/lib/api";

/** Under ["stats", "calls"], which every call and task event refreshes (lib/live.ts). */
/** The figures for `from`..`to` (inclusive); with neither, the server's today in the business's zone. */
export function getCallStats(from?: string, to?: string): Promise<CallStats> {
  return api.get<CallStats>("/api/crm/stats/calls", { from, to });
}

export function useCallStats(from?: string, to?: string) {
  return useQuery({
    queryKey: ["stats", "calls", from ? { from, to } : "today"],
    queryFn: () => getCallStats(from, to),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
