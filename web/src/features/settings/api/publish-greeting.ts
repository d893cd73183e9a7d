import { useMutation, useQueryClient } from "@tanstack/react-query";
import { BUSINESS_KEY } from "@/features/settings/api/get-business";
import type { GreetingInstalled } from "@/features/settings/types";
import { api } from "@/lib/api";

/** Render the text and install it as the greeting callers hear. */
export function publishGreeting(text: string): Promise<GreetingInstalled> {
  return api.request<GreetingInstalled>("/api/business/greeting/text", { method: "PUT", body: { text: text.trim() } });
}

export function usePublishGreeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishGreeting,
    onSuccess: ({ greeting_duration: _duration, greeting_engine: _engine, ...business }) => {
      queryClient.setQueryData(BUSINESS_KEY, business);
      return queryClient.invalidateQueries({ queryKey: BUSINESS_KEY });
    },
  });
}
