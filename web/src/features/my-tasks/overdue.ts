import type { Task } from "@/lib/types";

/** A task is overdue once it should have fired (its snooze, else its due time) and is still open. */
export const isOverdue = (task: Task, now: number): boolean => Date.parse(task.fires_at) < now;

/** Overdue first, then by when each fires: a snoozed task sits where its alert will come. */
export function byUrgency(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => Date.parse(a.fires_at) - Date.parse(b.fires_at));
}
