"""Logout means gone: the app's own flow (desktop/launcher.py, as `python -m desktop` runs it)
against the live server. Every window of the session closes (cards, the task-due alert),
nothing of a customer stays on screen, the saved session and the downloads go, the server
address and email stay; logging in again gives a fresh window whose card saves."""

from __future__ import annotations

import httpx
import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from desktop import cache, paths, server_address
from desktop.launcher import Launcher
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.desktop.conftest import EMAIL
from tests.desktop.test_realtime import close_open_tasks, create_task

TIMEOUT = 15_000
NAMES = ("אורלי היוצאת", "בני הנעלם")


@pytest.fixture
def customers(live_server):
    """Two customers of this test's own (gone afterwards: other tests count the seeded ones)."""
    with httpx.Client(base_url=live_server.base_url, timeout=10) as client:
        token = client.post("/auth/login", json={"email": EMAIL, "password": PASSWORD}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        made = [client.post("/api/crm/customers", headers=headers, json={"name": name}).json() for name in NAMES]
        close_open_tasks(live_server.base_url)
        yield made
        close_open_tasks(live_server.base_url)
        for customer in made:
            client.delete(f"/api/crm/customers/{customer['id']}", headers=headers)


def log_in(qtbot, launcher: Launcher) -> MainWindow:
    dialog = launcher.login
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=TIMEOUT)
    dialog.email.setText(EMAIL)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(launcher.window_shown, timeout=TIMEOUT) as shown:
        dialog.login_button.click()
    window = shown.args[0]
    qtbot.waitUntil(lambda: window.model.loaded_once and window.alerts.bridge.connected, timeout=TIMEOUT)
    return window


def visible_text() -> str:
    """Every word on screen: window titles, labels, fields."""
    parts = []
    for widget in QApplication.allWidgets():
        if widget.isVisible():
            parts.append(widget.windowTitle())
            if isinstance(widget, QLabel | QLineEdit):
                parts.append(widget.text())
    return "\n".join(parts)


def test_logout_closes_every_window_forgets_the_session_and_a_new_login_works(
        qtbot, app, home, live_server, tasks, memory_keyring, customers):
    settings = paths.settings()
    earlier = {w for w in QApplication.topLevelWidgets() if w.isVisible()}  # other tests' leftovers
    launcher = Launcher(tasks, settings, live_server.base_url,
                        window_factory=lambda session, pool: MainWindow(session, pool, tray_available=False))
    launcher.start(None)
    window = log_in(qtbot, launcher)
    api = window.session.api
    cards = [window.open_card(c["id"], c) for c in customers]
    qtbot.waitUntil(lambda: all(card.overview.loaded_once for card in cards), timeout=TIMEOUT)
    task = create_task(live_server.base_url, api.access_token(), "להתקשר לאורלי", customer_id=customers[0]["id"])
    dialog = window.alerts.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.current["task"]["id"] == task["id"], timeout=TIMEOUT)
    downloaded = paths.write_private(cache.path_for("recording-1.mp3"), b"ID3 a customer's voice")
    assert all(name in visible_text() for name in NAMES) and memory_keyring.passwords

    window.logout_action.trigger()
    qtbot.waitUntil(lambda: launcher.login is not None and launcher.login.isVisible(), timeout=TIMEOUT)
    login = launcher.login
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in earlier] == [login]
    assert not any(name in visible_text() for name in NAMES)
    assert memory_keyring.passwords == {}  # the refresh token is forgotten
    assert login.server.text() == live_server.base_url and login.email.text() == EMAIL
    again = paths.settings()
    assert server_address.resolve(again) == live_server.base_url and again.value("email") == EMAIL
    qtbot.waitUntil(lambda: not downloaded.exists(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=TIMEOUT)  # with its cards, table, alerts
    # The alert left the screen but its task was not snoozed: it is still due.
    left = httpx.get(f"{live_server.base_url}/api/crm/tasks/{task['id']}", timeout=10,
                     headers={"Authorization": f"Bearer {live_server.login(EMAIL, PASSWORD)['access_token']}"}).json()
    assert left["status"] == "open" and left["snoozed_until"] is None

    fresh = log_in(qtbot, launcher)
    assert fresh is launcher.window
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in earlier]
    assert all(w is fresh or w is fresh.alerts.dialog for w in others)  # the replayed alert may be back
    card = fresh.open_card(customers[1]["id"], customers[1])
    qtbot.waitUntil(lambda: card.overview.loaded_once, timeout=TIMEOUT)
    card.overview.set_editing(True)
    card.overview.email.setText("beni@example.com")
    card.overview.save_button.click()
    qtbot.waitUntil(lambda: card.overview.notice.text() == "הפרטים נשמרו.", timeout=TIMEOUT)
    assert fresh.session.api.get(f"/api/crm/customers/{customers[1]['id']}")["email"] == "beni@example.com"
    with qtbot.waitSignal(fresh.logged_out, timeout=TIMEOUT):
        fresh.logout_action.trigger()
    with qtbot.waitSignal(launcher.finished, timeout=TIMEOUT):
        launcher.login.reject()
    assert not shiboken6.isValid(card) or not card.isVisible()


def test_cancelling_the_login_again_of_an_ended_session_ends_it_the_same_way(
        qtbot, app, live_server, tasks, memory_keyring, customers):
    from tests.desktop.test_session_expired import end_session, window_for

    window = window_for(qtbot, live_server, tasks, realtime=False)
    card = window.open_card(customers[0]["id"], customers[0])
    qtbot.waitUntil(lambda: card.overview.loaded_once, timeout=TIMEOUT)
    end_session(live_server, window.session.api)
    window.model.reload()
    guard = window.session_guard
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=TIMEOUT)
    relogin = guard.dialog
    with qtbot.waitSignal(window.logged_out, timeout=TIMEOUT):
        relogin.reject()
    session_windows = [window, *(w for w in window.findChildren(QWidget) if w.isWindow())]
    assert [w for w in session_windows if w.isVisible()] == []
    assert not any(name in visible_text() for name in NAMES)
    assert memory_keyring.passwords == {}
