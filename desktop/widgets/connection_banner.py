"""The online/offline banner: a strip on top of the main window while the live connection to
the server is down (alerts cannot reach the agent then), and for a moment once it is back.
Driven by the realtime bridge's `connected_changed`; hidden until the first news, so a
connection that comes up at start shows nothing."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop.theme import set_role

BACK_NOTICE_MS = 3000  # how long "the connection is back" stays


class ConnectionBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "notice")
        self.online: bool | None = None  # None: no news yet
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def set_online(self, online: bool) -> None:
        was, self.online = self.online, online
        self._hide_timer.stop()
        if not online:
            self._role("error")
            self.text.setText(self.tr("אין חיבור לשרת. מנסים להתחבר מחדש… התראות על משימות יגיעו כשהחיבור יחזור."))
            self.show()
        elif was is False:
            self._role("")
            self.text.setText(self.tr("החיבור לשרת חזר."))
            self.show()
            self._hide_timer.start(BACK_NOTICE_MS)
        else:
            self.hide()

    def _role(self, role: str) -> None:
        set_role(self.text, role)
