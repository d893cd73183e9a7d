import { useQuery } from "@tanstack/react-query";
import type { TemplateList } from "@/features/customers/types";
import { api } from "@/lib/api";

/** The business's approved WhatsApp templates, by name (the server keeps them 10 minutes). */
export const useTemplates = (enabled: boolean) =>
  useQuery({
    queryKey: ["whatsapp-templates"],
    queryFn: () => api.get<TemplateList>("/api/crm/whatsapp/templates"),
    enabled,
    staleTime: 5 * 60_000,
  });
