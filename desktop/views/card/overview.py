"""Overview: the customer's details, editing them (one PATCH: all saved or nothing), and the
quick actions: call, WhatsApp, new task."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import ApiError
from desktop.display import options, when
from desktop.views.card.base import CardTab, error_text, ltr

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class OverviewTab(CardTab):
    call_requested = Signal()
    whatsapp_requested = Signal()
    new_task_requested = Signal()
    customer_changed = Signal(dict)  # saved here, or updated elsewhere (customer:updated)
    profile_requested = Signal()  # the agent wants to set their own phone (a call found none)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.empty_text = self.tr("הלקוח לא נמצא.")
        super().__init__(ctx, parent)
        self.customer: dict = {}
        self.users: list[dict] = []
        self.editing = False

        self.call_button = QToolButton()
        self.whatsapp_button = QPushButton(self.tr("וואטסאפ"))
        self.whatsapp_button.clicked.connect(self.whatsapp_requested)
        self.task_button = QPushButton(self.tr("משימה חדשה"))
        self.task_button.clicked.connect(self.new_task_requested)
        actions = QHBoxLayout()
        actions.addWidget(self.call_button)
        actions.addWidget(self.whatsapp_button)
        actions.addWidget(self.task_button)
        actions.addStretch()

        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.phone.setPlaceholderText("050-1234567")
        self.email = QLineEdit()
        self.email.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.email.setPlaceholderText("name@example.co.il")
        self.status = QComboBox()
        for text, key in options("customer_status"):
            self.status.addItem(text, key)
        self.owner = QComboBox()
        self.tax_id = QLineEdit()
        self.tax_id.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.tax_id.setMaxLength(20)  # dashes and spaces as people type them; the server keeps 9 digits
        self.tax_id.setToolTip(self.tr("מספר חברה (ח.פ.), עוסק מורשה (ע.מ.) או תעודת זהות: 9 ספרות"))
        self.created = QLabel()
        self.last_contact = QLabel()
        self.fields = {"name": self.name, "phone": self.phone, "email": self.email, "status": self.status,
                       "owner_id": self.owner, "tax_id": self.tax_id}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("שם"), self.name)
        form.addRow(self.tr("טלפון"), self.phone)
        form.addRow(self.tr("אימייל"), self.email)
        form.addRow(self.tr("סטטוס"), self.status)
        form.addRow(self.tr("אחראי"), self.owner)
        form.addRow(self.tr("ח.פ. / ע.מ."), self.tax_id)
        form.addRow(self.tr("נוצר"), self.created)
        form.addRow(self.tr("קשר אחרון"), self.last_contact)

        self.edit_button = QPushButton(self.tr("עריכה"))
        self.edit_button.clicked.connect(lambda: self.set_editing(True))
        self.save_button = QPushButton(self.tr("שמירה"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("ביטול"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()

        # Under the notice, after a call failed for want of the agent's own phone.
        self.profile_button = QPushButton(self.tr("הגדרת הטלפון שלי בפרופיל"))
        self.profile_button.clicked.connect(self.profile_requested)
        self.profile_button.hide()
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_button)
        profile_row.addStretch()
        self.layout_.insertLayout(self.layout_.indexOf(self.notice) + 1, profile_row)

        # An erased customer (contract 19): the card says so instead of offering its details to edit.
        self.erased_notice = QLabel(self.tr("המידע האישי של הלקוח נמחק"))
        self.erased_notice.setObjectName("erasedNotice")
        self.erased_notice.setProperty("role", "error")
        self.erased_notice.setWordWrap(True)
        self.erased_notice.hide()

        self.actions = actions  # the card adds the admins' privacy actions here
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.erased_notice)
        layout.addLayout(actions)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch()
        self.set_editing(False)

    def fetch(self):
        api = self.ctx.api
        customer = api.get(f"/api/crm/customers/{self.customer_id}")
        try:
            users = api.list("users", limit=200)["results"]
        except ApiError:
            users = []  # owners show by number only
        return {"customer": customer, "users": users}

    def is_empty(self, data) -> bool:
        return not data.get("customer")

    def show_data(self, data) -> None:
        self.users = data["users"]
        self.show_customer(data["customer"])

    def show_customer(self, customer: dict) -> None:
        """Show the saved customer; an edit in progress keeps the agent's values."""
        self.customer = customer
        rlm = "\u200f"  # a date alone would line up left to right, away from its Hebrew label
        self.created.setText(rlm + when(customer.get("created_at")))
        self.last_contact.setText(rlm + (when(customer.get("last_contact_at")) or self.tr("אין עדיין")))
        erased = bool(customer.get("erased_at"))
        self.erased_notice.setVisible(erased)
        # An example where the details were erased would read as the customer's own.
        self.phone.setPlaceholderText("" if erased else "050-1234567")
        self.email.setPlaceholderText("" if erased else "name@example.co.il")
        if erased:
            self.erased_notice.setText(self.tr("המידע האישי של הלקוח נמחק") + " · " + when(customer["erased_at"]))
            if self.editing:
                self.set_editing(False)
        self.edit_button.setEnabled(not erased)
        self.whatsapp_button.setEnabled(not erased)  # no phone is left to write to
        if not self.editing:
            self._fill()
        self.customer_changed.emit(customer)

    def _fill(self) -> None:
        c = self.customer
        self.name.setText(c.get("name") or "")
        self.phone.setText(c.get("phone_display") or c.get("phone") or "")
        self.email.setText(c.get("email") or "")
        self.tax_id.setText(c.get("tax_id") or "")
        self.status.setCurrentIndex(max(0, self.status.findData(c.get("status"))))
        self.owner.clear()
        self.owner.addItem(self.tr("ללא"), None)
        for user in self.users:
            self.owner.addItem(user.get("name") or user.get("email") or str(user["id"]), user["id"])
        if c.get("owner_id") and self.owner.findData(c["owner_id"]) < 0:
            self.owner.addItem(self.tr("משתמש {0}").format(c["owner_id"]), c["owner_id"])
        self.owner.setCurrentIndex(max(0, self.owner.findData(c.get("owner_id"))))

    # -- editing -------------------------------------------------------------------------
    def set_editing(self, on: bool) -> None:
        self.editing = on
        for widget in (self.name, self.phone, self.email, self.tax_id):
            widget.setReadOnly(not on)
        self.status.setEnabled(on)
        self.owner.setEnabled(on)
        self.edit_button.setVisible(not on)
        self.save_button.setVisible(on)
        self.cancel_button.setVisible(on)
        if on:
            self.name.setFocus()
        self._mark(None)

    def cancel(self) -> None:
        self.set_editing(False)
        self._fill()
        self.say("")

    def changes(self) -> dict:
        values = {"name": self.name.text().strip(), "phone": self.phone.text().strip() or None,
                  "email": self.email.text().strip() or None, "status": self.status.currentData(),
                  "owner_id": self.owner.currentData(), "tax_id": self.tax_id.text().strip()}
        c = self.customer
        saved = {"name": c.get("name") or "", "phone": c.get("phone_display") or c.get("phone") or None,
                 "email": c.get("email") or None, "status": c.get("status"), "owner_id": c.get("owner_id"),
                 "tax_id": c.get("tax_id") or ""}
        return {key: value for key, value in values.items() if value != saved[key]}

    def validate(self, changes: dict) -> tuple[str, str] | None:
        if "name" in changes and not changes["name"]:
            return "name", self.tr("יש להזין שם.")
        if changes.get("email") and not EMAIL.match(changes["email"]):
            return "email", self.tr("כתובת האימייל אינה תקינה (לדוגמה: name@example.co.il).")
        return None

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.set_editing(False)
            return
        problem = self.validate(changes)
        if problem:
            self._mark(problem[0])
            return self.say(problem[1], error=True)
        self.say(self.tr("שומר…"))
        api, path = self.ctx.api, f"/api/crm/customers/{self.customer_id}"
        self.act(lambda: api.request("PATCH", path, json=changes), self._saved, self._save_failed,
                 busy=self.save_button)

    def _saved(self, customer: dict) -> None:
        self.set_editing(False)
        self.show_customer(customer)
        self._fill()
        self.say(self.tr("הפרטים נשמרו."))

    def _save_failed(self, error: BaseException) -> None:
        field, message = self.explain(error)
        self._mark(field)
        self.say(message + " " + self.tr("דבר לא נשמר."), error=True)

    def explain(self, error: BaseException) -> tuple[str | None, str]:
        names = {"name": self.tr("שם"), "phone": self.tr("טלפון"), "email": self.tr("אימייל"),
                 "status": self.tr("סטטוס"), "owner_id": self.tr("אחראי"), "tax_id": self.tr("ח.פ. / ע.מ.")}
        if not isinstance(error, ApiError):
            return None, error_text(error)
        if error.code == "invalid_phone":
            return "phone", self.tr("מספר הטלפון אינו תקין.")
        if error.code == "phone_taken":
            return "phone", self.tr("מספר הטלפון הזה כבר שייך ללקוח אחר.")
        if error.code == "invalid_tax_id":
            return "tax_id", self.tr("מספר ח.פ. / ע.מ. אינו תקין: 9 ספרות, האחרונה ספרת ביקורת.")
        if error.code == "validation_error":
            for item in error.details.get("fields", []):
                field = next((part for part in reversed(item.get("loc", [])) if part in names), None)
                if field:
                    return field, self.tr("הערך בשדה „{0}” אינו תקין.").format(names[field])
            return None, self.tr("הפרטים אינם תקינים.")
        return None, error.message

    def _mark(self, field: str | None) -> None:
        for key, widget in self.fields.items():
            widget.setStyleSheet("border: 1px solid #c62828;" if key == field else "")


def header_text(customer: dict) -> str:
    phone = customer.get("phone_display") or customer.get("phone")
    parts = (customer.get("status_label"), ltr(phone), ltr(customer.get("email")))
    return " · ".join(part for part in parts if part)
