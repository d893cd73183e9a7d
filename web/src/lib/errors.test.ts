import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";
import { vapidKeyBytes } from "@/lib/push";

describe("hebrewError", () => {
  it("keeps the server's Hebrew message", () => {
    expect(hebrewError(new ApiError(409, "outside_window", "עברו יותר מ-24 שעות"), "ההודעה לא נשלחה"))
      .toBe("ההודעה לא נשלחה: עברו יותר מ-24 שעות");
  });

  it("puts an English server message into Hebrew by status, keeping the code", () => {
    expect(hebrewError(new ApiError(409, "no_twilio_number", "the business has no number"), "השיחה לא יצאה"))
      .toBe("השיחה לא יצאה: הפעולה אינה אפשרית כרגע (no_twilio_number)");
    expect(hebrewError(new ApiError(404, "not_found", "Not Found"), "השיחה לא יצאה"))
      .toBe("השיחה לא יצאה: הפעולה אינה זמינה בשרת (not_found)");
    expect(hebrewError(new ApiError(502, "upstream", "bad gateway"), "x")).toBe("x: תקלה בשרת; נסו שוב (upstream)");
  });

  it("knows the click-to-call refusals by code", () => {
    expect(hebrewError(new ApiError(409, "agent_phone_missing", "your user has no phone number"), "השיחה לא יצאה"))
      .toBe("השיחה לא יצאה: למשתמש שלך אין מספר טלפון לצלצל אליו; מנהל יכול להגדיר אותו");
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
