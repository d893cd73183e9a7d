/**
 * Full-screen alert on `task:due`: Call / WhatsApp / Snooze (5, 15, 60 min) / Done, each acting
 * on the server. Several due tasks queue ("1 מתוך 3"). Keyboard: focus stays inside the dialog
 * (Tab wraps), Esc puts the alert away without touching the task.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useReducer, useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { Socket } from "socket.io-client";
import { type DueAlert, dueQueue, position } from "@/features/tasks/dueQueue";
import { finishTask, snoozeTask, startCall } from "@/lib/actions";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

const SNOOZES = [5, 15, 60];
const FOCUSABLE = "button:not([disabled]), [href], select, input, textarea, [tabindex]:not([tabindex='-1'])";

export function TaskDueModal({ socket }: { socket: Socket }) {
  const [queue, dispatch] = useReducer(dueQueue, []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const current = queue[0];

  useEffect(() => {
    const onDue = (alert: DueAlert) => dispatch({ type: "add", alert });
    socket.on("task:due", onDue);
    return () => {
      socket.off("task:due", onDue);
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
    dialog.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [currentId]);

  if (!current) return null;
  const { task, customer } = current;

  function close() {
    dispatch({ type: "remove", taskId: task.id });
  }

  async function act(what: string, action: () => Promise<unknown>, thenClose = true) {
    setBusy(true);
    setNotice(null);
    try {
      await action();
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      void queryClient.invalidateQueries({ queryKey: ["timeline"] });
      if (thenClose) close();
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
      close();
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
    <div className="due-backdrop">
      <div ref={dialog} className="due-dialog" role="alertdialog" aria-modal="true" aria-labelledby="due-title"
        aria-describedby="due-details" onKeyDown={onKeyDown}>
        <p className="due-kicker">
          משימה לביצוע{position(queue) && <span className="due-count" data-testid="due-count"> · {position(queue)}</span>}
        </p>
        <h2 id="due-title">{task.title}</h2>
        <div id="due-details" className="due-details">
          {customer && (
            <p>
              <strong>{customer.name}</strong>{" "}
              {customer.phone_display && <span dir="ltr">{customer.phone_display}</span>}
            </p>
          )}
          <p className="muted">מועד: {formatDateTime(task.fires_at)}</p>
          {task.notes && <p>{task.notes}</p>}
        </div>
        {notice && <p role="alert" className="due-notice">{notice}</p>}
        <div className="due-actions">
          <button type="button" className="button primary big" data-autofocus disabled={busy}
            onClick={() => act("סימון כבוצעה נכשל", () => finishTask(task.id))}>
            בוצע
          </button>
          {customer && (
            <>
              <button type="button" className="button big" disabled={busy}
                onClick={() => act("השיחה לא יצאה", () => startCall(customer.id), false)}>
                התקשרות
              </button>
              <button type="button" className="button big" disabled={busy}
                onClick={() => {
                  close();
                  navigate(`/crm/customers/${customer.id}?tab=whatsapp`);
                }}>
                וואטסאפ
              </button>
            </>
          )}
        </div>
        <div className="due-snooze" role="group" aria-label="נודניק">
          <span className="muted">להזכיר שוב בעוד:</span>
          {SNOOZES.map((minutes) => (
            <button key={minutes} type="button" className="button" disabled={busy}
              onClick={() => act("הדחייה נכשלה", () => snoozeTask(task.id, minutes))}>
              {minutes === 60 ? "שעה" : `${minutes} דק׳`}
            </button>
          ))}
          <span className="spacer" />
          <button type="button" className="button" onClick={close} aria-keyshortcuts="Escape">סגירה</button>
        </div>
      </div>
    </div>
  );
}
