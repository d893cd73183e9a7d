import { describe, expect, it } from "vitest";
import { refusal } from "@/features/customers/card/refusals";
import { ApiError } from "@/lib/api";

describe("the card's refusals", () => {
  it("says an invoice or contract refusal in Hebrew, never the server's English", () => {
    const text = refusal(new ApiError(409, "invalid_transition", "an invoice cannot go from paid to issued"),
      "החשבונית לא עודכנה");
    expect(text).toBe("החשבונית לא עודכנה: אי אפשר להעביר את המסמך לסטטוס הזה מהסטטוס הנוכחי שלו");
    expect(refusal(new ApiError(409, "contract_locked", "a sent contract cannot be edited"), "החוזה לא נשמר"))
      .not.toMatch(/[A-Za-z]{3}/);
  });

  it("leaves every other error to the app's table", () => {
    const text = refusal(new TypeError("Failed to fetch"), "החוזה לא נשלח");
    expect(text.startsWith("החוזה לא נשלח: ")).toBe(true);
    expect(text).not.toContain("Failed to fetch");
  });
});
