/** How late a task is, in Hebrew words ("באיחור של שעתיים"): the alert and the task list say it
 * the same way. */

import { countWords as count } from "@/lib/duration";
import type { Task } from "@/lib/types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "דקה", "3 שעות", "יומיים"...; empty when `firesAt` has not passed (or is not a time). */
export function lateBy(firesAt: string, now: number = Date.now()): string {
  const late = now - new Date(firesAt).getTime();
  if (!(late >= MINUTE)) return "";
  if (late < HOUR) return count(Math.floor(late / MINUTE), "דקה", "שתי דקות", "דקות");
  if (late < DAY) return count(Math.floor(late / HOUR), "שעה", "שעתיים", "שעות");
  return count(Math.floor(late / DAY), "יום", "יומיים", "ימים");
}

/** Still open and past its firing time (its snooze, else its due time), measured at `now`: the
 * server's `overdue` is as of the fetch, this one moves on while a page stays open. */
export const isOverdue = (task: Task, now: number = Date.now()): boolean =>
  task.status === "open" && Date.parse(task.fires_at) < now;

/** "באיחור של 3 ימים", or empty when not late. */
export function overdueText(firesAt: string, now: number = Date.now()): string {
  const by = lateBy(firesAt, now);
  return by ? `באיחור של ${by}` : "";
}

/** Overdue first, then the other open tasks, then the done ones; the server's due-time order
 * within each (so the longest late is on top). */
export function byUrgency(tasks: Task[]): Task[] {
  const rank = (task: Task) => (task.overdue ? 0 : task.status === "open" ? 1 : 2);
  return tasks.map((task, index) => ({ task, index }))
    .sort((a, b) => rank(a.task) - rank(b.task) || a.index - b.index)
    .map(({ task }) => task);
}
