import { describe, expect, it } from "vitest";
import {
  counterText, formatSeconds, greetingError, greetingLength, greetingProblem, isDefaultGreeting, playableUrl,
} from "@/features/settings/greeting";
import { ApiError } from "@/lib/api";

const HEBREW_ONLY = /^[\u0590-\u05FF\s\d.,:;()'"\-–?!/]+$/; // Hebrew words, digits and punctuation: no codes, no English

describe("the greeting's length", () => {
  it("counts the stripped text in characters, as the server does", () => {
    expect(greetingLength("  שלום  ")).toBe(4);
    expect(greetingLength("😀ש")).toBe(2); // code points, not UTF-16 units
    expect(counterText(" שלום עולם ")).toBe("9/600 תווים");
  });

  it("refuses an empty or blank text and one over 600 characters, and takes 600", () => {
    expect(greetingProblem("   \n ")).toBe("כתבו את נוסח הברכה");
    expect(greetingProblem("א".repeat(600))).toBeNull();
    expect(greetingProblem(` ${"א".repeat(600)} `)).toBeNull();
    expect(greetingProblem("א".repeat(603))).toBe("הנוסח ארוך מ-600 תווים ב-3");
  });
});

describe("formatSeconds", () => {
  it("gives a tenth of a second, no trailing zero", () => {
    expect(formatSeconds(5.56)).toBe("5.6");
    expect(formatSeconds(4)).toBe("4");
    expect(formatSeconds(2.04)).toBe("2");
  });
});

describe("the player's URL", () => {
  it("adds a version so a changed greeting is fetched again", () => {
    expect(playableUrl("", "/server/static/voice_responses/3/greeting.mp3", 17))
      .toBe("/server/static/voice_responses/3/greeting.mp3?v=17");
    expect(playableUrl("https://crm.example", "/g.mp3?x=1", "a b")).toBe("https://crm.example/g.mp3?x=1&v=a%20b");
    expect(playableUrl("", "/a.mp3", 1)).not.toBe(playableUrl("", "/a.mp3", 2));
  });

  it("knows the default greeting from the business's own", () => {
    expect(isDefaultGreeting("/server/static/voice_responses/welcome.mp3")).toBe(true);
    expect(isDefaultGreeting("/server/static/voice_responses/3/greeting.mp3")).toBe(false);
  });
});

describe("greetingError", () => {
  const cases: [ApiError, "preview" | "publish" | "upload", string][] = [
    [new ApiError(422, "validation_error", "text: String should have at most 600 characters"), "preview",
      "ההשמעה נכשלה: הנוסח צריך להכיל בין 1 ל-600 תווים"],
    [new ApiError(502, "tts_failed", "Google refused"), "publish",
      "הפעלת הברכה נכשלה: שירות הקול של Google לא הקריא את הטקסט; נסו שוב בעוד רגע"],
    [new ApiError(503, "tts_unavailable", "no engine"), "preview",
      "ההשמעה נכשלה: הקראת טקסט אינה זמינה בשרת כרגע; אפשר להעלות קובץ MP3"],
    [new ApiError(413, "request_entity_too_large", "The data value transmitted exceeds the capacity limit."), "upload",
      "העלאת הקובץ נכשלה: הקובץ גדול מדי; נסו קובץ קצר יותר"],
    [new ApiError(422, "not_mp3", "upload.mp3 is not an MP3 file"), "upload", "העלאת הקובץ נכשלה: הקובץ אינו קובץ MP3 תקין"],
    [new ApiError(415, "unsupported_media_type", "send the greeting as audio/mpeg"), "upload",
      "העלאת הקובץ נכשלה: אפשר להעלות קובץ MP3 בלבד"],
    [new ApiError(403, "forbidden", "admins only"), "publish", "הפעלת הברכה נכשלה: רק מנהל יכול לשנות את הברכה"],
    [new ApiError(500, "internal_error", "boom"), "publish", "הפעלת הברכה נכשלה: תקלה בשרת; נסו שוב"],
  ];

  it.each(cases)("says %s in Hebrew for a %s", (error, action, expected) => {
    expect(greetingError(error, action)).toBe(expected);
  });

  it("never shows the server's code or its English message", () => {
    for (const [error, action] of cases) {
      const message = greetingError(error, action);
      expect(message).not.toContain(error.code);
      expect(message).not.toContain(error.message);
      expect(message.replace(/Google|MP3/g, "")).toMatch(HEBREW_ONLY);
    }
  });

  it("says when the server cannot be reached", () => {
    expect(greetingError(new TypeError("Failed to fetch"), "preview")).toBe("ההשמעה נכשלה: אין חיבור לשרת");
  });
});
