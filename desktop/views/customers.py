"""The customers table: debounced search, sort by header (on the server), column visibility
from the header's context menu, a density toggle, skeleton rows and a no-data state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.api import Api
from desktop.display import when
from desktop.models.paged import ROW_ROLE, SKELETON_ROLE, Column, PagedTableModel, PageQuery
from desktop.tasks import TaskManager

SEARCH_DEBOUNCE_MS = 300
ROW_HEIGHTS = {"comfortable": 36, "compact": 24}


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
        return api.list("customers", page=query.page, limit=query.limit, sort=query.sort, q=query.q or None)

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

    def __init__(self, model: PagedTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("חיפוש לפי שם, טלפון או אימייל…"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.model.set_query(self.search.text()))
        self.search.textChanged.connect(self._debounce.start)

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

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setProperty("role", "muted")
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.message = QLabel()  # outcomes of table actions (an export), `say()`
        self.message.setProperty("role", "muted")
        self.message.setWordWrap(True)
        self.message.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.density_button)
        self.bar = bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

        self.table.verticalScrollBar().valueChanged.connect(self.fetch_visible)
        self.table.activated.connect(self._activated)  # Enter, and double-click where the style says so
        self.table.doubleClicked.connect(self._activated)
        model.modelReset.connect(self._refresh_state)
        model.loading_changed.connect(self._refresh_state)
        model.page_loaded.connect(self._refresh_state)
        model.failed.connect(self._show_error)
        self._refresh_state()

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

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for number, column in enumerate(self.model.columns):
            action = QAction(column.title, menu, checkable=True, checked=not header.isSectionHidden(number))
            action.toggled.connect(lambda shown, n=number: self.set_column_visible(n, shown))
            menu.addAction(action)
        return menu

    def set_column_visible(self, column: int, shown: bool) -> None:
        header = self.table.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return  # keep one column
        header.setSectionHidden(column, not shown)

    def _refresh_state(self, *_args) -> None:
        model = self.model
        if model.loaded_once:
            self.error.hide()
        if model.loaded_once and model.total == 0:
            self.empty.setText(self.tr("לא נמצאו לקוחות התואמים לחיפוש „{0}”.").format(model.query_text)
                               if model.query_text else self.tr("אין עדיין לקוחות."))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)
        self.count.setText(self.tr("{0} לקוחות").format(f"{model.total:,}") if model.loaded_once else self.tr("טוען…"))
        QTimer.singleShot(0, self, self.fetch_visible)

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
        self.error.setText(message)
        self.error.show()
