import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { QueryState } from "@/components/QueryState";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const host = document.createElement("div");
document.body.appendChild(host);
const root = createRoot(host);
afterEach(() => act(() => root.render(null)));

function show(query: { isPending: boolean; isError: boolean; error: Error | null }, isEmpty: boolean) {
  act(() => root.render(
    <QueryState query={query} isEmpty={isEmpty} empty="אין שיחות ללקוח זה"><p>הנתונים</p></QueryState>,
  ));
  return host;
}

describe("QueryState", () => {
  it("shows a skeleton while loading", () => {
    const shown = show({ isPending: true, isError: false, error: null }, true);
    expect(shown.querySelector("[data-testid=tab-skeleton]")?.getAttribute("aria-busy")).toBe("true");
    expect(shown.textContent).not.toContain("אין שיחות");
  });

  it("says there is no data, or what failed", () => {
    expect(show({ isPending: false, isError: false, error: null }, true).textContent).toBe("אין שיחות ללקוח זה");
    const failed = show({ isPending: false, isError: true, error: new Error("שגיאת שרת") }, false);
    expect(failed.querySelector("[role=alert]")?.textContent).toBe("הטעינה נכשלה: שגיאת שרת");
  });

  it("renders the data once it is there", () => {
    expect(show({ isPending: false, isError: false, error: null }, false).textContent).toBe("הנתונים");
  });
});
