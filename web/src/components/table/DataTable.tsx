/**
 * The one data table: TanStack Table v8 over TanStack Query, paged, sorted and filtered on the
 * server. Its state (search, filters, sort, page, page size, columns, density) is the page's,
 * kept in the URL (`useTableUrl`), so Back from a card and a reload show the same table. A
 * sticky header, a columns menu, a density menu, CSV export of what the screen shows, a
 * skeleton, an empty state; below 640 px a list of cards (one link per row) instead of columns.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  type ColumnDef, flexRender, getCoreRowModel, type RowData, useReactTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Download, Search } from "lucide-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { ColumnsMenu } from "@/components/table/ColumnsMenu";
import { DensityMenu } from "@/components/table/DensityMenu";
import { useNarrow } from "@/components/table/useNarrow";
import type { ChangeTable } from "@/components/table/useTableUrl";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toast";
import { hebrewError } from "@/lib/errors";
import { nextSort, type TableSpec, type TableState } from "@/lib/tableUrl";
import type { Page } from "@/lib/types";
import "@/styles/table.css";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The first click sorts descending (dates: newest first). */
    descFirst?: boolean;
  }
}

export type ServerParams = Record<string, string | number | undefined>;

export interface DataTableProps<T> {
  /** The query-key root, e.g. "customers". */
  resource: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  spec: TableSpec;
  state: TableState;
  onChange: ChangeTable;
  /** The filters as the server's list takes them (`status`, `owner_id`...). */
  serverFilters: ServerParams;
  fetchPage: (params: ServerParams) => Promise<Page<T>>;
  /** Download what the screen shows as CSV: the same filters, search, sort and `columns`. */
  exportCsv?: (params: ServerParams) => Promise<void>;
  /** Hold the first request (a saved default view is on its way). */
  enabled?: boolean;
  /** The search box's label; a table the server cannot search (the audit log) has none. */
  searchLabel?: string;
  caption: string;
  countLabel: (total: number) => string;
  /** Menus before the columns menu (filters, saved views). */
  tools?: ReactNode;
  /** Under the toolbar: the chosen filters as chips. */
  chips?: ReactNode;
  rowKey: (row: T) => string | number;
  onRowClick?: (row: T) => void;
  /** A row as a phone card (a link). */
  renderCard: (row: T) => ReactNode;
  /** What to show when nothing matched (`filtered`: a search or a filter is on). */
  renderEmpty: (filtered: boolean) => ReactNode;
}

const SKELETON_ROWS = 8;
const SEARCH_DELAY = 300;

