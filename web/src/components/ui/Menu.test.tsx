import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import { Menu } from "@/components/ui/Menu";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const host = document.createElement("div");
document.body.appendChild(host);
const outside = document.createElement("button");
document.body.appendChild(outside);
const root = createRoot(host);
afterEach(() => act(() => root.render(null)));

function render() {
  act(() => root.render(
    <>
      <Menu label="עמודות"><label><input type="checkbox" />טלפון</label><button type="button">איפוס</button></Menu>
      <Menu label="תצוגות"><button type="button">שמירה</button></Menu>
    </>,
  ));
  return Array.from(host.querySelectorAll<HTMLButtonElement>("[aria-haspopup]"));
}

const panels = () => host.querySelectorAll(".menu-panel").length;
const key = (target: Element, k: string, shiftKey = false) =>
  act(() => { target.dispatchEvent(new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true })); });

describe("Menu", () => {
  it("opens on click, focuses its first item and closes on Esc with focus back on its button", () => {
    const [columns] = render();
    act(() => columns!.click());
    expect(panels()).toBe(1);
    expect(columns!.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement?.getAttribute("type")).toBe("checkbox");
    key(document.activeElement!, "Escape");
    expect(panels()).toBe(0);
    expect(document.activeElement).toBe(columns);
  });

  it("closes on a click outside", () => {
    const [columns] = render();
    act(() => columns!.click());
    act(() => { outside.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true })); });
    expect(panels()).toBe(0);
  });

  it("is the only menu open", () => {
    const [columns, views] = render();
    act(() => columns!.click());
    act(() => views!.click());
    expect(panels()).toBe(1);
    expect(columns!.getAttribute("aria-expanded")).toBe("false");
    expect(views!.getAttribute("aria-expanded")).toBe("true");
  });

  it("keeps Tab inside while open", () => {
    const [columns] = render();
    act(() => columns!.click());
    const reset = host.querySelector<HTMLButtonElement>(".menu-panel button")!;
    reset.focus();
    key(reset, "Tab");
    // wraps from the panel's last item to the first focusable inside the menu (its button)
    expect(host.querySelector(".menu")!.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(outside);
  });
});
