/** "עמודות": a checkbox per column (the required ones can't be hidden), "show all" and a
 * reset to the table's default columns. */
import type { Table } from "@tanstack/react-table";
import { Columns3, Eye, RotateCcw } from "lucide-react";
import { useEffect, useState } from "react";
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
  // The boxes follow the click at once; the URL (and so `state`) follows the router a moment
  // later, and a controlled checkbox would spring back until then.
  const [shown, setShown] = useState(state.columns);
  const key = state.columns.join(",");
  useEffect(() => setShown(key.split(",")), [key]);
  const show = (columns: string[]) => {
    setShown(columns);
    onChange({ columns });
  };
  const isDefault = shown.join(",") === spec.defaultColumns.join(",");
  const allShown = spec.allColumns.every((id) => shown.includes(id));
  return (
    <Menu label="עמודות" icon={Columns3} title="העמודות המוצגות">
      <p className="menu-heading">עמודות מוצגות</p>
      {all.map((column) => {
        const required = spec.required.includes(column.id);
        const header = column.columnDef.header;
        return (
          <label key={column.id} className={required ? "disabled" : undefined}>
            <input type="checkbox" checked={shown.includes(column.id)} disabled={required}
              onChange={() => show(toggleColumn(shown, column.id, spec))} />
            {typeof header === "string" ? header : column.id}
          </label>
        );
      })}
      <div className="menu-separator" />
      <button type="button" className="menu-item" disabled={allShown}
        onClick={() => show(spec.allColumns.reduce((all, id) => all.includes(id) ? all : toggleColumn(all, id, spec), shown))}>
        <Eye size={15} aria-hidden="true" />
        הצגת כל העמודות
      </button>
      <button type="button" className="menu-item" disabled={isDefault}
        onClick={() => show([...spec.defaultColumns])}>
        <RotateCcw size={15} aria-hidden="true" />
        איפוס לעמודות ברירת המחדל
      </button>
    </Menu>
  );
}
