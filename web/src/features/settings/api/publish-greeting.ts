import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BUSINESS_KEY } from "@/features/settings/api/get-business";
import type { GreetingInstalled, GreetingWhich } from "@/features/settings/types";
import { api } from "@/lib/api";

/** Render the text and install it as the greeting callers hear (`closed_greeting`: outside the
 * opening hours). */
export function publishGreeting(text: string, which: GreetingWhich = "greeting"): Promise<GreetingInstalled> {
  return api.request<GreetingInstalled>(`/api/business/${which}/text`, { method: "PUT", body: { text: text.trim() } });
}

export function usePublishGreeting(which: GreetingWhich = "greeting") {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => publishGreeting(text, which),
    onSuccess: ({ greeting_duration: _duration, greeting_engine: _engine, ...business }) => {
      queryClient.setQueryData(BUSINESS_KEY, business);
      return queryClient.invalidateQueries({ queryKey: BUSINESS_KEY });
    },
  });
}
