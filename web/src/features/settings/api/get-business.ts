import { useQuery } from "@tanstack/react-query";
import type { Business } from "@/features/settings/types";
import { api } from "@/lib/api";

/** The key the customer card's template query shares: one refresh updates both. */
export const BUSINESS_KEY = ["business"] as const;

export function getBusiness(): Promise<Business> {
  return api.get<Business>("/api/business");
}

export function useBusiness() {
  return useQuery({ queryKey: BUSINESS_KEY, queryFn: getBusiness });
}
