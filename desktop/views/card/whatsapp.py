"""WhatsApp: the chat with the customer, sending, and templates outside the 24-hour window.

A free-form message goes only within 24 hours of the customer's last message; outside it the
server answers 409 `outside_window`. The tab says so before the agent even types, judging by
the customer's newest inbound message (the server still decides: a clock off by minutes must
not stop a send the server would take), and offers the template picker
(desktop/widgets/template_picker.py): the business's approved templates by name, their
variables filled in. The picker is also a button away inside the window.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.api import ApiError
from desktop.display import when
from desktop.views.card.base import CardTab, error_text
from desktop.widgets.bubble import ChatBubble
from desktop.widgets.template_picker import TemplatePicker

WINDOW = timedelta(hours=24)  # WhatsApp's customer-service window, as server/messages/service.py has it


def parse_time(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def last_inbound(messages, known: str | None = None) -> datetime | None:
    """The newest inbound message's time among `messages` and `known` (the server's answer)."""
    times = [parse_time(m.get("created_at")) for m in messages if m.get("direction") == "inbound"]
    times = [t for t in (*times, parse_time(known)) if t is not None]
    return max(times) if times else None


def window_open(last: datetime | None, now: datetime | None = None) -> bool:
    return last is not None and (now or datetime.now(UTC)) - last <= WINDOW


class WhatsAppTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין עדיין הודעות וואטסאפ עם הלקוח. כתבו הודעה למטה.")
        super().__init__(ctx, parent)
        self.messages: dict[int, dict] = {}
        self.bubbles: list[ChatBubble] = []
        self.last_inbound_at: str | None = None  # the server's, from the last fetch
        self._offered = False  # the picker is open because the window closed, not by the agent's choice

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

        # Why free text will not go, in words: shown while the window is closed.
        self.window_notice = QLabel()
        self.window_notice.setWordWrap(True)
        self.window_notice.setProperty("role", "error")
        self.window_notice.hide()
        self.picker = TemplatePicker(ctx.tasks, ctx.api)
        self.picker.send_requested.connect(self._send_template)
        self.picker.hide()

        # The composer stays below the states: an empty chat can still be written to.
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("כתבו הודעה…"))
        self.input.returnPressed.connect(self.send)
        self.send_button = QPushButton(self.tr("שליחה"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send)
        self.template_button = QPushButton(self.tr("תבנית"))
        self.template_button.setToolTip(self.tr("שליחת תבנית וואטסאפ מאושרת"))
        self.template_button.setCheckable(True)
        self.template_button.toggled.connect(self._template_toggled)
        composer = QHBoxLayout()
        composer.addWidget(self.input, 1)
        composer.addWidget(self.template_button)
        composer.addWidget(self.send_button)

        self.layout_.addWidget(self.window_notice)
        self.layout_.addWidget(self.picker)
        self.layout_.addLayout(composer)

    def fetch(self):
        api, customer_id = self.ctx.api, self.customer_id
        messages = api.list("messages", customer_id=customer_id, limit=100, sort="-created_at")
        # The newest inbound message may be older than the last 100 of the chat.
        inbound = api.list("messages", customer_id=customer_id, direction="inbound", limit=1, sort="-created_at")
        last = inbound["results"][0]["created_at"] if inbound["results"] else None
        return {"results": messages["results"], "last_inbound_at": last}

    def _arrived(self, generation: int, data) -> None:
        super()._arrived(generation, data)
        if generation == self._generation:
            self.last_inbound_at = data.get("last_inbound_at")
            self.update_window()

    def show_data(self, data) -> None:
        self.messages = {message["id"]: message for message in data["results"]}
        self._render()

    def upsert(self, message: dict) -> None:
        """A message from a realtime event (wa:message, wa:status): shown without a fetch."""
        old = self.messages.get(message["id"])
        if old is not None and old.get("status_at") and message.get("status_at") and \
                message["status_at"] < old["status_at"]:
            return  # an older status arrived late
        self.messages[message["id"]] = message
        self.loaded_once = True
        self._render()
        self.states.show_content()
        self.update_window()
        self.loaded.emit()

    def _render(self) -> None:
        for bubble in self.bubbles:
            self.column.removeWidget(bubble)
            bubble.deleteLater()
        ordered = sorted(self.messages.values(), key=lambda m: (m.get("created_at") or "", m["id"]))
        self.bubbles = [ChatBubble(message, when=when(message.get("created_at"))) for message in ordered]
        for position, bubble in enumerate(self.bubbles):
            self.column.insertWidget(position + 1, bubble)  # after the stretch: the chat sits at the bottom
        QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(
            self.scroll.verticalScrollBar().maximum()))

    # -- the 24-hour window --------------------------------------------------------------
    @property
    def window_is_open(self) -> bool:
        return window_open(last_inbound(self.messages.values(), self.last_inbound_at))

    def update_window(self) -> None:
        """Explain and offer templates while the window is closed; inside it the picker stays
        as the agent left it (the "תבנית" button)."""
        if self.window_is_open:
            self.window_notice.hide()
            if self._offered:  # opened by the closed window, not by the agent: the chat is back
                self.template_button.setChecked(False)
            return
        last = last_inbound(self.messages.values(), self.last_inbound_at)
        text = self.tr("וואטסאפ מתיר הודעה חופשית רק בתוך 24 שעות מההודעה האחרונה של הלקוח. כדי לפתוח שיחה, "
                       "שלחו תבנית מאושרת; כשהלקוח יענה, אפשר יהיה לכתוב לו חופשי.")
        if last is None:
            text += " " + self.tr("הלקוח עוד לא כתב לעסק בוואטסאפ.")
        else:
            text += " " + self.tr("ההודעה האחרונה של הלקוח: {0}.").format(when(last.isoformat()))
        self.window_notice.setText(text)
        self.window_notice.show()
        self.offer_templates()

    def offer_templates(self) -> None:
        if not self.template_button.isChecked():
            self.template_button.setChecked(True)
            self._offered = True

    def _template_toggled(self, checked: bool) -> None:
        self._offered = False
        self.picker.setVisible(checked)

    # -- sending -------------------------------------------------------------------------
    def _post(self, body: dict, busy: QWidget, on_done) -> None:
        api, path = self.ctx.api, f"/api/crm/customers/{self.customer_id}/whatsapp"
        self.say(self.tr("שולח…"))
        self.act(lambda: api.post(path, body), on_done, lambda error: self._send_failed(error, body), busy=busy)

    def send(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self._post({"body": text}, self.send_button, self._text_sent)

    def _send_template(self, body: dict) -> None:
        self._post(body, self.picker.send_button, self._template_sent)

    def _text_sent(self, message: dict) -> None:
        self.input.clear()
        self.say("")
        self.upsert(message)

    def _template_sent(self, message: dict) -> None:
        # The composer keeps what the agent typed: it is for when the customer answers.
        self.picker.sent()
        self.say(self.tr("התבנית נשלחה."))
        if self.window_is_open:
            self.template_button.setChecked(False)
        self.upsert(message)

    def _send_failed(self, error: BaseException, body: dict) -> None:
        if isinstance(error, ApiError) and error.code == "outside_window":
            self.say(self.tr("ההודעה לא נשלחה: עברו יותר מ-24 שעות מההודעה האחרונה של הלקוח. "
                             "אפשר לשלוח תבנית מאושרת."), error=True)
            self.last_inbound_at = (error.details or {}).get("last_inbound_at")
            self.update_window()  # the server's verdict: the window is closed whatever this clock says
            if self.window_notice.isHidden():
                self.window_notice.setText(self.tr("וואטסאפ מתיר הודעה חופשית רק בתוך 24 שעות מההודעה "
                                                   "האחרונה של הלקוח. כדי לפתוח שיחה, שלחו תבנית מאושרת."))
                self.window_notice.show()
                self.offer_templates()
            return
        if isinstance(error, ApiError) and error.code == "no_whatsapp_sender":
            text = self.tr("לעסק אין מספר Twilio לשליחת וואטסאפ.")
        elif isinstance(error, ApiError) and error.code == "no_whatsapp_address":
            text = self.tr("ללקוח אין מספר טלפון לוואטסאפ.")
        else:
            text = error_text(error)
        self.say(text, error=True)
        if "content_sid" in body:
            self.picker.failed(text)
