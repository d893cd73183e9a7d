import type { Customer } from "@/features/customers/types";
import { api } from "@/lib/api";
import type { Page, PageParams } from "@/lib/types";

export function getCustomers(params: PageParams): Promise<Page<Customer>> {
  return api.get<Page<Customer>>("/api/crm/customers", { ...params });
}

/** Every matching row as CSV, fetched with the bearer token and saved by the browser. */
export function exportCustomers(params: { q?: string; sort?: string }): Promise<void> {
  return api.download("/api/crm/customers/export.csv", params, "customers.csv");
}
