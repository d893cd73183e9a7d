import { useSyncExternalStore } from "react";

/** Phones: below 640 px the tables show cards (the same breakpoint as the CSS). */
export const NARROW = "(max-width: 639.98px)";

/** Whether `query` matches now, following the window as it changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

export const useNarrow = () => useMediaQuery(NARROW);
