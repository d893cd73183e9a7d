/** A new customer (POST /api/crm/customers); the list refreshes, the card's cache is primed. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Customer } from "@/features/customers/types";
import { api } from "@/lib/api";

export interface NewCustomer {
  name: string;
  phone: string | null;
  email: string | null;
  status: string;
  address: string;
  notes: string;
  /** ח.פ. / ע.מ. ("" for none): the server checks its check digit (422 `invalid_tax_id`). */
  tax_id: string;
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customer: NewCustomer) => api.request<Customer>("/api/crm/customers", { body: customer }),
    onSuccess: (customer) => {
      queryClient.setQueryData(["customers", "one", customer.id], customer);
      return queryClient.invalidateQueries({ queryKey: ["customers"] });
    },
  });
}
