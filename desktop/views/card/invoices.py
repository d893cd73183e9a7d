"""Invoices: number, date, total and status; a new invoice from its lines; the PDF."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.display import label, when
from desktop.views.card.base import CardTab, fill_table, make_table, selected_row

CURRENCY = {"ILS": "₪", "USD": "$", "EUR": "€"}


def money(amount: object, currency: str = "ILS") -> str:
    try:
        return f"{Decimal(str(amount)):,.2f} {CURRENCY.get(currency, currency)}"
    except InvalidOperation:
        return str(amount)


class InvoicesTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין חשבוניות ללקוח הזה.")
        super().__init__(ctx, parent)
        self.table = make_table([self.tr("מספר"), self.tr("תאריך"), self.tr("סה״כ"), self.tr("סטטוס")])
        self.table.doubleClicked.connect(self.open_selected)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

        self.new_button = QPushButton(self.tr("חשבונית חדשה"))
        self.new_button.clicked.connect(lambda: self.form.setVisible(not self.form.isVisible()))
        self.pdf_button = QPushButton(self.tr("פתיחת PDF"))
        self.pdf_button.clicked.connect(self.open_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.pdf_button)
        bar.addStretch()

        self.form = QFrame()
        self.form.setProperty("role", "notice")
        self.lines = QTableWidget(1, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("תיאור"), self.tr("כמות"), self.tr("מחיר ליחידה")])
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.setColumnWidth(0, 260)
        self.lines.verticalHeader().hide()
        self.lines.setMaximumHeight(140)
        add_line = QPushButton(self.tr("הוספת שורה"))
        add_line.clicked.connect(lambda: self.lines.insertRow(self.lines.rowCount()))
        self.status = QComboBox()
        for status in ("draft", "issued"):  # what a new invoice may start as (InvoiceCreate)
            self.status.addItem(label("invoice_status", status), status)
        self.create_button = QPushButton(self.tr("יצירת החשבונית"))
        self.create_button.setProperty("primary", True)
        self.create_button.clicked.connect(self.create)
        form_bar = QHBoxLayout()
        form_bar.addWidget(add_line)
        form_bar.addWidget(QLabel(self.tr("סטטוס")))
        form_bar.addWidget(self.status)
        form_bar.addStretch()
        form_bar.addWidget(self.create_button)
        form_layout = QVBoxLayout(self.form)
        form_layout.addWidget(self.lines)
        form_layout.addLayout(form_bar)
        self.form.hide()
        self.layout_.insertLayout(0, bar)
        self.layout_.insertWidget(1, self.form)

    def fetch(self):
        return self.ctx.api.list("invoices", customer_id=self.customer_id, limit=100, sort="-number")

    def show_data(self, data) -> None:
        fill_table(self.table, data["results"], lambda i: [
            str(i["number"]), when(i.get("issued_at") or i.get("created_at")),
            money(i.get("total"), i.get("currency", "ILS")), i.get("status_label", "")])

    def open_selected(self) -> None:
        invoice = selected_row(self.table)
        if invoice is None:
            return self.say(self.tr("בחרו חשבונית ברשימה."), error=True)
        self.open_pdf(f"/api/crm/invoices/{invoice['id']}/pdf", f"invoice-{invoice['number']}.pdf",
                      busy=self.pdf_button)

    # -- a new invoice -------------------------------------------------------------------
    def set_line(self, row: int, description: str, quantity: str, unit_price: str) -> None:
        while self.lines.rowCount() <= row:
            self.lines.insertRow(self.lines.rowCount())
        for column, text in enumerate((description, quantity, unit_price)):
            self.lines.setItem(row, column, QTableWidgetItem(text))

    def read_lines(self) -> list[dict]:
        """The lines typed in; raises ValueError with a Hebrew message for a bad one."""
        lines = []
        for row in range(self.lines.rowCount()):
            cells = [(self.lines.item(row, c).text().strip() if self.lines.item(row, c) else "") for c in range(3)]
            if not any(cells):
                continue
            description, quantity, price = cells
            if not description:
                raise ValueError(self.tr("בשורה {0} חסר תיאור.").format(row + 1))
            try:
                quantity_value, price_value = Decimal(quantity or "1"), Decimal(price)
            except InvalidOperation:
                raise ValueError(self.tr("בשורה {0} הכמות או המחיר אינם מספר.").format(row + 1)) from None
            if quantity_value <= 0 or price_value < 0:
                raise ValueError(self.tr("בשורה {0} הכמות חייבת להיות חיובית והמחיר לא שלילי.").format(row + 1))
            lines.append({"description": description, "quantity": str(quantity_value), "unit_price": str(price_value)})
        if not lines:
            raise ValueError(self.tr("יש להזין לפחות שורה אחת."))
        return lines

    def create(self) -> None:
        try:
            lines = self.read_lines()
        except ValueError as error:
            return self.say(str(error), error=True)
        body = {"customer_id": self.customer_id, "lines": lines, "status": self.status.currentData()}
        api = self.ctx.api
        self.act(lambda: api.post("/api/crm/invoices", body), self._created, busy=self.create_button)

    def _created(self, invoice: dict) -> None:
        self.form.hide()
        self.lines.setRowCount(0)
        self.lines.setRowCount(1)
        self.say(self.tr("חשבונית {0} נוצרה: {1}").format(invoice["number"], money(invoice["total"])))
        self.reload()
