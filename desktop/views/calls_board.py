"""לוח שיחות: how the business answers its phone. Today's figures (calls, answered, missed,
messages left, called back, the median time to call back in words), the same for a chosen
range (two dates and presets), and a per-agent table with each agent's presence now.

Two requests to `GET /api/crm/stats/calls` (today: no dates, the server's today in the
business's time zone; the range: `from`/`to`) and one to `GET /api/crm/presence`, all on the
task pool. It stays current: presence:changed updates an agent's row in place, and a call
answered or missed (or a call-back done) reloads the figures a moment later, once per burst.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.api import Api
from desktop.display import duration_words
from desktop.live_errors import error_text, message
from desktop.models.board import NAME, AgentsModel
from desktop.tasks import TaskManager
from desktop.theme import show_status, tokens
from desktop.widgets.datetime_edit import DATE_FORMAT, reading_right
from desktop.widgets.section import section_title

RELOAD_EVENTS = frozenset({"call:new", "call:answered", "call:missed", "task:updated"})
RELOAD_DELAY_MS = 1500
MAX_DAYS = 366  # what the server answers at most


class Figures(QFrame):
    """A row of tiles: each figure big, its caption under it."""

    KEYS = ("calls", "answered", "missed", "messages_left", "called_back", "median_callback_seconds")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        captions = (self.tr("שיחות"), self.tr("נענו"), self.tr("לא נענו"), self.tr("השאירו הודעה"),
                    self.tr("חזרנו אליהם"), self.tr("זמן חציוני עד חזרה"))
        self.values: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        t = tokens()
        for column, (key, caption) in enumerate(zip(self.KEYS, captions, strict=True)):
            tile = QFrame()
            tile.setObjectName("figureTile")
            tile.setStyleSheet(f"QFrame#figureTile {{ background: {t['surface']}; border: 1px solid {t['border']}; "
                               "border-radius: 8px; } QFrame#figureTile QLabel { border: none; }")
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setStyleSheet(f"font-size: {18 if key == 'median_callback_seconds' else 26}px; font-weight: bold;")
            value.setWordWrap(True)
            label = QLabel(caption)
            label.setProperty("role", "muted")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner = QVBoxLayout(tile)
            inner.setContentsMargins(10, 10, 10, 10)
            inner.addWidget(value, 1)
            inner.addWidget(label)
            layout.addWidget(tile, 0, column)
            layout.setColumnStretch(column, 1)
            self.values[key] = value

    def show_totals(self, totals: dict) -> None:
        for key, label in self.values.items():
            value = totals.get(key)
            if key == "median_callback_seconds":
                label.setText(duration_words(value) or "—")
            else:
                label.setText(f"{value or 0:,}")

    def text(self, key: str) -> str:
        return self.values[key].text()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CallsBoard(QWidget):
    loaded = Signal()  # an answer arrived (figures or presence) and is shown

    def __init__(self, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.api, self.tasks = api, tasks
        self.setWindowTitle(self.tr("AgentLocator – לוח שיחות"))
        self.resize(1000, 700)
        self.today_data: dict | None = None
        self.range_data: dict | None = None

        title = QLabel(self.tr("לוח שיחות"))
        title.setProperty("role", "title")
        self.refresh_button = QPushButton(self.tr("רענון"))
        self.refresh_button.clicked.connect(self.reload)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.refresh_button)

        self.today = Figures()
        self.range_figures = Figures()
        today = date.today()
        self.date_from = self._date_edit(today - timedelta(days=6))
        self.date_to = self._date_edit(today)
        self.presets: dict[str, QPushButton] = {}
        range_bar = QHBoxLayout()
        range_bar.addWidget(QLabel(self.tr("מתאריך")))
        range_bar.addWidget(self.date_from)
        range_bar.addWidget(QLabel(self.tr("עד תאריך")))
        range_bar.addWidget(self.date_to)
        range_bar.addSpacing(12)
        for key, text in (("yesterday", self.tr("אתמול")), ("week", self.tr("7 הימים האחרונים")),
                          ("month", self.tr("החודש")), ("30", self.tr("30 הימים האחרונים"))):
            button = QPushButton(text)
            button.setFlat(True)
            button.clicked.connect(lambda _checked=False, k=key: self.preset(k))
            range_bar.addWidget(button)
            self.presets[key] = button
        range_bar.addStretch(1)

        self.model = AgentsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)  # the names take the room
        header.setMinimumSectionSize(130)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.status)
        layout.addWidget(section_title(self.tr("היום")))
        layout.addWidget(self.today)
        layout.addWidget(section_title(self.tr("טווח תאריכים")))
        layout.addLayout(range_bar)
        layout.addWidget(self.range_figures)
        layout.addWidget(section_title(self.tr("לפי סוכן/ת (בטווח התאריכים)")))
        layout.addWidget(self.table, 1)

        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(RELOAD_DELAY_MS)
        self._soon.timeout.connect(self.reload)
        self._range_soon = QTimer(self)
        self._range_soon.setSingleShot(True)
        self._range_soon.setInterval(300)  # typing a date: one request when it stops
        self._range_soon.timeout.connect(self.load_range)
        self.date_from.dateChanged.connect(self._range_soon.start)
        self.date_to.dateChanged.connect(self._range_soon.start)
        self._generation = 0
        self.reload()

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setCalendarPopup(True)
        return reading_right(edit, DATE_FORMAT)

    # -- the range -----------------------------------------------------------------------
    def chosen_range(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def set_range(self, start: date, end: date) -> None:
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self.load_range()

    def preset(self, key: str) -> None:
        today = date.today()
        start, end = {
            "yesterday": (today - timedelta(days=1), today - timedelta(days=1)),
            "week": (today - timedelta(days=6), today),
            "month": (today.replace(day=1), today),
            "30": (today - timedelta(days=29), today),
        }[key]
        self.set_range(start, end)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        api = self.api
        self.tasks.run(lambda: api.get("/api/crm/stats/calls"), self._today, self._failed, owner=self)
        self.tasks.run(lambda: api.get("/api/crm/presence"), self._presence, self._failed, owner=self)
        self.load_range()

    def load_range(self) -> None:
        start, end = self.chosen_range()
        if end < start or (end - start).days >= MAX_DAYS:
            show_status(self.status, message("invalid_range"), error=True)
            return
        self._generation += 1
        generation, api = self._generation, self.api
        self.tasks.run(lambda: api.get("/api/crm/stats/calls", **{"from": start.isoformat(), "to": end.isoformat()}),
                       lambda data: self._range(generation, data), self._failed, owner=self)

    def _today(self, data: dict) -> None:
        self.today_data = data
        self.today.show_totals(data.get("totals") or {})
        self.loaded.emit()

    def _range(self, generation: int, data: dict) -> None:
        if generation != self._generation:
            return  # an older range's answer, after a newer one was asked
        self.range_data = data
        show_status(self.status, "")
        self.range_figures.show_totals(data.get("totals") or {})
        self.model.set_agents(data.get("agents") or [])
        self.loaded.emit()

    def _presence(self, data: dict) -> None:
        self.model.set_presence(data.get("results") or [])
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        show_status(self.status, error_text(error), error=True)

    # -- live ----------------------------------------------------------------------------
    def on_event(self, name: str, payload: dict) -> None:
        if name == "presence:changed":
            self.model.update_presence(payload)
        elif name in RELOAD_EVENTS:
            self._soon.start()

