import { describe, expect, it } from "vitest";
import { type DueAlert, dueQueue, position } from "@/features/tasks/dueQueue";
import { label } from "@/lib/labels";
import type { Task } from "@/lib/types";

function alert(id: number, firesAt = "2026-11-25T10:00:00+00:00", status: Task["status"] = "open"): DueAlert {
  return {
    task: { id, title: `t${id}`, notes: "", customer_id: null, assignee_id: 1, due_at: firesAt, snoozed_until: null,
      fires_at: firesAt, overdue: false, alert_dismissed_at: null, status, status_label: label("task_status", status), done_at: null, created_at: firesAt },
    customer: null,
  };
}

describe("dueQueue", () => {
  it("queues alerts in arrival order and counts them", () => {
    let queue = [alert(1), alert(2), alert(3)].reduce((q, a) => dueQueue(q, { type: "add", alert: a }), [] as DueAlert[]);
    expect(queue.map((a) => a.task.id)).toEqual([1, 2, 3]);
    expect(position(queue)).toBe("1 מתוך 3");
    queue = dueQueue(queue, { type: "remove", taskId: 1 });
    expect(queue.map((a) => a.task.id)).toEqual([2, 3]);
    expect(position(queue)).toBe("1 מתוך 2");
    expect(position(dueQueue(queue, { type: "remove", taskId: 2 }))).toBe("");
  });

  it("shows a replayed or repeated alert once", () => {
    const queue = dueQueue([alert(1)], { type: "add", alert: alert(1) });
    expect(queue).toHaveLength(1);
    const same = [alert(1)];
    expect(dueQueue(same, { type: "add", alert: alert(1) })).toBe(same);
  });

  it("a snoozed task due again replaces its old alert, at the end", () => {
    const queue = dueQueue([alert(1), alert(2)], { type: "add", alert: alert(1, "2026-11-25T10:15:00+00:00") });
    expect(queue.map((a) => [a.task.id, a.task.fires_at])).toEqual([[2, "2026-11-25T10:00:00+00:00"],
      [1, "2026-11-25T10:15:00+00:00"]]);
  });

  it("ignores a done task and removing what is not there", () => {
    expect(dueQueue([], { type: "add", alert: alert(5, undefined, "done") })).toEqual([]);
    const queue = [alert(1)];
    expect(dueQueue(queue, { type: "remove", taskId: 9 })).toBe(queue);
  });

  it("ignores an alert already put away", () => {
    const dismissed = alert(1);
    dismissed.task.alert_dismissed_at = "2026-11-25T10:01:00+00:00";
    expect(dueQueue([], { type: "add", alert: dismissed })).toEqual([]);
  });

  it("drops an alert handled elsewhere and keeps one still due", () => {
    const queue = [alert(1), alert(2), alert(3), alert(4)];
    const renamed = { ...alert(1).task, title: "שם אחר" };
    expect(dueQueue(queue, { type: "changed", task: renamed })).toBe(queue);
    const done = { ...alert(1).task, status: "done" as const };
    const snoozed = { ...alert(2).task, snoozed_until: "2026-11-25T11:00:00+00:00", fires_at: "2026-11-25T11:00:00+00:00" };
    const dismissed = { ...alert(3).task, alert_dismissed_at: "2026-11-25T10:01:00+00:00" };
    let after = dueQueue(queue, { type: "changed", task: done });
    after = dueQueue(after, { type: "changed", task: snoozed });
    after = dueQueue(after, { type: "changed", task: dismissed });
    expect(after.map((a) => a.task.id)).toEqual([4]);
    expect(dueQueue(after, { type: "changed", task: alert(4).task, deleted: true })).toEqual([]);
    expect(dueQueue(after, { type: "changed", task: done })).toBe(after); // not queued: nothing to drop
  });
});
