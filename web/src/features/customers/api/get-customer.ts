import { useQuery } from "@tanstack/react-query";
import type { Customer } from "@/features/customers/types";
import { ApiError, api } from "@/lib/api";

export function getCustomer(id: number): Promise<Customer> {
  return api.get<Customer>(`/api/crm/customers/${id}`);
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: ["customers", "one", id],
    queryFn: () => getCustomer(id),
    enabled: id > 0,
    // A customer that is not there (or not ours) will not appear on a second try.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
}
