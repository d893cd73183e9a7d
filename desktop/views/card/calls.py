"""Calls: each call with its recording (a real player), its transcript and status, and what came
of it: an outcome and notes the agent files after the call.

A call without an outcome carries the outcome form. When a call of this customer ends, or a
new one comes in, while the card is open, its form asks for the outcome (highlighted, and
focused unless the agent is typing elsewhere); so does the call a screen pop opened the card
for (`ask_outcome`). Rows are updated in place on every reload, so a recording that is playing
keeps playing and notes being typed stay as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.display import options, when
from desktop.theme import tokens
from desktop.views.card.base import CardTab, download, ltr
from desktop.widgets.player import AudioPlayer

# Twilio's final call statuses (server/calls/service.py FINAL_STATUSES): the call is over.
FINAL_STATUSES = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
NOTES_MAX = 10_000  # what the server keeps (server/calls/schemas.py CallUpdate)


def _t(text: str) -> str:
    return QCoreApplication.translate("CallsTab", text)


def typing_elsewhere(here: QWidget) -> bool:
    """Whether the keyboard is in a text field outside `here`: focusing a form then would
    take the agent's next keystrokes."""
    focused = QApplication.focusWidget()
    if focused is None or here.isAncestorOf(focused):
        return False
    if isinstance(focused, QComboBox):
        return focused.isEditable()
    return isinstance(focused, (QLineEdit, QTextEdit, QPlainTextEdit))


class OutcomeForm(QFrame):
    """The outcome combo, a notes field and "שמירה"; what the agent picks or types is never
    overwritten by a reload (`show_call`)."""

    def __init__(self, row: CallRow) -> None:
        super().__init__()
        self.row = row
        self.prompt = QLabel(_t("איך הסתיימה השיחה? בחרו תוצאה ושמרו."))
        self.prompt.setStyleSheet(f"color: {tokens()['primary']}; font-weight: bold;")
        self.prompt.hide()
        self.outcome = QComboBox()
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.outcome.addItem(_t("בחירת תוצאה"), None)
        for text, value in options("call_outcome"):
            self.outcome.addItem(text, value)
        self.outcome.setAccessibleName(_t("תוצאת השיחה"))
        self.notes = QLineEdit()
        self.notes.setMaxLength(NOTES_MAX)
        self.notes.setPlaceholderText(_t("הערות לשיחה (לא חובה)"))
        self.notes.setAccessibleName(_t("הערות לשיחה"))
        self.notes.returnPressed.connect(self.save)
        self.save_button = QPushButton(_t("שמירה"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(_t("ביטול"))
        self.cancel_button.setFlat(True)
        self.cancel_button.clicked.connect(self.row.stop_editing)
        self.outcome.currentIndexChanged.connect(self._allow_save)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.outcome)
        line.addWidget(self.notes, 1)
        line.addWidget(self.save_button)
        line.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.prompt)
        layout.addLayout(line)
        self._shown: str | None = None  # the outcome last shown from the server
        self._allow_save()

    @property
    def dirty(self) -> bool:
        """The agent picked or typed something not saved yet."""
        return self.chosen() != self._shown or self.notes.isModified()

    def show_call(self, call: dict) -> None:
        if self.chosen() == self._shown:  # else the agent's pick stays
            self.outcome.setCurrentIndex(max(self.outcome.findData(call.get("outcome")), 0))
        self._shown = call.get("outcome")
        if not self.notes.isModified():
            self.notes.setText(call.get("notes") or "")
        self.cancel_button.setVisible(bool(call.get("outcome")))

    def chosen(self) -> str | None:
        return self.outcome.currentData()

    def _allow_save(self) -> None:
        self.save_button.setEnabled(self.chosen() is not None)

    def save(self) -> None:
        if self.chosen() is not None:
            self.row.save(self.chosen(), self.notes.text().strip())

    def saved(self) -> None:
        """What was typed is filed (or dropped): the next call shown replaces it."""
        self.outcome.setCurrentIndex(max(self.outcome.findData(self._shown), 0))
        self.notes.setModified(False)


