import { describe, expect, it } from "vitest";
import { presenceView } from "@/features/presence/view";

describe("presenceView", () => {
  it("is available only when chosen and connected", () => {
    expect(presenceView("available", true)).toMatchObject({ label: "זמין", effective: "available", short: "" });
    expect(presenceView("available", false)).toMatchObject({ label: "זמין", short: "לא מחובר", effective: "away",
      tone: "offline" });
    expect(presenceView("away", true)).toMatchObject({ label: "לא זמין", effective: "away" });
    expect(presenceView("away", false)).toMatchObject({ label: "לא זמין", effective: "away" });
    expect(presenceView(null, true)).toMatchObject({ tone: "loading" });
    // still connecting: no "offline" flash on a page load
    expect(presenceView("available", null)).toMatchObject({ tone: "available", short: "" });
  });
});
