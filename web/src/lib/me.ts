/** Who is signed in (`GET /auth/me`) and what their role lets them do with personal data
 * (`can_listen`, `can_export`: server/auth/permissions.py). Shared: the profile shows it, the
 * card, the tables and the recordings ask it. One query key, so one fetch serves them all. */
import { useQuery } from "@tanstack/react-query";
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
  /** May play call recordings (admins always; agents as the business decides). */
  can_listen?: boolean;
  /** May export CSV (admins always; agents as the business decides). */
  can_export?: boolean;
}

export const ME_KEY = ["me"] as const;

export const useMe = () =>
  useQuery({ queryKey: ME_KEY, queryFn: async () => (await api.get<{ user: Me }>("/auth/me")).user, staleTime: 60_000 });

/** What the signed-in user may do; while /auth/me is loading, listening is assumed (the
 * server still refuses with 403 `forbidden_listen`) and exporting is not (no button flashes). */
export function useCan(): { listen: boolean; export: boolean; admin: boolean } {
  const me = useMe();
  const admin = (me.data?.role ?? api.user?.role) === "admin";
  return {
    admin,
    listen: me.data ? me.data.can_listen !== false : true,
    export: me.data ? me.data.can_export !== false : admin,
  };
}
