/** The signed-in user's saved views of one table (`/api/crm/views`), under `["views", resource]`. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedView, ViewLayout } from "@/features/views/types";
import { api } from "@/lib/api";
import type { Page } from "@/lib/types";

export function useViews(resource: string) {
  return useQuery({
    queryKey: ["views", resource],
    queryFn: async () => (await api.get<Page<SavedView>>("/api/crm/views", { resource, limit: 200, sort: "name" })).results,
    staleTime: 60_000,
  });
}

type ViewChange = Partial<ViewLayout & Pick<SavedView, "name" | "is_default">>;

export function useViewActions(resource: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["views", resource] });
  return {
    create: useMutation({
      mutationFn: (body: ViewLayout & { name: string; is_default?: boolean }) =>
        api.request<SavedView>("/api/crm/views", { body: { ...body, resource } }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, changes }: { id: number; changes: ViewChange }) =>
        api.request<SavedView>(`/api/crm/views/${id}`, { method: "PATCH", body: changes }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => api.request<void>(`/api/crm/views/${id}`, { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}
