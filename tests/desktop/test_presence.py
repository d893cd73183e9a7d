"""Presence on the desktop (desktop/presence.py, desktop/idle.py, the toolbar's switch) against a
live server: the switch puts the agent away and back over `PUT /api/crm/me/presence`, follows
`presence:changed` from another client, and the desktop sets the agent away while the
computer is idle or locked and back on return — but never undoes an away chosen by hand. The
idle source is injected (`FakeIdle`); the D-Bus lock source is checked against a private
dbus-daemon, the app's own input source against real Qt key events."""

from __future__ import annotations

import shutil
import subprocess

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop import presence as presence_settings
from desktop.api import Api, Session
from desktop.idle import AppInputSource, CombinedSource, DBusLockSource, _logind_path
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD

AGENT = "presence@example.com"
TIMEOUT = 15_000


class FakeIdle:
    """What a machine would say: seconds since the last input, and whether it is locked."""

    def __init__(self) -> None:
        self.idle: float | None = 0.0
        self.lock: bool | None = False

    def idle_seconds(self):
        return self.idle

    def locked(self):
        return self.lock


# -- the sources, without a server ---------------------------------------------------------
def test_combined_source_takes_the_first_idle_time_and_any_lock():
    first, second = FakeIdle(), FakeIdle()
    first.idle, second.idle = None, 42.0
    first.lock, second.lock = None, None
    both = CombinedSource([first, second])
    assert both.idle_seconds() == 42.0 and both.locked() is None
    second.lock = True
    assert both.locked() is True
    first.idle = 3.0
    assert both.idle_seconds() == 3.0


def test_the_apps_own_input_resets_its_idle_time(qtbot, app):
    source = AppInputSource()
    source.last_input -= 600  # ten minutes without input
    assert source.idle_seconds() >= 600
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert source.idle_seconds() < 5 and source.locked() is None


def test_logind_session_paths_escape_as_sd_bus_does():
    assert _logind_path("c2") == "/org/freedesktop/login1/session/c2"
    assert _logind_path("3-a") == "/org/freedesktop/login1/session/3_2da"


@pytest.fixture
def private_bus():
    """A session bus of the test's own (dbus-daemon), and a Qt connection to it."""
    if shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None:
        pytest.skip("dbus-daemon is not installed")
    from PySide6.QtDBus import QDBusConnection

    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    try:
        address = daemon.stdout.readline().strip()
        connection = QDBusConnection.connectToBus(address, "presence-test")
        assert connection.isConnected()
        yield address, connection
        QDBusConnection.disconnectFromBus("presence-test")
    finally:
        daemon.terminate()
        daemon.wait(5)


def test_the_screen_saver_going_active_over_dbus_counts_as_locked(qtbot, app, private_bus):
    address, connection = private_bus
    source = DBusLockSource(session=connection, system=connection)
    assert ("session", "/org/freedesktop/ScreenSaver") in source.listening
    assert source.locked() is None  # nothing said yet

    def active_changed(value: str) -> None:
        subprocess.run(["dbus-send", f"--bus={address}", "--type=signal", "/org/freedesktop/ScreenSaver",
                        "org.freedesktop.ScreenSaver.ActiveChanged", f"boolean:{value}"], check=True)

    active_changed("true")
    qtbot.waitUntil(lambda: source.locked() is True, timeout=TIMEOUT)
    active_changed("false")
    qtbot.waitUntil(lambda: source.locked() is False, timeout=TIMEOUT)


# -- against the server --------------------------------------------------------------------
@pytest.fixture(scope="module")
def presence_shop(live_server):
    live_server.seed({"name": "משרד הנוכחות", "phone": "+97235550188",
                      "users": [{"email": AGENT, "password": PASSWORD, "role": "agent", "name": "נועה הזמינה"}]})
    return live_server


def server_presence(live, token: str) -> dict:
    response = httpx.get(f"{live.base_url}/api/crm/me/presence", headers={"Authorization": f"Bearer {token}"},
                         timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture
def idle():
    return FakeIdle()


@pytest.fixture
def window(qtbot, presence_shop, tasks, idle, home):
    window = opened(qtbot, presence_shop, tasks, idle, presence="available")  # each test starts available
    try:  # stopped however the test ends: a socket thread left running outlives its window
        qtbot.waitUntil(lambda: window.alerts.bridge.connected and window.presence.online, timeout=TIMEOUT)
        yield window
    finally:
        window.alerts.stop()
        window.presence.stop()


def opened(qtbot, live, tasks, idle, *, presence: str | None = None) -> MainWindow:
    """The agent's main window after a login (with `presence` set on the server first)."""
    api = Api(live.base_url)
    user = api.login(AGENT, PASSWORD)
    if presence:
        api.request("PUT", "/api/crm/me/presence", json={"status": presence})
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False, idle_source=idle)
    qtbot.addWidget(window)
    window.show()
    return window



