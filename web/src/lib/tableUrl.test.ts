import { describe, expect, it } from "vitest";
import {
  changeState, cleanColumns, defaultState, isClean, nextSort, readTableState, type TableSpec, toggleColumn,
  writeTableState,
} from "@/lib/tableUrl";

const spec: TableSpec = {
  defaultSort: "-created_at",
  sortable: ["name", "status", "created_at", "last_contact_at", "id"],
  allColumns: ["name", "phone", "email", "status", "last_contact_at", "created_at", "address", "id"],
  defaultColumns: ["name", "phone", "email", "status", "last_contact_at", "created_at"],
  required: ["name"],
  pageSizes: [25, 50, 100],
  filters: { status: (v) => ["lead", "active", "inactive"].includes(v), owner: (v) => v === "none" || /^\d+$/.test(v) },
};

const url = (text: string) => new URLSearchParams(text);

describe("tableUrl", () => {
  it("reads a clean URL as the defaults and writes the defaults as nothing", () => {
    expect(readTableState(url(""), spec)).toEqual(defaultState(spec));
    expect(writeTableState(defaultState(spec), spec).toString()).toBe("");
    expect(isClean(url(""), spec)).toBe(true);
    expect(isClean(url("tab=x"), spec)).toBe(true);
    expect(isClean(url("page=2"), spec)).toBe(false);
  });

  it("round-trips every part of the state", () => {
    const state = {
      q: "דנה", filters: { status: "active", owner: "none" }, sort: "-last_contact_at", page: 3, size: 50,
      columns: ["name", "status", "phone"], density: "compact" as const,
    };
    const params = writeTableState(state, spec);
    expect(Object.fromEntries(params)).toEqual({
      q: "דנה", status: "active", owner: "none", sort: "-last_contact_at", page: "3", size: "50",
      cols: "name,status,phone", density: "compact",
    });
    expect(readTableState(params, spec)).toEqual(state);
  });

  it("drops what the table cannot show", () => {
    const state = readTableState(url("status=vip&owner=me&sort=password&page=-2&size=7&cols=bogus,phone&density=huge"), spec);
    expect(state.filters).toEqual({});
    expect(state.sort).toBe("-created_at");
    expect(state.page).toBe(1);
    expect(state.size).toBe(25);
    expect(state.columns).toEqual(["name", "phone"]); // the name can't be hidden
    expect(state.density).toBe("normal");
  });

  it("keeps parameters that are not the table's", () => {
    expect(writeTableState({ ...defaultState(spec), page: 2 }, spec, url("tab=calls&page=9")).toString())
      .toBe("tab=calls&page=2");
  });

  it("cleans columns: known, once, the required one kept in place", () => {
    expect(cleanColumns(["phone", "phone", "email"], spec)).toEqual(["name", "phone", "email"]);
    expect(cleanColumns(["status", "name"], spec)).toEqual(["status", "name"]);
  });

  it("goes back to page 1 when the rows change, not when only the look does", () => {
    const on3 = { ...defaultState(spec), page: 3 };
    expect(changeState(on3, { q: "x" }).page).toBe(1);
    expect(changeState(on3, { filters: { status: "lead" } }).page).toBe(1);
    expect(changeState(on3, { sort: "name" }).page).toBe(1);
    expect(changeState(on3, { size: 50 }).page).toBe(1);
    expect(changeState(on3, { density: "compact" }).page).toBe(3);
    expect(changeState(on3, { columns: ["name"] }).page).toBe(3);
    expect(changeState(on3, { q: "" }).page).toBe(3); // the same search: nothing changed
  });

  it("toggles a sort between its two directions, dates newest first", () => {
    expect(nextSort("-created_at", "name", false)).toBe("name");
    expect(nextSort("name", "name", false)).toBe("-name");
    expect(nextSort("-name", "name", false)).toBe("name");
    expect(nextSort("name", "last_contact_at", true)).toBe("-last_contact_at");
    expect(nextSort("-last_contact_at", "last_contact_at", true)).toBe("last_contact_at");
  });

  it("hides a column and shows it again at its place, never hiding the required one", () => {
    const shown = ["status", "name", "phone"];
    expect(toggleColumn(shown, "phone", spec)).toEqual(["status", "name"]);
    expect(toggleColumn(shown, "name", spec)).toEqual(shown);
    expect(toggleColumn(["name", "phone", "status"], "email", spec)).toEqual(["name", "phone", "email", "status"]);
    expect(toggleColumn(["name"], "id", spec)).toEqual(["name", "id"]);
  });
});
