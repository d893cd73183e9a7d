"""The server's address: the machine's (written by the installer), the user's own, --server."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop import paths, server_address
from desktop.__main__ import main
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.desktop.conftest import EMAIL

MACHINE = "https://crm.example.co.il"


def machine_config(home: Path, url: str, *, raw: bytes | None = None) -> Path:
    path = server_address.machine_config_path()
    assert path == home / "machine" / "desktop.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw if raw is not None else f"[server]\nurl={url}\n".encode())
    return path


def test_the_machine_config_file_is_in_etc_or_programdata(monkeypatch):
    monkeypatch.delenv(server_address.MACHINE_CONFIG_ENV)
    monkeypatch.setattr(sys, "platform", "linux")
    assert server_address.machine_config_path() == Path("/etc/agentlocator/desktop.conf")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"C:\ProgramData")
    assert server_address.machine_config_path() == Path(r"C:\ProgramData") / "AgentLocator" / "desktop.conf"


def test_the_machines_address_is_read_as_an_installer_may_write_it(home):
    assert server_address.machine_url() == ""  # no file: no address
    machine_config(home, "", raw=b"\xef\xbb\xbf[server]\r\nurl = https://crm.example.co.il/ \r\n")  # BOM, CRLF
    assert server_address.machine_url() == MACHINE
    machine_config(home, "crm.example.co.il")
    assert server_address.machine_url() == MACHINE  # no scheme: https, as when typed


def test_server_wins_then_the_users_own_then_the_machines(home):
    machine_config(home, MACHINE)
    settings = paths.settings()
    assert server_address.resolve(settings) == MACHINE
    server_address.remember(settings, "https://branch.example.co.il/")
    assert settings.value("server_url") == "https://branch.example.co.il"
    assert server_address.resolve(settings) == "https://branch.example.co.il"
    assert server_address.resolve(settings, cli="http://127.0.0.1:5000") == "http://127.0.0.1:5000"


def test_the_users_address_is_stored_only_while_it_differs_from_the_machines(home):
    machine_config(home, MACHINE)
    settings = paths.settings()
    server_address.remember(settings, "https://branch.example.co.il")
    server_address.remember(settings, MACHINE + "/")  # back to the machine's: the override goes
    assert settings.value("server_url") is None
    machine_config(home, "https://new-crm.example.co.il")  # IT moves the server
    assert server_address.resolve(settings) == "https://new-crm.example.co.il"


def drive(steps) -> QTimer:
    """Run each step once its predicate holds, on the event loop `main()` runs."""
    pending = list(steps)
    timer = QTimer(interval=20)

    def tick():
        if pending and pending[0][0]():
            pending.pop(0)[1]()
        if not pending:
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    return timer


# Windows an earlier test left open (a closed widget lives until Qt deletes it) are not this
# run's: `main()`'s own login dialog and main window are the ones made while it runs.
_before_run: set = set()


def login_dialog() -> LoginDialog | None:
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, LoginDialog) and widget.isVisible() and widget not in _before_run else None


def main_window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible() and w not in _before_run), None)


def run_main(argv: list[str], steps) -> int:
    app = QApplication.instance()
    _before_run.clear()
    _before_run.update(QApplication.topLevelWidgets())
    timer = drive(steps)
    try:
        return main(argv)
    finally:
        timer.stop()
        app.setQuitOnLastWindowClosed(True)


def test_python_m_desktop_logs_in_on_the_machines_address_and_keeps_no_copy(qtbot, home, live_server):
    machine_config(home, live_server.base_url)
    seen = {}

    def log_in():
        dialog = login_dialog()
        seen["server"], seen["asked"] = dialog.server.text(), dialog.server.isVisible()
        dialog.email.setText(EMAIL)
        dialog.password.setText(PASSWORD)
        dialog.login_button.click()

    code = run_main([], [(lambda: login_dialog() is not None, log_in),
                         (lambda: main_window() is not None, lambda: main_window().logout_action.trigger()),
                         (lambda: login_dialog() is not None, lambda: login_dialog().reject())])
    assert code == 0 and seen == {"server": live_server.base_url, "asked": False}
    settings = paths.settings()
    assert settings.value("server_url") is None and settings.value("email") == EMAIL


def test_an_address_the_user_typed_is_dropped_once_it_is_the_machines_again(qtbot, home, live_server):
    machine_config(home, live_server.base_url)
    settings = paths.settings()
    settings.setValue("server_url", "http://127.0.0.1:9")  # typed once; nothing answers there now
    settings.sync()
    seen = {}

    def fix_the_address():
        dialog = login_dialog()
        seen["server"] = dialog.server.text()
        dialog.server.setText(live_server.base_url)
        dialog.email.setText(EMAIL)
        dialog.password.setText(PASSWORD)
        dialog.login_button.click()

    run_main([], [(lambda: login_dialog() is not None, fix_the_address),
                  (lambda: main_window() is not None, lambda: main_window().logout_action.trigger()),
                  (lambda: login_dialog() is not None, lambda: login_dialog().reject())])
    assert seen["server"] == "http://127.0.0.1:9"
    assert paths.settings().value("server_url") is None


def test_the_server_option_wins(qtbot, home):
    machine_config(home, MACHINE)
    seen = {}

    def look():
        seen["server"] = login_dialog().server.text()
        login_dialog().reject()

    assert run_main(["--server", "http://127.0.0.1:9/"], [(lambda: login_dialog() is not None, look)]) == 0
    assert seen["server"] == "http://127.0.0.1:9"
