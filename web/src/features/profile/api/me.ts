/** Who is signed in (`GET /auth/me`) and what they change about themselves (`PATCH /auth/me`:
 * name and own phone here; server/auth/routes.py). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/api";

export interface Me {
  id: number;
  email: string;
  name: string;
  role: "admin" | "agent";
  business_id: number;
  /** E.164, "" when not set: click-to-call rings it first. */
  phone: string;
  phone_display: string;
}

const KEY = ["me"];

export const useMe = () =>
  useQuery({ queryKey: KEY, queryFn: async () => (await api.get<{ user: Me }>("/auth/me")).user });

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: { name?: string; phone?: string }) =>
      (await api.request<{ user: Me }>("/auth/me", { method: "PATCH", body: changes })).user,
    onSuccess: (me) => queryClient.setQueryData(KEY, me),
  });
}
