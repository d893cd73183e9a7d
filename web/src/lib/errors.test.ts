import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api";
import MESSAGES from "@/lib/error-messages.json";
import { hebrewError } from "@/lib/errors";
import { vapidKeyBytes } from "@/lib/push";

describe("hebrewError", () => {
  it("keeps the server's Hebrew message", () => {
    expect(hebrewError(new ApiError(409, "outside_window", "עברו יותר מ-24 שעות"), "ההודעה לא נשלחה"))
      .toBe("ההודעה לא נשלחה: עברו יותר מ-24 שעות");
  });

  it("says an English server message in Hebrew by its code, never showing the code", () => {
    expect(hebrewError(new ApiError(422, "invalid_phone", "not a phone number: 12"), "השמירה נכשלה"))
      .toBe("השמירה נכשלה: מספר הטלפון אינו תקין");
    expect(hebrewError(new ApiError(404, "not_found", "Not Found"), "x")).toBe("x: הפריט לא נמצא; ייתכן שנמחק");
    expect(hebrewError(new ApiError(500, "internal_error", "something went wrong on our side"), "x"))
      .toBe("x: תקלה בשרת; נסו שוב בעוד רגע");
  });

  it("falls back to the status for a code it does not know, still without the code", () => {
    expect(hebrewError(new ApiError(409, "brand_new_code", "the business has no number"), "השיחה לא יצאה"))
      .toBe("השיחה לא יצאה: הפעולה אינה אפשרית כרגע");
    expect(hebrewError(new ApiError(502, "upstream", "bad gateway"), "x")).toBe("x: תקלה בשרת; נסו שוב בעוד רגע");
    expect(hebrewError(new ApiError(418, "teapot", "short and stout"), "x")).toBe("x: הפעולה נכשלה");
    expect(hebrewError(new ApiError(409, "toString", "inherited names are not codes"), "x"))
      .toBe("x: הפעולה אינה אפשרית כרגע");
  });

  it("never shows an English message of the page itself", () => {
    expect(hebrewError(new RangeError("Invalid time value"), "x")).toBe("x: תקלה לא צפויה; נסו שוב");
  });

  it("has a Hebrew sentence for every code in its table", () => {
    for (const [code, message] of Object.entries(MESSAGES)) {
      expect(message, code).toMatch(/[\u0590-\u05FF]/);
      expect(message, code).not.toContain(code);
    }
  });

  it("knows the click-to-call refusals by code", () => {
    expect(hebrewError(new ApiError(409, "agent_phone_missing", "your user has no phone number"), "השיחה לא יצאה"))
      .toBe("השיחה לא יצאה: למשתמש שלך אין מספר טלפון לצלצל אליו; אפשר להגדיר אותו בדף הפרופיל");
  });

  it("says when the server cannot be reached", () => {
    expect(hebrewError(new TypeError("Failed to fetch"), "השמירה נכשלה")).toBe("השמירה נכשלה: אין חיבור לשרת");
  });
});

describe("vapidKeyBytes", () => {
  it("decodes base64url without padding", () => {
    expect(Array.from(vapidKeyBytes("AQID_-8"))).toEqual([1, 2, 3, 255, 239]);
    expect(vapidKeyBytes("BA".padEnd(87, "A"))).toHaveLength(65);
  });
});