export function DataTable<T>(props: DataTableProps<T>) {
  const { resource, columns, spec, state, onChange, serverFilters, fetchPage, exportCsv, enabled = true,
    searchLabel, caption, countLabel, tools, chips, rowKey, onRowClick, renderCard, renderEmpty } = props;
  const narrow = useNarrow();
  const toast = useToast();
  const [exporting, setExporting] = useState(false);

  const params: ServerParams = { ...serverFilters, q: state.q || undefined, sort: state.sort };
  const query = useQuery({
    queryKey: [resource, { ...params, page: state.page, limit: state.size }],
    queryFn: () => fetchPage({ ...params, page: state.page, limit: state.size }),
    placeholderData: keepPreviousData,
    enabled,
  });
  const pages = query.data?.pages ?? 1;

  // A page past the end (rows deleted, a bookmark): the last page instead, in place.
  useEffect(() => {
    if (query.data && !query.isPlaceholderData && state.page > query.data.pages) {
      onChange({ page: query.data.pages }, { replace: true });
    }
  }, [query.data, query.isPlaceholderData, state.page, onChange]);

  const hidden = spec.allColumns.filter((id) => !state.columns.includes(id));
  const table = useReactTable({
    data: query.data?.results ?? [],
    columns,
    state: {
      columnOrder: [...state.columns, ...hidden],
      columnVisibility: Object.fromEntries(hidden.map((id) => [id, false])),
    },
    getRowId: (row) => String(rowKey(row)),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    getCoreRowModel: getCoreRowModel(),
  });

  async function runExport() {
    if (!exportCsv) return;
    setExporting(true);
    try {
      await exportCsv({ ...params, columns: state.columns.join(",") });
    } catch (error) {
      toast({ text: hebrewError(error, "הייצוא נכשל"), tone: "error" });
    } finally {
      setExporting(false);
    }
  }

  const visibleCount = table.getVisibleLeafColumns().length;
  const showSkeleton = query.isPending;
  const rows = table.getRowModel().rows;
  const empty = !showSkeleton && !query.isError && rows.length === 0;
  const filtered = Boolean(state.q) || Object.values(serverFilters).some((v) => v !== undefined && v !== "");

  return (
    <section className={`data-table density-${state.density}`} aria-label={caption}>
      <div className="table-toolbar">
        {searchLabel && <SearchBox label={searchLabel} value={state.q} onSearch={(q) => onChange({ q }, { replace: true })} />}
        <div className="table-tools">
          {tools}
          <ColumnsMenu table={table} spec={spec} state={state} onChange={onChange} />
          <DensityMenu density={state.density} onChange={(density) => onChange({ density })} />
          {exportCsv && (
            <Button icon={Download} onClick={runExport} disabled={exporting} className="export-button"
              aria-label="ייצוא CSV" title="ייצוא CSV של מה שמוצג">
              <span className="tool-text">{exporting ? "מייצא…" : "ייצוא CSV"}</span>
            </Button>
          )}
        </div>
      </div>
      {chips}
      {query.isError && (
        <div role="alert" className="error table-error">
          {hebrewError(query.error, "הטעינה נכשלה")}
          <Button variant="small" onClick={() => query.refetch()}>ניסיון נוסף</Button>
        </div>
      )}

      {narrow ? (
        <ul className="card-list" aria-label={caption} aria-busy={query.isFetching}>
          {showSkeleton && Array.from({ length: 5 }, (_, i) => (
            <li key={`skeleton-${i}`} className="row-card skeleton-card" data-testid="skeleton-row">
              <span className="skeleton" /><span className="skeleton short" />
            </li>
          ))}
          {rows.map((row) => <li key={row.id}>{renderCard(row.original)}</li>)}
        </ul>
      ) : (
        <div className={`table-scroll ${query.isPlaceholderData ? "stale" : ""}`}>
          <table aria-busy={query.isFetching}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const id = header.column.id;
                    const sorted = state.sort.replace(/^-/, "") === id ? (state.sort.startsWith("-") ? "desc" : "asc") : null;
                    const canSort = spec.sortable.includes(id) && header.column.columnDef.enableSorting !== false;
                    const SortIcon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                    return (
                      <th key={header.id} data-column={id}
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}>
                        {canSort ? (
                          <button type="button" className={`sort ${sorted ? "sorted" : ""}`}
                            onClick={() => onChange({ sort: nextSort(state.sort, id, !!header.column.columnDef.meta?.descFirst) })}>
                            {flexRender(header.column.columnDef.header, header.getContext())}
                            <SortIcon size={14} aria-hidden="true" className="sort-icon" />
                          </button>
                        ) : (
                          flexRender(header.column.columnDef.header, header.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {showSkeleton && Array.from({ length: SKELETON_ROWS }, (_, i) => (
                <tr key={`skeleton-${i}`} className="skeleton-row" data-testid="skeleton-row">
                  {Array.from({ length: visibleCount }, (__, j) => (
                    <td key={j}><span className="skeleton" style={{ width: `${50 + ((i * 7 + j * 13) % 5) * 12}%` }} /></td>
                  ))}
                </tr>
              ))}
              {rows.map((row) => (
                <tr key={row.id} className={onRowClick ? "clickable" : undefined}
                  onClick={onRowClick ? (event) => {
                    // a click on the row's own link or button does its own thing
                    if (!(event.target as HTMLElement).closest("a, button")) onRowClick(row.original);
                  } : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} data-column={cell.column.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {empty && <div className="table-empty">{renderEmpty(filtered)}</div>}

      <Pager total={query.data?.total} countLabel={countLabel} page={state.page} pages={pages}
        size={state.size} sizes={spec.pageSizes} narrow={narrow}
        onPage={(page) => onChange({ page })} onSize={(size) => onChange({ size })} />
    </section>
  );
}

/** The search box: the URL follows the typing after a pause, replacing its entry (no history
 * entry per keystroke); a URL changed from outside (Back, a saved view) refills the box. */
function SearchBox({ label, value, onSearch }: { label: string; value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const synced = useRef(value);
  const search = useRef(onSearch);
  search.current = onSearch;
  useEffect(() => {
    if (value !== synced.current) {
      synced.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text.trim() === synced.current) return undefined;
    const timer = setTimeout(() => {
      synced.current = text.trim();
      search.current(text.trim());
    }, SEARCH_DELAY);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <label className="table-search">
      <Search size={16} aria-hidden="true" className="search-icon" />
      <span className="visually-hidden">{label}</span>
      <input type="search" placeholder={label} aria-label={label} value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  );
}

function Pager({ total, countLabel, page, pages, size, sizes, narrow, onPage, onSize }: {
  total: number | undefined;
  countLabel: (total: number) => string;
  page: number;
  pages: number;
  size: number;
  sizes: readonly number[];
  narrow: boolean;
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}) {
  const last = Math.max(pages, 1);
  return (
    <nav className="pager" aria-label="דפדוף">
      <span data-testid="total" className="pager-count">{total === undefined ? "" : countLabel(total)}</span>
      <span className="spacer" />
      {!narrow && (
        <label className="pager-size">
          שורות בעמוד
          <select value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {sizes.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      )}
      {/* In RTL "previous" points right and "next" points left. */}
      <Button icon={ChevronRight} label="העמוד הקודם" onClick={() => onPage(page - 1)} disabled={page <= 1} />
      <span className="pager-page" data-testid="page" aria-live="polite">
        {narrow ? `${page}/${last}` : `עמוד ${page} מתוך ${last}`}
      </span>
      <Button icon={ChevronLeft} label="העמוד הבא" onClick={() => onPage(page + 1)} disabled={page >= last} />
    </nav>
  );
}
