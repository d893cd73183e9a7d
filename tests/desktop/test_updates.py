"""The update notice: a newer client on the server shows a banner (login dialog, main window)
with a link to this platform's installer, or who to ask; a failed check shows nothing."""

from __future__ import annotations

import logging

import pytest

from desktop import updates
from desktop.api import Api, Session
from desktop.updates import Update
from desktop.version import VERSION
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.desktop.conftest import EMAIL
from tests.desktop.version_server import VersionServer, download
from tests.e2e.live import free_port

DEB = "https://crm.example.co.il/downloads/desktop/agentlocator-desktop_0.3.0_amd64.deb"
EXE = "https://crm.example.co.il/downloads/desktop/AgentLocator-Setup-0.3.0.exe"


@pytest.mark.parametrize(("candidate", "current", "is_newer"), [
    ("0.3.0", "0.2.0", True), ("0.10.0", "0.9.0", True), ("1.0.0", "0.99.99", True), ("0.2.1", "0.2", True),
    ("0.2.0", "0.2.0", False), ("0.2", "0.2.0", False), ("0.9.0", "0.10.0", False), ("0.1.9", "0.2.0", False),
    ("v0.3.0", "0.2.0", True), ("0.3.0rc1", "0.2.0", True), ("", "0.2.0", False), ("latest", "0.2.0", False),
])
def test_versions_compare_as_numbers(candidate, current, is_newer):
    assert updates.newer(candidate, current) is is_newer


def test_the_download_is_this_platforms():
    body = {"version": "0.3.0", "downloads": {"linux": download(DEB), "windows": None}}
    assert updates.update_from(body, base_url="https://crm", current="0.2.0", platform="linux") == Update(
        "0.3.0", "0.2.0", DEB)
    assert updates.update_from(body, base_url="https://crm", current="0.2.0", platform="win32").url is None
    relative = {"version": "0.3.0", "downloads": {"linux": {"url": "/downloads/desktop/a.deb"}}}
    assert updates.update_from(relative, base_url="https://crm.example.co.il", current="0.2.0",
                               platform="linux").url == "https://crm.example.co.il/downloads/desktop/a.deb"
    assert updates.update_from(body, base_url="https://crm", current="0.3.0") is None


@pytest.fixture
def newer_server():
    with VersionServer("9.0.0", downloads={"linux": download(DEB), "windows": download(EXE)}) as server:
        yield server


def dialog_on(qtbot, tasks, url: str) -> LoginDialog:
    dialog = LoginDialog(tasks, server_url=url)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_login_dialog_shows_a_newer_version_with_this_platforms_download(qtbot, tasks, newer_server, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    opened = []
    dialog = dialog_on(qtbot, tasks, newer_server.base_url)
    dialog.update_banner.open_url = opened.append
    banner = dialog.update_banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.text.text() == f"גרסה חדשה של AgentLocator זמינה (9.0.0). הגרסה שלך: {VERSION}."
    # the dialog grew for it: the fields below keep their height
    assert dialog.email.height() >= dialog.email.sizeHint().height()
    assert dialog.height() >= dialog.sizeHint().height()
    assert "להורדה" in banner.action.text() and DEB in banner.action.text()
    banner.action.linkActivated.emit(DEB)
    assert [url.toString() for url in opened] == [DEB]
    assert ("GET", "/api/desktop/version") in [(method, path) for method, path, _headers in newer_server.requests]
    assert all("authorization" not in {k.lower() for k in headers} for _m, _p, headers in newer_server.requests)


def test_on_windows_the_windows_installer(qtbot, tasks, newer_server, monkeypatch):
    monkeypatch.setattr("sys.platform", "win32")
    dialog = dialog_on(qtbot, tasks, newer_server.base_url)
    banner = dialog.update_banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.offer.url == EXE and EXE in banner.action.text()


def test_no_file_for_this_platform_says_who_to_ask(qtbot, tasks, monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    with VersionServer("9.0.0", downloads={"linux": None, "windows": download(EXE)}) as server:
        dialog = dialog_on(qtbot, tasks, server.base_url)
        banner = dialog.update_banner
        qtbot.waitUntil(banner.isVisible)
        assert banner.action.text() == "פנו למנהל המערכת לעדכון" and "<a" not in banner.action.text()
        opened = []
        banner.open_url = opened.append
        banner.download()
        assert opened == []


def test_the_same_version_shows_nothing(qtbot, tasks):
    with VersionServer(VERSION) as server:
        dialog = dialog_on(qtbot, tasks, server.base_url)
        qtbot.waitUntil(lambda: len(server.requests) == 1 and tasks.pending == 0)
        assert not dialog.update_banner.isVisible()


@pytest.mark.parametrize("where", ["refused", "no endpoint"])
def test_a_failed_check_is_silent_and_logged(qtbot, tasks, caplog, where):
    with VersionServer(None) as stale:  # a server without the endpoint: 404
        url = stale.base_url if where == "no endpoint" else f"http://127.0.0.1:{free_port()}"
        with caplog.at_level(logging.INFO, logger="agentlocator.desktop.updates"):
            dialog = dialog_on(qtbot, tasks, url)
            qtbot.waitUntil(lambda: tasks.pending == 0)
    assert not dialog.update_banner.isVisible() and dialog.error.isHidden()
    assert any("update check failed" in record.getMessage() for record in caplog.records)


def test_the_main_window_shows_it_after_login(qtbot, tasks, live_server):
    with VersionServer("9.0.0", downloads={"linux": download(DEB), "windows": download(EXE)},
                       upstream=live_server.base_url) as server:
        api = Api(server.base_url)
        user = api.login(EMAIL, PASSWORD)
        window = MainWindow(Session(api=api, user=user), tasks, tray_available=False, realtime=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(window.update_banner.isVisible)
        assert "9.0.0" in window.update_banner.text.text()
        qtbot.waitUntil(lambda: window.model.loaded_once)  # the table reads through the same server
