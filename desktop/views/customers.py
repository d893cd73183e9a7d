"""The customers table: debounced search, status and owner filters and sort by header (all
on the server), column visibility from the "עמודות" button and the header's context menu, a
density toggle, skeleton rows, a no-data state and a failed load with its retry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.api import Api
from desktop.display import count_text, options, when
from desktop.models.paged import ROW_ROLE, SKELETON_ROLE, Column, PagedTableModel, PageQuery
from desktop.tasks import TaskManager
from desktop.widgets.states import StateStack

SEARCH_DEBOUNCE_MS = 300
ROW_HEIGHTS = {"comfortable": 36, "compact": 24}
NO_OWNER = "none"  # owner_id=none: the customers nobody owns (a caller filed from a call, say)


def _t(text: str) -> str:
    return QCoreApplication.translate("Customers", text)


def customer_columns() -> list[Column]:
    # Phone and status show the server's display forms: the card, the web app, the CSV and the
    # PDF show the very same text.
    ltr = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
    return [
        Column("name", _t("שם"), sortable=True),
        Column("phone", _t("טלפון"), alignment=ltr, shown="phone_display"),
        Column("email", _t("אימייל")),
        Column("status", _t("סטטוס"), sortable=True, shown="status_label"),
        Column("last_contact_at", _t("קשר אחרון"), sortable=True, format=when),
        Column("created_at", _t("נוצר"), sortable=True, format=when),
    ]


def customers_model(api: Api, tasks: TaskManager, parent=None, *, page_size: int = 100) -> PagedTableModel:
    def fetch(query: PageQuery) -> dict:
        return api.list("customers", page=query.page, limit=query.limit, sort=query.sort, q=query.q or None,
                        **query.filters)

    return PagedTableModel(customer_columns(), fetch, tasks, page_size=page_size, default_sort="-created_at",
                           parent=parent)


class SkeletonDelegate(QStyledItemDelegate):
    """Rows not loaded yet are painted as soft bars instead of text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        if not index.data(SKELETON_ROLE):
            return super().paint(painter, option, index)
        rect = QRectF(option.rect).adjusted(8, option.rect.height() * 0.3, -8, -option.rect.height() * 0.3)
        rect.setWidth(rect.width() * (0.45 + 0.1 * ((index.row() * 7 + index.column() * 3) % 5)))
        if option.direction == Qt.LayoutDirection.RightToLeft:
            rect.moveRight(option.rect.right() - 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.tokens()["skeleton"]))
        painter.drawRoundedRect(rect, 4, 4)
        painter.restore()


