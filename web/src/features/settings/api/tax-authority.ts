/** The business's Tax Authority credentials (admins): saved write-only (`PUT`, stored encrypted;
 * saving re-queues every invoice awaiting its allocation number) or removed (`DELETE`). The
 * business's `tax_authority` says whether any are set and where from. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BUSINESS_KEY } from "@/features/settings/api/get-business";
import type { TaxAuthorityCredentials } from "@/features/settings/types";
import { api } from "@/lib/api";

const PATH = "/api/business/tax_authority";

export function useSaveTaxAuthority() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: TaxAuthorityCredentials) =>
      api.request<{ configured: boolean; source: string | null }>(PATH, { method: "PUT", body: credentials }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BUSINESS_KEY }),
  });
}

export function useRemoveTaxAuthority() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<void>(PATH, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BUSINESS_KEY }),
  });
}
