/** Who is signed in (`GET /auth/me`, the shared query in lib/me.ts) and what they change about
 * themselves (`PATCH /auth/me`: name and own phone here; server/auth/routes.py). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api";
import { type Me, ME_KEY } from "@/lib/me";

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: { name?: string; phone?: string }) =>
      (await api.request<{ user: Me }>("/auth/me", { method: "PATCH", body: changes })).user,
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
  });
}
