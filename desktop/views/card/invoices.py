"""Invoices: number, date, total, status and allocation number; a new invoice from its lines; the
PDF; and the selected invoice's next step (issue a draft, mark it paid, cancel it), each asked
first and offered only where the server allows it (server/invoices/service.py TRANSITIONS).

A B2B invoice at or above the Tax Authority's threshold waits for its allocation number
(contract 19: status `awaiting_allocation`): the tab says why it still waits, by
`allocation_error.code`, and offers "לנסות שוב" (`POST .../allocate`); the number once given.
Every change announced as `invoice:updated` is shown as it comes (`upsert`)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
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

from desktop.api import ApiError
from desktop.display import label, when
from desktop.views.card.base import CardTab, error_text, fill_table, make_table, selected_row
from desktop.widgets.confirm import confirm

CURRENCY = {"ILS": "₪", "USD": "$", "EUR": "€"}
# Where each status may go (the server's TRANSITIONS): the buttons follow it. An invoice waiting
# for its allocation number may be cancelled, not paid.
NEXT = {"draft": {"issued", "cancelled"}, "awaiting_allocation": {"cancelled"}, "issued": {"paid", "cancelled"},
        "paid": set(), "cancelled": set()}


def _t(text: str) -> str:
    return QCoreApplication.translate("InvoicesTab", text)


def allocation_reason(error: dict | None) -> str:
    """Why the Tax Authority has not given a number yet (or refused it), by its code; "" for none."""
    if not error:
        return ""
    code = error.get("code")
    if code == "refused":
        return _t("רשות המסים סירבה: ") + (error.get("message") or "")
    reasons = {
        "unreachable": _t("רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית"),
        "no_credentials": _t("לא הוגדרו פרטי התחברות לרשות המסים"),
        "unauthorized": _t("רשות המסים דחתה את פרטי ההתחברות"),
        "missing_business_tax_id": _t("חסר מספר עוסק של העסק בהגדרות"),
    }
    return reasons.get(code, error.get("message") or "")


def allocation_text(invoice: dict) -> str:
    """The invoice's allocation state in words: the number, the wait and its reason, or the refusal."""
    state = invoice.get("allocation_status")
    if state == "allocated" and invoice.get("allocation_number"):
        return _t("מספר הקצאה: {0}").format(invoice["allocation_number"])
    reason = allocation_reason(invoice.get("allocation_error"))
    if invoice.get("status") == "awaiting_allocation" or state == "pending":
        waiting = _t("ממתינה למספר הקצאה")
        return f"{waiting}: {reason}" if reason else waiting
    if state == "refused":
        return reason or _t("רשות המסים סירבה להקצות מספר")
    return ""


def allocation_cell(invoice: dict) -> str:
    """The table's short form: the number, else whether it waits or was refused."""
    state = invoice.get("allocation_status")
    if state == "allocated":
        return invoice.get("allocation_number") or ""
    if invoice.get("status") == "awaiting_allocation" or state == "pending":
        return _t("טרם התקבל")  # the status column already says it waits
    if state == "refused":
        return _t("סורבה")
    return ""


def money(amount: object, currency: str = "ILS") -> str:
    try:
        return f"{Decimal(str(amount)):,.2f} {CURRENCY.get(currency, currency)}"
    except InvalidOperation:
        return str(amount)