class CustomersView(QWidget):
    customer_activated = Signal(int, dict)  # a row double-clicked or Enter pressed: its id and row
    owners_loaded = Signal()  # the owner filter's choices arrived

    def __init__(self, model: PagedTableModel, parent: QWidget | None = None, *, api: Api | None = None,
                 tasks: TaskManager | None = None, me: int | None = None) -> None:
        """`api` and `tasks` fetch the owner filter's choices (the business's users; without
        them it offers only "all" and "no owner"); `me` is the agent's own user id ("שלי")."""
        super().__init__(parent)
        self.model = model
        self._api, self._tasks, self.me = api, tasks, me
        self.owners: list[dict] = []
        self._owners_failed = False  # asked again once the table loads (the server is back)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("חיפוש לפי שם, טלפון או אימייל…"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.model.set_query(self.search.text()))
        self.search.textChanged.connect(self._debounce.start)

        self.status_filter = QComboBox()
        self.status_filter.setToolTip(self.tr("סינון לפי סטטוס"))
        self.status_filter.addItem(self.tr("כל הסטטוסים"), None)
        for text, value in options("customer_status"):
            self.status_filter.addItem(text, value)
        self.owner_filter = QComboBox()
        self.owner_filter.setToolTip(self.tr("סינון לפי בעלים"))
        self._fill_owners(None)
        for combo in (self.status_filter, self.owner_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(self._filters_chosen)

        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("עמודות"))
        self.columns_button.setToolTip(self.tr("בחירת העמודות המוצגות בטבלה"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setMenu(QMenu(self.columns_button))
        self.columns_button.menu().aboutToShow.connect(lambda: self._fill_column_menu(self.columns_button.menu()))

        self.density = "comfortable"
        self.density_button = QToolButton()
        self.density_button.setText(self.tr("תצוגה צפופה"))
        self.density_button.setCheckable(True)
        self.density_button.toggled.connect(lambda on: self.set_density("compact" if on else "comfortable"))

        self.count = QLabel()
        self.count.setProperty("role", "muted")

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setItemDelegate(SkeletonDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self._sorted_column(), Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorClearable(False)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self.column_menu().exec(header.mapToGlobal(pos)))
        for column, width in enumerate((200, 130, 230, 90, 140)):
            header.resizeSection(column, width)
        self.set_density("comfortable")

        # The table, or in its place: a skeleton before the first rows, the no-data text, or a
        # failed load with its retry button.
        self.stack = StateStack(self.table, empty_text="")
        self.empty = self.stack.empty
        self.stack.retry.connect(self.model.reload)

        # A later page that did not load (the first rows are there): a line with its own retry.
        self.error_bar = QFrame()
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("ניסיון חוזר"))
        self.retry_button.clicked.connect(self._retry_pages)
        error_layout = QHBoxLayout(self.error_bar)
        error_layout.setContentsMargins(0, 0, 0, 0)
        error_layout.addWidget(self.error, 1)
        error_layout.addWidget(self.retry_button)
        self.error_bar.hide()

        self.message = QLabel()  # outcomes of table actions (an export), `say()`
        self.message.setProperty("role", "muted")
        self.message.setWordWrap(True)
        self.message.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.owner_filter)
        bar.addWidget(self.count)
        bar.addWidget(self.columns_button)
        bar.addWidget(self.density_button)
        self.bar = bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

        self.table.verticalScrollBar().valueChanged.connect(self.fetch_visible)
        self.table.activated.connect(self._activated)  # Enter, and double-click where the style says so
        self.table.doubleClicked.connect(self._activated)
        # A different list starts at its top; a reload of the same one keeps the agent's place.
        model.query_changed.connect(self.table.scrollToTop)
        model.modelReset.connect(self._refresh_state)
        model.loading_changed.connect(self._refresh_state)
        model.page_loaded.connect(self._refresh_state)
        model.failed.connect(self._show_error)
        self._refresh_state()
        self.load_owners()

    # -- behaviour -----------------------------------------------------------------------
    def _sorted_column(self) -> int:
        key = (self.model.sort_key or "").removeprefix("-")
        return next((i for i, c in enumerate(self.model.columns) if c.key == key), -1)

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.columns[column].sortable:
            # The server cannot sort by it: put the indicator back where the data is sorted.
            header = self.table.horizontalHeader()
            current = Qt.SortOrder.DescendingOrder if (self.model.sort_key or "").startswith("-") else \
                Qt.SortOrder.AscendingOrder
            header.blockSignals(True)
            header.setSortIndicator(self._sorted_column(), current)
            header.blockSignals(False)
            return
        self.model.sort(column, order)

    def visible_rows(self) -> tuple[int, int]:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        first = 0 if first < 0 else first
        last = self.model.rowCount() - 1 if last < 0 else last
        return first, last

    def fetch_visible(self) -> None:
        first, last = self.visible_rows()
        self.model.ensure_rows(first, last)

    def set_density(self, density: str) -> None:
        self.density = density
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHTS[density])
        self.density_button.blockSignals(True)
        self.density_button.setChecked(density == "compact")
        self.density_button.blockSignals(False)

    # -- columns -------------------------------------------------------------------------
    def column_menu(self) -> QMenu:
        """The header's right-click menu; the "עמודות" button shows the same choices."""
        return self._fill_column_menu(QMenu(self))

    def _fill_column_menu(self, menu: QMenu) -> QMenu:
        menu.clear()
        header = self.table.horizontalHeader()
        last_one = header.count() - header.hiddenSectionCount() <= 1
        for number, column in enumerate(self.model.columns):
            shown = not header.isSectionHidden(number)
            action = QAction(column.title, menu, checkable=True, checked=shown)
            action.setEnabled(not (shown and last_one))  # the one column left cannot go
            action.toggled.connect(lambda on, n=number: self.set_column_visible(n, on))
            menu.addAction(action)
        return menu

    def shown_columns(self) -> list[str]:
        """The keys of the columns the agent sees, in the order the header shows them (moved
        and hidden by the agent): what a saved layout keeps and what the CSV exports."""
        header = self.table.horizontalHeader()
        keys = [column.key for column in self.model.columns]
        visual = [header.logicalIndex(position) for position in range(header.count())]
        return [keys[logical] for logical in visual if not header.isSectionHidden(logical)]

    def set_column_visible(self, column: int, shown: bool) -> None:
        header = self.table.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return  # keep one column
        header.setSectionHidden(column, not shown)

    # -- filters -------------------------------------------------------------------------
    def load_owners(self) -> None:
        """Fetch the business's users for the owner filter (on the task pool)."""
        if self._api is None or self._tasks is None:
            return
        api = self._api
        self._owners_failed = False
        self._tasks.run(lambda: api.get("/api/crm/users", limit=200, sort="name").get("results", []),
                        self._owners_arrived, self._owners_not_loaded, owner=self)

    def _owners_not_loaded(self, _error: BaseException) -> None:
        self._owners_failed = True  # the combo keeps "all", "mine" and "nobody" meanwhile

    def _owners_arrived(self, users: list[dict]) -> None:
        self.owners = list(users)
        self._fill_owners(self.owner_filter.currentData())
        self.owners_loaded.emit()

    def _fill_owners(self, selected: object) -> None:
        """"כל הבעלים", "שלי", the other users by name, "ללא בעלים"; `selected` stays chosen (a
        saved layout's owner before the users arrived shows as a number until then)."""
        combo = self.owner_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("כל הבעלים"), None)
        if self.me is not None:
            combo.addItem(self.tr("שלי"), self.me)
        for user in self.owners:
            if user["id"] != self.me:
                combo.addItem(user.get("name") or user.get("email") or self.tr("משתמש {0}").format(user["id"]),
                              user["id"])
        combo.addItem(self.tr("ללא בעלים"), NO_OWNER)
        self._select(combo, selected)
        combo.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        found = combo.findData(value)
        if found < 0 and value is not None:
            combo.insertItem(combo.count() - 1, combo.tr("משתמש {0}").format(value), value)
            found = combo.findData(value)
        combo.setCurrentIndex(max(found, 0))

    def filter_values(self) -> dict[str, object]:
        """What the combos choose, by the server's query names (None: no filter)."""
        return {"status": self.status_filter.currentData(), "owner_id": self.owner_filter.currentData()}

    def show_filters(self, filters: dict) -> None:
        """Set the combos to `filters` (a saved layout's) without asking the server."""
        for combo in (self.status_filter, self.owner_filter):
            combo.blockSignals(True)
        value = filters.get("status")
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(value), 0) if value else 0)
        owner = filters.get("owner_id")
        valid = owner == NO_OWNER or (isinstance(owner, int) and not isinstance(owner, bool) and owner > 0)
        self._select(self.owner_filter, owner if valid else None)
        for combo in (self.status_filter, self.owner_filter):
            combo.blockSignals(False)

    def _filters_chosen(self, _index: int = 0) -> None:
        self.model.set_filters(self.filter_values())

    # -- state ---------------------------------------------------------------------------
    def _refresh_state(self, *_args) -> None:
        model = self.model
        if model.error is not None:
            self.stack.show_error(self.tr("רשימת הלקוחות לא נטענה: {0}").format(model.error))
            self.count.setText(self.tr("לא נטען"))
            return
        if model.loaded_once:
            self.error_bar.hide()
            if self._owners_failed:
                self.load_owners()
        filtered = bool(model.filters)
        if model.loaded_once and model.total == 0:
            self.stack.show_empty(self._empty_text())
        elif not model.loaded_once and model.total == 0:
            self.stack.show_loading()
        else:
            self.stack.show_content()
        if not model.loaded_once:
            self.count.setText(self.tr("טוען…"))
        elif filtered:
            self.count.setText(count_text(model.total, one=self.tr("לקוח אחד תואם לסינון"),
                                          many=self.tr("{0} לקוחות תואמים לסינון")))
        else:
            self.count.setText(count_text(model.total, one=self.tr("לקוח אחד"), many=self.tr("{0} לקוחות")))
        QTimer.singleShot(0, self, self.fetch_visible)

    def _empty_text(self) -> str:
        q, filtered = self.model.query_text, bool(self.model.filters)
        if q and filtered:
            return self.tr("לא נמצאו לקוחות התואמים לחיפוש „{0}” ולסינון.").format(q)
        if q:
            return self.tr("לא נמצאו לקוחות התואמים לחיפוש „{0}”.").format(q)
        if filtered:
            return self.tr("לא נמצאו לקוחות התואמים לסינון.")
        return self.tr("אין עדיין לקוחות.")

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row:
            self.customer_activated.emit(row["id"], row)

    def add_tool(self, widget: QWidget) -> None:
        """A button of another feature (export, layouts) in the table's bar."""
        self.bar.addWidget(widget)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_error(self, message: str) -> None:
        if self.model.error is not None:
            return  # the first page: the whole table says so, with its retry (_refresh_state)
        self.error.setText(self.tr("חלק מהשורות לא נטענו: {0}").format(message))
        self.error_bar.show()

    def _retry_pages(self) -> None:
        self.error_bar.hide()
        self.fetch_visible()
