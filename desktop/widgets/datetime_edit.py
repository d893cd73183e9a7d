"""Date and time fields that read right in a right-to-left window.

Under a right-to-left layout Qt reverses the sections of a date/time edit's display format
when the format is set: "dd/MM/yyyy HH:mm" shows 1 December 2026, 09:00 as
"00:09 2026/12/01". Dates and times are written left to right in Hebrew too, so the edit is
made left to right before its format is set (the order matters: a format set earlier stays
reversed), and its text is aligned to the right, where the fields of a right-to-left form
start. Its calendar stays right to left, like every Hebrew calendar.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDateTimeEdit, QWidget

DATE_TIME_FORMAT = "dd/MM/yyyy HH:mm"
DATE_FORMAT = "dd/MM/yyyy"
TIME_FORMAT = "HH:mm"


def reading_right(edit: QDateTimeEdit, display_format: str = DATE_TIME_FORMAT) -> QDateTimeEdit:
    """`edit` (a QDateTimeEdit, QDateEdit or QTimeEdit) showing `display_format` in its own
    order; returns it."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat(display_format)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if edit.calendarPopup():
        edit.calendarWidget().setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return edit


def date_time_edit(value: QDateTime, *, display_format: str = DATE_TIME_FORMAT, calendar: bool = True,
                   parent: QWidget | None = None) -> QDateTimeEdit:
    """A date-and-time field at `value` that reads right (see `reading_right`)."""
    edit = QDateTimeEdit(value, parent)
    edit.setCalendarPopup(calendar)
    return reading_right(edit, display_format)
