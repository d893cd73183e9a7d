import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BUSINESS_KEY } from "@/features/settings/api/get-business";
import type { Business, CallSettings, PrivacySettings } from "@/features/settings/types";
import { api } from "@/lib/api";

export type BusinessChanges = Partial<CallSettings & PrivacySettings & { tax_id: string }>;

/** `PATCH /api/business` (admins): any subset of the business's settings; answers the business. */
export function updateBusiness(changes: BusinessChanges): Promise<Business> {
  return api.request<Business>("/api/business", { method: "PATCH", body: changes });
}

export function useUpdateBusiness() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBusiness,
    onSuccess: (business) => {
      queryClient.setQueryData(BUSINESS_KEY, business);
      return queryClient.invalidateQueries({ queryKey: BUSINESS_KEY });
    },
  });
}
