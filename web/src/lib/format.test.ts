import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format";

describe("formatDateTime", () => {
  it("uses Israel's time zone", () => {
    expect(formatDateTime("2026-01-15T10:30:00Z")).toContain("12:30");
    expect(formatDateTime("")).toBe("");
    expect(formatDateTime("not a date")).toBe("");
  });
});
