import { useQuery } from "@tanstack/react-query";
import type { MemberPresence } from "@/features/calls-board/types";
import { api } from "@/lib/api";

/** Under ["presence"], which `presence:changed` refreshes (lib/live.ts). */
export function getPresence(): Promise<{ results: MemberPresence[] }> {
  return api.get<{ results: MemberPresence[] }>("/api/crm/presence");
}

export function usePresence() {
  return useQuery({ queryKey: ["presence", "all"], queryFn: getPresence, staleTime: 0 });
}
