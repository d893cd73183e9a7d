import { useMutation } from "@tanstack/react-query";
import type { TtsEngine } from "@/features/settings/types";
import { api } from "@/lib/api";

export interface GreetingPreview {
  audio: Blob;
  engine: TtsEngine | null;
}

/** The text rendered as an MP3 for listening; the server stores nothing, so nothing to invalidate. */
export async function previewGreeting(text: string): Promise<GreetingPreview> {
  const { blob, headers } = await api.file("/api/business/greeting/preview", { body: { text: text.trim() } },
    "audio/mpeg");
  return { audio: blob, engine: (headers.get("X-Greeting-Engine") as TtsEngine | null) ?? null };
}

export function usePreviewGreeting() {
  return useMutation({ mutationFn: previewGreeting });
}
