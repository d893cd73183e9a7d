"""WhatsApp: the chat with the customer, sending, and templates outside the 24-hour window.

A free-form message goes only within 24 hours of the customer's last message; outside it the
server answers 409 `outside_window`, and the tab offers a template (Twilio Content API:
`content_sid` HX… and its numbered variables). The server keeps no list of templates: the
picker offers the business's own (its missed-call template) and takes any other SID typed in.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.api import ApiError
from desktop.display import when
from desktop.views.card.base import CardTab, error_text
from desktop.widgets.bubble import ChatBubble

CONTENT_SID = re.compile(r"^HX[0-9a-fA-F]{32}$")


class WhatsAppTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין עדיין הודעות וואטסאפ עם הלקוח. כתבו הודעה למטה.")
        super().__init__(ctx, parent)
        self.messages: dict[int, dict] = {}
        self.bubbles: list[ChatBubble] = []

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

        # The composer stays below the states: an empty chat can still be written to.
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("כתבו הודעה…"))
        self.input.returnPressed.connect(self.send)
        self.send_button = QPushButton(self.tr("שליחה"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send)
        composer = QHBoxLayout()
        composer.addWidget(self.input, 1)
        composer.addWidget(self.send_button)

        self.templates = QFrame()
        self.templates.setProperty("role", "notice")
        self.template_sid = QComboBox()
        self.template_sid.setEditable(True)
        self.template_sid.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.template_sid.lineEdit().setPlaceholderText("HX…")
        self.template_variables = QLineEdit()
        self.template_variables.setPlaceholderText(self.tr("ערכי המשתנים לפי הסדר, מופרדים בפסיק: דנה, יום שלישי"))
        self.template_send = QPushButton(self.tr("שליחת תבנית"))
        self.template_send.setProperty("primary", True)
        self.template_send.clicked.connect(self.send_template)
        explain = QLabel(self.tr("עברו יותר מ-24 שעות מההודעה האחרונה של הלקוח, ולכן וואטסאפ מתיר לשלוח "
                                 "רק תבנית מאושרת. בחרו תבנית ומלאו את ערכיה."))
        explain.setWordWrap(True)
        form = QFormLayout(self.templates)
        form.addRow(explain)
        form.addRow(self.tr("תבנית"), self.template_sid)
        form.addRow(self.tr("משתנים"), self.template_variables)
        form.addRow(self.template_send)
        self.templates.hide()

        self.layout_.addWidget(self.templates)
        self.layout_.addLayout(composer)

    def fetch(self):
        messages = self.ctx.api.list("messages", customer_id=self.customer_id, limit=100, sort="-created_at")
        return {"results": messages["results"]}

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

    # -- sending -------------------------------------------------------------------------
    def _post(self, body: dict, busy: QWidget) -> None:
        api, path = self.ctx.api, f"/api/crm/customers/{self.customer_id}/whatsapp"
        self.say(self.tr("שולח…"))
        self.act(lambda: api.post(path, body), self._sent, self._send_failed, busy=busy)

    def send(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self._post({"body": text}, self.send_button)

    def send_template(self) -> None:
        index, text = self.template_sid.currentIndex(), self.template_sid.currentText().strip()
        chosen = index >= 0 and text == self.template_sid.itemText(index)
        sid = (self.template_sid.itemData(index) if chosen else text) or ""
        if not CONTENT_SID.match(sid):
            return self.say(self.tr("מזהה התבנית אינו תקין: HX ואחריו 32 תווים."), error=True)
        values = [v.strip() for v in self.template_variables.text().split(",") if v.strip()]
        body = {"content_sid": sid}
        if values:
            body["variables"] = {str(number): value for number, value in enumerate(values, start=1)}
        self._post(body, self.template_send)

    def _sent(self, message: dict) -> None:
        self.input.clear()
        self.templates.hide()
        self.say("")
        self.upsert(message)

    def _send_failed(self, error: BaseException) -> None:
        if isinstance(error, ApiError) and error.code == "outside_window":
            self.say(self.tr("ההודעה לא נשלחה: מחוץ לחלון 24 השעות. אפשר לשלוח תבנית."), error=True)
            self.offer_templates()
        elif isinstance(error, ApiError) and error.code == "no_whatsapp_sender":
            self.say(self.tr("לעסק אין מספר Twilio לשליחת וואטסאפ."), error=True)
        elif isinstance(error, ApiError) and error.code == "no_whatsapp_address":
            self.say(self.tr("ללקוח אין מספר טלפון לוואטסאפ."), error=True)
        else:
            self.say(error_text(error), error=True)

    def offer_templates(self) -> None:
        self.templates.show()
        self.template_variables.setFocus()
        api = self.ctx.api
        self.act(lambda: api.get("/api/business"), self._business_templates, lambda _e: None)

    def _business_templates(self, business: dict) -> None:
        sid = business.get("missed_call_template_sid")
        if sid and self.template_sid.findData(sid) < 0:
            self.template_sid.insertItem(0, self.tr("תבנית שיחה שלא נענתה ({0})").format(sid), sid)
            self.template_sid.setCurrentIndex(0)
