/** The task-due queue: alerts wait in arrival order; one alert per task and due time (a
 * replay after a reconnect, or a duplicate, never shows twice); a new due time (a snooze
 * that fell due again) replaces the old one. A `task:updated` saying the alert was handled
 * elsewhere (done, snoozed, dismissed or deleted in another tab or on the desktop) takes it out. */
import type { Task } from "@/lib/types";

export interface DueCustomer {
  id: number;
  name: string;
  phone: string | null;
  phone_display: string | null; // the task:due payload's customer is the server's customer_json
}

export interface DueAlert {
  task: Task;
  customer: DueCustomer | null;
}

export type DueAction =
  | { type: "add"; alert: DueAlert }
  | { type: "remove"; taskId: number }
  | { type: "changed"; task: Task; deleted?: boolean };

function handledElsewhere(queued: Task, now: Task, deleted: boolean): boolean {
  return deleted || now.status === "done" || now.fires_at !== queued.fires_at || Boolean(now.alert_dismissed_at);
}

export function dueQueue(queue: DueAlert[], action: DueAction): DueAlert[] {
  if (action.type === "remove") {
    return queue.some((a) => a.task.id === action.taskId) ? queue.filter((a) => a.task.id !== action.taskId) : queue;
  }
  if (action.type === "changed") {
    const queued = queue.find((a) => a.task.id === action.task.id);
    return queued && handledElsewhere(queued.task, action.task, action.deleted ?? false)
      ? queue.filter((a) => a !== queued) : queue;
  }
  const { task } = action.alert;
  const same = queue.find((a) => a.task.id === task.id);
  if (same && same.task.fires_at === task.fires_at) return queue;
  if (task.status === "done" || task.alert_dismissed_at) return queue;
  return [...queue.filter((a) => a.task.id !== task.id), action.alert];
}

/** "1 מתוך 3" for the first of three; empty for a single alert. */
export function position(queue: DueAlert[]): string {
  return queue.length > 1 ? `1 מתוך ${queue.length}` : "";
}
