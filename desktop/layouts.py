"""Saved layouts of the customers table, kept on the server as the agent's SavedViews
(`/api/crm/views`, resource "customers"), so they follow the agent to any office PC.

A layout is: the visible columns in their order (`columns`, by key), the sort (`sort`), the
density, and in `filters` the search text (`q`), the table's filters by the server's query
names (`status`, `owner_id`: absent when not filtered) and the column widths (`widths`, by
key). The
last layout saved or chosen is the default (`is_default`), restored when the window opens.
The "תצוגות" button's menu saves the current layout under a name (a name that exists is
updated) and lists the saved ones to choose from.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton

from desktop.api import Api
from desktop.tasks import TaskManager

RESOURCE = "customers"
DENSITIES = {"compact": "compact", "comfortable": "comfortable", "normal": "comfortable"}


def capture(view) -> dict:
    """The view's layout as a SavedView body (without name)."""
    header = view.table.horizontalHeader()
    keys = [column.key for column in view.model.columns]
    return {
        "resource": RESOURCE,
        "columns": view.shown_columns(),
        "sort": view.model.sort_key or "",
        "density": view.density,
        "filters": {"q": view.model.query_text, **view.model.filters,
                    "widths": {keys[logical]: header.sectionSize(logical) for logical in range(header.count())}},
    }


def apply(view, layout: dict) -> None:
    """Put a saved layout on the view; unknown column keys are skipped, one column always stays."""
    header = view.table.horizontalHeader()
    keys = [column.key for column in view.model.columns]
    shown = [key for key in layout.get("columns") or [] if key in keys] or keys
    for position, key in enumerate(shown):
        header.moveSection(header.visualIndex(keys.index(key)), position)
    for logical, key in enumerate(keys):
        header.setSectionHidden(logical, key not in shown)
    filters = layout.get("filters") or {}
    for key, width in (filters.get("widths") or {}).items():
        if key in keys and isinstance(width, int) and width > 0:
            header.resizeSection(keys.index(key), width)
    view.set_density(DENSITIES.get(layout.get("density", ""), "comfortable"))
    sort = layout.get("sort") or view.model.default_sort or ""
    column = next((i for i, key in enumerate(keys) if key == sort.removeprefix("-")), -1)
    if column >= 0 and view.model.columns[column].sortable:
        order = Qt.SortOrder.DescendingOrder if sort.startswith("-") else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
    else:
        sort = None  # not one the server sorts by: the table keeps its sort
    query = str(filters.get("q") or "")
    view.search.blockSignals(True)
    view.search.setText(query)
    view.search.blockSignals(False)
    view.show_filters(filters)
    chosen = view.filter_values()  # what the combos could show: an unknown status is no filter
    # One request for the whole layout, and only when it shows a different list than the table's.
    view.model.change(q=query, sort=sort, filters=chosen)


class LayoutMenu(QObject):
    """The "תצוגות" button of the customers table."""

    changed = Signal()  # the list of saved layouts arrived or changed
    applied = Signal(str)  # a layout was put on the table (its name)
    failed = Signal(str)

    def __init__(self, view, api: Api, tasks: TaskManager) -> None:
        super().__init__(view)
        self.view, self.api, self.tasks = view, api, tasks
        self.layouts: list[dict] = []
        self.current: str | None = None
        self.loaded = False  # the server's list arrived
        self.menu = QMenu(view)
        self.menu.aboutToShow.connect(self._fill)
        self.button = QToolButton()
        self.button.setText(view.tr("תצוגות"))
        self.button.setToolTip(view.tr("שמירת פריסת הטבלה ובחירת פריסה שמורה"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        view.add_tool(self.button)

    # -- server --------------------------------------------------------------------------
    def load(self, *, restore_default: bool = True) -> None:
        """Fetch the saved layouts; put the default one on the table."""
        def arrived(page: dict) -> None:
            # A layout saved or chosen while this was on its way is newer than the server's list.
            fresh = self.current is None
            merged = {layout["id"]: layout for layout in page.get("results", [])}
            merged.update({layout["id"]: layout for layout in self.layouts})
            self.layouts = sorted(merged.values(), key=lambda layout: layout["name"])
            self.loaded = True
            self.changed.emit()
            default = next((layout for layout in self.layouts if layout.get("is_default")), None)
            if restore_default and fresh and default is not None:
                self._apply(default)

        self.tasks.run(lambda: self.api.get("/api/crm/views", resource=RESOURCE, limit=200), arrived,
                       self._failed, owner=self)

    def save(self, name: str) -> None:
        """Save the table's layout under `name` (updating a layout of that name) as the default."""
        name = name.strip()
        if not name:
            return
        body = {**capture(self.view), "name": name, "is_default": True}
        existing = next((layout for layout in self.layouts if layout["name"] == name), None)
        if existing is None:
            call = lambda: self.api.post("/api/crm/views", body)  # noqa: E731
        else:
            patch = {k: v for k, v in body.items() if k != "resource"}
            call = lambda: self.api.request("PATCH", f"/api/crm/views/{existing['id']}", json=patch)  # noqa: E731
        self.tasks.run(call, lambda saved: self._saved(saved), self._failed, owner=self)

    def choose(self, layout: dict) -> None:
        """Put a saved layout on the table and make it the default for the next start."""
        self._apply(layout)
        self.tasks.run(lambda: self.api.request("PATCH", f"/api/crm/views/{layout['id']}",
                                                json={"is_default": True}),
                       self._saved, self._failed, owner=self)

    def _saved(self, saved: dict) -> None:
        self.layouts = [layout for layout in self.layouts if layout["id"] != saved["id"]]
        for layout in self.layouts:
            layout["is_default"] = False
        self.layouts.append(saved)
        self.layouts.sort(key=lambda layout: layout["name"])
        self.current = saved["name"]
        self.changed.emit()

    def _apply(self, layout: dict) -> None:
        apply(self.view, layout)
        self.current = layout["name"]
        self.applied.emit(layout["name"])

    def _failed(self, error: BaseException) -> None:
        message = getattr(error, "message", None) or str(error)
        self.view.say(self.view.tr("שמירת התצוגה נכשלה: {0}").format(message))
        self.failed.emit(message)

    # -- menu ----------------------------------------------------------------------------
    def ask_and_save(self) -> None:
        name, ok = QInputDialog.getText(self.view, self.view.tr("שמירת תצוגה"), self.view.tr("שם התצוגה:"),
                                        text=self.current or "")
        if ok:
            self.save(name)

    def _fill(self) -> None:
        self.menu.clear()
        self.menu.addAction(self.view.tr("שמירת התצוגה הנוכחית…"), self.ask_and_save)
        if self.layouts:
            self.menu.addSeparator()
        for layout in self.layouts:
            action = QAction(layout["name"], self.menu, checkable=True, checked=layout["name"] == self.current)
            action.triggered.connect(lambda _checked=False, chosen=layout: self.choose(chosen))
            self.menu.addAction(action)
