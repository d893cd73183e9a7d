"""יומן פעולות (admins, contract 19): who did what with personal data, newest first. The
generic paged model (desktop/models/paged.py) over `GET /api/audit`, filtered by action and
by dates (the server's `action`, `since`, `until`), and the same filters exported as CSV
(`GET /api/audit/export.csv`, streamed into the file the admin chooses: desktop/export.py).
The log is append-only on the server: nothing here changes it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.api import Api
from desktop.display import count_text, ltr, options, when
from desktop.export import CsvExport, ask_save
from desktop.models.paged import Column, PagedTableModel, PageQuery
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.views.customers import SkeletonDelegate
from desktop.widgets.states import StateStack

AUDIT_PATH, AUDIT_CSV = "/api/audit", "/api/audit/export.csv"
NO_DATE = QDate(2000, 1, 1)  # a date edit's minimum, shown as "ללא": no bound


def target_text(tr, row: dict) -> str:
    """What the action was done to, in words: "לקוח 12", "שיחה 40", "הגדרות העסק"."""
    kinds = {"customer": tr("לקוח"), "call": tr("שיחה"), "invoice": tr("חשבונית"), "contract": tr("חוזה"),
             "message": tr("הודעה"), "business": tr("הגדרות העסק"), "audit": tr("יומן הפעולות")}
    kind = row.get("target_type") or ""
    word = kinds.get(kind, kind)
    if kind == "business" or row.get("target_id") is None:  # a business has one set of settings
        return word
    return f"{word} {row['target_id']}"


def audit_columns(tr) -> list[Column]:
    ltr_cell = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
    return [
        Column("at", tr("זמן"), sortable=True, format=when),
        Column("user", tr("משתמש"), shown="user_shown"),
        Column("action", tr("פעולה"), sortable=True, shown="action_label"),
        Column("target", tr("על מה"), shown="target_shown"),
        Column("ip", tr("כתובת IP"), alignment=ltr_cell),
    ]


def audit_model(api: Api, tasks: TaskManager, tr, parent=None, *, page_size: int = 100) -> PagedTableModel:
    def fetch(query: PageQuery) -> dict:
        answer = api.get(AUDIT_PATH, page=query.page, limit=query.limit, sort=query.sort, **query.filters)
        for row in answer.get("results", []):  # the display forms, on the pool
            row["user_shown"] = row.get("user_name") or row.get("user_email") or tr("המערכת")
            row["target_shown"] = target_text(tr, row)
        return answer

    return PagedTableModel(audit_columns(tr), fetch, tasks, page_size=page_size, default_sort="-at", parent=parent)


def day_start(day: date) -> str:
    """The first moment of `day` on this computer's clock, as the server reads times (ISO, with offset)."""
    return datetime.combine(day, time.min).astimezone().isoformat()


def ask_csv_path(parent) -> Path | None:
    """Where the admin saves the log's CSV; None when cancelled. Tests replace it."""
    return ask_save(parent, parent.tr("ייצוא יומן הפעולות ל-CSV"), f"audit-{date.today().isoformat()}.csv",
                    parent.tr("קובצי CSV (*.csv)"), ".csv")


