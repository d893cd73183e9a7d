"""The app's one flow, from login to logout and back: the login dialog (unless a saved session
resumed), then the main window; logging out (or cancelling the login-again dialog of an ended
session) drops that window and shows the login dialog again, with the server address and the
email remembered. Cancelling the login dialog ends the app (`finished`).

Non-blocking (the login dialog is shown, not exec'd), so tests drive the same flow as
`python -m desktop`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal

from desktop import server_address
from desktop.api import Session
from desktop.tasks import TaskManager
from desktop.views.login import LoginDialog


class Launcher(QObject):
    finished = Signal()  # the agent cancelled the login: quit
    window_shown = Signal(object)  # the new main window

    def __init__(self, tasks: TaskManager, settings: QSettings, server: str, *,
                 window_factory: Callable[[Session, TaskManager], object]) -> None:
        super().__init__()
        self.tasks, self.settings, self.server = tasks, settings, server
        self.window_factory = window_factory
        self.window = None
        self.login: LoginDialog | None = None

    def start(self, session: Session | None = None) -> None:
        if session is None:
            self.ask_login()
        else:
            self._open(session)

    def ask_login(self) -> None:
        dialog = LoginDialog(self.tasks, server_url=self.server, email=str(self.settings.value("email", "") or ""))
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.rejected.connect(lambda: self._cancelled(dialog))
        self.login = dialog
        dialog.setModal(True)  # as exec() would, without its nested event loop
        dialog.show()

    def _logged_in(self, dialog: LoginDialog) -> None:
        self.login = None
        dialog.deleteLater()
        self._open(dialog.session)

    def _cancelled(self, dialog: LoginDialog) -> None:
        self.login = None
        dialog.deleteLater()
        self.finished.emit()

    def _open(self, session: Session) -> None:
        self.server = session.api.base_url
        server_address.remember(self.settings, self.server)
        self.settings.setValue("email", session.user.get("email", ""))
        self.settings.sync()
        window = self.window_factory(session, self.tasks)
        window.logged_out.connect(lambda: self._logged_out(window))
        self.window = window
        window.show()
        self.window_shown.emit(window)

    def _logged_out(self, window) -> None:
        # The window goes with everything it held: the table's pages, the bridge and its
        # alerts, the cards' data (calls still running find their owner gone and are dropped).
        if self.window is window:
            self.window = None
        window.deleteLater()
        self.ask_login()
