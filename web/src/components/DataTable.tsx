/**
 * The one data table: TanStack Table v8 over TanStack Query, paged, sorted and filtered on the
 * server (the TanStack "with-tanstack-query" way). Column visibility, density, CSV export, a
 * loading skeleton and a no-data state. Each feature passes its `columns.tsx`.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type PaginationState,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useState } from "react";
import type { Page, PageParams } from "@/lib/types";
import { useDebounced } from "@/lib/useDebounced";

export interface DataTableProps<T> {
  /** The query-key root, e.g. "customers". */
  resource: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  fetchPage: (params: PageParams) => Promise<Page<T>>;
  /** Download every matching row as CSV (same `q` and `sort` as the table). */
  exportCsv?: (params: Omit<PageParams, "page" | "limit">) => Promise<void>;
  initialSort?: SortingState;
  searchLabel?: string;
  onRowClick?: (row: T) => void;
  caption?: string;
}

const PAGE_SIZES = [25, 50, 100];
const SKELETON_ROWS = 8;

export function sortParam(sorting: SortingState): string | undefined {
  const first = sorting[0];
  return first ? `${first.desc ? "-" : ""}${first.id}` : undefined;
}

export function DataTable<T>({
  resource, columns, fetchPage, exportCsv, initialSort = [], searchLabel = "חיפוש", onRowClick, caption,
}: DataTableProps<T>) {
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});
  const [compact, setCompact] = useState(false);
  const [search, setSearch] = useState("");
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const q = useDebounced(search.trim(), 300);
  const sort = sortParam(sorting);

  const params: PageParams = { page: pagination.pageIndex + 1, limit: pagination.pageSize, sort, q: q || undefined };
  const query = useQuery({
    queryKey: [resource, params],
    queryFn: () => fetchPage(params),
    placeholderData: keepPreviousData,
  });

  const resetPage = () => setPagination((p) => ({ ...p, pageIndex: 0 }));

  const table = useReactTable({
    data: query.data?.results ?? [],
    columns,
    state: { pagination, sorting, columnVisibility },
    rowCount: query.data?.total ?? 0,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    onPaginationChange: setPagination,
    onSortingChange: (updater) => {
      setSorting(updater);
      resetPage(); // a new order starts again from page 1
    },
    onColumnVisibilityChange: setColumnVisibility,
    getCoreRowModel: getCoreRowModel(),
  });

  async function runExport() {
    if (!exportCsv) return;
    setExporting(true);
    setExportError(null);
    try {
      await exportCsv({ sort, q: q || undefined });
    } catch (error) {
      setExportError(error instanceof Error ? error.message : "הייצוא נכשל");
    } finally {
      setExporting(false);
    }
  }

  const visibleColumns = table.getVisibleLeafColumns().length;
  const showSkeleton = query.isPending;
  const empty = !showSkeleton && (query.data?.results.length ?? 0) === 0;

  return (
    <section className={`data-table ${compact ? "compact" : ""}`}>
      <div className="toolbar">
        <label className="search">
          <span className="visually-hidden">{searchLabel}</span>
          <input type="search" placeholder={searchLabel} aria-label={searchLabel} value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              resetPage(); // a new filter starts again from page 1
            }} />
        </label>
        <span className="spacer" />
        <details className="menu">
          <summary className="button">עמודות</summary>
          <div className="menu-panel" role="group" aria-label="עמודות מוצגות">
            {table.getAllLeafColumns().filter((c) => c.getCanHide()).map((column) => (
              <label key={column.id}>
                <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
              </label>
            ))}
          </div>
        </details>
        <button type="button" className="button" aria-pressed={compact} onClick={() => setCompact((c) => !c)}>
          {compact ? "תצוגה מרווחת" : "תצוגה צפופה"}
        </button>
        {exportCsv && (
          <button type="button" className="button" onClick={runExport} disabled={exporting}>
            {exporting ? "מייצא…" : "ייצוא CSV"}
          </button>
        )}
      </div>
      {exportError && <p role="alert" className="error">{exportError}</p>}
      {query.isError && <p role="alert" className="error">הטעינה נכשלה: {query.error.message}</p>}

      <div className="table-scroll">
        <table aria-busy={query.isFetching}>
          {caption && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
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
            {showSkeleton &&
              Array.from({ length: SKELETON_ROWS }, (_, i) => (
                <tr key={`skeleton-${i}`} className="skeleton-row" data-testid="skeleton-row">
                  {Array.from({ length: visibleColumns }, (__, j) => (
                    <td key={j}><span className="skeleton" /></td>
                  ))}
                </tr>
              ))}
            {empty && (
              <tr>
                <td colSpan={visibleColumns} className="no-data">אין נתונים להצגה</td>
              </tr>
            )}
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={onRowClick ? "clickable" : undefined}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="pager">
        <span data-testid="total">{query.data ? `${query.data.total.toLocaleString("he-IL")} רשומות` : ""}</span>
        <span className="spacer" />
        <label>
          שורות בעמוד{" "}
          <select value={pagination.pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => <option key={size} value={size}>{size}</option>)}
          </select>
        </label>
        <button type="button" className="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          הקודם
        </button>
        <span>עמוד {pagination.pageIndex + 1} מתוך {Math.max(table.getPageCount(), 1)}</span>
        <button type="button" className="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          הבא
        </button>
      </div>
    </section>
  );
}
