"""The login dialog: server address (first run), email, password. `LoginDialog.ask()` returns
a logged-in `Session`, or None when the agent cancels. Logging in runs on the task pool: the
window stays responsive and an unreachable server shows a Hebrew message. When the address
is known, the dialog also asks the server whether a newer client is out (a banner on top)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import updates
from desktop.api import Api, ApiError, Session
from desktop.server_address import normalize
from desktop.tasks import TaskManager
from desktop.widgets.update_banner import UpdateBanner

ApiFactory = Callable[[str], Api]


class LoginDialog(QDialog):
    def __init__(self, tasks: TaskManager, *, server_url: str = "", email: str = "",
                 api_factory: ApiFactory = Api, check_updates: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.api_factory = api_factory
        self.session: Session | None = None
        self._api: Api | None = None
        self.setWindowTitle(self.tr("AgentLocator – התחברות"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("ברוכים הבאים ל-AgentLocator"))
        title.setProperty("role", "title")
        subtitle = QLabel(self.tr("התחברו עם חשבון המשרד שלכם."))
        subtitle.setProperty("role", "muted")

        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://crm.example.co.il")
        self.server.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.email = QLineEdit(email)
        self.email.setPlaceholderText("name@office.co.il")
        self.email.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("כתובת השרת"), self.server)
        form.addRow(self.tr("אימייל"), self.email)
        form.addRow(self.tr("סיסמה"), self.password)
        # The address is asked on the first run; later it is shown only when it has to change.
        self._server_row_visible = not server_url
        form.setRowVisible(self.server, self._server_row_visible)
        self.form = form

        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("התחברות"))
        self.login_button.setProperty("primary", True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ביטול"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self.update_banner = UpdateBanner()
        self.update_banner.shown.connect(self.adjustSize)
        if server_url and check_updates:
            self.ask_for_updates(server_url)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.update_banner)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.email if self.server.text() and not self.email.text() else
         self.password if self.server.text() else self.server).setFocus()

    def ask_for_updates(self, server_url: str) -> None:
        """Whether the server offers a newer client (the banner on top); on the task pool."""
        api = self.api_factory(normalize(server_url))

        def ask() -> updates.Update | None:
            try:
                return updates.available(api)
            finally:
                api.close()

        self.update_banner.check(self.tasks, ask)

    @property
    def busy(self) -> bool:
        return not self.login_button.isEnabled()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def submit(self) -> None:
        server = normalize(self.server.text())
        email, password = self.email.text().strip(), self.password.text()
        if not server:
            self.form.setRowVisible(self.server, True)
            return self.show_error(self.tr("יש להזין את כתובת השרת."))
        if not email or not password:
            return self.show_error(self.tr("יש להזין אימייל וסיסמה."))
        self.error.hide()
        self.login_button.setEnabled(False)
        self.login_button.setText(self.tr("מתחבר…"))
        api = self.api_factory(server)
        self._api = api
        self.tasks.run(lambda: api.login(email, password), self._logged_in, self._failed, owner=self)

    def _logged_in(self, user: dict) -> None:
        self.session = Session(api=self._api, user=user)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.login_button.setText(self.tr("התחברות"))
        if self._api is not None:
            self._api.close()
            self._api = None
        message = error.message if isinstance(error, ApiError) else self.tr("שגיאה לא צפויה: {0}").format(error)
        self.show_error(message)
        if isinstance(error, ApiError) and error.status is None:
            self.form.setRowVisible(self.server, True)  # the address may be wrong: let it be fixed

    @classmethod
    def ask(cls, tasks: TaskManager, *, server_url: str = "", email: str = "", api_factory: ApiFactory = Api,
            parent: QWidget | None = None) -> Session | None:
        dialog = cls(tasks, server_url=server_url, email=email, api_factory=api_factory, parent=parent)
        return dialog.session if dialog.exec() == QDialog.DialogCode.Accepted else None
