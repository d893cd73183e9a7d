import { describe, expect, it } from "vitest";
import { DAYS, dayText, gridFromHours, hoursFromGrid, nextRange } from "@/features/settings/hours";

const WEEK = {
  sun: [["08:00", "17:00"]], mon: [["08:00", "12:00"], ["13:00", "17:00"]], tue: [["08:00", "17:00"]],
  wed: [["08:00", "17:00"]], thu: [["08:00", "24:00"]], fri: [["08:00", "13:00"]], sat: [],
} as Record<string, [string, string][]>;

describe("the hours grid", () => {
  it("has a row per day, Sunday to Saturday, in Hebrew", () => {
    const grid = gridFromHours(WEEK);
    expect(grid.map((row) => row.label)).toEqual(["ראשון", "שני", "שלישי", "רביעי", "חמישי", "שישי", "שבת"]);
    expect(grid[1]!.ranges).toEqual([{ start: "08:00", end: "12:00" }, { start: "13:00", end: "17:00" }]);
    expect(grid[6]!.ranges).toEqual([]);
  });

  it("goes back to the same JSON, every day present", () => {
    const back = hoursFromGrid(gridFromHours(WEEK));
    expect(back).toEqual(WEEK);
    expect(Object.keys(back)).toEqual(DAYS.map((d) => d.key));
  });

  it("takes an end of 00:00 as midnight (24:00), and tidies what was typed", () => {
    const grid = gridFromHours(WEEK);
    expect(grid[4]!.ranges[0]!.end).toBe("24:00");
    grid[6]!.ranges.push({ start: " 8:00", end: "00:00" });
    expect(hoursFromGrid(grid).sat).toEqual([["08:00", "24:00"]]);
    grid[5]!.ranges = [{ start: "00:00", end: "7:30" }, { start: "שמונה", end: "" }];
    expect(hoursFromGrid(grid).fri).toEqual([["00:00", "07:30"], ["שמונה", ""]]);
  });

  it("treats missing days and no hours at all as closed", () => {
    const grid = gridFromHours({ sun: [["09:00", "10:00"]] });
    expect(grid.filter((row) => row.ranges.length === 0)).toHaveLength(6);
    expect(hoursFromGrid(gridFromHours(null)).fri).toEqual([]);
  });

  it("sends what was typed, overlaps included: the server judges them", () => {
    const grid = gridFromHours({});
    grid[0]!.ranges = [{ start: "08:00", end: "12:00" }, { start: "11:00", end: "14:00" }];
    expect(hoursFromGrid(grid).sun).toEqual([["08:00", "12:00"], ["11:00", "14:00"]]);
  });

  it("offers the next range after the last one", () => {
    expect(nextRange([])).toEqual({ start: "09:00", end: "17:00" });
    expect(nextRange([{ start: "08:00", end: "12:00" }])).toEqual({ start: "13:00", end: "15:00" });
    expect(nextRange([{ start: "08:00", end: "24:00" }])).toEqual({ start: "23:00", end: "23:59" });
    expect(nextRange([{ start: "08:00", end: "?" }])).toEqual({ start: "09:00", end: "17:00" });
  });

  it("says a day in words", () => {
    const grid = gridFromHours(WEEK);
    expect(dayText(grid[1]!)).toBe("08:00–12:00, 13:00–17:00");
    expect(dayText(grid[4]!)).toBe("08:00–24:00");
    expect(dayText(grid[6]!)).toBe("סגור");
  });
});
