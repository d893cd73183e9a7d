import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "@/lib/api";

/**
 * A file the server serves only with the bearer token (a recording, a WhatsApp attachment),
 * fetched once as a blob and handed out as an object URL, revoked when no longer shown.
 */
export function useObjectUrl(path: string | null) {
  const file = useQuery({
    queryKey: ["file", path],
    queryFn: () => api.blob(path!),
    enabled: path !== null,
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file.data) return;
    const objectUrl = URL.createObjectURL(file.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file.data]);
  return { url, error: file.error };
}
