"""What every card tab shares: the customer it shows, fetching on the task pool, the
skeleton / no-data / error states, an action runner, and small helpers (display rules live
in desktop/display.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import cache
from desktop.api import Api, ApiError
from desktop.display import ltr  # noqa: F401 - the tabs import it from here
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.views.card.saved_file import SavedFileNotice
from desktop.widgets.states import StateStack


def download(api: Api, path: str, name: str) -> Path:
    """GET a file behind the session (a recording, a PDF) into the user's download cache as
    `name` (desktop/cache.py: kept after the card closes, so a PDF viewer opened on it can
    still read it; bounded); the local file. On the task pool."""
    return cache.admit(api.download(path, cache.path_for(name)))


def open_local_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def error_text(error: BaseException) -> str:
    return error.message if isinstance(error, ApiError) else str(error)


@dataclass
class CardContext:
    api: Api
    tasks: TaskManager
    customer_id: int
    open_file: Callable[[Path], object] = field(default=open_local_file)  # tests replace it
    user: dict = field(default_factory=dict)  # who is logged in (`role`, `can_listen`, `can_export`)

    @property
    def is_admin(self) -> bool:
        return self.user.get("role") == "admin"


class CardTab(QWidget):
    """A tab: `fetch()` runs on the pool, `show_data()` on the UI thread. A skeleton shows
    until the first answer; later reloads keep the old data on screen until the new arrives."""

    loaded = Signal()  # the data arrived and is shown
    empty_text = ""

    def __init__(self, ctx: CardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Any = None
        self.loaded_once = False
        self._generation = 0
        self.body = QWidget()
        self.states = StateStack(self.body, empty_text=self.empty_text)
        self.states.retry.connect(self.reload)
        self.notice = QLabel()  # the outcome of an action: an error, or what was done
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 12, 12, 12)
        self.layout_.addWidget(self.notice)
        self.layout_.addWidget(self.states, 1)

    @property
    def customer_id(self) -> int:
        return self.ctx.customer_id

    # -- to override ---------------------------------------------------------------------
    def fetch(self) -> Any:
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def is_empty(self, data: Any) -> bool:
        return not (data.get("results") if isinstance(data, dict) else data)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        if not self.loaded_once:
            self.states.show_loading()
        self.ctx.tasks.run(self.fetch, lambda data: self._arrived(generation, data),
                           lambda error: self._failed(generation, error), owner=self)

    def _arrived(self, generation: int, data: Any) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        self.data, self.loaded_once = data, True
        if self.is_empty(data):
            self.states.show_empty()
        else:
            self.show_data(data)
            self.states.show_content()
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if self.loaded_once:
            self.say(error_text(error), error=True)
        else:
            self.states.show_error(error_text(error))

    # -- actions -------------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        show_status(self.notice, text, error=error)

    def act(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None, *, busy: QWidget | None = None) -> None:
        """Run an action (a POST, a download) on the pool; `busy` is disabled meanwhile."""
        if busy is not None:
            busy.setEnabled(False)

        def done(result: Any) -> None:
            if busy is not None:
                busy.setEnabled(True)
            on_done(result)

        def failed(error: BaseException) -> None:
            if busy is not None:
                busy.setEnabled(True)
            (on_error or (lambda e: self.say(error_text(e), error=True)))(error)

        self.ctx.tasks.run(fn, done, failed, owner=self)

    def open_pdf(self, path: str, name: str, *, busy: QWidget | None = None) -> None:
        """Download a PDF behind the session into the cache and open it in the system viewer;
        when no viewer opens it (`open_file` answers False), say where it was saved."""
        if getattr(self, "saved_file", None) is None:
            self.saved_file = SavedFileNotice(lambda target: self.ctx.open_file(target))
            self.layout_.insertWidget(self.layout_.indexOf(self.notice) + 1, self.saved_file)
        self.saved_file.hide()
        self.say(self.tr("מוריד את המסמך…"))

        def downloaded(file: Path) -> None:
            self.say("")
            # None (no answer, as from a test's recorder) is taken as opened; only False is not.
            if self.ctx.open_file(file) is False:
                self.saved_file.show_file(file)

        self.act(lambda: download(self.ctx.api, path, name), downloaded, busy=busy)


def make_table(headers: list[str]) -> QTableWidget:
    """A read-only, whole-row-selecting table for a tab's records."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_table(table: QTableWidget, rows: list[dict], cells: Callable[[dict], list[str]]) -> None:
    """Put `rows` in `table`, one record per row; the record rides on the first cell (UserRole)."""
    selected = table.currentRow()
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, text in enumerate(cells(row)):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, row)
            table.setItem(number, column, item)
    if 0 <= selected < len(rows):
        table.setCurrentCell(selected, 0)


def selected_row(table: QTableWidget) -> dict | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
