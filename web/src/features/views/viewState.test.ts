import { describe, expect, it } from "vitest";
import { layoutFromState, showsView, stateFromView } from "@/features/views/viewState";
import type { SavedView } from "@/features/views/types";
import { defaultState, type TableSpec } from "@/lib/tableUrl";

const spec: TableSpec = {
  defaultSort: "-created_at",
  sortable: ["name", "status", "created_at", "last_contact_at"],
  allColumns: ["name", "phone", "email", "status", "last_contact_at", "created_at"],
  defaultColumns: ["name", "phone", "email", "status", "last_contact_at", "created_at"],
  required: ["name"],
  pageSizes: [25, 50, 100],
  filters: { status: (v) => ["lead", "active"].includes(v), owner: (v) => v === "none" || /^\d+$/.test(v) },
};
const keys = { status: "status", owner: "owner_id" };

// What desktop/layouts.py `capture` saves: None for an unset filter, widths beside them.
const desktop: SavedView = {
  id: 7, resource: "customers", name: "לידים שלי", columns: ["status", "name", "phone", "unknown"],
  sort: "-last_contact_at", density: "comfortable", is_default: false,
  filters: { q: "כהן", status: "lead", owner_id: 3, widths: { name: 200 } },
};

describe("saved views", () => {
  it("reads a desktop layout: columns in its order, sort, filters, density", () => {
    const current = { ...defaultState(spec), size: 50, page: 4 };
    expect(stateFromView(desktop, spec, keys, current)).toEqual({
      q: "כהן", filters: { status: "lead", owner: "3" }, sort: "-last_contact_at", page: 1, size: 50,
      columns: ["status", "name", "phone"], density: "comfortable",
    });
    const unset = { ...desktop, sort: "", columns: [], filters: { q: "", status: null, owner_id: null } };
    expect(stateFromView(unset, spec, keys, current)).toMatchObject({
      q: "", filters: {}, sort: "-created_at", columns: spec.defaultColumns,
    });
  });

  it("saves what the desktop reads: owner_id a number or none, q always", () => {
    const state = { ...defaultState(spec), filters: { owner: "12", status: "active" }, density: "compact" as const };
    expect(layoutFromState(state, keys)).toEqual({
      columns: spec.defaultColumns, sort: "-created_at", density: "compact",
      filters: { q: "", status: "active", owner_id: 12 },
    });
    expect(layoutFromState({ ...state, filters: { owner: "none" } }, keys).filters).toEqual({ q: "", owner_id: "none" });
  });

  it("knows the view the table shows, whatever the page", () => {
    const state = { ...stateFromView(desktop, spec, keys, defaultState(spec)), page: 3 };
    expect(showsView(desktop, state, spec, keys)).toBe(true);
    expect(showsView(desktop, { ...state, density: "compact" }, spec, keys)).toBe(false);
  });
});
