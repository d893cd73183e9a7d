"""הגדרות שיחות (admins): how the business answers its phone. The call mode (the greeting and a
recording, or ringing the available agents first), how long phones ring, how soon a missed
call must be called back, the weekly opening hours (desktop/widgets/hours_grid.py), and
whether Israel's holidays close the office, with the coming ones listed.

`CallSettingsDialog.ask(api, tasks)` runs it and returns the business as the server last
answered a save (`PATCH /api/business`), or None when nothing was saved. The server's
refusals come back in Hebrew (desktop/live_errors.py), the hours framed red when they are
what it refused.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.api import Api
from desktop.display import when
from desktop.live_errors import error_text
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.widgets.hours_grid import HoursGrid
from desktop.widgets.section import section_title

HOURS_CODES = frozenset({"invalid_hours", "hours_overlap", "hours_unknown_day"})
FIELDS = ("call_mode", "ring_seconds", "callback_minutes", "closed_on_holidays", "hours")


def business_time(value: str, zone: str | None) -> str:
    """A time as the business's clock shows it (its hours are in its own time zone, whatever
    this computer's is): 02/12/2026 08:00."""
    try:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M") if zone else when(value)
    except (ValueError, ZoneInfoNotFoundError):
        return when(value)


def holiday_line(entry: dict) -> str:
    try:
        day = date.fromisoformat(str(entry.get("date"))).strftime("%d/%m/%Y")
    except ValueError:
        day = str(entry.get("date") or "")
    return f"{entry.get('name', '')} · \u2066{day}\u2069"


