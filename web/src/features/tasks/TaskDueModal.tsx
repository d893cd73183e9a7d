/**
 * Full-screen alert on `task:due`: Call / WhatsApp / Snooze (5, 15, 60 min) / Done, each acting
 * on the server, in touch-sized buttons over the whole viewport. Several due tasks queue
 * ("1 מתוך 3"). Keyboard: focus stays inside (Tab wraps); Esc or "סגירה" puts the alert away
 * on the server too (POST /dismiss), so a reload or the next login does not bring it back; it
 * leaves the screen even when that request fails. An alert handled elsewhere (another tab, the
 * desktop) leaves on its `task:updated`.
 */
import { useQueryClient } from "@tanstack/react-query";
import { AlarmClock, BellRing, Check, MessageCircle, Phone, X } from "lucide-react";
import { type KeyboardEvent, useEffect, useReducer, useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { Socket } from "socket.io-client";
import { type DueAlert, dueQueue, position } from "@/features/tasks/dueQueue";
import { overdueText } from "@/lib/overdue";
import { dismissTask, finishTask, snoozeTask, startCall } from "@/lib/actions";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Task } from "@/lib/types";
import "@/features/tasks/task-due.css";

const SNOOZES = [5, 15, 60];
const FOCUSABLE = "button:not([disabled]), [href], select, input, textarea, [tabindex]:not([tabindex='-1'])";
// "באיחור של X" moves on while the alert is up.
const LATE_TICK_MS = 30_000;

export function TaskDueModal({ socket }: { socket: Socket }) {
  const [queue, dispatch] = useReducer(dueQueue, []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const dialog = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const current = queue[0];

  useEffect(() => {
    const onDue = (alert: DueAlert) => dispatch({ type: "add", alert });
    const onChanged = (data: { task?: Task; deleted?: boolean }) => {
      if (data?.task) dispatch({ type: "changed", task: data.task, deleted: data.deleted });
    };
    socket.on("task:due", onDue);
    socket.on("task:updated", onChanged);
    return () => {
      socket.off("task:due", onDue);
      socket.off("task:updated", onChanged);
    };
  }, [socket]);

  // Focus the first action when an alert shows; give focus back when the queue empties.
  const currentId = current?.task.id;
  useEffect(() => {
    if (currentId === undefined) {
      returnFocus.current?.focus();
      returnFocus.current = null;
      return;
    }
    if (!returnFocus.current && document.activeElement instanceof HTMLElement) {
      returnFocus.current = document.activeElement;
    }
    setNotice(null);
    setNow(Date.now());
    dialog.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [currentId]);

  // The next alert can show while an action is still busy (its task:updated arrives before the
  // HTTP answer), when the disabled buttons cannot take focus: take it once they can.
  useEffect(() => {
    if (busy || currentId === undefined || dialog.current?.contains(document.activeElement)) return;
    dialog.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [busy, currentId]);

  useEffect(() => {
    if (currentId === undefined) return;
    const timer = window.setInterval(() => setNow(Date.now()), LATE_TICK_MS);
    return () => window.clearInterval(timer);
  }, [currentId]);

  if (!current) return null;
  const { task, customer } = current;
  const late = task.status === "open" ? overdueText(task.fires_at, now) : "";

  function remove() {
    dispatch({ type: "remove", taskId: task.id });
  }

  /** Put the alert away here at once and on the server; a failed request changes nothing here
   * (the alert may come back on the next login: better than a raw error over the screen). */
  function dismiss() {
    remove();
    dismissTask(task.id).catch(() => undefined);
  }

  async function act(what: string, action: () => Promise<unknown>, thenClose = true) {
    setBusy(true);
    setNotice(null);
    try {
      await action();
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      void queryClient.invalidateQueries({ queryKey: ["timeline"] });
      if (thenClose) remove();
      else setNotice("השיחה יוצאת: הטלפון שלך יצלצל בעוד רגע");
    } catch (error) {
      setNotice(hebrewError(error, what));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      dismiss();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div ref={dialog} className={`due-screen${late ? " late" : ""}`} role="alertdialog" aria-modal="true"
      aria-labelledby="due-title" aria-describedby="due-details" onKeyDown={onKeyDown} data-testid="task-due">
      <div className="due-body">
        <p className="due-kicker">
          <BellRing size={22} aria-hidden="true" />
          משימה לביצוע{position(queue) && <span className="due-count" data-testid="due-count"> · {position(queue)}</span>}
        </p>
        <h2 id="due-title" className="due-title">{task.title}</h2>
        <div id="due-details" className="due-details">
          {customer && (
            <p className="due-customer">
              <strong>{customer.name}</strong>
              {customer.phone_display && <span dir="ltr" className="due-phone">{customer.phone_display}</span>}
            </p>
          )}
          <p className="due-when">
            מועד: {formatDateTime(task.fires_at)}
            {late && <strong className="due-late" data-testid="due-late">{late}</strong>}
          </p>
          {task.notes && <p className="due-notes">{task.notes}</p>}
        </div>
        {notice && <p role="alert" className="due-notice">{notice}</p>}
        <div className="due-actions">
          <button type="button" className="button primary due-action" data-autofocus disabled={busy}
            onClick={() => act("סימון כבוצעה נכשל", () => finishTask(task.id))}>
            <Check size={26} aria-hidden="true" />
            בוצע
          </button>
          {customer && (
            <>
              <button type="button" className="button due-action" disabled={busy}
                onClick={() => act("השיחה לא יצאה", () => startCall(customer.id), false)}>
                <Phone size={26} aria-hidden="true" />
                התקשרות
              </button>
              <button type="button" className="button due-action" disabled={busy}
                onClick={() => {
                  dismiss();
                  navigate(`/crm/customers/${customer.id}?tab=whatsapp`);
                }}>
                <MessageCircle size={26} aria-hidden="true" />
                וואטסאפ
              </button>
            </>
          )}
        </div>
        <div className="due-snooze" role="group" aria-label="נודניק">
          <span className="due-snooze-label"><AlarmClock size={20} aria-hidden="true" /> להזכיר שוב בעוד:</span>
          {SNOOZES.map((minutes) => (
            <button key={minutes} type="button" className="button due-snooze-button" disabled={busy}
              onClick={() => act("הדחייה נכשלה", () => snoozeTask(task.id, minutes))}>
              {minutes === 60 ? "שעה" : `${minutes} דק׳`}
            </button>
          ))}
        </div>
        <button type="button" className="button due-close" onClick={dismiss} aria-keyshortcuts="Escape">
          <X size={20} aria-hidden="true" />
          סגירה
        </button>
      </div>
    </div>
  );
}