class AuditLogWindow(QWidget):
    exported = Signal(str)  # the CSV written

    def __init__(self, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.api, self.tasks = api, tasks
        self.setWindowTitle(self.tr("AgentLocator – יומן פעולות"))
        self.resize(1000, 620)
        self.ask_path = ask_csv_path
        self.export: CsvExport | None = None

        title = QLabel(self.tr("יומן פעולות"))
        title.setProperty("role", "title")
        explain = QLabel(self.tr("מי האזין להקלטה, הוריד מסמך, ייצא או מחק מידע, ושינה הגדרות: לפי חוק הגנת "
                                 "הפרטיות. היומן נשמר כפי שנרשם ואי אפשר לשנות או למחוק בו."))
        explain.setProperty("role", "muted")
        explain.setWordWrap(True)

        self.action_filter = QComboBox()
        self.action_filter.setToolTip(self.tr("סינון לפי פעולה"))
        self.action_filter.addItem(self.tr("כל הפעולות"), None)
        for text, value in options("audit_action"):
            self.action_filter.addItem(text, value)
        self.action_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.action_filter.activated.connect(self.apply_filters)
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("ללא"))  # the minimum: no bound
            edit.setDate(NO_DATE)
            edit.dateChanged.connect(self.apply_filters)
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.export_button = QPushButton(self.tr("ייצוא CSV"))
        self.export_button.setToolTip(self.tr("ייצוא הרשומות התואמות לסינון לקובץ CSV"))
        self.export_button.clicked.connect(self.start_export)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("פעולה")))
        bar.addWidget(self.action_filter)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("מתאריך")))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("עד תאריך")))
        bar.addWidget(self.until)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.export_button)

        self.model = audit_model(api, tasks, self.tr, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(SkeletonDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 200, 230, 160)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Newest first, as the server answers; a click on "זמן" or "פעולה" asks it to sort so
        # (the other columns fall back to the newest first: PagedTableModel.sort).
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.stack = StateStack(self.table, empty_text=self.tr("אין פעולות ביומן לסינון הזה."))
        self.stack.retry.connect(self.model.reload)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)

        self.table.verticalScrollBar().valueChanged.connect(self.fetch_visible)
        self.model.modelReset.connect(self._refresh_state)
        self.model.loading_changed.connect(self._refresh_state)
        self.model.page_loaded.connect(self._refresh_state)
        self.model.reload()
        self._refresh_state()

    # -- filters -------------------------------------------------------------------------
    def filters(self) -> dict:
        """The server's query names; no value, no filter. `until` is the end of its day."""
        since, until = self.since.date(), self.until.date()
        return {
            "action": self.action_filter.currentData(),
            "since": day_start(since.toPython()) if since != NO_DATE else None,
            "until": day_start(until.toPython() + timedelta(days=1)) if until != NO_DATE else None,
        }

    def apply_filters(self, *_args) -> None:
        self.model.set_filters(self.filters())

    # -- state ---------------------------------------------------------------------------
    def fetch_visible(self) -> None:
        first = max(0, self.table.rowAt(0))
        last = self.table.rowAt(self.table.viewport().height() - 1)
        self.model.ensure_rows(first, self.model.rowCount() - 1 if last < 0 else last)

    def _refresh_state(self, *_args) -> None:
        model = self.model
        if not model.loaded_once:
            self.stack.show_loading()
        elif model.error:
            self.stack.show_error(model.error)
        elif model.total == 0:
            self.stack.show_empty()
        else:
            self.stack.show_content()
            self.fetch_visible()
        self.count.setText(count_text(model.total, one=self.tr("רשומה אחת"), many=self.tr("{0} רשומות"))
                           if model.loaded_once and not model.error else "")

    # -- export --------------------------------------------------------------------------
    def start_export(self, _checked: bool = False, *, path: Path | None = None) -> CsvExport | None:
        if self.export is not None:
            return None
        path = path or self.ask_path(self)
        if path is None:
            return None
        export = CsvExport(self.api, self.tasks, path, self.model.filters, self, source=AUDIT_CSV)
        export.finished.connect(self._exported)
        export.failed.connect(lambda message: self._ended(self.tr("הייצוא נכשל: {0}").format(message), error=True))
        self.export = export
        self.export_button.setEnabled(False)
        self._ended(self.tr("מייצא את יומן הפעולות…"), busy=True)
        export.start()
        return export

    def _exported(self, file: str, rows: int) -> None:
        self._ended(count_text(rows, one=self.tr("רשומה אחת יוצאה אל {path}"),
                               many=self.tr("{0} רשומות יוצאו אל {path}"),
                               none=self.tr("אין רשומות לייצוא; נשמר קובץ עם שורת הכותרות בלבד: {path}"),
                               path=ltr(file)))
        self.exported.emit(file)

    def _ended(self, text: str, *, error: bool = False, busy: bool = False) -> None:
        if not busy:
            self.export = None
            self.export_button.setEnabled(True)
        show_status(self.status, text, error=error)
