/** Per agent over the chosen range: their presence now, calls answered, called back, and the
 * median time to call back. TanStack Table, sorted in the browser (the whole team is one
 * answer, so the server-paged DataTable has nothing to page); cards on a phone. */
import {
  type ColumnDef, createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useState } from "react";
import { useNarrow } from "@/components/table/useNarrow";
import { Badge, type Tone } from "@/components/ui/Badge";
import type { AgentStats, MemberPresence } from "@/features/calls-board/types";
import { durationWords } from "@/lib/duration";
import "@/styles/table.css";

export interface AgentRow extends AgentStats {
  presence: MemberPresence | undefined;
}

/** The presence badge: available (connected and chosen), away, or chosen but not connected. */
export function presenceBadge(presence: MemberPresence | undefined): { text: string; tone: Tone } {
  if (!presence) return { text: "—", tone: "neutral" };
  if (presence.effective === "available") return { text: "זמין", tone: "success" };
  if (presence.status === "available" && !presence.online) return { text: "לא מחובר", tone: "warning" };
  return { text: "לא זמין", tone: "neutral" };
}

const column = createColumnHelper<AgentRow>();
// The median sorts as a number, "none" last either way.
const MEDIAN_NONE = Number.MAX_SAFE_INTEGER;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const COLUMNS: ColumnDef<AgentRow, any>[] = [
  column.accessor("name", { header: "נציג", cell: (c) => <strong>{c.getValue()}</strong> }),
  column.accessor((row) => presenceBadge(row.presence).text, {
    id: "presence", header: "זמינות",
    cell: (c) => {
      const badge = presenceBadge(c.row.original.presence);
      return <Badge tone={badge.tone}>{badge.text}</Badge>;
    },
  }),
  column.accessor("answered", { header: "שיחות שענה", sortDescFirst: true }),
  column.accessor("called_back", { header: "חזר אליהם", sortDescFirst: true }),
  column.accessor((row) => row.median_callback_seconds ?? MEDIAN_NONE, {
    id: "median", header: "זמן חזרה (חציון)",
    cell: (c) => durationWords(c.row.original.median_callback_seconds),
  }),
];

export function AgentsTable({ rows }: { rows: AgentRow[] }) {
  const narrow = useNarrow();
  const [sorting, setSorting] = useState<SortingState>([{ id: "answered", desc: true }]);
  const table = useReactTable({
    data: rows, columns: COLUMNS, state: { sorting }, onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), getRowId: (row) => String(row.user_id),
  });

  if (narrow) {
    return (
      <ul className="card-list agent-cards" aria-label="נציגים">
        {table.getRowModel().rows.map(({ original: row }) => {
          const badge = presenceBadge(row.presence);
          return (
            <li key={row.user_id} className="agent-card" data-testid="agent-row">
              <div className="agent-card-head"><strong>{row.name}</strong><Badge tone={badge.tone}>{badge.text}</Badge></div>
              <dl>
                <div><dt>שיחות שענה</dt><dd>{row.answered}</dd></div>
                <div><dt>חזר אליהם</dt><dd>{row.called_back}</dd></div>
                <div><dt>זמן חזרה</dt><dd>{durationWords(row.median_callback_seconds)}</dd></div>
              </dl>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <div className="data-table density-normal agents-table">
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">נציגים</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const SortIcon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                  return (
                    <th key={header.id} data-column={header.column.id}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
                      <button type="button" className={`sort ${sorted ? "sorted" : ""}`}
                        onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <SortIcon size={14} aria-hidden="true" className="sort-icon" />
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-testid="agent-row">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} data-column={cell.column.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