def test_the_switch_shows_available_and_a_click_makes_the_agent_away_on_the_server(qtbot, window, presence_shop):
    switch, token = window.presence_switch, window.session.api._access_token
    assert switch.text() == "● זמין" and switch.isVisible()
    assert server_presence(presence_shop, token) == {"status": "available", "effective": "available", "online": True}
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "away", timeout=TIMEOUT)
    assert switch.text() == "● לא זמין"
    assert server_presence(presence_shop, token)["effective"] == "away"
    switch.available_action.trigger()  # the menu's "זמין"
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "available", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: switch.text() == "● זמין", timeout=TIMEOUT)


def test_the_switch_follows_a_change_made_in_another_client(qtbot, window, presence_shop):
    other = presence_shop.login(AGENT, PASSWORD)["access_token"]  # the web app, say
    response = httpx.put(f"{presence_shop.base_url}/api/crm/me/presence", json={"status": "away"},
                         headers={"Authorization": f"Bearer {other}"}, timeout=10)
    assert response.status_code == 200, response.text
    qtbot.waitUntil(lambda: window.presence_switch.text() == "● לא זמין", timeout=TIMEOUT)
    # Chosen away elsewhere is chosen by hand: coming back to the computer does not undo it.
    window.presence.check()
    assert window.presence.status == "away" and not window.presence.auto_away


def test_idle_makes_the_agent_away_and_the_return_makes_them_available(qtbot, window, presence_shop, idle):
    token = window.session.api._access_token
    presence_settings.set_idle_minutes(10)
    idle.idle = 9 * 60  # not yet
    window.presence.check()
    assert server_presence(presence_shop, token)["status"] == "available"
    idle.idle = 10 * 60 + 1
    window.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "away", timeout=TIMEOUT)
    assert window.presence_switch.text() == "● לא זמין (אוטומטית)"
    idle.idle = 2.0  # the agent is back
    window.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "available", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.presence_switch.text() == "● זמין", timeout=TIMEOUT)


def test_an_idle_away_outlives_the_app_and_the_first_input_after_it_reopens_undoes_it(qtbot, window, presence_shop,
                                                                                       tasks, idle):
    # The end of the day: idle away, then the app is closed. The next morning's desktop knows it
    # made that away, and the first input makes the agent available again.
    token = window.session.api._access_token
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=TIMEOUT)  # the window's own first reads answered
    idle.idle = 60 * 60
    window.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "away", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=TIMEOUT)
    window.alerts.stop()
    window.presence.stop()
    window.close()

    again = opened_again(qtbot, presence_shop, tasks, idle)
    assert again.presence.status == "away" and again.presence.auto_away
    idle.idle = 1.0
    again.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "available", timeout=TIMEOUT)
    # Away chosen by hand, then closed: it stays away however busy the agent is after.
    again.presence_switch.away_action.trigger()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "away", timeout=TIMEOUT)
    again.alerts.stop()
    again.presence.stop()
    third = opened_again(qtbot, presence_shop, tasks, idle)
    third.presence.check()
    assert third.presence.status == "away" and not third.presence.auto_away
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=TIMEOUT)
    assert server_presence(presence_shop, token)["status"] == "away"


def opened_again(qtbot, live, tasks, idle) -> MainWindow:
    window = opened(qtbot, live, tasks, idle)
    qtbot.waitUntil(lambda: window.presence.status is not None and window.alerts.bridge.connected, timeout=TIMEOUT)
    return window


def test_a_read_still_on_its_way_does_not_undo_an_idle_away(qtbot, window, presence_shop, tasks, idle):
    # A reconnection re-reads the presence; the agent goes idle-away meanwhile. The read's older
    # answer must not turn that into an away the desktop forgets it made.
    token = window.session.api._access_token
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=TIMEOUT)
    window.presence.load()
    idle.idle = 60 * 60
    window.presence.check()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=TIMEOUT)
    assert server_presence(presence_shop, token)["status"] == "away"
    assert window.presence.status == "away" and window.presence.auto_away
    idle.idle = 1.0
    window.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "available", timeout=TIMEOUT)


def test_a_locked_screen_is_away_at_once_and_an_away_chosen_by_hand_stays(qtbot, window, presence_shop, idle):
    token = window.session.api._access_token
    idle.lock = True
    window.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "away", timeout=TIMEOUT)
    idle.lock = False
    window.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "available", timeout=TIMEOUT)

    window.presence_switch.away_action.trigger()  # by hand
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "away", timeout=TIMEOUT)
    idle.idle = 30 * 60
    window.presence.check()
    idle.idle = 1.0
    window.presence.check()
    tasks = window.tasks
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=TIMEOUT)
    assert server_presence(presence_shop, token)["status"] == "away" and window.presence_switch.text() == "● לא זמין"


def test_the_idle_minutes_are_a_setting_of_this_desktop_edited_from_the_switchs_menu(qtbot, window, presence_shop,
                                                                                       idle):
    switch, token = window.presence_switch, window.session.api._access_token
    switch.ask_minutes = lambda _parent, current: 3
    switch.idle_action.trigger()
    assert presence_settings.idle_minutes() == 3 and "3 דקות" in switch.idle_action.text()
    idle.idle = 3 * 60 + 5
    window.presence.check()
    qtbot.waitUntil(lambda: server_presence(presence_shop, token)["status"] == "away", timeout=TIMEOUT)
