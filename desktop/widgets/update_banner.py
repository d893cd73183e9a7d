"""The update notice: a banner (never a modal) saying a newer client is available, with a
"להורדה" link to this platform's installer, or, when the server offers none for this
platform, who to ask. Hidden until the check, which runs on the task pool, finds one; a
check that fails is logged and shows nothing."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop.tasks import TaskManager
from desktop.updates import Update

log = logging.getLogger("agentlocator.desktop.updates")


class UpdateBanner(QFrame):
    shown = Signal()  # a dialog around it grows to fit (its fields are not squeezed)

    def __init__(self, parent: QWidget | None = None, *,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.setProperty("role", "notice")
        self.open_url = open_url  # tests replace it
        self.offer: Update | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.action = QLabel()
        self.action.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.action.linkActivated.connect(self.download)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        self.hide()

    def check(self, tasks: TaskManager, ask: Callable[[], Update | None]) -> None:
        """Run `ask` (desktop.updates.available) on the pool; show what it finds."""
        tasks.run(ask, self.show_offer, self._failed, owner=self)

    def show_offer(self, offer: Update | None) -> None:
        self.offer = offer
        if offer is None:
            self.hide()
            return
        self.text.setText(self.tr("גרסה חדשה של AgentLocator זמינה ({0}). הגרסה שלך: {1}.")
                          .format(offer.version, offer.current))
        if offer.url:
            self.action.setText(f'<a href="{html.escape(offer.url)}">{self.tr("להורדה")}</a>')
        else:
            self.action.setText(self.tr("פנו למנהל המערכת לעדכון"))
        self.show()
        self.shown.emit()

    def download(self, _link: str = "") -> None:
        if self.offer is not None and self.offer.url:
            self.open_url(QUrl(self.offer.url))

    def _failed(self, error: BaseException) -> None:
        log.info("update check failed: %s", error)
