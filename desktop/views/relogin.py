"""When the session ends for good (the refresh token expired or was revoked), ask the agent to
log in again over the window, then carry on where they were.

The API client tells its listeners from a worker thread; a queued signal brings that to the UI
thread, where one login dialog (never two) opens window-modal and non-blocking. A successful
login hands its session to the window's own API client (`Api.adopt`), so the table, the cards
and the realtime bridge continue with it: `resumed` fires and the table reloads. Cancelling
logs out as the toolbar button does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from desktop.api import Api
from desktop.views.login import LoginDialog


class SessionGuard(QObject):
    expired = Signal()  # emitted on any thread; handled on the UI thread
    resumed = Signal()

    def __init__(self, window, *, api_factory=Api) -> None:
        super().__init__(window)
        self.window = window
        self.api: Api = window.session.api
        self.api_factory = api_factory
        self.dialog: LoginDialog | None = None
        self.detached = False
        self.expired.connect(self.ask, Qt.ConnectionType.QueuedConnection)
        self._listener = self.expired.emit
        self.api.session_expired_listeners.append(self._listener)

    def detach(self) -> None:
        """Logging out: ask no more (calls that failed before may still have news queued); a
        login dialog still open closes without logging out again."""
        self.detached = True
        if self._listener in self.api.session_expired_listeners:
            self.api.session_expired_listeners.remove(self._listener)
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.accepted.disconnect(self._logged_in)
            dialog.rejected.disconnect(self._cancelled)
            dialog.close()
            dialog.deleteLater()

    def ask(self) -> None:
        if self.dialog is not None or self.detached:
            return  # several calls failed at once: one dialog
        dialog = LoginDialog(self.window.tasks, server_url=self.api.base_url,
                             email=str(self.window.session.user.get("email", "")), api_factory=self.api_factory,
                             parent=self.window)
        dialog.setWindowTitle(dialog.tr("AgentLocator – החיבור פג"))
        dialog.show_error(dialog.tr("החיבור לשרת פג. התחברו שוב כדי להמשיך מאותה נקודה."))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(self._logged_in)
        dialog.rejected.connect(self._cancelled)
        self.dialog = dialog
        dialog.open()

    def _logged_in(self) -> None:
        dialog, self.dialog = self.dialog, None
        fresh = dialog.session.api
        self.api.adopt(fresh)
        if fresh is not self.api:
            fresh.close()
        self.window.session.user = dialog.session.user or self.window.session.user
        dialog.deleteLater()
        self.resumed.emit()

    def _cancelled(self) -> None:
        dialog, self.dialog = self.dialog, None
        dialog.deleteLater()
        self.window.logout()
