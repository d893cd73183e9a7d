import type { Density } from "@/lib/tableUrl";

/** A saved layout of a table (`server/views/schemas.py` ViewOut), the desktop's too. */
export interface SavedView {
  id: number;
  resource: string;
  name: string;
  /** Visible column ids in order. */
  columns: string[];
  /** `field` or `-field`; "" is the table's default. */
  sort: string;
  /** The search (`q`) and the filters by the server's query names (`status`, `owner_id`);
   * the desktop also keeps its column widths here (`widths`), which the web leaves alone. */
  filters: Record<string, unknown>;
  density: Density;
  is_default: boolean;
}

export type ViewLayout = Pick<SavedView, "columns" | "sort" | "filters" | "density">;