class CallSettingsDialog(QDialog):
    loaded = Signal()  # the business arrived (or failed to)
    saved = Signal(dict)  # the business as the server answered a save
    save_failed = Signal(str)  # the Hebrew sentence shown

    def __init__(self, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.tasks = api, tasks
        self.business: dict | None = None
        self.result_business: dict | None = None
        self.setWindowTitle(self.tr("AgentLocator – הגדרות שיחות"))
        self.setMinimumWidth(760)

        title = QLabel(self.tr("הגדרות שיחות"))
        title.setProperty("role", "title")

        self.voicemail = QRadioButton(self.tr("תא קולי: כל מתקשר שומע את הברכה ומשאיר הודעה"))
        self.ring_agents = QRadioButton(self.tr("צלצול לסוכנים: בשעות הפעילות מצלצלים יחד כל הסוכנים הזמינים; "
                                                "אם אף אחד לא עונה, המתקשר משאיר הודעה"))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.voicemail)
        self.mode.addButton(self.ring_agents)
        self.ring_seconds = QSpinBox()
        self.ring_seconds.setRange(5, 120)
        self.ring_seconds.setSuffix(self.tr(" שניות"))
        self.callback_minutes = QSpinBox()
        self.callback_minutes.setRange(1, 1440)
        self.callback_minutes.setSuffix(self.tr(" דקות"))
        for box in (self.ring_seconds, self.callback_minutes):
            box.setMinimumWidth(130)
            box.setMaximumWidth(160)
        callback_help = QLabel(self.tr("שיחה שלא נענתה (או שהגיעה מחוץ לשעות הפעילות) נרשמת כמשימת "
                                       "התקשרות חזרה לתורן/ית; אם היא עדיין פתוחה אחרי פי שניים מהזמן, "
                                       "המנהלים מקבלים התראה."))
        callback_help.setProperty("role", "muted")
        callback_help.setWordWrap(True)
        numbers = QFormLayout()
        numbers.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        numbers.addRow(self.tr("כמה זמן לצלצל"), self.ring_seconds)
        numbers.addRow(self.tr("לחזור למתקשר תוך"), self.callback_minutes)

        self.open_now = QLabel()
        self.open_now.setProperty("role", "muted")
        self.hours = HoursGrid()
        self.hours.changed.connect(lambda: self.hours.mark(False))
        self.holidays = QCheckBox(self.tr("סגור בחגי ישראל (כמו בשבת: המתקשרים שומעים את ברכת הסגירה)"))
        self.upcoming = QLabel()
        self.upcoming.setObjectName("upcomingHolidays")
        self.upcoming.setWordWrap(True)
        self.upcoming.setProperty("role", "muted")

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.save_button = QPushButton(self.tr("שמירה"))
        self.save_button.setProperty("primary", True)
        self.save_button.setEnabled(False)  # until the settings arrived
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("סגירה"))
        buttons.rejected.connect(self.reject)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(section_title(self.tr("אופן המענה")))
        inner.addWidget(self.voicemail)
        inner.addWidget(self.ring_agents)
        inner.addLayout(numbers)
        inner.addWidget(callback_help)
        inner.addWidget(section_title(self.tr("שעות פעילות")))
        inner.addWidget(self.open_now)
        inner.addWidget(self.hours)
        inner.addWidget(section_title(self.tr("חגים")))
        inner.addWidget(self.holidays)
        inner.addWidget(self.upcoming)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 760)
        self.load()

    # -- loading -------------------------------------------------------------------------
    def load(self) -> None:
        self._tell(self.tr("טוען את ההגדרות…"))

        def failed(error: BaseException) -> None:
            self._tell(error_text(error), error=True)
            self.loaded.emit()

        self.tasks.run(lambda: self.api.get("/api/business"), self._arrived, failed, owner=self)

    def _arrived(self, business: dict) -> None:
        self._tell("")
        self.show_business(business)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def show_business(self, business: dict) -> None:
        self.business = business
        (self.ring_agents if business.get("call_mode") == "ring_agents" else self.voicemail).setChecked(True)
        self.ring_seconds.setValue(int(business.get("ring_seconds") or 20))
        self.callback_minutes.setValue(int(business.get("callback_minutes") or 30))
        self.hours.set_value(business.get("hours") or {})
        self.hours.mark(False)
        self.holidays.setChecked(bool(business.get("closed_on_holidays", True)))
        if business.get("open_now"):
            self.open_now.setText(self.tr("עכשיו: פתוח"))
        elif business.get("next_opening"):
            self.open_now.setText(self.tr("עכשיו: סגור · נפתח ב-{0}").format(
                business_time(business["next_opening"], business.get("timezone"))))
        else:
            self.open_now.setText(self.tr("עכשיו: סגור"))
        upcoming = business.get("upcoming_holidays") or []
        self.upcoming.setText(self.tr("החגים הקרובים: ") + "; ".join(holiday_line(h) for h in upcoming)
                              if upcoming else self.tr("אין חגים רשמיים בשלושת החודשים הקרובים."))

    # -- saving --------------------------------------------------------------------------
    def changes(self) -> dict:
        return {
            "call_mode": "ring_agents" if self.ring_agents.isChecked() else "voicemail",
            "ring_seconds": self.ring_seconds.value(),
            "callback_minutes": self.callback_minutes.value(),
            "closed_on_holidays": self.holidays.isChecked(),
            "hours": self.hours.value(),
        }

    def save(self) -> None:
        body = self.changes()
        self.save_button.setEnabled(False)
        self._tell(self.tr("שומר…"))
        self.tasks.run(lambda: self.api.request("PATCH", "/api/business", json=body), self._saved,
                       self._save_failed, owner=self)

    def _saved(self, business: dict) -> None:
        self.save_button.setEnabled(True)
        self.show_business(business)
        self.result_business = business
        self._tell(self.tr("ההגדרות נשמרו."))
        self.saved.emit(business)

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        message = error_text(error)
        self.hours.mark(getattr(error, "code", None) in HOURS_CODES)
        self._tell(message + " " + self.tr("דבר לא נשמר."), error=True)
        self.save_failed.emit(message)

    def _tell(self, text: str, *, error: bool = False) -> None:
        show_status(self.status, text, error=error)

    @classmethod
    def ask(cls, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> dict | None:
        dialog = cls(api, tasks, parent=parent)
        dialog.exec()
        return dialog.result_business
