"""Contracts and signatures: a new contract (title and text), edited while it is a draft, sent
for signing (its link then shown, copied, and offered to the customer by WhatsApp), a draft
deleted; the PDF. Every step is offered only in the states the server allows
(server/contracts/service.py) and the irreversible ones are asked first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import ApiError
from desktop.display import when
from desktop.views.card.base import CardTab, error_text, fill_table, ltr, make_table, selected_row
from desktop.widgets.confirm import confirm

TITLE_LIMIT = 300  # ContractCreate.title


class ContractsTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין חוזים ללקוח הזה. אפשר ליצור חוזה חדש.")
        super().__init__(ctx, parent)
        self.confirm = confirm  # tests replace it
        self.editing_id: int | None = None  # the draft the form edits; None for a new contract
        self.contracts = make_table([self.tr("כותרת"), self.tr("סטטוס"), self.tr("נשלח"), self.tr("נחתם")])
        self.contracts.itemSelectionChanged.connect(self._selection)
        self.signatures = make_table([self.tr("חותם"), self.tr("נחתם"), self.tr("חוזה"), self.tr("טביעת המסמך")])
        self.copy_button = QPushButton(self.tr("העתקת קישור החתימה"))
        self.copy_button.clicked.connect(self.copy_link)
        self.whatsapp_button = QPushButton(self.tr("שליחת הקישור בוואטסאפ"))
        self.whatsapp_button.setToolTip(self.tr("שליחת קישור החתימה ללקוח בהודעת וואטסאפ"))
        self.whatsapp_button.clicked.connect(self.send_link_by_whatsapp)
        self.pdf_button = QPushButton(self.tr("פתיחת PDF"))
        self.pdf_button.clicked.connect(self.open_selected)
        self.contracts.doubleClicked.connect(self.open_selected)
        link_bar = QHBoxLayout()
        link_bar.addWidget(self.copy_button)
        link_bar.addWidget(self.whatsapp_button)
        link_bar.addWidget(self.pdf_button)
        link_bar.addStretch()
        heading = QLabel(self.tr("חתימות"))
        heading.setProperty("role", "strong")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(link_bar)
        layout.addWidget(self.contracts, 3)
        layout.addWidget(heading)
        layout.addWidget(self.signatures, 2)

        # What is always there, data or not: a new contract, and the draft's steps.
        self.new_button = QPushButton(self.tr("חוזה חדש"))
        self.new_button.clicked.connect(self.start_new)
        self.edit_button = QPushButton(self.tr("עריכה"))
        self.edit_button.setToolTip(self.tr("אפשר לערוך חוזה כל עוד הוא טיוטה"))
        self.edit_button.clicked.connect(self.start_edit)
        self.send_button = QPushButton(self.tr("שליחה לחתימה"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send_selected)
        self.delete_button = QPushButton(self.tr("מחיקת הטיוטה"))
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.send_button)
        bar.addWidget(self.delete_button)
        bar.addStretch()

        self.form = QFrame()
        self.form.setProperty("role", "notice")
        self.form_title = QLabel()
        font = self.form_title.font()
        font.setBold(True)
        self.form_title.setFont(font)
        self.title_input = QLineEdit()
        self.title_input.setMaxLength(TITLE_LIMIT)
        self.title_input.setPlaceholderText(self.tr("לדוגמה: הסכם תיווך לדירה ברחוב הרצל"))
        self.body_input = QPlainTextEdit()
        self.body_input.setPlaceholderText(self.tr("נוסח החוזה, כפי שהלקוח יקרא ויחתום עליו"))
        self.body_input.setTabChangesFocus(True)
        self.body_input.setMinimumHeight(140)
        self.save_button = QPushButton(self.tr("שמירה"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.cancel_edit = QPushButton(self.tr("ביטול"))
        self.cancel_edit.clicked.connect(self.close_form)
        fields = QFormLayout()
        fields.addRow(self.tr("כותרת"), self.title_input)
        fields.addRow(self.tr("נוסח"), self.body_input)
        form_bar = QHBoxLayout()
        form_bar.addStretch()
        form_bar.addWidget(self.cancel_edit)
        form_bar.addWidget(self.save_button)
        form_layout = QVBoxLayout(self.form)
        form_layout.addWidget(self.form_title)
        form_layout.addLayout(fields)
        form_layout.addLayout(form_bar)
        self.form.hide()
        self.layout_.insertLayout(0, bar)
        self.layout_.insertWidget(1, self.form)
        self._selection()

    def fetch(self):
        api = self.ctx.api
        contracts = api.list("contracts", customer_id=self.customer_id, limit=100)["results"]
        signatures = api.list("signatures", customer_id=self.customer_id, limit=100)["results"]
        return {"results": contracts, "signatures": signatures}

    def show_data(self, data) -> None:
        titles = {c["id"]: c["title"] for c in data["results"]}
        fill_table(self.contracts, data["results"], lambda c: [
            c["title"], c.get("status_label", ""), when(c.get("sent_at")), when(c.get("signed_at"))])
        fill_table(self.signatures, data["signatures"], lambda s: [
            s["signer_name"], when(s.get("signed_at")), titles.get(s["contract_id"], str(s["contract_id"])),
            ltr(s.get("document_sha256", "")[:16] + "…")])
        if self.contracts.currentRow() < 0 and self.contracts.rowCount():
            self.contracts.setCurrentCell(0, 0)
        self._selection()

    def select(self, contract_id: int) -> None:
        for row in range(self.contracts.rowCount()):
            item = self.contracts.item(row, 0)
            record = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            if record and record.get("id") == contract_id:
                self.contracts.setCurrentCell(row, 0)
                return

    def _selection(self) -> None:
        contract = selected_row(self.contracts)
        status = contract.get("status") if contract else None
        draft = status == "draft"
        self.edit_button.setEnabled(draft)
        self.send_button.setEnabled(draft)
        self.delete_button.setEnabled(draft)
        self.copy_button.setEnabled(bool(contract and contract.get("sign_url")))
        self.whatsapp_button.setEnabled(status == "sent" and bool(contract.get("sign_url")))
        self.pdf_button.setEnabled(contract is not None)

    # -- the form: a new contract, or a draft edited ---------------------------------------
    def start_new(self) -> None:
        self._open_form(None, "", "", self.tr("חוזה חדש"))

    def start_edit(self) -> None:
        contract = selected_row(self.contracts)
        if contract is None or contract.get("status") != "draft":
            return
        self._open_form(contract["id"], contract["title"], contract["body"],
                        self.tr("עריכת הטיוטה „{0}”").format(contract["title"]))

    def _open_form(self, contract_id: int | None, title: str, body: str, heading: str) -> None:
        self.editing_id = contract_id
        self.form_title.setText(heading)
        self.title_input.setText(title)
        self.body_input.setPlainText(body)
        self.form.show()
        self.title_input.setFocus()

    def close_form(self) -> None:
        self.form.hide()
        self.editing_id = None
        self.title_input.clear()
        self.body_input.clear()

    def save(self) -> None:
        title, body = self.title_input.text().strip(), self.body_input.toPlainText().strip()
        if not title:
            return self.say(self.tr("יש להזין כותרת לחוזה."), error=True)
        if not body:
            return self.say(self.tr("יש להזין את נוסח החוזה."), error=True)
        api, contract_id, customer_id = self.ctx.api, self.editing_id, self.customer_id

        def call() -> dict:
            if contract_id is None:
                return api.post("/api/crm/contracts", {"customer_id": customer_id, "title": title, "body": body})
            return api.request("PATCH", f"/api/crm/contracts/{contract_id}", json={"title": title, "body": body})

        self.say(self.tr("שומר…"))
        self.act(call, self._saved, self._failed_step, busy=self.save_button)

    def _saved(self, contract: dict) -> None:
        created = self.editing_id is None
        self.close_form()
        self.say((self.tr("החוזה „{0}” נוצר כטיוטה. אפשר לערוך אותו ולשלוח אותו לחתימה.") if created
                  else self.tr("הטיוטה „{0}” נשמרה.")).format(contract["title"]))
        self._reload_selecting(contract["id"])

    def _reload_selecting(self, contract_id: int) -> None:
        def selected() -> None:
            self.loaded.disconnect(selected)
            self.select(contract_id)

        self.loaded.connect(selected)
        self.reload()

    # -- send, delete ----------------------------------------------------------------------
    def send_selected(self) -> None:
        contract = selected_row(self.contracts)
        if contract is None or contract.get("status") != "draft":
            return
        if not self.confirm(self, self.tr("שליחה לחתימה"),
                            self.tr("לשלוח את „{0}” לחתימה? אחרי השליחה אי אפשר לערוך את החוזה, "
                                    "וקישור החתימה יפעל.").format(contract["title"]),
                            yes=self.tr("שליחה לחתימה"), no=self.tr("חזרה")):
            return
        api, path = self.ctx.api, f"/api/crm/contracts/{contract['id']}/send"
        self.say(self.tr("שולח…"))
        self.act(lambda: api.post(path, {}), self._sent, self._failed_step, busy=self.send_button)

    def _sent(self, contract: dict) -> None:
        self.say(self.tr("החוזה נשלח לחתימה. קישור החתימה: {0} (אפשר להעתיק אותו או לשלוח אותו ללקוח "
                         "בוואטסאפ)").format(ltr(contract.get("sign_url") or "")))
        self._reload_selecting(contract["id"])

    def delete_selected(self) -> None:
        contract = selected_row(self.contracts)
        if contract is None or contract.get("status") != "draft":
            return
        if not self.confirm(self, self.tr("מחיקת טיוטה"),
                            self.tr("למחוק את הטיוטה „{0}”? אי אפשר לשחזר אותה.").format(contract["title"]),
                            yes=self.tr("מחיקה"), no=self.tr("חזרה"), danger=True):
            return
        api, path = self.ctx.api, f"/api/crm/contracts/{contract['id']}"

        def deleted(_none) -> None:
            if self.editing_id == contract["id"]:
                self.close_form()
            self.say(self.tr("הטיוטה „{0}” נמחקה.").format(contract["title"]))
            self.contracts.clearSelection()
            self.contracts.setCurrentCell(-1, -1)
            self.reload()

        self.act(lambda: api.request("DELETE", path), deleted, self._failed_step, busy=self.delete_button)

    def _failed_step(self, error: BaseException) -> None:
        if isinstance(error, ApiError) and error.status == 409:  # contract_locked, not_draft, changed
            self.say(self.tr("החוזה כבר אינו טיוטה (נשלח, נחתם או נדחה בינתיים), ולכן דבר לא השתנה. "
                             "הרשימה רועננה."), error=True)
            self.close_form()
            self.reload()
        elif isinstance(error, ApiError) and error.code == "validation_error":
            self.say(self.tr("הכותרת או הנוסח אינם תקינים (כותרת עד {0} תווים).").format(TITLE_LIMIT), error=True)
        else:
            self.say(error_text(error), error=True)

    # -- the link and the PDF ----------------------------------------------------------------
    def copy_link(self) -> None:
        contract = selected_row(self.contracts)
        if contract and contract.get("sign_url"):
            QGuiApplication.clipboard().setText(contract["sign_url"])
            self.say(self.tr("קישור החתימה הועתק: {0}").format(ltr(contract["sign_url"])))

    def send_link_by_whatsapp(self) -> None:
        """The link to the customer in a WhatsApp message (the server's own WhatsApp send; outside
        the 24-hour window WhatsApp allows only templates, which the WhatsApp tab offers)."""
        contract = selected_row(self.contracts)
        if not (contract and contract.get("status") == "sent" and contract.get("sign_url")):
            return
        text = self.tr("שלום, זה הקישור לחתימה על „{0}”: {1}").format(contract["title"], contract["sign_url"])
        api, path = self.ctx.api, f"/api/crm/customers/{self.customer_id}/whatsapp"
        self.say(self.tr("שולח בוואטסאפ…"))
        self.act(lambda: api.post(path, {"body": text}),
                 lambda _message: self.say(self.tr("קישור החתימה נשלח ללקוח בוואטסאפ.")),
                 self._whatsapp_failed, busy=self.whatsapp_button)

    def _whatsapp_failed(self, error: BaseException) -> None:
        code = error.code if isinstance(error, ApiError) else None
        messages = {
            "outside_window": self.tr("הקישור לא נשלח: עברו יותר מ-24 שעות מההודעה האחרונה של הלקוח, ווואטסאפ "
                                      "מתיר עכשיו רק תבנית. העתיקו את הקישור ושלחו אותו בדרך אחרת."),
            "no_whatsapp_sender": self.tr("הקישור לא נשלח: לעסק אין מספר Twilio לשליחת וואטסאפ."),
            "no_whatsapp_address": self.tr("הקישור לא נשלח: ללקוח אין מספר טלפון לוואטסאפ."),
        }
        self.say(messages.get(code or "", error_text(error)), error=True)

    def open_selected(self) -> None:
        contract = selected_row(self.contracts)
        if contract is not None:
            self.open_pdf(f"/api/crm/contracts/{contract['id']}/pdf", f"contract-{contract['id']}.pdf",
                          busy=self.pdf_button)
