"""The task-due alert: one full-screen, always-on-top dialog for every task that falls due.

Alerts queue in the one dialog ("1 מתוך 3"), they never stack windows. Each button acts on
the server through the task pool, and the alert leaves the queue once the server confirmed:
- Call (Ctrl+L): click-to-call the task's customer (`desktop.calls`); the alert stays until done.
- WhatsApp (Ctrl+W): `open_customer(customer_id, "whatsapp")`; the dialog steps aside (a normal
  window, not on top) so the customer card can be used, and comes back for the next alert.
- Snooze 5 / 15 / 60 minutes (Ctrl+1 / Ctrl+2 / Ctrl+3) or until a chosen time (Ctrl+4).
- Done (Ctrl+Enter): `complete()`.
Esc (and closing the window) snoozes for 5 minutes: an alert is never dismissed without a
trace on the server, and it comes back in 5 minutes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.api import Api
from desktop.calls import call_customer
from desktop.display import count_text, when
from desktop.realtime import alert_key
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.views.card.callback import CallbackCall, is_callback
from desktop.widgets.datetime_edit import date_time_edit

SNOOZES = ((5, "Ctrl+1"), (15, "Ctrl+2"), (60, "Ctrl+3"))
ESC_SNOOZE_MINUTES = 5


class SnoozeUntilDialog(QDialog):
    """Asks for the time to be reminded again (in the future)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("נודניק עד מועד"))
        self.edit = date_time_edit(QDateTime.currentDateTime().addSecs(30 * 60))
        self.edit.setMinimumDateTime(QDateTime.currentDateTime().addSecs(60))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("הזכירו לי אז"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ביטול"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("להזכיר שוב ב:")))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> datetime | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edit.dateTime().toPython().astimezone()


class TaskDueDialog(QDialog):
    open_customer = Signal(int, str)  # customer id, tab ("whatsapp")
    acted = Signal(str, int)  # "done" / "snooze" / "call", task id: the server confirmed
    emptied = Signal()  # the last queued alert was handled

    def __init__(self, api: Api, tasks: TaskManager, parent: QWidget | None = None, *,
                 full_screen: bool = True) -> None:
        super().__init__(parent)
        self.api, self.tasks = api, tasks
        self.full_screen = full_screen
        self.queue: list[dict] = []
        self.busy = False
        self.setWindowTitle(self.tr("AgentLocator – משימה לביצוע"))
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setModal(False)

        self.heading = QLabel(self.tr("הגיע הזמן למשימה"))
        self.heading.setProperty("role", "title")
        self.counter = QLabel()
        self.counter.setProperty("role", "muted")
        self.title = QLabel()
        self.title.setObjectName("taskTitle")
        self.title.setWordWrap(True)
        self.due = QLabel()
        self.due.setProperty("role", "muted")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.customer = QLabel()
        self.customer.setObjectName("customer")
        self.customer.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        # A call-back task's call: its recording and transcript (the Call button calls back).
        self.callback = CallbackCall(api, tasks)
        self.callback.call_back_button.hide()
        self.callback.hide()

        self.call_button = self._button(self.tr("התקשרות"), "Ctrl+L", self.call)
        self.whatsapp_button = self._button(self.tr("וואטסאפ"), "Ctrl+W", self.whatsapp)
        self.done_button = self._button(self.tr("סיום המשימה"), "Ctrl+Return", self.complete)
        self.done_button.setProperty("primary", True)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.complete)
        self.snooze_buttons = [self._button(self._minutes(m), key, lambda _c=False, m=m: self.snooze(m))
                               for m, key in SNOOZES]
        self.later_button = self._button(self.tr("מועד אחר…"), "Ctrl+4", self.snooze_until)

        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.counter)
        actions = QHBoxLayout()
        for button in (self.call_button, self.whatsapp_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.done_button)
        snooze = QHBoxLayout()
        snooze_label = QLabel(self.tr("נודניק:"))
        snooze.addWidget(snooze_label)
        for button in (*self.snooze_buttons, self.later_button):
            snooze.addWidget(button)
        snooze.addStretch(1)
        keys = ((self.tr("סיום"), "Ctrl+Enter"), (self.tr("התקשרות"), "Ctrl+L"), (self.tr("וואטסאפ"), "Ctrl+W"),
                (self.tr("נודניק 5 דקות"), "Ctrl+1"), (self.tr("15 דקות"), "Ctrl+2"), (self.tr("שעה"), "Ctrl+3"),
                (self.tr("מועד אחר"), "Ctrl+4"), (self.tr("נודניק 5 דקות"), "Esc"))
        # Each key isolated left-to-right inside the right-to-left sentence. Two fixed lines,
        # not word wrap: a wrapped label's height depends on its width, which Qt's layouts do
        # not carry up to a window's minimum size, so at that size the second line was cut off.
        items = [f"{label}\u00a0\u2066{key}\u2069".replace(" ", "\u00a0") for label, key in keys]
        half = (len(items) + 1) // 2
        hint = QLabel(self.tr("מקשים: ") + " · ".join(items[:half]) + "\n" + " · ".join(items[half:]))
        hint.setProperty("role", "muted")
        self.keys_hint = hint

        self.card = QFrame()
        self.card.setObjectName("taskDueCard")
        self.card.setMaximumWidth(760)
        inner = QVBoxLayout(self.card)
        inner.setContentsMargins(32, 28, 32, 24)
        inner.setSpacing(12)
        inner.addLayout(head)
        inner.addWidget(self.title)
        inner.addWidget(self.due)
        inner.addWidget(self.notes)
        inner.addWidget(self.customer)
        inner.addWidget(self.callback)
        inner.addWidget(self.status)
        inner.addSpacing(8)
        inner.addLayout(actions)
        inner.addLayout(snooze)
        inner.addWidget(hint)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._style()

    def _button(self, text: str, shortcut: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setMinimumHeight(44)
        button.setToolTip(shortcut.replace("Return", "Enter"))
        button.clicked.connect(slot)
        QShortcut(QKeySequence(shortcut), self, slot)
        return button

    def _minutes(self, minutes: int) -> str:
        if minutes == 60:
            return self.tr("שעה")
        return count_text(minutes, one=self.tr("דקה אחת"), many=self.tr("{0} דקות"))

    def _style(self) -> None:
        t = theme.tokens()
        self.setStyleSheet(f"""
QDialog {{ background: {t['bg']}; }}
QFrame#taskDueCard {{ background: {t['surface']}; border: 1px solid {t['border']}; border-radius: 14px; }}
QLabel#taskTitle {{ font-size: 28px; font-weight: bold; }}
QLabel#customer {{ font-size: 17px; }}
QPushButton {{ font-size: 15px; padding: 6px 16px; }}
""")

    # -- the queue -----------------------------------------------------------------------
    @property
    def current(self) -> dict | None:
        return self.queue[0] if self.queue else None

    def add(self, payload: dict) -> None:
        """Queue an alert (a task:due payload) and present the dialog. The same task's older
        alert is replaced; the same alert twice is ignored."""
        task_id = (payload.get("task") or {}).get("id")
        if any(alert_key(queued) == alert_key(payload) for queued in self.queue):
            return
        position = next((i for i, q in enumerate(self.queue) if q["task"]["id"] == task_id), None)
        if position is None:
            self.queue.append(payload)
        elif position > 0 or not self.busy:
            self.queue[position] = payload
        self._render()
        self.present()

    def dismiss(self) -> None:
        """Logging out: every queued alert off the screen, none acted on (closing would snooze)."""
        self.queue.clear()
        self.busy = False
        self._say("")
        self.hide()

    def present(self) -> None:
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        if self.full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
        self.activateWindow()
        self.done_button.setFocus()

    def _render(self) -> None:
        alert = self.current
        if alert is None:
            return
        task, customer = alert.get("task") or {}, alert.get("customer") or {}
        self.counter.setText(self.tr("{0} מתוך {1}").format(1, len(self.queue)))
        self.counter.setVisible(len(self.queue) > 1)
        self.title.setText(task.get("title", ""))
        self.due.setText(self.tr("מועד: {0}").format(when(task.get("fires_at") or task.get("due_at"))))
        self.notes.setText(task.get("notes") or "")
        self.notes.setVisible(bool(task.get("notes")))
        if customer:
            phone = customer.get("phone_display")  # the task:due payload carries the server's customer_json
            self.customer.setText(self.tr("לקוח: {0}").format(customer.get("name", "")) +
                                  (f" · \u200e{phone}\u200e" if phone else ""))
        else:
            self.customer.setText(self.tr("משימה ללא לקוח"))
        if is_callback(task):
            self.callback.show_task(task)
        self.callback.setVisible(is_callback(task))
        self.call_button.setText(self.tr("התקשרות חזרה") if is_callback(task) else self.tr("התקשרות"))
        has_customer = bool(customer.get("id") or task.get("customer_id"))
        self.call_button.setEnabled(has_customer and not self.busy)
        self.whatsapp_button.setEnabled(has_customer and not self.busy)
        for button in (self.done_button, *self.snooze_buttons, self.later_button):
            button.setEnabled(not self.busy)

    def _say(self, text: str, *, error: bool = False) -> None:
        show_status(self.status, text, error=error)

    def _customer_id(self) -> int | None:
        alert = self.current or {}
        return (alert.get("customer") or {}).get("id") or (alert.get("task") or {}).get("customer_id")

    # -- actions -------------------------------------------------------------------------
    def _act(self, action: str, fn) -> None:
        alert = self.current
        if alert is None or self.busy:
            return
        task_id = alert["task"]["id"]
        self.busy = True
        self._render()
        self.tasks.run(fn, lambda _r: self._acted(action, task_id), self._failed, owner=self)

    def _acted(self, action: str, task_id: int) -> None:
        self.busy = False
        self.queue = [q for q in self.queue if q["task"]["id"] != task_id]
        self._say("")
        self.acted.emit(action, task_id)
        if self.queue:
            self._render()
        else:
            self.hide()
            self.emptied.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._render()
        self._say(getattr(error, "message", None) or str(error), error=True)

    def complete(self) -> None:
        if self.current:
            path = f"/api/crm/tasks/{self.current['task']['id']}/done"
            self._act("done", lambda: self.api.post(path, {}))

    def snooze(self, minutes: int) -> None:
        if self.current:
            path = f"/api/crm/tasks/{self.current['task']['id']}/snooze"
            self._act("snooze", lambda: self.api.post(path, {"minutes": minutes}))

    def snooze_until(self, when: datetime | None = None) -> None:
        if self.current is None or self.busy:
            return
        when = when if isinstance(when, datetime) else SnoozeUntilDialog.ask(self)
        if when is None:
            return
        if when <= datetime.now(UTC) + timedelta(seconds=5):
            self._say(self.tr("יש לבחור מועד עתידי."), error=True)
            return
        path = f"/api/crm/tasks/{self.current['task']['id']}/snooze"
        self._act("snooze", lambda: self.api.post(path, {"until": when.astimezone(UTC).isoformat()}))

    def call(self) -> None:
        customer_id = self._customer_id()
        if customer_id is None or self.busy or self.current is None:
            return
        task_id = self.current["task"]["id"]
        self.busy = True
        self._render()
        self._say(self.tr("מתקשרים…"))

        def result(ok: bool, message: str) -> None:
            self.busy = False
            self._render()
            self._say(message, error=not ok)
            if ok:
                self.acted.emit("call", task_id)

        call_customer(self.api, self.tasks, customer_id, result, owner=self)

    def whatsapp(self) -> None:
        customer_id = self._customer_id()
        if customer_id is None:
            return
        # Aside first, then the card: under a window manager the window shown or raised last
        # is on top, and the alert is shown again to drop its on-top flag; opened before,
        # the card ended up under it.
        self.step_aside()
        self.open_customer.emit(customer_id, "whatsapp")

    def step_aside(self) -> None:
        """A normal window, not on top and below the others, so the customer card can be used;
        the alert waits (the next one brings it back)."""
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)  # Qt hides it to change the flag
        self.showNormal()
        self.resize(820, 520)
        self.lower()

    # -- Esc and closing snooze ----------------------------------------------------------
    def reject(self) -> None:
        if self.current is not None:
            self.snooze(ESC_SNOOZE_MINUTES)
        else:
            self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.current is not None:
            event.ignore()
            self.snooze(ESC_SNOOZE_MINUTES)
        else:
            event.accept()
