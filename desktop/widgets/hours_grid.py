"""The opening hours of a week, ראשון to שבת: each day closed, or open in one or more time
ranges that the admin adds and removes. `value()` is the server's `hours` object
({"sun": [["08:00", "17:00"]], ..., "sat": []}), `set_value()` shows one.

The server checks the ranges (start before end, no overlaps) and says what is wrong; the grid
only keeps each time well formed. Qt's time edits stop at 23:59, so an end of 00:00 is
midnight at the end of the day, sent as "24:00".
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from desktop.widgets.datetime_edit import TIME_FORMAT, reading_right

DAYS = (("sun", QT_TRANSLATE_NOOP("HoursGrid", "ראשון")), ("mon", QT_TRANSLATE_NOOP("HoursGrid", "שני")),
        ("tue", QT_TRANSLATE_NOOP("HoursGrid", "שלישי")), ("wed", QT_TRANSLATE_NOOP("HoursGrid", "רביעי")),
        ("thu", QT_TRANSLATE_NOOP("HoursGrid", "חמישי")), ("fri", QT_TRANSLATE_NOOP("HoursGrid", "שישי")),
        ("sat", QT_TRANSLATE_NOOP("HoursGrid", "שבת")))
NEW_RANGE = ("08:00", "17:00")
MIDNIGHT = "24:00"


def _t(text: str) -> str:
    return QCoreApplication.translate("HoursGrid", text)


def _time(text: str) -> QTime:
    return QTime(0, 0) if text == MIDNIGHT else QTime.fromString(text, "HH:mm")


class RangeEdit(QWidget):
    """One range: from, to, and a remove button."""

    removed = Signal(object)

    def __init__(self, start: str, end: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = self._edit(start)
        self.end = self._edit(end)
        self.end.setToolTip(_t("00:00 בשעת הסגירה: עד חצות"))
        self.remove_button = QPushButton("✕")
        self.remove_button.setFlat(True)
        self.remove_button.setFixedWidth(28)
        self.remove_button.setToolTip(_t("הסרת הטווח"))
        self.remove_button.setAccessibleName(_t("הסרת הטווח"))
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addWidget(self.remove_button)

    @staticmethod
    def _edit(text: str) -> QTimeEdit:
        return reading_right(QTimeEdit(_time(text)), TIME_FORMAT)  # 08:00 reads as a clock

    def value(self) -> list[str]:
        end = self.end.time().toString("HH:mm")
        return [self.start.time().toString("HH:mm"), MIDNIGHT if end == "00:00" else end]


class DayRow(QFrame):
    """A day: open or closed, its ranges, "+ טווח"."""

    changed = Signal()

    def __init__(self, key: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.ranges: list[RangeEdit] = []
        self.name = QLabel(name)
        self.name.setMinimumWidth(60)
        self.name.setStyleSheet("font-weight: bold;")
        self.open_box = QCheckBox(_t("פתוח"))
        self.open_box.toggled.connect(self._open_toggled)
        self.closed_label = QLabel(_t("סגור"))
        self.closed_label.setProperty("role", "muted")
        self.range_box = QHBoxLayout()
        self.range_box.setSpacing(14)
        self.add_button = QPushButton(_t("הוספת טווח"))
        self.add_button.setFlat(True)
        self.add_button.setToolTip(_t("טווח שעות נוסף ביום הזה (למשל הפסקת צהריים)"))
        self.add_button.clicked.connect(lambda: self.add_range(*self._next_range()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.name)
        layout.addWidget(self.open_box)
        layout.addWidget(self.closed_label)
        layout.addLayout(self.range_box)
        layout.addWidget(self.add_button)
        layout.addStretch(1)

    def _next_range(self) -> tuple[str, str]:
        """A new range after the last one (a lunch break's afternoon), else the usual day."""
        if not self.ranges:
            return NEW_RANGE
        last_end = self.ranges[-1].value()[1]
        if last_end >= "23:00":
            return NEW_RANGE
        hour = int(last_end[:2]) + 1
        return f"{hour:02d}:{last_end[3:]}", MIDNIGHT if hour + 3 >= 24 else f"{hour + 3:02d}:{last_end[3:]}"

    def set_ranges(self, ranges: list) -> None:
        for edit in list(self.ranges):
            self._drop(edit)
        for start, end in ranges:
            self.add_range(start, end, notify=False)
        self.open_box.blockSignals(True)
        self.open_box.setChecked(bool(ranges))
        self.open_box.blockSignals(False)
        self._show()

    def add_range(self, start: str, end: str, *, notify: bool = True) -> RangeEdit:
        edit = RangeEdit(start, end)
        edit.removed.connect(self.remove_range)
        edit.start.timeChanged.connect(self.changed)
        edit.end.timeChanged.connect(self.changed)
        self.ranges.append(edit)
        self.range_box.addWidget(edit)
        if not self.open_box.isChecked():
            self.open_box.blockSignals(True)
            self.open_box.setChecked(True)
            self.open_box.blockSignals(False)
        self._show()
        if notify:
            self.changed.emit()
        return edit

    def remove_range(self, edit: RangeEdit) -> None:
        self._drop(edit)
        if not self.ranges:
            self.open_box.blockSignals(True)
            self.open_box.setChecked(False)  # no range left: closed that day
            self.open_box.blockSignals(False)
        self._show()
        self.changed.emit()

    def _drop(self, edit: RangeEdit) -> None:
        self.ranges.remove(edit)
        self.range_box.removeWidget(edit)
        edit.hide()
        edit.deleteLater()

    def _open_toggled(self, opened: bool) -> None:
        if opened and not self.ranges:
            self.add_range(*NEW_RANGE)
            return
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        opened = self.open_box.isChecked()
        self.closed_label.setVisible(not opened)
        self.add_button.setVisible(opened)
        for edit in self.ranges:
            edit.setVisible(opened)

    def value(self) -> list[list[str]]:
        return [edit.value() for edit in self.ranges] if self.open_box.isChecked() else []


class HoursGrid(QFrame):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hoursGrid")
        self.days: dict[str, DayRow] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(2)
        for row, (key, name) in enumerate(DAYS):
            day = DayRow(key, _t(name))
            day.changed.connect(self.changed)
            self.days[key] = day
            layout.addWidget(day, row, 0)

    def set_value(self, hours: dict) -> None:
        for key, day in self.days.items():
            day.set_ranges(hours.get(key) or [])

    def value(self) -> dict[str, list[list[str]]]:
        return {key: day.value() for key, day in self.days.items()}

    def mark(self, wrong: bool) -> None:
        """A red frame while the server refuses these hours."""
        self.setStyleSheet("QFrame#hoursGrid { border: 1px solid #c62828; border-radius: 6px; }" if wrong else "")
