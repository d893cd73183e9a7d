import type { ServerParams } from "@/components/table/DataTable";
import type { Customer } from "@/features/customers/types";
import { api } from "@/lib/api";
import type { Page } from "@/lib/types";

export function getCustomers(params: ServerParams): Promise<Page<Customer>> {
  return api.get<Page<Customer>>("/api/crm/customers", params);
}

/** What the table shows as CSV (its filters, search, sort and visible `columns` in order),
 * fetched with the bearer token and saved under the server's file name. */
export function exportCustomers(params: ServerParams): Promise<void> {
  const today = new Date().toLocaleDateString("sv-SE"); // YYYY-MM-DD, as the server names it
  return api.download("/api/crm/customers/export.csv", params, `customers-${today}.csv`);
}