class InvoicesTab(CardTab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("אין חשבוניות ללקוח הזה.")
        super().__init__(ctx, parent)
        self.table = make_table([self.tr("מספר"), self.tr("תאריך"), self.tr("סה״כ"), self.tr("סטטוס"),
                                 self.tr("מספר הקצאה")])
        self.table.doubleClicked.connect(self.open_selected)
        self.table.itemSelectionChanged.connect(self._selection)
        self.confirm = confirm  # tests replace it
        # The selected invoice's allocation state, with "לנסות שוב" while it waits.
        self.allocation = QFrame()
        self.allocation.setProperty("role", "notice")
        self.allocation_label = QLabel()
        self.allocation_label.setObjectName("allocationState")
        self.allocation_label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("לנסות שוב"))
        self.retry_button.setToolTip(self.tr("לבקש שוב מרשות המסים את מספר ההקצאה, עכשיו"))
        self.retry_button.clicked.connect(self.retry_allocation)
        allocation_row = QHBoxLayout(self.allocation)
        allocation_row.addWidget(self.allocation_label, 1)
        allocation_row.addWidget(self.retry_button)
        self.allocation.hide()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.allocation)

        self.new_button = QPushButton(self.tr("חשבונית חדשה"))
        self.new_button.clicked.connect(lambda: self.form.setVisible(not self.form.isVisible()))
        self.pdf_button = QPushButton(self.tr("פתיחת PDF"))
        self.pdf_button.clicked.connect(self.open_selected)
        self.issue_button = QPushButton(self.tr("הפקה"))
        self.issue_button.setToolTip(self.tr("הפקת הטיוטה כחשבונית; אחרי ההפקה אי אפשר לערוך אותה"))
        self.issue_button.clicked.connect(lambda: self.move_to("issued"))
        self.paid_button = QPushButton(self.tr("סימון כשולמה"))
        self.paid_button.clicked.connect(lambda: self.move_to("paid"))
        self.cancel_button = QPushButton(self.tr("ביטול החשבונית"))
        self.cancel_button.setToolTip(self.tr("חשבונית שבוטלה נשארת ברשימה עם המספר שלה"))
        self.cancel_button.clicked.connect(lambda: self.move_to("cancelled"))
        self.action_buttons = {"issued": self.issue_button, "paid": self.paid_button, "cancelled": self.cancel_button}
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.pdf_button)
        bar.addSpacing(16)
        for button in self.action_buttons.values():
            bar.addWidget(button)
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
        self._selection()

    def fetch(self):
        return self.ctx.api.list("invoices", customer_id=self.customer_id, limit=100, sort="-number")

    def show_data(self, data) -> None:
        fill_table(self.table, data["results"], lambda i: [
            str(i["number"]), when(i.get("issued_at") or i.get("created_at")),
            money(i.get("total"), i.get("currency", "ILS")), i.get("status_label", ""), allocation_cell(i)])
        if self.table.currentRow() < 0 and self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        self._selection()

    def _selection(self) -> None:
        invoice = selected_row(self.table)
        allowed = NEXT.get(invoice["status"], set()) if invoice else set()
        for status, button in self.action_buttons.items():
            button.setEnabled(status in allowed)
        self.pdf_button.setEnabled(invoice is not None)
        text = allocation_text(invoice) if invoice else ""
        self.allocation_label.setText(text)
        self.allocation.setVisible(bool(text))
        self.retry_button.setVisible(bool(invoice) and invoice["status"] == "awaiting_allocation")

    # -- live ----------------------------------------------------------------------------
    def upsert(self, invoice: dict) -> None:
        """An invoice as `invoice:updated` (or an action's answer) has it: its row changed in
        place, the selection kept; one not listed yet (new) brings the list again."""
        rows = (self.data or {}).get("results") if isinstance(self.data, dict) else None
        if rows is None or not any(row["id"] == invoice["id"] for row in rows):
            return self.reload()
        self.data["results"] = [invoice if row["id"] == invoice["id"] else row for row in rows]
        self.show_data(self.data)
        self.loaded.emit()

    def retry_allocation(self) -> None:
        invoice = selected_row(self.table)
        if invoice is None or invoice["status"] != "awaiting_allocation":
            return
        api, path = self.ctx.api, f"/api/crm/invoices/{invoice['id']}/allocate"

        def asked(answer: dict) -> None:
            if isinstance(answer, dict) and answer.get("id") == invoice["id"]:
                self.upsert(answer)
            else:
                self.reload()
            self.say(self.tr("הבקשה נשלחה שוב לרשות המסים."))

        def failed(error: BaseException) -> None:
            self.say(error_text(error), error=True)
            self.reload()  # 409 not_awaiting: it got its number (or was cancelled) meanwhile

        self.say(self.tr("פונה לרשות המסים…"))
        self.act(lambda: api.post(path, {}), asked, failed, busy=self.retry_button)

    # -- the selected invoice's next step ------------------------------------------------
    def _question(self, status: str, invoice: dict) -> tuple[str, str, str]:
        """(title, text, the yes button) of the question asked before `status`."""
        number = invoice["number"]
        total = money(invoice.get("total"), invoice.get("currency", "ILS"))
        if status == "issued":
            return (self.tr("הפקת חשבונית"),
                    self.tr("להפיק את חשבונית {0} על סך {1}? אחרי ההפקה אי אפשר לערוך אותה.").format(number, total),
                    self.tr("הפקה"))
        if status == "paid":
            return (self.tr("סימון כשולמה"),
                    self.tr("לסמן שחשבונית {0} על סך {1} שולמה? אי אפשר לבטל את הסימון.").format(number, total),
                    self.tr("סימון כשולמה"))
        return (self.tr("ביטול חשבונית"),
                self.tr("לבטל את חשבונית {0}? חשבונית שבוטלה אינה נמחקת: היא נשארת ברשימה עם המספר שלה, "
                        "כפי שמחייב ניהול ספרים בישראל, ומסומנת כבוטלה. אי אפשר לבטל את הביטול.").format(number),
                self.tr("ביטול החשבונית"))

    def move_to(self, status: str) -> None:
        """Issue, mark paid or cancel the selected invoice, once the agent said yes."""
        invoice = selected_row(self.table)
        if invoice is None:
            return self.say(self.tr("בחרו חשבונית ברשימה."), error=True)
        if status not in NEXT.get(invoice["status"], set()):
            return
        title, text, yes = self._question(status, invoice)
        if not self.confirm(self, title, text, yes=yes, no=self.tr("חזרה"), danger=status == "cancelled"):
            return
        api, path = self.ctx.api, f"/api/crm/invoices/{invoice['id']}"

        def call() -> dict:
            if status == "cancelled":  # its own route: an invoice is cancelled, never deleted
                return api.post(f"{path}/cancel", {})
            return api.request("PATCH", path, json={"status": status})

        self.say(self.tr("מעדכן…"))
        self.act(call, self._moved, self._move_failed, busy=self.action_buttons[status])

    def _moved(self, invoice: dict) -> None:
        done = {"issued": self.tr("חשבונית {0} הופקה."), "paid": self.tr("חשבונית {0} סומנה כשולמה."),
                "cancelled": self.tr("חשבונית {0} בוטלה; היא נשארת ברשימה עם המספר שלה."),
                "awaiting_allocation": self.tr("חשבונית {0} הופקה וממתינה למספר הקצאה מרשות המסים.")}
        self.say(done.get(invoice["status"], self.tr("חשבונית {0} עודכנה.")).format(invoice["number"]))
        self.reload()

    def _move_failed(self, error: BaseException) -> None:
        if isinstance(error, ApiError) and error.status == 409:  # invalid_transition, invoice_changed
            self.say(self.tr("החשבונית השתנתה בינתיים, ולכן דבר לא עודכן. הרשימה רועננה."), error=True)
            self.reload()
        else:
            self.say(error_text(error), error=True)

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
        done = self.tr("חשבונית {0} נוצרה: {1}").format(invoice["number"], money(invoice["total"]))
        if invoice.get("status") == "awaiting_allocation":  # a B2B invoice above the threshold
            done += " " + self.tr("היא ממתינה למספר הקצאה מרשות המסים.")
        self.say(done)
        self.reload()
