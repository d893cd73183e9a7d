"""One generic sparse paged table model, reused per resource.

`rowCount()` is the server's `total`; rows come in pages of `page_size`, fetched on the task
pool when the view asks for them (`ensure_rows(first, last)`, called for the visible rows).
At most `max_pages` pages are kept (least recently used go first). A row not loaded yet shows
a placeholder and answers `SKELETON_ROLE` True. Sorting asks the server (`sort=field` or
`sort=-field`), and so do the search text (`q=`) and the filters (`status=`, `owner_id=`, ...).

A new query (search, filters or sort: `change()`) emits `query_changed`, so a view shows its
top rows; a plain `reload()` (a reconnect, a realtime refresh) asks the same query again and
keeps the row count until the answer, so a view keeps its place. When the first page of a
query fails, the model holds no rows (no skeletons stand for rows that never came) and
`error` says why, until `reload()` or the same query set again asks once more.
The model holds data, nothing else.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.tasks import TaskManager

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dict, or None while not loaded
SKELETON_ROLE = Qt.ItemDataRole.UserRole + 2  # True while the row is not loaded
PLACEHOLDER = "…"

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # the field it sorts by and saved layouts name it by
    title: str
    sortable: bool = False
    format: Callable[[object], str] | None = None
    alignment: Qt.AlignmentFlag | None = None
    shown: str | None = None  # the field shown instead, the server's display form ("phone_display")


@dataclass(frozen=True)
class PageQuery:
    page: int  # 1-based, as the server counts
    limit: int
    sort: str | None
    q: str
    filters: dict[str, object] = field(default_factory=dict)  # by the server's query names; no empty values


Fetch = Callable[[PageQuery], dict]


class PagedTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)  # a first page of the current query is on its way / arrived (or failed)
    total_changed = Signal(int)
    page_loaded = Signal(int)  # the page number (1-based)
    failed = Signal(str)  # a page did not load; when it was the query's first, `error` holds it too
    query_changed = Signal()  # search, filters or sort changed: a different list from its top

    def __init__(self, columns: Sequence[Column], fetch: Fetch, tasks: TaskManager, *, page_size: int = 100,
                 max_pages: int = 20, default_sort: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._fetch, self._tasks = fetch, tasks
        self.page_size, self.max_pages = page_size, max_pages
        self.default_sort = default_sort
        self.sort_key: str | None = default_sort
        self.query_text = ""
        self.filters: dict[str, object] = {}
        self.total = 0
        self.loaded_once = False  # the current query has answered (rows or a failure) at least once
        self.error: str | None = None  # why the current query's first page failed; None once it loads
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0

    # -- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.total or not 0 <= index.column() < len(self.columns):
            return None
        row = self.row(index.row())
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if row is None:
                return PLACEHOLDER
            value = row.get(column.shown or column.key)
            if column.format is not None:
                return column.format(value)
            return "" if value is None else str(value)
        if role == SKELETON_ROLE:
            return row is None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return column.alignment
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            key = self.default_sort
        else:
            key = self.columns[column].key
            key = f"-{key}" if order == Qt.SortOrder.DescendingOrder else key
        self.change(sort=key or "")

    # -- sparse paging -------------------------------------------------------------------
    def row(self, row: int) -> dict | None:
        page_rows = self._pages.get(row // self.page_size)
        if page_rows is None:
            return None
        offset = row % self.page_size
        return page_rows[offset] if offset < len(page_rows) else None

    def is_loaded(self, row: int) -> bool:
        return self.row(row) is not None

    @property
    def cached_pages(self) -> list[int]:
        """0-based page indexes in the cache, least recently used first."""
        return list(self._pages)

    def set_query(self, text: str) -> None:
        self.change(q=text)

    def set_filters(self, filters: dict[str, object]) -> None:
        """The filters by the server's query names; a None or "" value is no filter."""
        self.change(filters=filters)

    def change(self, *, q: str | None = None, sort: str | None = None,
               filters: dict[str, object] | None = None) -> None:
        """A new query: the parts given replace the current ones. Asks the server when anything
        changed, and also when nothing did but the last load failed (the agent asking again)."""
        new_q = self.query_text if q is None else q.strip()
        new_sort = self.sort_key if sort is None else sort or self.default_sort
        new_filters = self.filters if filters is None else {k: v for k, v in filters.items() if v not in (None, "")}
        if (new_q, new_sort, new_filters) == (self.query_text, self.sort_key, self.filters) and self.error is None:
            return
        self.query_text, self.sort_key, self.filters = new_q, new_sort, new_filters
        self.query_changed.emit()
        self.reload()

    def reload(self) -> None:
        """Forget every page and ask the same query again from its first page. The row count
        stays until the answer, so a view keeps its scroll position (a refresh, a reconnect)."""
        self._generation += 1
        self.beginResetModel()
        self._pages.clear()
        self._pending.clear()
        self.loaded_once = False
        self.error = None
        self.endResetModel()
        self.loading_changed.emit(True)
        self._request(0)

    def ensure_rows(self, first: int, last: int) -> None:
        """Fetch the pages covering rows first..last (the visible ones) that are not cached."""
        if self.total == 0:
            return
        first, last = max(0, first), min(self.total - 1, last)
        for page in range(first // self.page_size, last // self.page_size + 1):
            if page in self._pages:
                self._pages.move_to_end(page)
            else:
                self._request(page)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation = self._generation
        query = PageQuery(page=page + 1, limit=self.page_size, sort=self.sort_key, q=self.query_text,
                          filters=dict(self.filters))
        self._tasks.run(lambda: self._fetch(query),
                        lambda result: self._arrived(generation, page, result),
                        lambda error: self._failed(generation, page, error), owner=self)

    def _arrived(self, generation: int, page: int, result: dict) -> None:
        if generation != self._generation:
            return  # an answer to a query the agent has since changed
        self._pending.discard(page)
        rows = list(result.get("results", []))
        total = int(result.get("total", 0))
        first_answer = not self.loaded_once
        self.loaded_once = True
        if total != self.total:
            self.beginResetModel()
            self.total = total
            self._pages.clear()
            self._pages[page] = rows
            self.endResetModel()
            self.total_changed.emit(total)
        else:
            self._pages[page] = rows
            self._pages.move_to_end(page)
            while len(self._pages) > self.max_pages:
                self._pages.popitem(last=False)
            start = page * self.page_size
            end = min(self.total, start + self.page_size) - 1
            if end >= start:
                self.dataChanged.emit(self.index(start, 0), self.index(end, len(self.columns) - 1))
        if first_answer:
            self.loading_changed.emit(False)
        self.page_loaded.emit(page + 1)

    def _failed(self, generation: int, page: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        message = getattr(error, "message", None) or str(error)
        if not self.loaded_once:
            # Nothing of this query came: no rows, rather than the last query's count of skeletons.
            self._generation += 1  # other pages of it still on their way are dropped too
            self.beginResetModel()
            self._pages.clear()
            self._pending.clear()
            self.total = 0
            self.error = message
            self.loaded_once = True
            self.endResetModel()
            self.total_changed.emit(0)
            self.loading_changed.emit(False)
        self.failed.emit(message)
