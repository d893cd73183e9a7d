import { describe, expect, it } from "vitest";
import { formatDateTime, formatPhone } from "@/lib/format";

describe("formatPhone", () => {
  it("shows Israeli numbers in local form", () => {
    expect(formatPhone("+972541234567")).toBe("054-123-4567");
    expect(formatPhone("+97235550100")).toBe("03-555-0100");
    expect(formatPhone("+14155550100")).toBe("+14155550100");
    expect(formatPhone(null)).toBe("");
  });
});

describe("formatDateTime", () => {
  it("uses Israel's time zone", () => {
    expect(formatDateTime("2026-01-15T10:30:00Z")).toContain("12:30");
    expect(formatDateTime("")).toBe("");
    expect(formatDateTime("not a date")).toBe("");
  });
});
