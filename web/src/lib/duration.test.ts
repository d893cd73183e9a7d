import { describe, expect, it } from "vitest";
import { durationWords } from "@/lib/duration";

describe("durationWords", () => {
  it("says nothing called back as a dash", () => {
    expect(durationWords(null)).toBe("—");
    expect(durationWords(undefined)).toBe("—");
    expect(durationWords(-5)).toBe("—");
  });
  it("counts seconds under a minute, with Hebrew's one and two", () => {
    expect(durationWords(0)).toBe("0 שניות");
    expect(durationWords(1)).toBe("שנייה");
    expect(durationWords(2)).toBe("שתי שניות");
    expect(durationWords(45)).toBe("45 שניות");
  });
  it("rounds to the minute past one", () => {
    expect(durationWords(60)).toBe("דקה");
    expect(durationWords(125)).toBe("שתי דקות");
    expect(durationWords(1260)).toBe("21 דקות");
    expect(durationWords(1289)).toBe("21 דקות");
  });
  it("says hours and days with what is left", () => {
    expect(durationWords(3600)).toBe("שעה");
    expect(durationWords(7200 + 300)).toBe("שעתיים ו-5 דקות");
    expect(durationWords(3 * 3600 + 60)).toBe("3 שעות ודקה");
    expect(durationWords(86400)).toBe("יום");
    expect(durationWords(2 * 86400 + 3 * 3600)).toBe("יומיים ו-3 שעות");
  });
});
