/** "עמודות": a checkbox per column (the required ones can't be hidden), "show all" and a
 * reset to the table's default columns. */
import type { Table } from "@tanstack/react-table";
import { Columns3, Eye, RotateCcw } from "lucide-react";
import type { ChangeTable } from "@/components/table/useTableUrl";
import { Menu } from "@/components/ui/Menu";
import { type TableSpec, type TableState, toggleColumn } from "@/lib/tableUrl";

export function ColumnsMenu<T>({ table, spec, state, onChange }: {
  table: Table<T>;
  spec: TableSpec;
  state: TableState;
  onChange: ChangeTable;
}) {
  const all = spec.allColumns.map((id) => table.getColumn(id)).filter((c) => c !== undefined);
  const isDefault = state.columns.join(",") === spec.defaultColumns.join(",");
  const allShown = spec.allColumns.every((id) => state.columns.includes(id));
  return (
    <Menu label="עמודות" icon={Columns3} title="העמודות המוצגות">
      <p className="menu-heading">עמודות מוצגות</p>
      {all.map((column) => {
        const required = spec.required.includes(column.id);
        const header = column.columnDef.header;
        return (
          <label key={column.id} className={required ? "disabled" : undefined}>
            <input type="checkbox" checked={state.columns.includes(column.id)} disabled={required}
              onChange={() => onChange({ columns: toggleColumn(state.columns, column.id, spec) })} />
            {typeof header === "string" ? header : column.id}
          </label>
        );
      })}
      <div className="menu-separator" />
      <button type="button" className="menu-item" disabled={allShown}
        onClick={() => onChange({ columns: spec.allColumns.reduce((shown, id) =>
          shown.includes(id) ? shown : toggleColumn(shown, id, spec), state.columns) })}>
        <Eye size={15} aria-hidden="true" />
        הצגת כל העמודות
      </button>
      <button type="button" className="menu-item" disabled={isDefault}
        onClick={() => onChange({ columns: [...spec.defaultColumns] })}>
        <RotateCcw size={15} aria-hidden="true" />
        איפוס לעמודות ברירת המחדל
      </button>
    </Menu>
  );
}
