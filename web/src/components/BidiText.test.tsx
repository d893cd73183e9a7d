import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BidiText } from "@/components/BidiText";

describe("BidiText", () => {
  it("isolates a phone number after a Hebrew letter, and leaves other text alone", () => {
    expect(renderToStaticMarkup(<BidiText text="להתקשר בחזרה ל053-987-6543" />))
      .toBe('להתקשר בחזרה ל<bdi dir="ltr">053-987-6543</bdi>');
    expect(renderToStaticMarkup(<BidiText text="להתקשר בחזרה לדנה כהן" />)).toBe("להתקשר בחזרה לדנה כהן");
    expect(renderToStaticMarkup(<BidiText text="פגישה ב-10" />)).toBe("פגישה ב-10");
  });
});
