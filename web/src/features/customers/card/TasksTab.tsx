import { type FormEvent, useState } from "react";
import { useCreateTask, useTaskAction, useTasks } from "@/features/customers/api/card";
import { QueryState } from "@/components/QueryState";
import { byUrgency, overdueText } from "@/lib/overdue";
import "@/features/tasks/task-list.css";
import { finishTask, snoozeTask } from "@/lib/actions";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { Badge, statusTone } from "@/components/ui/Badge";
import { CallbackDetails, isCallback } from "@/components/CallbackDetails";

/** `datetime-local` wants local "YYYY-MM-DDTHH:MM"; an hour from now by default. */
function localInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function TasksTab({ customerId, focusNew = false }: { customerId: number; focusNew?: boolean }) {
  const tasks = useTasks(customerId);
  const create = useCreateTask(customerId);
  const done = useTaskAction(customerId, finishTask);
  const snooze = useTaskAction(customerId, snoozeTask);
  const [title, setTitle] = useState("");
  const [due, setDue] = useState(() => localInput(new Date(Date.now() + 3_600_000)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await create.mutateAsync({ title: title.trim(), due_at: new Date(due).toISOString() })
      .then(() => setTitle(""), () => undefined);
  }

  const failed = create.error ?? done.error ?? snooze.error;
  return (
    <div>
      <form className="task-form" onSubmit={submit} aria-label="משימה חדשה">
        <label>משימה חדשה<input required autoFocus={focusNew} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="מה צריך לעשות?" /></label>
        <label>מועד<input type="datetime-local" required value={due} onChange={(e) => setDue(e.target.value)} /></label>
        <button type="submit" className="button primary" disabled={create.isPending || !title.trim()}>הוספה</button>
      </form>
      {failed && <p role="alert" className="error">{hebrewError(failed, "הפעולה על המשימה נכשלה")}</p>}
      <QueryState query={tasks} isEmpty={tasks.data?.results.length === 0} empty="אין משימות ללקוח זה">
        <ul className="tasks">
          {byUrgency(tasks.data?.results ?? []).map((task) => (
            <li key={task.id} className={`task ${task.status}${task.overdue ? " overdue" : ""}`} data-testid="task">
              <Badge tone={statusTone("task", task.status)}>{task.status_label}</Badge>
              {task.overdue && <Badge tone="danger" title={overdueText(task.fires_at)}>באיחור</Badge>}
              <span className="task-title">{task.title}</span>
              <span className="muted">{formatDateTime(task.fires_at)}{task.snoozed_until ? " (נדחתה)" : ""}</span>
              <span className="spacer" />
              {task.status === "open" && (
                <>
                  <label className="snooze">
                    <span className="visually-hidden">דחייה של {task.title}</span>
                    <select value="" onChange={(e) => e.target.value && snooze.mutate([task.id, Number(e.target.value)])}>
                      <option value="">דחייה…</option>
                      <option value="5">5 דקות</option>
                      <option value="15">15 דקות</option>
                      <option value="60">שעה</option>
                    </select>
                  </label>
                  <button type="button" className="button" onClick={() => done.mutate([task.id])}>בוצע</button>
                </>
              )}
              {isCallback(task) && <CallbackDetails task={task} call={task.call} />}
            </li>
          ))}
        </ul>
      </QueryState>
    </div>
  );
}
