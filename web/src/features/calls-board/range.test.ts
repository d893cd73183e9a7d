import { describe, expect, it } from "vitest";
import { addDays, dateWords, presetOf, presetRange, rangeFrom, todayIn } from "@/features/calls-board/range";

describe("the board's dates", () => {
  it("takes today where the business is", () => {
    // 23:30 UTC on 1 December is already 2 December in Israel
    expect(todayIn(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-02");
    expect(todayIn(new Date("2026-12-01T12:00:00Z"))).toBe("2026-12-01");
    expect(todayIn(new Date("2026-12-01T23:30:00Z"), "Europe/London")).toBe("2026-12-01");
  });

  it("moves across months and years", () => {
    expect(addDays("2026-12-02", -6)).toBe("2026-11-26");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("makes the presets end today", () => {
    expect(presetRange("today", "2026-12-02")).toEqual({ from: "2026-12-02", to: "2026-12-02" });
    expect(presetRange("7", "2026-12-02")).toEqual({ from: "2026-11-26", to: "2026-12-02" });
    expect(presetRange("30", "2026-12-02")).toEqual({ from: "2026-11-03", to: "2026-12-02" });
    expect(presetOf("2026-11-26", "2026-12-02", "2026-12-02")).toBe("7");
    expect(presetOf("2026-11-25", "2026-12-02", "2026-12-02")).toBeNull();
  });

  it("reads the range from the address, else the last week", () => {
    expect(rangeFrom(new URLSearchParams("from=2026-10-01&to=2026-10-31"), "2026-12-02"))
      .toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(rangeFrom(new URLSearchParams("from=nope"), "2026-12-02")).toEqual({ from: "2026-11-26", to: "2026-12-02" });
  });

  it("says a date in Hebrew", () => {
    expect(dateWords("2026-12-01")).toBe("1 בדצמבר 2026");
  });
});
