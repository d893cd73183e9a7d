"""The agent's own profile: their name, the phone click-to-call rings first, and a new
password (with the current one). Admins also get a second tab to manage the business's users
and Twilio numbers (desktop/views/users.py).

`ProfileDialog.ask(api, tasks, user=...)` runs it and returns the user as the server last
answered (`PATCH /auth/me`), or None when nothing was saved. Every call runs on the task
pool; while one runs the save button is disabled and a line says what is happening.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.api import Api, ApiError
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.views.card.base import ltr
from desktop.views.privacy_settings import PrivacyPanel
from desktop.views.users import MIN_PASSWORD, UsersPanel
from desktop.widgets.section import section_title


class ProfileDialog(QDialog):
    loaded = Signal()  # the profile arrived from the server (or failed to)
    saved = Signal(dict)  # the user as the server answered a save
    save_failed = Signal(str)  # the Hebrew sentence shown

    def __init__(self, api: Api, tasks: TaskManager, *, user: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.tasks = api, tasks
        self.user: dict = dict(user or {})
        self.result_user: dict | None = None  # what ask() returns
        self.setWindowTitle(self.tr("AgentLocator – הפרופיל שלי"))
        self.setMinimumWidth(620)

        title = QLabel(self.tr("הפרופיל שלי"))
        title.setProperty("role", "title")
        self.identity = QLabel()
        self.identity.setProperty("role", "muted")

        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.email = QLabel()
        self.email.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phone = QLineEdit()
        self.phone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.phone.setPlaceholderText("054-1234567")
        self.phone.setMaxLength(32)
        phone_help = QLabel(self.tr("כשלוחצים „התקשרות” בכרטיס לקוח, הטלפון הזה מצלצל קודם; כשעונים, "
                                    "השיחה עוברת ללקוח. אפשר להקליד בכל צורה: {0} או {1}.").format(
                                        ltr("054-1234567"), ltr("+972 54 123 4567")))
        phone_help.setProperty("role", "muted")
        phone_help.setWordWrap(True)
        details = QFormLayout()
        details.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        details.addRow(self.tr("שם"), self.name)
        details.addRow(self.tr("אימייל"), self.email)
        details.addRow(self.tr("הטלפון שלי"), self.phone)
        details.addRow("", phone_help)

        self.current_password = QLineEdit()
        self.new_password = QLineEdit()
        self.repeat_password = QLineEdit()
        for field in (self.current_password, self.new_password, self.repeat_password):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(1024)
        self.new_password.setPlaceholderText(self.tr("לפחות {0} תווים").format(MIN_PASSWORD))
        password_help = QLabel(self.tr("אחרי החלפת הסיסמה, החיבורים שלך במחשבים ובדפדפנים אחרים יתנתקו; "
                                       "החיבור הזה יישאר פעיל."))
        password_help.setProperty("role", "muted")
        password_help.setWordWrap(True)
        passwords = QFormLayout()
        passwords.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        passwords.addRow(self.tr("הסיסמה הנוכחית"), self.current_password)
        passwords.addRow(self.tr("סיסמה חדשה"), self.new_password)
        passwords.addRow(self.tr("הסיסמה החדשה שוב"), self.repeat_password)
        passwords.addRow("", password_help)
        self.fields = {"name": self.name, "phone": self.phone, "current_password": self.current_password,
                       "new_password": self.new_password, "repeat_password": self.repeat_password}

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.save_button = QPushButton(self.tr("שמירה"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)  # until the profile arrived

        mine = QWidget()
        mine_layout = QVBoxLayout(mine)
        mine_layout.setContentsMargins(16, 16, 16, 16)
        mine_layout.setSpacing(10)
        mine_layout.addWidget(section_title(self.tr("הפרטים שלי")))
        mine_layout.addLayout(details)
        line = QFrame()
        line.setFixedHeight(1)
        line.setStyleSheet(f"background: {theme.tokens()['border']};")
        mine_layout.addWidget(line)
        mine_layout.addWidget(section_title(self.tr("החלפת סיסמה")))
        mine_layout.addLayout(passwords)
        mine_layout.addStretch(1)
        mine_layout.addWidget(self.status)
        save_row = QDialogButtonBox()
        save_row.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        mine_layout.addWidget(save_row)

        self.tabs = QTabWidget()
        self.tabs.addTab(mine, self.tr("הפרופיל שלי"))
        self.users: UsersPanel | None = None
        self.privacy: PrivacyPanel | None = None
        if self.user.get("role") == "admin":
            self._add_admin_tabs()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("סגירה"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addWidget(title)
        layout.addWidget(self.identity)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._show_user(self.user)
        self.load()

    # -- loading -------------------------------------------------------------------------
    def load(self) -> None:
        self._tell(self.tr("טוען את הפרופיל…"))
        self.tasks.run(lambda: self.api.get("/auth/me")["user"], self._loaded, self._load_failed, owner=self)

    def _loaded(self, user: dict) -> None:
        self._show_user(user)
        if self.users is None and self.user.get("role") == "admin":  # opened without knowing who
            self._add_admin_tabs()
        self._tell("")
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def _add_admin_tabs(self) -> None:
        self.users = UsersPanel(self.api, self.tasks, own_id=self.user.get("id"))
        self.tabs.addTab(self.users, self.tr("משתמשים ומספרים"))
        self.privacy = PrivacyPanel(self.api, self.tasks)
        self.tabs.addTab(self.privacy, self.tr("פרטיות ושמירת מידע"))

    def _load_failed(self, error: BaseException) -> None:
        self._tell(self.tr("לא ניתן לטעון את הפרופיל: {0}").format(
            error.message if isinstance(error, ApiError) else error), error=True)
        self.loaded.emit()

    def _show_user(self, user: dict) -> None:
        self.user = {**self.user, **user}
        self.name.setText(self.user.get("name") or "")
        self.email.setText(ltr(self.user.get("email")))
        self.phone.setText(self.user.get("phone_display") or self.user.get("phone") or "")
        roles = {"admin": self.tr("מנהל/ת המשרד"), "agent": self.tr("סוכן/ת")}
        self.identity.setText(roles.get(self.user.get("role") or "", ""))

    # -- saving --------------------------------------------------------------------------
    def changes(self) -> dict:
        """What differs from the saved profile, as `PATCH /auth/me` takes it."""
        changes: dict = {}
        name = self.name.text().strip()
        if name != (self.user.get("name") or ""):
            changes["name"] = name
        phone = self.phone.text().strip()
        if phone != (self.user.get("phone_display") or self.user.get("phone") or ""):
            changes["phone"] = phone
        if self.current_password.text() or self.new_password.text() or self.repeat_password.text():
            changes["current_password"] = self.current_password.text()
            changes["new_password"] = self.new_password.text()
        return changes

    def validate(self, changes: dict) -> tuple[str, str] | None:
        """(the field, a Hebrew sentence) for the first problem seen here, before any request."""
        if "name" in changes and not changes["name"]:
            return "name", self.tr("יש להזין שם.")
        if "new_password" in changes:
            if not changes["current_password"]:
                return "current_password", self.tr("כדי להחליף סיסמה יש להקליד את הסיסמה הנוכחית.")
            if len(changes["new_password"]) < MIN_PASSWORD:
                return "new_password", self.tr("הסיסמה החדשה קצרה מדי: לפחות {0} תווים.").format(MIN_PASSWORD)
            if changes["new_password"] != self.repeat_password.text():
                return "repeat_password", self.tr("הסיסמה החדשה והאימות שלה אינם זהים.")
        return None

    def save(self) -> None:
        changes = self.changes()
        self._mark(None)
        if not changes:
            return self._tell(self.tr("אין שינויים לשמירה."))
        problem = self.validate(changes)
        if problem:
            self._mark(problem[0])
            self._tell(problem[1], error=True)
            self.save_failed.emit(problem[1])
            return
        body = changes
        self._tell(self.tr("שומר…"))
        self.save_button.setEnabled(False)
        self.tasks.run(lambda: self.api.request("PATCH", "/auth/me", json=body)["user"],
                       lambda user: self._saved(user, password="new_password" in body), self._save_failed,
                       owner=self)

    def _saved(self, user: dict, *, password: bool) -> None:
        self.save_button.setEnabled(True)
        for field in (self.current_password, self.new_password, self.repeat_password):
            field.clear()
        self._show_user(user)
        self.result_user = dict(self.user)
        done = self.tr("הפרטים נשמרו.")
        if password:
            done += " " + self.tr("הסיסמה הוחלפה, והחיבורים שלך במקומות אחרים נותקו.")
        if user.get("phone_display"):
            done += " " + self.tr("שיחות מהכרטיס יצלצלו קודם אל {0}.").format(ltr(user["phone_display"]))
        self._tell(done)
        self.saved.emit(dict(self.user))

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        field, message = self.explain(error)
        self._mark(field)
        self._tell(message + " " + self.tr("דבר לא נשמר."), error=True)
        self.save_failed.emit(message)

    def explain(self, error: BaseException) -> tuple[str | None, str]:
        if not isinstance(error, ApiError):
            return None, self.tr("שגיאה לא צפויה: {0}").format(error)
        known = {
            "invalid_phone": ("phone", self.tr("מספר הטלפון אינו תקין. לדוגמה: 054-1234567.")),
            "wrong_password": ("current_password", self.tr("הסיסמה הנוכחית שגויה.")),
            "weak_password": ("new_password",
                              self.tr("הסיסמה החדשה קצרה מדי: לפחות {0} תווים.").format(MIN_PASSWORD)),
            "current_password_required": ("current_password", self.tr("יש להקליד את הסיסמה הנוכחית.")),
            "invalid_name": ("name", self.tr("יש להזין שם.")),
            "too_many_attempts": ("current_password",
                                  self.tr("יותר מדי ניסיונות עם סיסמה שגויה. נסו שוב בעוד כמה דקות.")),
            "validation_error": (None, self.tr("הפרטים אינם תקינים.")),
        }
        if error.code in known:
            return known[error.code]
        return None, error.message

    def _mark(self, field: str | None) -> None:
        for key, widget in self.fields.items():
            widget.setStyleSheet("border: 1px solid #c62828;" if key == field else "")
        if field in self.fields:
            self.fields[field].setFocus()

    def _tell(self, text: str, *, error: bool = False) -> None:
        show_status(self.status, text, error=error)

    @classmethod
    def ask(cls, api: Api, tasks: TaskManager, *, user: dict | None = None,
            parent: QWidget | None = None) -> dict | None:
        dialog = cls(api, tasks, user=user, parent=parent)
        dialog.exec()
        return dialog.result_user
