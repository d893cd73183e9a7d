"""A call-back task's call: when it came and from whom, its recording (the player the Calls tab
uses) and transcript, and "התקשרות חזרה" (click-to-call, desktop/calls.py). Shown under the
card's Tasks tab for a selected call-back, and in the task-due alert when one falls due."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.api import Api
from desktop.display import label, ltr, when
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.views.card.base import download
from desktop.widgets.player import AudioPlayer

# How the call was handled (server/calls/models.py HANDLINGS), as the call-back's heading says it.
HANDLING = {
    "missed": QT_TRANSLATE_NOOP("CallbackCall", "שיחה שלא נענתה"),
    "no_agents": QT_TRANSLATE_NOOP("CallbackCall", "שיחה כשאף סוכן לא היה זמין"),
    "closed": QT_TRANSLATE_NOOP("CallbackCall", "שיחה מחוץ לשעות הפעילות"),
    "voicemail": QT_TRANSLATE_NOOP("CallbackCall", "שיחה שהשאירה הודעה"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("CallbackCall", text)


def is_callback(task: dict | None) -> bool:
    return bool(task) and task.get("kind") == "callback" and isinstance(task.get("call"), dict)


def call_summary(call: dict) -> str:
    """"01/12/2026 10:30 · מ-052-987-6543 · 0:42": when, from whom, how long."""
    number = call.get("from_number_display") or call.get("from_number") or ""
    duration = call.get("duration")
    length = f"{duration // 60}:{duration % 60:02d}" if duration else ""
    return " · ".join(p for p in (when(call.get("started_at")),
                                  _t("מ-{0}").format(ltr(number)) if number else "", ltr(length)) if p)


class CallbackCall(QFrame):
    call_back_requested = Signal(int)  # the customer id

    def __init__(self, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.tasks = api, tasks
        self.setProperty("role", "notice")
        self.setObjectName("callbackCall")
        self.task: dict | None = None
        self.call_id: int | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "strong")
        self.heading.setStyleSheet("font-weight: bold;")
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self.no_message = QLabel(_t("המתקשר/ת לא השאיר/ה הודעה."))
        self.no_message.setProperty("role", "muted")
        self.player: AudioPlayer | None = None
        self.transcript_label = QLabel()
        self.transcript_label.setProperty("role", "muted")
        self.transcript = QLabel()
        self.transcript.setObjectName("callbackTranscript")
        self.transcript.setWordWrap(True)
        self.transcript.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.call_back_button = QPushButton(_t("התקשרות חזרה"))
        self.call_back_button.setProperty("primary", True)
        self.call_back_button.setToolTip(_t("הטלפון שלך יצלצל, וכשתענו נחייג אל הלקוח"))
        self.call_back_button.clicked.connect(self._call_back)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.call_back_button)
        actions.addStretch(1)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.no_message)
        self.layout_.addWidget(self.transcript_label)
        self.layout_.addWidget(self.transcript)
        self.layout_.addLayout(actions)
        self.layout_.addWidget(self.status)

    def show_task(self, task: dict) -> None:
        """The call of this call-back task (the same call again keeps its player, so a recording
        that is playing keeps playing)."""
        call = task.get("call") or {}
        self.task = task
        self.heading.setText(_t(HANDLING.get(call.get("handling") or "", "שיחה נכנסת")))
        self.summary.setText(call_summary(call))
        if call.get("id") != self.call_id:
            self.call_id = call.get("id")
            self.say("")
            if self.player is not None:
                self.player.stop()
                self.player.deleteLater()
                self.player = None
            if call.get("recording_url"):
                url, call_id, api = call["recording_url"], call["id"], self.api
                self.player = AudioPlayer(self.tasks, lambda: download(api, url, f"call-{call_id}.mp3"))
                self.layout_.insertWidget(2, self.player)
        self.no_message.setVisible(not call.get("recording_url"))
        transcript = call.get("transcript") or ""
        self.transcript_label.setText(_t("תמליל: {0}").format(
            call.get("transcript_status_label") or label("transcript_status", call.get("transcript_status"))))
        self.transcript_label.setVisible(bool(call.get("recording_url")))
        self.transcript.setText(transcript)
        self.transcript.setVisible(bool(transcript))
        done = task.get("status") == "done"
        self.call_back_button.setText(_t("התקשרות נוספת") if done else _t("התקשרות חזרה"))
        self.call_back_button.setEnabled(bool(task.get("customer_id")))

    def _call_back(self) -> None:
        if self.task and self.task.get("customer_id"):
            self.say(_t("מתקשרים…"))
            self.call_back_requested.emit(self.task["customer_id"])

    def say(self, text: str, *, error: bool = False) -> None:
        show_status(self.status, text, error=error)
