"""Calls: each call with its recording (a real player) and its transcript and status."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.display import when
from desktop.views.card.base import CardTab, download, ltr
from desktop.widgets.player import AudioPlayer


def _t(text: str) -> str:
    return QCoreApplication.translate("CallsTab", text)


class CallRow(QFrame):
    def __init__(self, tab: CallsTab, call: dict) -> None:
        super().__init__()
        self.setProperty("role", "notice")
        self.tab = tab
        self.heading = QLabel()
        self.heading.setProperty("role", "strong")
        self.details = QLabel()
        self.details.setProperty("role", "muted")
        self.transcript_label = QLabel()
        self.transcript_label.setProperty("role", "muted")
        self.transcript = QLabel()
        self.transcript.setWordWrap(True)
        self.player: AudioPlayer | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.details)
        self.layout_.addWidget(self.transcript_label)
        self.layout_.addWidget(self.transcript)
        self.update_call(call)

    def update_call(self, call: dict) -> None:
        self.call = call
        # Every word and number as the server shows it (its *_label and *_display fields).
        outbound = str(call.get("direction", "")).startswith("outbound")
        duration = call.get("duration")
        length = f"{duration // 60}:{duration % 60:02d}" if duration else ""
        self.heading.setText(" · ".join(
            p for p in (call.get("direction_label"), when(call.get("started_at")), ltr(length)) if p))
        number = call.get("to_number_display") if outbound else call.get("from_number_display")
        self.details.setText(" · ".join(p for p in (call.get("status_label"), ltr(number)) if p))
        self.transcript_label.setText(_t("תמליל: {0}").format(call.get("transcript_status_label") or ""))
        self.transcript.setText(call.get("transcript") or "")
        self.transcript.setVisible(bool(call.get("transcript")))
        if call.get("recording_url") and self.player is None:
            url, call_id, api = call["recording_url"], call["id"], self.tab.ctx.api
            self.player = AudioPlayer(self.tab.ctx.tasks, lambda: download(api, url, f"call-{call_id}.mp3"))
            self.layout_.insertWidget(2, self.player)


class CallsTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין שיחות עם הלקוח הזה.")
        super().__init__(ctx, parent)
        self.rows: dict[int, CallRow] = {}
        self.column = QVBoxLayout()
        self.column.addStretch()
        inner = QWidget()
        inner.setLayout(self.column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def fetch(self):
        return self.ctx.api.list("calls", customer_id=self.customer_id, limit=50, sort="-started_at")

    def show_data(self, data) -> None:
        # Rows are updated in place, so a recording that is playing keeps playing.
        calls = data["results"]
        for position, call in enumerate(calls):
            row = self.rows.get(call["id"])
            if row is None:
                row = self.rows[call["id"]] = CallRow(self, call)
            else:
                row.update_call(call)
            self.column.insertWidget(position, row)
        for call_id in set(self.rows) - {call["id"] for call in calls}:
            self.rows.pop(call_id).deleteLater()
