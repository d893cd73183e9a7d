/** The customer card's queries and mutations; each key starts with its resource and the
 * customer id, so a realtime event invalidates exactly the tabs it touches (lib/live.ts). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Call, Contract, Customer, Invoice, Message, Signature, Timeline,
} from "@/features/customers/types";
import { api } from "@/lib/api";
import type { Page, Task } from "@/lib/types";

const TIMELINE_PAGE = 20;

/** One page (the newest 100) of a resource filtered to the customer, under `[resource, id]`. */
function useCustomerList<T>(resource: string, customerId: number, sort: string) {
  return useQuery({
    queryKey: [resource, customerId],
    queryFn: () => api.get<Page<T>>(`/api/crm/${resource}`, { customer_id: customerId, sort, limit: 100 }),
  });
}

export function useTimeline(customerId: number) {
  return useInfiniteQuery({
    queryKey: ["timeline", customerId],
    queryFn: ({ pageParam }) => api.get<Timeline>(`/api/customers/${customerId}/timeline`,
      { limit: TIMELINE_PAGE, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
}

export const useCalls = (id: number) => useCustomerList<Call>("calls", id, "-started_at");
export const useMessages = (id: number) => useCustomerList<Message>("messages", id, "-created_at");
export const useInvoices = (id: number) => useCustomerList<Invoice>("invoices", id, "-created_at");
export const useContracts = (id: number) => useCustomerList<Contract>("contracts", id, "-created_at");
export const useSignatures = (id: number) => useCustomerList<Signature>("signatures", id, "-signed_at");
export const useTasks = (id: number) => useCustomerList<Task>("tasks", id, "due_at");

/** Invalidate what a change to this customer's `resource` shows: its tab and the timeline. */
export function useInvalidate(customerId: number, ...resources: string[]) {
  const queryClient = useQueryClient();
  return () => Promise.all([...resources, "timeline"].map((resource) =>
    queryClient.invalidateQueries({ queryKey: [resource, customerId] })));
}

export function useUpdateCustomer(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<Customer>) =>
      api.request<Customer>(`/api/crm/customers/${customerId}`, { method: "PATCH", body: changes }),
    onSuccess: (customer) => {
      queryClient.setQueryData(["customers", "one", customerId], customer);
      return queryClient.invalidateQueries({ queryKey: ["customers"] });
    },
  });
}

export type WhatsAppBody = { body: string } | { content_sid: string; variables: Record<string, string> };

export function useSendWhatsApp(customerId: number) {
  const invalidate = useInvalidate(customerId, "messages");
  return useMutation({
    mutationFn: (body: WhatsAppBody) => api.request<Message>(`/api/crm/customers/${customerId}/whatsapp`, { body }),
    onSuccess: invalidate,
  });
}

export function useCreateTask(customerId: number) {
  const invalidate = useInvalidate(customerId, "tasks");
  return useMutation({
    mutationFn: (task: { title: string; due_at: string; notes?: string }) =>
      api.request<Task>("/api/crm/tasks", { body: { ...task, customer_id: customerId } }),
    onSuccess: invalidate,
  });
}

/** Wrap an action on one of this customer's tasks so the tab refreshes after it. */
export function useTaskAction<A extends unknown[]>(customerId: number, action: (...args: A) => Promise<unknown>) {
  const invalidate = useInvalidate(customerId, "tasks");
  return useMutation({ mutationFn: (args: A) => action(...args), onSuccess: invalidate });
}

/** Fetch a PDF with the bearer token and show it in the tab opened (synchronously) by the click. */
export async function openPdf(path: string): Promise<void> {
  const tab = window.open("", "_blank");
  try {
    const url = URL.createObjectURL(await api.blob(path));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
