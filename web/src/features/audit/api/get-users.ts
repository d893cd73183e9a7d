/** The business's users, for the audit log's "by user" filter (`GET /api/crm/users`). */
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api";
import type { Page } from "@/lib/types";

export interface UserChoice {
  id: number;
  name: string;
  email: string;
}

export const useUsers = () =>
  useQuery({
    queryKey: ["users", "choices"],
    queryFn: () => api.get<Page<UserChoice>>("/api/crm/users", { limit: 200, sort: "name" }),
    staleTime: 5 * 60_000,
    select: (page) => page.results,
  });
