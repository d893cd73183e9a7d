import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Presence, PresenceStatus } from "@/features/presence/types";
import { api } from "@/lib/api";

/** Under ["presence"], which `presence:changed` refreshes (lib/live.ts). */
export const MY_PRESENCE_KEY = ["presence", "me"] as const;

export function getMyPresence(): Promise<Presence> {
  return api.get<Presence>("/api/crm/me/presence");
}

export function setMyPresence(status: PresenceStatus): Promise<Presence> {
  return api.request<Presence>("/api/crm/me/presence", { method: "PUT", body: { status } });
}

export function useMyPresence() {
  return useQuery({ queryKey: MY_PRESENCE_KEY, queryFn: getMyPresence, staleTime: 0 });
}

export function useSetMyPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setMyPresence,
    onSuccess: (presence) => {
      queryClient.setQueryData(MY_PRESENCE_KEY, presence);
      return queryClient.invalidateQueries({ queryKey: ["presence", "all"] });
    },
  });
}
