import { describe, expect, it } from "vitest";
import { byUrgency, isOverdue, lateBy, overdueText } from "@/lib/overdue";
import type { Task } from "@/lib/types";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe("lateBy", () => {
  it("says how late in Hebrew words, with the words for one and two", () => {
    expect(lateBy(ago(30_000), NOW)).toBe("");
    expect(lateBy(new Date(NOW + 60_000).toISOString(), NOW)).toBe("");
    expect(lateBy("not a time", NOW)).toBe("");
    expect(lateBy(ago(60_000), NOW)).toBe("דקה");
    expect(lateBy(ago(2 * 60_000), NOW)).toBe("שתי דקות");
    expect(lateBy(ago(45 * 60_000), NOW)).toBe("45 דקות");
    expect(lateBy(ago(3_600_000), NOW)).toBe("שעה");
    expect(lateBy(ago(2 * 3_600_000 + 59 * 60_000), NOW)).toBe("שעתיים");
    expect(lateBy(ago(5 * 3_600_000), NOW)).toBe("5 שעות");
    expect(lateBy(ago(86_400_000), NOW)).toBe("יום");
    expect(lateBy(ago(2 * 86_400_000), NOW)).toBe("יומיים");
    expect(overdueText(ago(7 * 86_400_000), NOW)).toBe("באיחור של 7 ימים");
    expect(overdueText(ago(1_000), NOW)).toBe("");
  });
});

describe("byUrgency", () => {
  const task = (id: number, status: Task["status"], overdue: boolean): Task => ({
    id, title: `t${id}`, notes: "", customer_id: 1, assignee_id: 1, due_at: ago(0), snoozed_until: null, fires_at: ago(0),
    overdue, alert_dismissed_at: null, status, status_label: status, done_at: null, created_at: ago(0),
  });

  it("puts overdue tasks first, then open, then done, keeping the server's order within each", () => {
    const tasks = [task(1, "done", false), task(2, "open", false), task(3, "open", true), task(4, "open", true),
      task(5, "open", false)];
    expect(byUrgency(tasks).map((t) => t.id)).toEqual([3, 4, 2, 5, 1]);
    expect(tasks.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]); // the query's data is left as it is
  });
});

describe("isOverdue", () => {
  const task = (fires_at: string, status: Task["status"] = "open"): Task => ({
    id: 1, title: "t", notes: "", customer_id: null, assignee_id: 1, due_at: fires_at, snoozed_until: null, fires_at,
    overdue: false, alert_dismissed_at: null, status, status_label: status, done_at: null, created_at: fires_at,
  });

  it("is true once an open task's alert time has passed, as time moves on", () => {
    expect(isOverdue(task(ago(60_000)), NOW)).toBe(true);
    expect(isOverdue(task(new Date(NOW + 60_000).toISOString()), NOW)).toBe(false);
    expect(isOverdue(task(ago(60_000), "done"), NOW)).toBe(false);
  });
});
