"""Timeline: calls (with the outcome and notes filed after them), WhatsApp, tasks, invoices and
contracts, newest first; "load more" pages back with the server's `next_before` cursor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop.display import label, when
from desktop.views.card.base import CardTab

PAGE = 30


def entry_text(item: dict) -> str:
    """A timeline entry: its title (a call's names the outcome filed), a call's notes, and its
    kind and time."""
    lines = [item.get("title", "")]
    data = item.get("data") or {}
    if item.get("type") == "call" and data.get("notes"):
        lines.append(" ".join(str(data["notes"]).split()))
    kind = item.get("type_label") or label("timeline_type", item.get("type"))
    lines.append(f"{kind} · {when(item.get('at'))}")
    return "\n".join(lines)


class TimelineTab(CardTab):
    page_size = PAGE

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין עדיין פעילות ללקוח הזה.")
        super().__init__(ctx, parent)
        self.items: list[dict] = []
        self.next_before: str | None = None
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.more = QPushButton(self.tr("טעינת פעילות קודמת"))
        self.more.clicked.connect(self.load_more)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignCenter)

    def fetch(self):
        return self._page(None)

    def _page(self, before: str | None) -> dict:
        return self.ctx.api.get(f"/api/customers/{self.customer_id}/timeline", limit=self.page_size, before=before)

    def is_empty(self, data) -> bool:
        return not data.get("items")

    def show_data(self, data) -> None:
        self.items = []
        self.list.clear()
        self._append(data)

    def _append(self, data: dict) -> None:
        seen = {(item["type"], item["id"]) for item in self.items}
        for item in data.get("items", []):
            if (item["type"], item["id"]) in seen:
                continue
            self.items.append(item)
            entry = QListWidgetItem(entry_text(item))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.list.addItem(entry)
        self.next_before = data.get("next_before")
        self.more.setVisible(bool(self.next_before))

    def load_more(self) -> None:
        before = self.next_before
        if not before:
            return
        self.act(lambda: self._page(before), lambda data: (self._append(data), self.loaded.emit()), busy=self.more)
