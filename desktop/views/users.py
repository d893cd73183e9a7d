"""The business's users and Twilio numbers, as its admins manage them (the profile dialog's
second tab): add a user, change a role, disable or enable, reset a password; add and remove
the numbers callers dial. Over `/api/crm/users` and `/api/business/numbers`; every call on the
task pool, every irreversible step asked first (`confirm`, `ask_password`: tests replace them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.api import Api, ApiError
from desktop.display import when
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.views.card.base import fill_table, ltr, make_table, selected_row
from desktop.widgets.confirm import confirm
from desktop.widgets.section import section_title

MIN_PASSWORD = 10  # server/auth/service.py MIN_PASSWORD


def ask_password(parent: QWidget, title: str, text: str) -> str | None:
    """A new password typed by the admin (hidden), or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
    return value if ok else None


class UsersPanel(QWidget):
    loaded = Signal()  # users and numbers arrived (or failed to)
    changed = Signal(str)  # an action the server confirmed: "user_added", "role", "active", "password", ...

    def __init__(self, api: Api, tasks: TaskManager, *, own_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.tasks, self.own_id = api, tasks, own_id
        self.confirm = confirm
        self.ask_password = ask_password
        self.roles = {"admin": self.tr("מנהל/ת"), "agent": self.tr("סוכן/ת")}

        users_title = section_title(self.tr("משתמשים"))
        self.users = make_table([self.tr("שם"), self.tr("אימייל"), self.tr("תפקיד"), self.tr("טלפון"),
                                 self.tr("מצב")])
        self.users.itemSelectionChanged.connect(self._user_selection)
        self.add_user_button = QPushButton(self.tr("משתמש חדש"))
        self.add_user_button.clicked.connect(self.start_add_user)
        self.role_button = QPushButton(self.tr("שינוי תפקיד"))
        self.role_button.clicked.connect(self.toggle_role)
        self.active_button = QPushButton(self.tr("השבתה"))
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button = QPushButton(self.tr("איפוס סיסמה"))
        self.password_button.clicked.connect(self.reset_password)
        user_bar = QHBoxLayout()
        for button in (self.add_user_button, self.role_button, self.active_button, self.password_button):
            user_bar.addWidget(button)
        user_bar.addStretch()

        self.user_form = QFrame()
        self.user_form.setProperty("role", "notice")
        self.new_name = QLineEdit()
        self.new_email = QLineEdit()
        self.new_email.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.new_email.setPlaceholderText("name@office.co.il")
        self.new_role = QComboBox()
        for key in ("agent", "admin"):
            self.new_role.addItem(self.roles[key], key)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("סיסמה ראשונית, לפחות {0} תווים").format(MIN_PASSWORD))
        self.create_user_button = QPushButton(self.tr("הוספת המשתמש"))
        self.create_user_button.setProperty("primary", True)
        self.create_user_button.clicked.connect(self.add_user)
        cancel = QPushButton(self.tr("ביטול"))
        cancel.clicked.connect(self.user_form.hide)
        form = QFormLayout()
        form.addRow(self.tr("שם"), self.new_name)
        form.addRow(self.tr("אימייל"), self.new_email)
        form.addRow(self.tr("תפקיד"), self.new_role)
        form.addRow(self.tr("סיסמה ראשונית"), self.new_password)
        form_bar = QHBoxLayout()
        form_bar.addStretch()
        form_bar.addWidget(cancel)
        form_bar.addWidget(self.create_user_button)
        form_layout = QVBoxLayout(self.user_form)
        form_layout.addLayout(form)
        form_layout.addLayout(form_bar)
        self.user_form.hide()

        numbers_title = section_title(self.tr("המספרים של העסק"))
        numbers_help = QLabel(self.tr("המספרים ש-Twilio מפנה לכאן: שיחות אליהם מגיעות לעסק, ושיחות מהכרטיס "
                                      "יוצאות מהראשון שבהם."))
        numbers_help.setProperty("role", "muted")
        numbers_help.setWordWrap(True)
        self.numbers = make_table([self.tr("מספר"), self.tr("נוסף")])
        self.numbers.setMaximumHeight(150)
        self.numbers.itemSelectionChanged.connect(self._number_selection)
        self.number_input = QLineEdit()
        self.number_input.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.number_input.setPlaceholderText("03-5550100")
        self.add_number_button = QPushButton(self.tr("הוספת מספר"))
        self.add_number_button.clicked.connect(self.add_number)
        self.remove_number_button = QPushButton(self.tr("הסרת המספר"))
        self.remove_number_button.clicked.connect(self.remove_number)
        number_bar = QHBoxLayout()
        number_bar.addWidget(self.number_input, 1)
        number_bar.addWidget(self.add_number_button)
        number_bar.addWidget(self.remove_number_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(users_title)
        layout.addLayout(user_bar)
        layout.addWidget(self.user_form)
        layout.addWidget(self.users, 2)
        layout.addSpacing(8)
        layout.addWidget(numbers_title)
        layout.addWidget(numbers_help)
        layout.addWidget(self.numbers, 1)
        layout.addLayout(number_bar)
        layout.addWidget(self.status)
        self._user_selection()
        self._number_selection()
        self.reload()

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        api = self.api

        def fetch() -> dict:
            return {"users": api.list("users", limit=200, sort="name")["results"],
                    "numbers": api.get("/api/business/numbers", limit=200)["results"]}

        self.tasks.run(fetch, self._arrived, self._load_failed, owner=self)

    def _arrived(self, data: dict) -> None:
        fill_table(self.users, data["users"], lambda u: [
            u.get("name") or "", ltr(u["email"]), self.roles.get(u["role"], u["role"]),
            ltr(u.get("phone_display")) or self.tr("לא הוגדר"),
            self.tr("פעיל/ה") if u.get("is_active") else self.tr("מושבת/ת")])
        fill_table(self.numbers, data["numbers"], lambda n: [ltr(n["number_display"]), when(n["created_at"])])
        if self.users.currentRow() < 0 and self.users.rowCount():
            self.users.setCurrentCell(0, 0)
        self._user_selection()
        self._number_selection()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.tell(self.tr("לא ניתן לטעון את המשתמשים והמספרים: {0}").format(self._text(error)), error=True)
        self.loaded.emit()

    def select_user(self, user_id: int) -> bool:
        for row in range(self.users.rowCount()):
            if self.users.item(row, 0).data(Qt.ItemDataRole.UserRole)["id"] == user_id:
                self.users.setCurrentCell(row, 0)
                return True
        return False

    def _user_selection(self) -> None:
        user = selected_row(self.users)
        for button in (self.role_button, self.active_button, self.password_button):
            button.setEnabled(user is not None)
        if user is not None:
            self.role_button.setText(self.tr("הפיכה לסוכן/ת") if user["role"] == "admin"
                                     else self.tr("הפיכה למנהל/ת"))
            self.active_button.setText(self.tr("השבתה") if user["is_active"] else self.tr("הפעלה מחדש"))

    def _number_selection(self) -> None:
        self.remove_number_button.setEnabled(selected_row(self.numbers) is not None)

    # -- users ---------------------------------------------------------------------------
    def start_add_user(self) -> None:
        for field in (self.new_name, self.new_email, self.new_password):
            field.clear()
        self.new_role.setCurrentIndex(0)
        self.user_form.show()
        self.new_name.setFocus()

    def add_user(self) -> None:
        email, password = self.new_email.text().strip(), self.new_password.text()
        if "@" not in email:
            return self.tell(self.tr("יש להזין אימייל תקין."), error=True)
        if len(password) < MIN_PASSWORD:
            return self.tell(self.tr("הסיסמה הראשונית קצרה מדי: לפחות {0} תווים.").format(MIN_PASSWORD), error=True)
        body = {"name": self.new_name.text().strip(), "email": email, "role": self.new_role.currentData(),
                "password": password}

        def added(user: dict) -> None:
            self.user_form.hide()
            self.tell(self.tr("המשתמש {0} נוסף. מסרו לו את הסיסמה הראשונית; הוא יכול להחליף אותה בפרופיל שלו.")
                      .format(user.get("name") or ltr(user["email"])))
            self._reload_then(lambda: self.select_user(user["id"]))
            self.changed.emit("user_added")

        self._run(lambda: self.api.post("/api/crm/users", body), added, self.create_user_button)

    def _patch_user(self, user: dict, changes: dict, done: str, what: str, busy: QPushButton) -> None:
        def patched(_user: dict) -> None:
            self.tell(done)
            self._reload_then(lambda: self.select_user(user["id"]))
            self.changed.emit(what)

        path = f"/api/crm/users/{user['id']}"
        self._run(lambda: self.api.request("PATCH", path, json=changes), patched, busy)

    def _who(self, user: dict) -> str:
        return user.get("name") or ltr(user["email"])

    def toggle_role(self) -> None:
        user = selected_row(self.users)
        if user is None:
            return
        role = "agent" if user["role"] == "admin" else "admin"
        if not self.confirm(self, self.tr("שינוי תפקיד"),
                            self.tr("להפוך את {0} ל{1}?").format(self._who(user), self.roles[role]),
                            yes=self.tr("שינוי התפקיד"), no=self.tr("חזרה")):
            return
        self._patch_user(user, {"role": role}, self.tr("{0} הוא עכשיו {1}.").format(self._who(user), self.roles[role]),
                         "role", self.role_button)

    def toggle_active(self) -> None:
        user = selected_row(self.users)
        if user is None:
            return
        active = not user["is_active"]
        if not active and user["id"] == self.own_id:
            # The server would allow it while another admin remains, and end this very session.
            return self.tell(self.tr("אי אפשר להשבית את המשתמש שלך מכאן; מנהל/ת אחר/ת יכולים לעשות זאת."),
                             error=True)
        if not active and not self.confirm(
                self, self.tr("השבתת משתמש"),
                self.tr("להשבית את {0}? הוא יתנתק מיד מכל המחשבים ולא יוכל להתחבר עד שיופעל מחדש.")
                .format(self._who(user)), yes=self.tr("השבתה"), no=self.tr("חזרה"), danger=True):
            return
        done = (self.tr("{0} הופעל/ה מחדש.") if active else self.tr("{0} הושבת/ה ונותק/ה.")).format(self._who(user))
        self._patch_user(user, {"is_active": active}, done, "active", self.active_button)

    def reset_password(self) -> None:
        user = selected_row(self.users)
        if user is None:
            return
        password = self.ask_password(self, self.tr("איפוס סיסמה"),
                                     self.tr("סיסמה חדשה ל{0} (לפחות {1} תווים). החיבורים הקיימים שלו ינותקו.")
                                     .format(self._who(user), MIN_PASSWORD))
        if password is None:
            return
        if len(password) < MIN_PASSWORD:
            return self.tell(self.tr("הסיסמה קצרה מדי: לפחות {0} תווים.").format(MIN_PASSWORD), error=True)
        self._patch_user(user, {"password": password},
                         self.tr("הסיסמה של {0} אופסה. מסרו לו אותה בדרך בטוחה.").format(self._who(user)),
                         "password", self.password_button)

    # -- numbers -------------------------------------------------------------------------
    def add_number(self) -> None:
        number = self.number_input.text().strip()
        if not number:
            return self.tell(self.tr("יש להקליד מספר, לדוגמה 03-5550100."), error=True)

        def added(row: dict) -> None:
            self.number_input.clear()
            self.tell(self.tr("המספר {0} נוסף לעסק.").format(ltr(row["number_display"])))
            self._reload_then(lambda: None)
            self.changed.emit("number_added")

        self._run(lambda: self.api.post("/api/business/numbers", {"number": number}), added, self.add_number_button)

    def remove_number(self) -> None:
        row = selected_row(self.numbers)
        if row is None:
            return
        shown = ltr(row["number_display"])
        if not self.confirm(self, self.tr("הסרת מספר"),
                            self.tr("להסיר את {0} מהעסק? שיחות אליו לא יגיעו עוד לעסק.").format(shown),
                            yes=self.tr("הסרה"), no=self.tr("חזרה"), danger=True):
            return

        def removed(_none: Any) -> None:
            self.tell(self.tr("המספר {0} הוסר.").format(shown))
            self.numbers.setCurrentCell(-1, -1)
            self._reload_then(lambda: None)
            self.changed.emit("number_removed")

        path = f"/api/business/numbers/{row['id']}"
        self._run(lambda: self.api.request("DELETE", path), removed, self.remove_number_button)

    # -- plumbing ------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None], busy: QPushButton) -> None:
        busy.setEnabled(False)
        self.tell(self.tr("שומר…"))

        def finished(result: Any) -> None:
            busy.setEnabled(True)
            done(result)

        def failed(error: BaseException) -> None:
            busy.setEnabled(True)
            self.tell(self._text(error), error=True)

        self.tasks.run(fn, finished, failed, owner=self)

    def _reload_then(self, then: Callable[[], object]) -> None:
        def once() -> None:
            self.loaded.disconnect(once)
            then()

        self.loaded.connect(once)
        self.reload()

    def _text(self, error: BaseException) -> str:
        if not isinstance(error, ApiError):
            return self.tr("שגיאה לא צפויה: {0}").format(error)
        known = {
            "last_admin": self.tr("בעסק חייב להישאר לפחות מנהל/ת פעיל/ה אחד/ת, ולכן השינוי לא נשמר."),
            "email_taken": self.tr("כבר יש משתמש עם האימייל הזה."),
            "invalid_email": self.tr("האימייל אינו תקין."),
            "weak_password": self.tr("הסיסמה קצרה מדי: לפחות {0} תווים.").format(MIN_PASSWORD),
            "invalid_phone": self.tr("זה אינו מספר טלפון. לדוגמה: 03-5550100."),
            "number_taken": self.tr("המספר הזה כבר שייך לעסק אחר במערכת."),
            "number_exists": self.tr("המספר הזה כבר שייך לעסק."),
            "last_number": self.tr("זה המספר האחרון של העסק: בלעדיו מתקשרים לא יגיעו לאף אחד. הוסיפו קודם "
                                   "את המספר החדש, ואז הסירו את הישן."),
            "validation_error": self.tr("הפרטים אינם תקינים."),
        }
        return known.get(error.code or "", error.message)

    def tell(self, text: str, *, error: bool = False) -> None:
        show_status(self.status, text, error=error)
