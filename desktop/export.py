"""CSV export of the customers table as the agent sees it: every customer matching the table's
search, filters and sort, with the columns shown, in the order shown (`columns=`), streamed
from `GET /api/crm/customers/export.csv` into a file the agent chooses (offered as the
server's dated name, `customers-YYYY-MM-DD.csv`).

The download runs on the task pool and writes `<file>.part`, renamed to the file only when
complete: a cancelled or failed export leaves no partial file behind (and an older file of
the same name untouched). A QProgressDialog shows rows and bytes, and its Cancel stops the
download at the next chunk.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QToolButton, QWidget

from desktop.api import Api
from desktop.display import count_text, ltr
from desktop.tasks import TaskManager

EXPORT_PATH = "/api/crm/customers/export.csv"
CHUNK = 64 * 1024


class ExportCancelledError(Exception):
    pass


def _size(count: int) -> str:
    return f"{count / 1024:,.0f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:,.1f} MB"


class CsvExport(QObject):
    progress = Signal(int, int)  # bytes written, data rows written (emitted on the worker thread)
    finished = Signal(str, int)  # the file, its data rows
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, api: Api, tasks: TaskManager, dest: Path, params: dict, parent: QObject | None = None, *,
                 chunk_size: int = CHUNK, source: str = EXPORT_PATH) -> None:
        """`source`: what is streamed; the customers' CSV unless told (the audit log's CSV, a
        customer's whole file as a ZIP: the same download, the same `.part` discipline)."""
        super().__init__(parent)
        self.api, self.tasks = api, tasks
        self.source = source
        self.dest = Path(dest)
        self.params = params
        self.chunk_size = chunk_size
        self._cancel = threading.Event()

    @property
    def partial(self) -> Path:
        return self.dest.with_name(self.dest.name + ".part")

    def start(self) -> None:
        self.tasks.run(self._download, self._done, self._error, owner=self)

    def cancel(self) -> None:
        self._cancel.set()

    def _download(self) -> int:
        written = lines = 0
        try:
            with self.api.stream(self.source, **self.params) as response, self.partial.open("wb") as out:
                for chunk in response.iter_bytes(self.chunk_size):
                    if self._cancel.is_set():
                        raise ExportCancelledError
                    out.write(chunk)
                    written += len(chunk)
                    lines += chunk.count(b"\n")
                    self.progress.emit(written, max(0, lines - 1))
            if self._cancel.is_set():
                raise ExportCancelledError
            self.partial.replace(self.dest)
        except BaseException:
            self.partial.unlink(missing_ok=True)
            raise
        return max(0, lines - 1)  # less the header

    def _done(self, rows: int) -> None:
        self.finished.emit(str(self.dest), rows)

    def _error(self, error: BaseException) -> None:
        if isinstance(error, ExportCancelledError):
            self.cancelled.emit()
        else:
            self.failed.emit(getattr(error, "message", None) or str(error))


def default_name(day: date | None = None) -> str:
    """The name the server gives the file (its Content-Disposition), by today's local date."""
    return f"customers-{(day or date.today()).isoformat()}.csv"


def ask_save(parent: QWidget | None, title: str, suggested: str, file_filter: str, suffix: str) -> Path | None:
    """The file to write, chosen in a save dialog opened on the home folder with `suggested`
    as its name; `suffix` added when the agent typed a name without it; None when cancelled."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


def ask_path(parent: QWidget | None) -> Path | None:
    """The file to write (the agent's choice); None when cancelled. Tests replace it."""
    tr = parent.tr if parent else (lambda text: text)
    return ask_save(parent, tr("ייצוא לקוחות ל-CSV"), default_name(), tr("קובצי CSV (*.csv)"), ".csv")


class CustomersExport(QObject):
    """The table's "ייצוא CSV" button: asks for a file, exports the table's current query and
    visible columns with a progress dialog, and tells the outcome in the table's notice line."""

    starting = Signal(object)  # the CsvExport, wired and about to start

    def __init__(self, view, api: Api, tasks: TaskManager) -> None:
        super().__init__(view)
        self.view, self.api, self.tasks = view, api, tasks
        self.button = QToolButton()
        self.button.setText(view.tr("ייצוא CSV"))
        self.button.setToolTip(view.tr("ייצוא כל הלקוחות התואמים לחיפוש, לסינון ולמיון לקובץ CSV (Ctrl+Shift+E)"))
        self.button.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.button.clicked.connect(self.run)
        view.add_tool(self.button)
        self.export: CsvExport | None = None
        self.dialog: QProgressDialog | None = None

    def params(self) -> dict:
        model = self.view.model
        return {"q": model.query_text or None, "sort": model.sort_key, **model.filters,
                "columns": ",".join(self.view.shown_columns())}

    def run(self, _checked: bool = False, *, path: Path | None = None) -> CsvExport | None:
        if self.export is not None:
            return None  # one export at a time
        path = path or ask_path(self.view)
        if path is None:
            return None
        total = self.view.model.total
        export = CsvExport(self.api, self.tasks, path, self.params(), self)
        dialog = QProgressDialog(self.view.tr("מייצא לקוחות…"), self.view.tr("ביטול"), 0, max(total, 1), self.view)
        dialog.setWindowTitle(self.view.tr("ייצוא CSV"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(export.cancel)
        export.progress.connect(lambda written, rows: self._progress(written, rows, total))
        export.finished.connect(self._finished)
        export.failed.connect(lambda message: self._ended(self.view.tr("הייצוא נכשל: {0}").format(message)))
        export.cancelled.connect(lambda: self._ended(self.view.tr("הייצוא בוטל; לא נשמר קובץ.")))
        self.export, self.dialog = export, dialog
        self.starting.emit(export)
        export.start()
        return export

    def _progress(self, written: int, rows: int, total: int) -> None:
        if self.dialog is None:
            return
        self.dialog.setValue(min(rows, max(total, 1)))
        tr = self.view.tr
        self.dialog.setLabelText(tr("מייצא לקוחות… {0} מתוך {1} ({2})").format(
            f"{rows:,}", count_text(total, one=tr("שורה אחת"), many=tr("{0} שורות")), ltr(_size(written))))

    def _finished(self, path: str, rows: int) -> None:
        # The path is isolated left to right: inside the Hebrew sentence its slashes and
        # folders would otherwise be reordered (the leading "/" shown at its far end).
        tr = self.view.tr
        self._ended(count_text(rows, one=tr("יוצא לקוח אחד אל {path}"), many=tr("יוצאו {0} לקוחות אל {path}"),
                               none=tr("לא נמצאו לקוחות לייצוא; נשמר קובץ עם שורת הכותרות בלבד: {path}"),
                               path=ltr(path)))

    def _ended(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.export, self.dialog = None, None
        self.view.say(message)
