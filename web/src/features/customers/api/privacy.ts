/** A customer's personal data (admins, issue 19): everything held about them as one zip, and
 * erasure on request. Both go through the one API client (bearer token). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Customer } from "@/features/customers/types";
import { api } from "@/lib/api";

/** `GET /api/crm/customers/<id>/export.zip`, saved under the server's file name. */
export function exportCustomer(customerId: number): Promise<void> {
  return api.download(`/api/crm/customers/${customerId}/export.zip`, undefined, `customer-${customerId}.zip`);
}

/** `POST /api/crm/customers/<id>/erase {"confirm": true}`: answers the erased customer. Every tab
 * of the card changes (calls lose recordings, messages their text), so all of them refresh. */
export function useEraseCustomer(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<Customer>(`/api/crm/customers/${customerId}/erase`, { body: { confirm: true } }),
    onSuccess: (customer) => {
      queryClient.setQueryData(["customers", "one", customerId], customer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["customers"] }),
        ...["calls", "messages", "tasks", "contracts", "invoices", "timeline"].map((resource) =>
          queryClient.invalidateQueries({ queryKey: [resource, customerId] })),
      ]);
    },
  });
}
