import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CallStats } from "@/features/calls-board/types";
import { api } from "@/lib/api";

/** Under ["stats", "calls"], which every call and task event refreshes (lib/live.ts). */
export function getCallStats(from: string, to: string): Promise<CallStats> {
  return api.get<CallStats>("/api/crm/stats/calls", { from, to });
}

export function useCallStats(from: string, to: string) {
  return useQuery({
    queryKey: ["stats", "calls", { from, to }],
    queryFn: () => getCallStats(from, to),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
