import { describe, expect, it } from "vitest";
import { HOME, returnTo } from "@/app/returnTo";

describe("returnTo", () => {
  it("keeps the path, the query and the hash of an app page", () => {
    expect(returnTo("/crm/customers/5?tab=whatsapp")).toBe("/crm/customers/5?tab=whatsapp");
    expect(returnTo("/settings#alerts")).toBe("/settings#alerts");
  });

  it("sends anything that is not a path of this app to the customers", () => {
    for (const from of [undefined, null, 5, "", "https://evil.example/x", "//evil.example/x", "/\\evil.example",
      "javascript:alert(1)", "/login", "/login?x=1"]) {
      expect(returnTo(from), String(from)).toBe(HOME);
    }
  });
});
