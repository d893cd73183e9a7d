/** The task-due queue: alerts wait in arrival order; one alert per task and due time (a
 * replay after a reconnect, or a duplicate, never shows twice); a new due time (a snooze
 * that fell due again) replaces the old one. */
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

export type DueAction = { type: "add"; alert: DueAlert } | { type: "remove"; taskId: number };

export function dueQueue(queue: DueAlert[], action: DueAction): DueAlert[] {
  if (action.type === "remove") {
    return queue.some((a) => a.task.id === action.taskId) ? queue.filter((a) => a.task.id !== action.taskId) : queue;
  }
  const { task } = action.alert;
  const same = queue.find((a) => a.task.id === task.id);
  if (same && same.task.fires_at === task.fires_at) return queue;
  if (task.status === "done") return queue;
  return [...queue.filter((a) => a.task.id !== task.id), action.alert];
}

/** "1 מתוך 3" for the first of three; empty for a single alert. */
export function position(queue: DueAlert[]): string {
  return queue.length > 1 ? `1 מתוך ${queue.length}` : "";
}
