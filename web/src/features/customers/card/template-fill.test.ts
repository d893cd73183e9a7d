import { describe, expect, it } from "vitest";
import { fillTemplate, templateVariables } from "@/features/customers/card/template-fill";

describe("template preview", () => {
  it("fills each variable, keeping an empty one as its placeholder", () => {
    const body = "שלום {{1}}, נתראה ב-{{2}} במשרד. {{ 1 }}";
    expect(fillTemplate(body, { "1": "דנה כהן", "2": "10:00" })).toBe("שלום דנה כהן, נתראה ב-10:00 במשרד. דנה כהן");
    expect(fillTemplate(body, { "1": "דנה", "2": " " })).toBe("שלום דנה, נתראה ב-{{2}} במשרד. דנה");
    expect(fillTemplate("בלי משתנים", null)).toBe("בלי משתנים");
  });

  it("lists the variables in order, numbers first, each once", () => {
    expect(templateVariables("{{2}} {{1}} {{name}} {{10}} {{1}}")).toEqual(["1", "2", "10", "name"]);
    expect(templateVariables("{{1}}", ["1", "3"])).toEqual(["1", "3"]);
  });
});
