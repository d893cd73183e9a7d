import { describe, expect, it } from "vitest";
import { byUrgency, isOverdue } from "@/features/my-tasks/overdue";
import type { Task } from "@/lib/types";

const task = (id: number, fires_at: string): Task => ({
  id, title: `t${id}`, notes: "", customer_id: null, assignee_id: 1, due_at: fires_at, snoozed_until: null, fires_at,
  status: "open", status_label: "פתוחה", done_at: null, created_at: fires_at,
});

describe("my tasks", () => {
  const now = Date.parse("2026-12-01T12:00:00Z");

  it("marks a task overdue once its alert time has passed", () => {
    expect(isOverdue(task(1, "2026-12-01T11:59:00Z"), now)).toBe(true);
    expect(isOverdue(task(2, "2026-12-01T12:01:00Z"), now)).toBe(false);
  });

  it("puts the overdue first, then the soonest", () => {
    const sorted = byUrgency([task(1, "2026-12-03T00:00:00Z"), task(2, "2026-11-30T00:00:00Z"), task(3, "2026-12-02T00:00:00Z")]);
    expect(sorted.map((t) => t.id)).toEqual([2, 3, 1]);
  });
});
