/** The recording notice's wording (admins): the business's own text rendered to MP3 (`PUT`, as a
 * greeting from text), or back to the default wording (`DELETE`). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BUSINESS_KEY } from "@/features/settings/api/get-business";
import { api } from "@/lib/api";

const PATH = "/api/business/recording_notice/text";

export function useSaveNoticeText() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.request<unknown>(PATH, { method: "PUT", body: { text: text.trim() } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BUSINESS_KEY }),
  });
}

export function useResetNoticeText() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.request<unknown>(PATH, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BUSINESS_KEY }),
  });
}
