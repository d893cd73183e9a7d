"""Tasks: the customer's tasks; a new one with its due time; done; snooze. A selected call-back
task shows its call under the table (desktop/views/card/callback.py): the recording, the
transcript and "התקשרות חזרה"."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.calls import call_customer
from desktop.display import when
from desktop.views.card.base import CardTab, fill_table, make_table, selected_row
from desktop.views.card.callback import CallbackCall, is_callback
from desktop.widgets.datetime_edit import date_time_edit

SNOOZES = ((15, "15 דקות"), (60, "שעה"), (24 * 60, "יום"))


def _t(text: str) -> str:
    return QCoreApplication.translate("TasksTab", text)


def task_status(task: dict) -> str:
    """The server's label, and for an open task past its time a warning after it."""
    text = task.get("status_label") or ""
    fires = task.get("fires_at") or task.get("due_at")
    if task.get("status") == "open" and fires and datetime.fromisoformat(fires) < datetime.now(UTC):
        return _t("{0} · באיחור").format(text)
    return text


class TasksTab(CardTab):
    own_phone_missing = Signal()  # a call-back failed: the agent has no phone (desktop/calls.py emits it)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין משימות ללקוח הזה.")
        super().__init__(ctx, parent)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("משימה חדשה: מה צריך לעשות?"))
        self.title.returnPressed.connect(self.create)
        self.due = date_time_edit(QDateTime.currentDateTime().addSecs(3600))
        self.create_button = QPushButton(self.tr("הוספה"))
        self.create_button.setProperty("primary", True)
        self.create_button.clicked.connect(self.create)
        form = QHBoxLayout()
        form.addWidget(self.title, 1)
        form.addWidget(self.due)
        form.addWidget(self.create_button)

        self.table = make_table([self.tr("משימה"), self.tr("מועד"), self.tr("סטטוס"), self.tr("נדחתה עד")])
        self.table.itemSelectionChanged.connect(self._selection)
        self.done_button = QPushButton(self.tr("בוצע"))
        self.done_button.clicked.connect(self.done)
        self.snooze_button = QPushButton(self.tr("דחייה"))
        menu = QMenu(self.snooze_button)
        self.snooze_actions: list[QAction] = []
        for minutes, label in SNOOZES:
            action = menu.addAction(self.tr("בעוד {0}").format(_t(label)))
            action.triggered.connect(lambda _checked=False, m=minutes: self.snooze(m))
            self.snooze_actions.append(action)
        self.snooze_button.setMenu(menu)
        bar = QHBoxLayout()
        bar.addWidget(self.done_button)
        bar.addWidget(self.snooze_button)
        bar.addStretch()
        self.callback = CallbackCall(ctx.api, ctx.tasks)
        self.callback.call_back_requested.connect(self.call_back)
        self.callback.hide()
        self._wanted: int | None = None  # a task to select once it is shown (a screen pop's)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.callback)
        self.layout_.insertLayout(0, form)
        self._selection()

    def fetch(self):
        return self.ctx.api.list("tasks", customer_id=self.customer_id, limit=100, sort="due_at")

    def show_data(self, data) -> None:
        rows = sorted(data["results"], key=lambda t: t.get("status") == "done")  # open first
        fill_table(self.table, rows, lambda t: [
            t["title"], when(t.get("due_at")), task_status(t), when(t.get("snoozed_until"))])
        wanted = next((i for i, t in enumerate(rows) if t["id"] == self._wanted), None)
        if wanted is not None:
            self._wanted = None
            self.table.setCurrentCell(wanted, 0)
        elif self.table.currentRow() < 0 and rows and is_callback(rows[0]) and rows[0].get("status") == "open":
            self.table.setCurrentCell(0, 0)  # an open call-back first: its call is what the agent needs
        self._selection()

    def select_task(self, task_id: int) -> None:
        """Select this task, now if it is shown, else when it arrives."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and (item.data(Qt.ItemDataRole.UserRole) or {}).get("id") == task_id:
                self.table.setCurrentCell(row, 0)
                return
        self._wanted = task_id

    def focus_create(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection(self) -> None:
        task = selected_row(self.table)
        self.done_button.setEnabled(bool(task and task.get("status") == "open"))
        self.snooze_button.setEnabled(bool(task and task.get("status") == "open"))
        if is_callback(task):
            self.callback.show_task(task)
            self.callback.show()
        else:
            self.callback.hide()

    def call_back(self, customer_id: int) -> None:
        """Click-to-call the customer; reaching them marks the call-back done on the server."""
        call_customer(self.ctx.api, self.ctx.tasks, customer_id,
                      lambda ok, message: self.callback.say(message, error=not ok), owner=self)

    def create(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.title.setFocus()
            return self.say(self.tr("יש לכתוב מה המשימה."), error=True)
        due = self.due.dateTime().toPython().astimezone()  # local time, with its zone
        body = {"title": title, "due_at": due.isoformat(), "customer_id": self.customer_id}
        api = self.ctx.api
        self.act(lambda: api.post("/api/crm/tasks", body), self._created, busy=self.create_button)

    def _created(self, task: dict) -> None:
        self.title.clear()
        self.say(self.tr("המשימה נוספה: {0}").format(task["title"]))
        self.reload()

    def done(self) -> None:
        task = selected_row(self.table)
        if task:
            api = self.ctx.api
            self.act(lambda: api.post(f"/api/crm/tasks/{task['id']}/done", {}),
                     lambda t: (self.say(self.tr("המשימה סומנה כבוצעה.")), self.reload()), busy=self.done_button)

    def snooze(self, minutes: int) -> None:
        task = selected_row(self.table)
        if task:
            api = self.ctx.api
            self.act(lambda: api.post(f"/api/crm/tasks/{task['id']}/snooze", {"minutes": minutes}),
                     lambda t: (self.say(self.tr("המשימה נדחתה עד {0}.").format(when(t.get("snoozed_until")))),
                                self.reload()), busy=self.snooze_button)
