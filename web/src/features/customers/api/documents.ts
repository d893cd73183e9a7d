/** Invoices and contracts of the card: create, edit (drafts), move their status, send. Each
 * mutation refreshes the customer's tab and timeline (keys as in card.ts). */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useInvalidate } from "@/features/customers/api/card";
import type { Contract, Invoice } from "@/features/customers/types";
import { api } from "@/lib/api";

/** The business's VAT rate (percent), which new invoices take (GET /api/business). */
export const useVatRate = () =>
  useQuery({
    queryKey: ["business"],
    queryFn: () => api.get<{ vat_rate: number }>("/api/business"),
    staleTime: 60_000,
    select: (business) => Number(business.vat_rate),
  });

export interface NewInvoice {
  lines: { description: string; quantity: string; unit_price: string }[];
  notes?: string;
}

export function useCreateInvoice(customerId: number) {
  const invalidate = useInvalidate(customerId, "invoices");
  return useMutation({
    mutationFn: (invoice: NewInvoice) =>
      api.request<Invoice>("/api/crm/invoices", { body: { ...invoice, customer_id: customerId, status: "draft" } }),
    onSuccess: invalidate,
  });
}

export type InvoiceStep = "issued" | "paid" | "cancelled";

/** One step of an invoice's status: issue and pay by PATCH, cancel by its own POST. */
export function useInvoiceStep(customerId: number) {
  const invalidate = useInvalidate(customerId, "invoices");
  return useMutation({
    mutationFn: ({ id, step }: { id: number; step: InvoiceStep }) => step === "cancelled"
      ? api.request<Invoice>(`/api/crm/invoices/${id}/cancel`, { method: "POST" })
      : api.request<Invoice>(`/api/crm/invoices/${id}`, { method: "PATCH", body: { status: step } }),
    onSuccess: invalidate,
  });
}

/** Ask the Tax Authority again now for an awaiting invoice's allocation number (409
 * `not_awaiting` once it has one or went back to draft); the answer comes as `invoice:updated`. */
export function useRetryAllocation(customerId: number) {
  const invalidate = useInvalidate(customerId, "invoices");
  return useMutation({
    mutationFn: (id: number) => api.request<Invoice>(`/api/crm/invoices/${id}/allocate`, { method: "POST" }),
    onSettled: invalidate,
  });
}

export interface ContractText {
  title: string;
  body: string;
}

/** Create a contract (no id) or edit a draft's title and body. */
export function useSaveContract(customerId: number) {
  const invalidate = useInvalidate(customerId, "contracts");
  return useMutation({
    mutationFn: ({ id, ...text }: ContractText & { id?: number }) => id
      ? api.request<Contract>(`/api/crm/contracts/${id}`, { method: "PATCH", body: text })
      : api.request<Contract>("/api/crm/contracts", { body: { ...text, customer_id: customerId } }),
    onSuccess: invalidate,
  });
}

export function useSendContract(customerId: number) {
  const invalidate = useInvalidate(customerId, "contracts");
  return useMutation({
    mutationFn: (id: number) => api.request<Contract>(`/api/crm/contracts/${id}/send`, { method: "POST" }),
    onSuccess: invalidate,
  });
}
