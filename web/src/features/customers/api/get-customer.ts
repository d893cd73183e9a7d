import { useQuery } from "@tanstack/react-query";
import type { Customer } from "@/features/customers/types";
import { api } from "@/lib/api";

export function getCustomer(id: number): Promise<Customer> {
  return api.get<Customer>(`/api/crm/customers/${id}`);
}

export function useCustomer(id: number) {
  return useQuery({ queryKey: ["customers", "one", id], queryFn: () => getCustomer(id), enabled: id > 0 });
}
