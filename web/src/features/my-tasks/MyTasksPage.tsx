/**
 * /tasks: the signed-in user's open tasks, overdue first (a danger badge), each linking to its
 * customer's Tasks tab, where it is done or snoozed.
 */
import "@/features/my-tasks/my-tasks.css";
import { CalendarClock, CircleCheckBig, ListTodo, User } from "lucide-react";
import { Link } from "react-router";
import { useCustomerNames, useMyOpenTasks } from "@/features/my-tasks/api";
import { byUrgency, isOverdue } from "@/lib/overdue";
import { Badge } from "@/components/ui/Badge";
import { CallbackDetails, isCallback } from "@/components/CallbackDetails";
import { QueryState } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import type { Task } from "@/lib/types";

function TaskRow({ task, customer, now }: { task: Task; customer: string | undefined; now: number }) {
  const overdue = isOverdue(task, now);
  const body = (
    <>
      <span className="my-task-title">{task.title}</span>
      <span className="my-task-meta">
        <span className="my-task-due"><CalendarClock size={15} aria-hidden="true" />{formatDateTime(task.fires_at)}</span>
        {task.customer_id !== null && (
          <span className="my-task-customer"><User size={15} aria-hidden="true" />{customer ?? "לקוח"}</span>
        )}
      </span>
      {overdue ? <Badge tone="danger">באיחור</Badge> : task.snoozed_until ? <Badge tone="warning">נדחתה</Badge> : null}
    </>
  );
  return (
    <li className={`my-task ${overdue ? "overdue" : ""}`} data-testid="my-task">
      {task.customer_id !== null
        ? <Link to={`/crm/customers/${task.customer_id}?tab=tasks`} className="my-task-link">{body}</Link>
        : <div className="my-task-link">{body}</div>}
      {isCallback(task) && <div className="my-task-callback"><CallbackDetails task={task} call={task.call} /></div>}
    </li>
  );
}

export function MyTasksPage() {
  const tasks = useMyOpenTasks();
  const rows = byUrgency(tasks.data?.results ?? []);
  const names = useCustomerNames([...new Set(rows.flatMap((task) => (task.customer_id ? [task.customer_id] : [])))]);
  const now = Date.now();
  const overdue = rows.filter((task) => isOverdue(task, now)).length;

  return (
    <div className="my-tasks">
      <header className="page-head">
        <h1>המשימות שלי</h1>
        {tasks.data && (
          <span className="muted">
            {tasks.data.total} פתוחות{overdue > 0 && <>, <strong className="danger-text">{overdue} באיחור</strong></>}
          </span>
        )}
      </header>
      <section className="my-tasks-panel">
        <QueryState query={tasks} isEmpty={rows.length === 0} emptyIcon={CircleCheckBig} empty="אין לך משימות פתוחות"
          emptyText="משימה חדשה נפתחת מלשונית המשימות בכרטיס הלקוח."
          emptyAction={<Link to="/crm/customers" className="button"><ListTodo size={16} aria-hidden="true" />ללקוחות</Link>}>
          <ul className="my-task-list">
            {rows.map((task) => (
              <TaskRow key={task.id} task={task} now={now}
                customer={task.customer_id ? names.get(task.customer_id) : undefined} />
            ))}
          </ul>
        </QueryState>
      </section>
    </div>
  );
}
