"""A WhatsApp chat bubble. In the right-to-left card the customer's (inbound) messages sit on
the right and ours (outbound) on the left, as WhatsApp itself lays out Hebrew chats; ours carry
delivery ticks from the message status."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop import theme

BUBBLE_WIDTH = 420
COLORS = {  # (inbound, outbound, read ticks)
    "light": ("#ffffff", "#dcf5d6", "#1f6feb"),
    "dark": ("#262c35", "#1f4a37", "#5ea0ff"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ChatBubble", text)


# An outbound message's delivery mark by status; its meaning (tooltip) is the server's status_label.
TICKS = {"pending": "◷", "accepted": "◷", "scheduled": "◷", "queued": "◷", "sending": "◷", "sent": "✓",
         "delivered": "✓✓", "read": "✓✓", "failed": "!", "undelivered": "!", "canceled": "!"}


class ChatBubble(QWidget):
    """One message as a row: the bubble on its side, the other side empty."""

    def __init__(self, message: dict, *, when: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        self.outbound = str(message.get("direction", "")).startswith("outbound")
        inbound_bg, outbound_bg, read_color = COLORS["dark" if theme.tokens() is theme.DARK else "light"]
        t = theme.tokens()

        self.frame = QFrame()
        self.frame.setObjectName("bubble")
        self.frame.setMaximumWidth(BUBBLE_WIDTH)
        self.frame.setStyleSheet(
            f"QFrame#bubble {{ background: {outbound_bg if self.outbound else inbound_bg};"
            f" border: 1px solid {t['border']}; border-radius: 10px; }}")
        self.body = QLabel(message.get("body") or self._template_text())
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A wrapped label asks for little width: give it its text's, up to the bubble's.
        natural = self.body.fontMetrics().horizontalAdvance(self.body.text()) + 4
        self.body.setMinimumWidth(min(BUBBLE_WIDTH - 24, natural))
        footer = QHBoxLayout()
        footer.setSpacing(6)
        self.time = QLabel(when)
        self.time.setProperty("role", "muted")
        self.ticks = QLabel()
        footer.addStretch()
        footer.addWidget(self.time)
        if self.outbound:
            status = str(message.get("status", ""))
            mark, meaning = TICKS.get(status, ""), message.get("status_label") or status
            color = read_color if status == "read" else t["danger"] if mark == "!" else t["muted"]
            self.ticks.setText(mark)
            self.ticks.setToolTip(meaning)
            self.ticks.setAccessibleName(meaning)
            self.ticks.setStyleSheet(f"color: {color}; font-weight: bold;")
            footer.addWidget(self.ticks)
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(10, 6, 10, 6)
        inner.setSpacing(2)
        inner.addWidget(self.body)
        self.purged: QLabel | None = None
        if any(item.get("status") == "purged" for item in message.get("media") or []):
            # Retention deleted the files; the message row (and its text) stays.
            self.purged = QLabel(_t("הקבצים המצורפים נמחקו לפי מדיניות שמירת המידע"))
            self.purged.setProperty("role", "muted")
            self.purged.setWordWrap(True)
            inner.addWidget(self.purged)
            self.body.setVisible(bool(message.get("body")))  # not "(הודעה ללא טקסט)" over the note
        if self.outbound and message.get("error_message"):
            self.error = QLabel(message["error_message"])
            self.error.setProperty("role", "error")
            self.error.setWordWrap(True)
            inner.addWidget(self.error)
        inner.addLayout(footer)

        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        # Right to left: the first widget is on the right (the customer's side).
        if self.outbound:
            row.addStretch(1)
            row.addWidget(self.frame)
        else:
            row.addWidget(self.frame)
            row.addStretch(1)

    def _template_text(self) -> str:
        if self.message.get("content_sid"):
            values = ", ".join((self.message.get("content_variables") or {}).values())
            return _t("תבנית {0}").format(self.message["content_sid"]) + (f" ({values})" if values else "")
        return _t("(הודעה ללא טקסט)")
