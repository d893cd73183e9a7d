import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { changeState, isClean, readTableState, type TableSpec, type TableState, writeTableState } from "@/lib/tableUrl";

export type ChangeTable = (change: Partial<TableState>, options?: { replace?: boolean }) => void;

/** A table's state kept in the URL: read on every render, written as a new history entry
 * (Back undoes it) or, with `replace`, over the current one (typing in the search box). */
export function useTableUrl(spec: TableSpec): { state: TableState; change: ChangeTable; clean: boolean } {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readTableState(params, spec), [params, spec]);
  const change = useCallback<ChangeTable>((update, { replace = false } = {}) => {
    // From the address bar itself, not this render's params: two changes in quick succession
    // (a filter, then a column before the router's deferred render) must not undo each other.
    setParams(() => {
      const current = new URLSearchParams(window.location.search);
      return writeTableState(changeState(readTableState(current, spec), update), spec, current);
    }, { replace });
  }, [setParams, spec]);
  return { state, change, clean: isClean(params, spec) };
}
