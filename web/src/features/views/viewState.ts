/**
 * A saved view ⇄ a table's state, in the desktop's shape (desktop/layouts.py), so a layout
 * saved on one reads on the other: the same column ids, sort string and density values, and in
 * `filters` the search as `q` and each filter under the server's query name (the URL's `owner`
 * is the server's `owner_id`, a user id as a number or "none").
 */
import type { SavedView, ViewLayout } from "@/features/views/types";
import { cleanColumns, DENSITIES, type TableSpec, type TableState, validSort } from "@/lib/tableUrl";

/** URL filter name → the server's (and the view's) filter key. */
export type FilterKeys = Record<string, string>;

function asText(value: unknown): string | null {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return String(value);
  return typeof value === "string" && value ? value : null;
}

/** The state a view shows: its layout, from page 1, keeping the page size. */
export function stateFromView(view: ViewLayout, spec: TableSpec, keys: FilterKeys, current: TableState): TableState {
  const filters: Record<string, string> = {};
  for (const [name, key] of Object.entries(keys)) {
    const value = asText(view.filters?.[key]);
    if (value && spec.filters[name]?.(value)) filters[name] = value;
  }
  return {
    q: typeof view.filters?.q === "string" ? view.filters.q.trim() : "",
    filters,
    sort: validSort(view.sort, spec) ?? spec.defaultSort,
    page: 1,
    size: current.size,
    columns: view.columns?.length ? cleanColumns(view.columns, spec) : [...spec.defaultColumns],
    density: DENSITIES.includes(view.density) ? view.density : "normal",
  };
}

/** The layout to save for a state (name, resource and is_default are the caller's). */
export function layoutFromState(state: TableState, keys: FilterKeys): ViewLayout {
  const filters: Record<string, unknown> = { q: state.q };
  for (const [name, key] of Object.entries(keys)) {
    const value = state.filters[name];
    if (value) filters[key] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return { columns: [...state.columns], sort: state.sort, filters, density: state.density };
}

/** Whether the table shows exactly this view now (the menu marks it). */
export function showsView(view: SavedView, state: TableState, spec: TableSpec, keys: FilterKeys): boolean {
  const shown = stateFromView(view, spec, keys, state);
  return JSON.stringify({ ...shown, page: 0 }) === JSON.stringify({ ...state, page: 0 });
}