class CallRow(QFrame):
    def __init__(self, tab: CallsTab, call: dict) -> None:
        super().__init__()
        self.setProperty("role", "notice")
        self.setObjectName("callRow")
        self.tab = tab
        self.asking = False
        self.editing = False
        self.heading = QLabel()
        self.heading.setProperty("role", "strong")
        self.details = QLabel()
        self.details.setProperty("role", "muted")
        self.transcript_label = QLabel()
        self.transcript_label.setProperty("role", "muted")
        self.transcript = QLabel()
        self.transcript.setWordWrap(True)
        self.player: AudioPlayer | None = None
        # In the player's place once retention (or an erasure) deleted the recording and transcript.
        self.purged = QLabel(_t("ההקלטה והתמלול נמחקו לפי מדיניות שמירת המידע"))
        self.purged.setObjectName("purgedNotice")
        self.purged.setProperty("role", "muted")
        self.purged.setWordWrap(True)
        self.purged.hide()
        # In its place when this user's role may not listen (`can_listen` from /auth/me): no
        # player that would only be refused (403 forbidden_listen).
        self.not_allowed = QLabel(_t("אין לך הרשאה להאזין להקלטות"))
        self.not_allowed.setProperty("role", "muted")
        self.not_allowed.hide()

        self.outcome_label = QLabel()  # a chip: the first thing one looks for in a call
        t = tokens()
        self.outcome_label.setStyleSheet(f"background: {t['selection']}; color: {t['text']}; border-radius: 9px; "
                                         "padding: 2px 10px; font-weight: bold;")
        self.change_button = QPushButton(_t("שינוי"))
        self.change_button.setFlat(True)
        self.change_button.setToolTip(_t("שינוי התוצאה וההערות"))
        self.change_button.clicked.connect(self.start_editing)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QWidget()
        summary_line = QHBoxLayout()
        summary_line.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(_t("תוצאת השיחה:"))
        caption.setProperty("role", "muted")
        summary_line.addWidget(caption)
        summary_line.addWidget(self.outcome_label, 0, Qt.AlignmentFlag.AlignVCenter)
        summary_line.addStretch(1)
        summary_line.addWidget(self.change_button)
        summary_layout = QVBoxLayout(self.summary)
        summary_layout.setContentsMargins(0, 4, 0, 0)
        summary_layout.addLayout(summary_line)
        summary_layout.addWidget(self.notes_label)
        self.form = OutcomeForm(self)

        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.details)
        self.layout_.addWidget(self.purged)
        self.layout_.addWidget(self.not_allowed)
        self.layout_.addWidget(self.transcript_label)
        self.layout_.addWidget(self.transcript)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.form)
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
        purged = bool(call.get("purged_at"))
        self.purged.setVisible(purged)
        self.transcript_label.setVisible(not purged)
        self.transcript_label.setText(_t("תמליל: {0}").format(call.get("transcript_status_label") or ""))
        self.transcript.setText(call.get("transcript") or "")
        self.transcript.setVisible(bool(call.get("transcript")) and not purged)
        if purged and self.player is not None:  # purged while the card was open
            self.player.stop()
            self.player.hide()
        may_listen = self.tab.ctx.user.get("can_listen") is not False  # unknown: the server decides
        self.not_allowed.setVisible(bool(call.get("recording_url")) and not purged and not may_listen)
        if call.get("recording_url") and not purged and may_listen and self.player is None:
            url, call_id, api = call["recording_url"], call["id"], self.tab.ctx.api
            self.player = AudioPlayer(self.tab.ctx.tasks, lambda: download(api, url, f"call-{call_id}.mp3"))
            self.layout_.insertWidget(2, self.player)
        filed = call.get("outcome_label")
        self.outcome_label.setText(filed or "")
        self.notes_label.setText(call.get("notes") or "")
        self.notes_label.setVisible(bool(call.get("notes")))
        self.form.show_call(call)
        if filed and not self.form.dirty:  # filed meanwhile (by a colleague, or the web app)
            self.tab.asking.discard(call["id"])
            if self.asking:
                self._set_asking(False)
        self._show_parts()

    @property
    def filed(self) -> bool:
        return bool(self.call.get("outcome"))

    def _show_parts(self) -> None:
        # A form with unsaved choices stays, even when the outcome was filed elsewhere meanwhile.
        form = not self.filed or self.editing or self.form.dirty
        self.form.setVisible(form)
        self.summary.setVisible(self.filed and not form)

    def ask(self, *, focus: bool = True) -> None:
        """Ask for this call's outcome: the form highlighted and scrolled to; focused unless the
        agent is typing elsewhere. A call already filed is left as it is."""
        if self.filed and not self.editing:
            return
        self._set_asking(True)
        self._show_parts()
        # Once the layout has placed the row (it may have been added this very moment).
        QTimer.singleShot(0, self, lambda: self._bring_forward(focus))

    def _bring_forward(self, focus: bool) -> None:
        self.tab.scroll_to(self)
        if focus and self.asking and self.isVisible() and not typing_elsewhere(self):
            self.form.outcome.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_asking(self, asking: bool) -> None:
        self.asking = asking
        self.form.prompt.setVisible(asking)
        self.setProperty("asking", asking)
        accent = tokens()["primary"]
        self.setStyleSheet(f"QFrame#callRow {{ border: 2px solid {accent}; border-radius: 6px; }}"
                           if asking else "")

    def start_editing(self) -> None:
        self.editing = True
        self._show_parts()
        self.form.outcome.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_editing(self) -> None:
        self.editing = False
        self.form.saved()  # the choices are dropped: the filed outcome stands
        self.form.show_call(self.call)
        self._show_parts()

    def save(self, outcome: str, notes: str) -> None:
        call_id, api = self.call["id"], self.tab.ctx.api
        self.tab.say("")
        self.tab.act(lambda: api.request("PATCH", f"/api/crm/calls/{call_id}",
                                         json={"outcome": outcome, "notes": notes}),
                     self.saved, busy=self.form)

    def saved(self, call: dict) -> None:
        self.editing = False
        self.form.saved()
        self._set_asking(False)
        self.tab.asking.discard(call["id"])
        self.update_call(call)
        self.tab.say(_t("התוצאה נשמרה."))


class CallsTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין שיחות עם הלקוח הזה.")
        super().__init__(ctx, parent)
        self.rows: dict[int, CallRow] = {}
        self.asking: set[int] = set()  # calls whose outcome is asked for, shown or still to come
        self._seen: dict[int, str] | None = None  # each call's status at the last answer; None before the first
        self.loaded.connect(self._remember)
        self.column = QVBoxLayout()
        self.column.addStretch()
        inner = QWidget()
        inner.setLayout(self.column)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

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
            self.asking.discard(call_id)
        if self._seen is not None:  # a reload while the card is open: a call came in or ended
            self.asking |= {call["id"] for call in calls if not call.get("outcome") and (
                call["id"] not in self._seen
                or (call.get("status") in FINAL_STATUSES and self._seen[call["id"]] not in FINAL_STATUSES))}
        for call_id in sorted(self.asking & set(self.rows)):
            if not self.rows[call_id].asking:
                self.rows[call_id].ask()

    def _remember(self) -> None:
        self._seen = {call["id"]: call.get("status") for call in (self.data or {}).get("results", [])}

    def ask_outcome(self, call_id: int) -> None:
        """Ask for the outcome of this call: now if its row is shown, else when it arrives."""
        self.asking.add(call_id)
        row = self.rows.get(call_id)
        if row is not None:
            row.ask()

    def scroll_to(self, row: CallRow) -> None:
        self.scroll.ensureWidgetVisible(row)
