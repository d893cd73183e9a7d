/**
 * A server-side table's state in the address bar: search, filters, sort, page, page size,
 * visible columns (in order) and density, so Back from a card and a reload show the same table.
 * Pure functions over URLSearchParams; values equal to the table's defaults are left out, so a
 * clean URL means the defaults (and a saved default view may fill it in).
 *
 * Parameters: `q`, one per filter (`status`, `owner`), `sort` (`field` / `-field`), `page`,
 * `size`, `cols` (visible column ids, comma-separated, in order), `density`.
 */

export type Density = "compact" | "normal" | "comfortable";
export const DENSITIES: readonly Density[] = ["compact", "normal", "comfortable"];

export interface TableState {
  q: string;
  /** Filter values by URL name; a filter that is off is absent. */
  filters: Record<string, string>;
  sort: string;
  page: number;
  size: number;
  /** Visible column ids in their order. */
  columns: string[];
  density: Density;
}

export interface TableSpec {
  defaultSort: string;
  sortable: readonly string[];
  /** Every column id the table knows, in the default order. */
  allColumns: readonly string[];
  defaultColumns: readonly string[];
  /** Columns that cannot be hidden (the name, the card's link). */
  required: readonly string[];
  pageSizes: readonly number[];
  /** Each filter's URL name and a check of its value. */
  filters: Record<string, (value: string) => boolean>;
}

const KEYS = ["q", "sort", "page", "size", "cols", "density"];

export function defaultState(spec: TableSpec): TableState {
  return {
    q: "", filters: {}, sort: spec.defaultSort, page: 1, size: spec.pageSizes[0] ?? 25,
    columns: [...spec.defaultColumns], density: "normal",
  };
}

/** Known ids only, each once, the required ones always in (at their default place if missing). */
export function cleanColumns(ids: readonly string[], spec: TableSpec): string[] {
  const shown = [...new Set(ids.filter((id) => spec.allColumns.includes(id)))];
  for (const id of spec.required) {
    if (!shown.includes(id)) shown.splice(Math.min(spec.allColumns.indexOf(id), shown.length), 0, id);
  }
  return shown.length ? shown : [...spec.defaultColumns];
}

export function validSort(sort: string | null | undefined, spec: TableSpec): string | null {
  return sort && spec.sortable.includes(sort.replace(/^-/, "")) ? sort : null;
}

/** The state a URL asks for; anything unknown or malformed falls back to its default. */
export function readTableState(params: URLSearchParams, spec: TableSpec): TableState {
  const state = defaultState(spec);
  state.q = (params.get("q") ?? "").trim();
  for (const [name, valid] of Object.entries(spec.filters)) {
    const value = params.get(name);
    if (value && valid(value)) state.filters[name] = value;
  }
  state.sort = validSort(params.get("sort"), spec) ?? spec.defaultSort;
  const page = Number(params.get("page"));
  if (Number.isInteger(page) && page >= 1) state.page = page;
  const size = Number(params.get("size"));
  if (spec.pageSizes.includes(size)) state.size = size;
  const cols = params.get("cols");
  if (cols !== null) state.columns = cleanColumns(cols.split(",").filter(Boolean), spec);
  const density = params.get("density") as Density | null;
  if (density && DENSITIES.includes(density)) state.density = density;
  return state;
}

/** The URL of a state, without the defaults; other parameters of `base` are kept. */
export function writeTableState(state: TableState, spec: TableSpec, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of [...KEYS, ...Object.keys(spec.filters)]) params.delete(key);
  const defaults = defaultState(spec);
  if (state.q.trim()) params.set("q", state.q.trim());
  for (const name of Object.keys(spec.filters)) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== defaults.sort) params.set("sort", state.sort);
  if (state.page !== 1) params.set("page", String(state.page));
  if (state.size !== defaults.size) params.set("size", String(state.size));
  const columns = cleanColumns(state.columns, spec);
  if (columns.join(",") !== defaults.columns.join(",")) params.set("cols", columns.join(","));
  if (state.density !== defaults.density) params.set("density", state.density);
  return params;
}

/** True when the URL says nothing about the table (a default view may then apply). */
export function isClean(params: URLSearchParams, spec: TableSpec): boolean {
  return [...KEYS, ...Object.keys(spec.filters)].every((key) => !params.has(key));
}

/** A change that shows other rows starts again from page 1; paging itself and the look don't. */
export function changeState(state: TableState, change: Partial<TableState>): TableState {
  const next = { ...state, ...change };
  const reorders = ["q", "filters", "sort", "size"].some((key) => key in change
    && JSON.stringify(change[key as keyof TableState]) !== JSON.stringify(state[key as keyof TableState]));
  if (reorders && !("page" in change)) next.page = 1;
  return next;
}

/** A header click: the other direction on the sorted column (never "unsorted"); a new column
 * starts ascending, or newest first when `descFirst` (dates). */
export function nextSort(current: string, column: string, descFirst: boolean): string {
  if (current.replace(/^-/, "") === column) return current.startsWith("-") ? column : `-${column}`;
  return descFirst ? `-${column}` : column;
}

/** Show or hide a column; a column shown again goes back to its place among the visible ones. */
export function toggleColumn(columns: readonly string[], id: string, spec: TableSpec): string[] {
  if (columns.includes(id)) return spec.required.includes(id) ? [...columns] : columns.filter((c) => c !== id);
  const rank = spec.allColumns.indexOf(id);
  const before = columns.findIndex((c) => spec.allColumns.indexOf(c) > rank);
  const next = [...columns];
  next.splice(before < 0 ? next.length : before, 0, id);
  return next;
}
