"""Contracts and signatures: status, the signing link to copy, the PDF."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.display import when
from desktop.views.card.base import CardTab, fill_table, ltr, make_table, selected_row


class ContractsTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין חוזים ללקוח הזה.")
        super().__init__(ctx, parent)
        self.contracts = make_table([self.tr("כותרת"), self.tr("סטטוס"), self.tr("נשלח"), self.tr("נחתם")])
        self.contracts.itemSelectionChanged.connect(self._selection)
        self.signatures = make_table([self.tr("חותם"), self.tr("נחתם"), self.tr("חוזה"), self.tr("טביעת המסמך")])
        self.copy_button = QPushButton(self.tr("העתקת קישור החתימה"))
        self.copy_button.clicked.connect(self.copy_link)
        self.pdf_button = QPushButton(self.tr("פתיחת PDF"))
        self.pdf_button.clicked.connect(self.open_selected)
        self.contracts.doubleClicked.connect(self.open_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.copy_button)
        bar.addWidget(self.pdf_button)
        bar.addStretch()
        heading = QLabel(self.tr("חתימות"))
        heading.setProperty("role", "strong")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.contracts, 3)
        layout.addWidget(heading)
        layout.addWidget(self.signatures, 2)
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

    def _selection(self) -> None:
        contract = selected_row(self.contracts)
        self.copy_button.setEnabled(bool(contract and contract.get("sign_url")))
        self.pdf_button.setEnabled(contract is not None)

    def copy_link(self) -> None:
        contract = selected_row(self.contracts)
        if contract and contract.get("sign_url"):
            QGuiApplication.clipboard().setText(contract["sign_url"])
            self.say(self.tr("קישור החתימה הועתק: {0}").format(ltr(contract["sign_url"])))

    def open_selected(self) -> None:
        contract = selected_row(self.contracts)
        if contract is not None:
            self.open_pdf(f"/api/crm/contracts/{contract['id']}/pdf", f"contract-{contract['id']}.pdf",
                          busy=self.pdf_button)
