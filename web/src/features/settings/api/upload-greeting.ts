import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BUSINESS_KEY } from "@/features/settings/api/get-business";
import type { GreetingInstalled, GreetingWhich } from "@/features/settings/types";
import { api } from "@/lib/api";

/** Install an MP3 file as the greeting (or the closed greeting). The server wants `audio/mpeg`,
 * whatever type the browser guessed. */
export function uploadGreeting(file: File, which: GreetingWhich = "greeting"): Promise<GreetingInstalled> {
  return api.request<GreetingInstalled>(`/api/business/${which}`, { method: "PUT", body: file, contentType: "audio/mpeg" });
}

export function useUploadGreeting(which: GreetingWhich = "greeting") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadGreeting(file, which),
    onSuccess: ({ greeting_duration: _duration, greeting_engine: _engine, ...business }) => {
      queryClient.setQueryData(BUSINESS_KEY, business);
      return queryClient.invalidateQueries({ queryKey: BUSINESS_KEY });
    },
  });
}
