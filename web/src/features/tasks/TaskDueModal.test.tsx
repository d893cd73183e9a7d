import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DueAlert } from "@/features/tasks/dueQueue";
import { TaskDueModal } from "@/features/tasks/TaskDueModal";
import { label } from "@/lib/labels";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

class FakeSocket {
  handlers = new Map<string, (data: unknown) => void>();
  on(event: string, handler: (data: unknown) => void) { this.handlers.set(event, handler); return this; }
  off(event: string) { this.handlers.delete(event); return this; }
  emit(event: string, data: unknown) { act(() => this.handlers.get(event)?.(data)); }
}

const SOON = new Date(Date.now() + 60_000).toISOString();
const due = (id: number, title: string, firesAt = SOON): DueAlert => ({
  task: { id, title, notes: "", customer_id: 5, assignee_id: 1, due_at: firesAt, snoozed_until: null,
    fires_at: firesAt, overdue: false, alert_dismissed_at: null, status: "open",
    status_label: label("task_status", "open"), done_at: null, created_at: "2026-11-25T09:00:00Z" },
  customer: { id: 5, name: "דנה כהן", phone: "+972541234567", phone_display: "054-123-4567" },
});

// The requests the modal makes, answered as the server would (or not at all: `failing`).
let requests: string[] = [];
let failing = false;
beforeEach(() => {
  requests = [];
  failing = false;
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    requests.push(`${init?.method ?? "GET"} ${new URL(url, "http://app").pathname}`);
    if (failing) throw new TypeError("Failed to fetch");
    return new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  });
});

const host = document.createElement("div");
document.body.appendChild(host);
let root = createRoot(host);
afterEach(() => {
  act(() => root.unmount());
  root = createRoot(host);
  vi.unstubAllGlobals();
});

function mount() {
  const socket = new FakeSocket();
  const router = createMemoryRouter([{ path: "*", element: <TaskDueModal socket={socket as never} /> }]);
  act(() => root.render(
    <QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>,
  ));
  return socket;
}

const key = (name: string, shiftKey = false) =>
  act(() => { document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: name, shiftKey, bubbles: true })); });

describe("TaskDueModal", () => {
  it("shows nothing until a task falls due, then queues alerts with a count", () => {
    const socket = mount();
    expect(host.querySelector("[role=alertdialog]")).toBeNull();
    socket.emit("task:due", due(1, "להתקשר לדנה"));
    socket.emit("task:due", due(2, "לשלוח חוזה"));
    socket.emit("task:due", due(1, "להתקשר לדנה")); // a replay: still two
    expect(host.querySelector("h2")?.textContent).toBe("להתקשר לדנה");
    expect(host.querySelector("[data-testid=due-count]")?.textContent).toContain("1 מתוך 2");
    expect(host.textContent).toContain("054-123-4567");
  });

  it("starts on Done, keeps Tab inside, and Esc puts the alert away", () => {
    const socket = mount();
    socket.emit("task:due", due(1, "להתקשר לדנה"));
    socket.emit("task:due", due(2, "לשלוח חוזה"));
    const buttons = Array.from(host.querySelectorAll<HTMLButtonElement>("[role=alertdialog] button"));
    expect(document.activeElement).toBe(buttons[0]);
    expect(buttons[0]!.textContent).toBe("בוצע");
    buttons[buttons.length - 1]!.focus();
    key("Tab");
    expect(document.activeElement).toBe(buttons[0]);
    key("Tab", true);
    expect(document.activeElement).toBe(buttons[buttons.length - 1]);
    key("Escape");
    expect(host.querySelector("h2")?.textContent).toBe("לשלוח חוזה");
    expect(host.querySelector("[data-testid=due-count]")).toBeNull();
    key("Escape");
    expect(host.querySelector("[role=alertdialog]")).toBeNull();
  });

  it("puts the alert away on the server on Esc and on סגירה", async () => {
    const socket = mount();
    socket.emit("task:due", due(1, "להתקשר לדנה"));
    socket.emit("task:due", due(2, "לשלוח חוזה"));
    key("Escape");
    const close = Array.from(host.querySelectorAll<HTMLButtonElement>("button")).find((b) => b.textContent === "סגירה");
    await act(async () => close!.click());
    expect(host.querySelector("[role=alertdialog]")).toBeNull();
    expect(requests).toEqual(["POST /api/crm/tasks/1/dismiss", "POST /api/crm/tasks/2/dismiss"]);
  });

  it("leaves the screen even when the dismissal fails, showing no error", async () => {
    failing = true;
    const socket = mount();
    socket.emit("task:due", due(1, "להתקשר לדנה"));
    await act(async () => key("Escape"));
    expect(requests).toEqual(["POST /api/crm/tasks/1/dismiss"]);
    expect(host.querySelector("[role=alertdialog]")).toBeNull();
    expect(host.querySelector("[role=alert]")).toBeNull();
    socket.emit("task:due", due(1, "להתקשר לדנה")); // the server replays it later: shown again, once
    expect(host.querySelectorAll("[role=alertdialog]")).toHaveLength(1);
  });

  it("says how late an overdue task is", () => {
    const socket = mount();
    socket.emit("task:due", due(1, "להתקשר לדנה", new Date(Date.now() - 3 * 86_400_000 - 60_000).toISOString()));
    expect(host.querySelector("[data-testid=due-late]")?.textContent).toBe("באיחור של 3 ימים");
    expect(host.querySelector("[role=alertdialog]")?.classList).toContain("late");
  });

  it("leaves when the task is handled elsewhere (task:updated)", () => {
    const socket = mount();
    const first = due(1, "להתקשר לדנה");
    socket.emit("task:due", first);
    socket.emit("task:due", due(2, "לשלוח חוזה"));
    socket.emit("task:updated", { task: { ...first.task, title: "שם חדש" }, deleted: false }); // still due: stays
    expect(host.querySelector("h2")?.textContent).toBe("להתקשר לדנה");
    socket.emit("task:updated", { task: { ...first.task, alert_dismissed_at: new Date().toISOString() } });
    expect(host.querySelector("h2")?.textContent).toBe("לשלוח חוזה");
    expect(requests).toEqual([]);
  });
});
