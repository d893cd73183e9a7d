"""The Socket.IO bridge against the live server (its task clock on): real task:due events as
Qt signals on the UI thread, a fresh token on connect, reconnection after a network loss with
the server's replay, and the end of a session."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
import socketio
from PySide6.QtCore import QThread

from desktop.api import Api
from desktop.realtime import RealtimeBridge
from tests.conftest import PASSWORD
from tests.desktop.conftest import EMAIL
from tests.tcp_proxy import ThreadedTcpProxy


def create_task(base_url: str, token: str, title: str, **fields) -> dict:
    due = datetime.now(UTC) - timedelta(seconds=1)
    response = httpx.post(f"{base_url}/api/crm/tasks", headers={"Authorization": f"Bearer {token}"},
                          json={"title": title, "due_at": due.isoformat(), **fields}, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


def close_open_tasks(base_url: str, email: str = EMAIL) -> None:
    """Mark every open task done, so no test's alert is replayed into the next one."""
    with httpx.Client(base_url=base_url, timeout=10) as client:
        token = client.post("/auth/login", json={"email": email, "password": PASSWORD}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        while True:
            page = client.get("/api/crm/tasks", params={"status": "open", "limit": 200}, headers=headers).json()
            if not page["results"]:
                return
            for task in page["results"]:
                client.post(f"/api/crm/tasks/{task['id']}/done", headers=headers)


@pytest.fixture
def clean_tasks(live_server):
    close_open_tasks(live_server.base_url)
    yield
    close_open_tasks(live_server.base_url)


@pytest.fixture
def bridges():
    made: list[RealtimeBridge] = []
    yield made
    for bridge in made:
        bridge.stop()


def logged_in(base_url: str) -> Api:
    api = Api(base_url)
    api.login(EMAIL, PASSWORD)
    return api


def test_task_due_is_a_signal_on_the_ui_thread(qtbot, app, live_server, clean_tasks, bridges):
    api = logged_in(live_server.base_url)
    bridge = RealtimeBridge(api)
    bridges.append(bridge)
    threads: list[bool] = []
    bridge.task_due.connect(lambda _payload: threads.append(QThread.currentThread() is app.thread()))
    with qtbot.waitSignal(bridge.connected_changed, timeout=10_000, check_params_cb=lambda up: up):
        bridge.start()
    # Listening before the task exists: its alert can reach the socket thread before
    # create_task returns, and a signal emitted before waitSignal connects is not queued for it.
    with qtbot.waitSignal(bridge.task_due, timeout=10_000,
                          check_params_cb=lambda p: p["task"]["title"] == "להתקשר לדנה") as due:
        task = create_task(live_server.base_url, api.access_token(), "להתקשר לדנה")
    assert due.args[0]["task"]["id"] == task["id"]
    assert threads and all(threads)


def test_an_expired_access_token_is_refreshed_before_connecting(qtbot, live_server, clean_tasks, bridges):
    api = logged_in(live_server.base_url)
    api._access_token = "e30.eyJleHAiOjB9.x"  # a token whose exp has passed
    bridge = RealtimeBridge(api)
    bridges.append(bridge)
    with qtbot.waitSignal(bridge.connected_changed, timeout=10_000, check_params_cb=lambda up: up):
        bridge.start()
    assert api.refresh_count == 1 and bridge.connections == 1


def test_reconnects_after_a_network_loss_and_gets_what_fell_due_meanwhile(qtbot, live_server, clean_tasks, bridges):
    proxy = ThreadedTcpProxy("127.0.0.1", live_server.port)  # the network between desktop and server
    proxy.start()
    try:
        api = logged_in(f"http://127.0.0.1:{proxy.port}")
        bridge = RealtimeBridge(api, min_delay=0.2, max_delay=1.0)
        bridges.append(bridge)
        alerts: list[dict] = []
        bridge.task_due.connect(alerts.append)
        bridge.start()
        qtbot.waitUntil(lambda: bridge.connected, timeout=10_000)
        assert bridge.connected
        with qtbot.waitSignal(bridge.connected_changed, timeout=10_000, check_params_cb=lambda up: not up):
            proxy.cut()

        # While the desktop is cut off, a task falls due; a second socket, connected directly,
        # witnesses that the server fired it (and so the desktop missed it live).
        token = api.access_token()
        fired = threading.Event()
        witness = socketio.Client(reconnection=False)
        witness.on("task:due", lambda data: fired.set())
        witness.connect(live_server.base_url, socketio_path="ws", transports=["websocket"], auth={"token": token})
        try:
            task = create_task(live_server.base_url, token, "משימה שהוחמצה")
            qtbot.waitUntil(fired.is_set, timeout=10_000)
        finally:
            witness.disconnect()
        assert alerts == []

        with qtbot.waitSignal(bridge.task_due, timeout=15_000,
                              check_params_cb=lambda p: p["task"]["id"] == task["id"]) as due:
            proxy.restore()
        assert due.args[0].get("replay") is True
        assert bridge.connections >= 2
        # A further replay of the same alert (another reconnect) is not signalled again.
        with qtbot.waitSignal(bridge.connected_changed, timeout=10_000, check_params_cb=lambda up: not up):
            proxy.cut()
        with qtbot.waitSignal(bridge.connected_changed, timeout=15_000, check_params_cb=lambda up: up):
            proxy.restore()
        marker = create_task(live_server.base_url, api.access_token(), "סמן")
        qtbot.waitUntil(lambda: any(a["task"]["id"] == marker["id"] for a in alerts), timeout=10_000)
        assert [a["task"]["id"] for a in alerts].count(task["id"]) == 1
    finally:
        proxy.close()


def test_a_session_that_ended_is_signalled_not_retried(qtbot, live_server, bridges):
    api = logged_in(live_server.base_url)
    api.logout()  # the refresh token is revoked and forgotten; no access token either
    bridge = RealtimeBridge(api)
    bridges.append(bridge)
    with qtbot.waitSignal(bridge.session_expired, timeout=10_000):
        bridge.start()
    qtbot.waitUntil(lambda: not bridge.running, timeout=5_000)
    assert bridge.connections == 0


def test_a_token_the_server_refuses_is_refreshed_and_the_socket_comes_back(qtbot, live_server, clean_tasks,
                                                                            bridges):
    """As after a development server's restart, which signs with a new secret: the access token
    has not expired, yet the server refuses the socket (a CONNECT_ERROR, whatever its text). The
    bridge refreshes it once and connects at once, rather than retrying the refused token for
    ever (tests/desktop/test_connection.py restarts a server for real)."""
    api = logged_in(live_server.base_url)
    claims = jwt.decode(api.access_token(), options={"verify_signature": False})
    api._access_token = jwt.encode(claims, "a-secret-the-server-no-longer-has-0123456789", algorithm="HS256")
    refreshes = api.refresh_count
    bridge = RealtimeBridge(api, min_delay=0.2, max_delay=1.0)
    bridges.append(bridge)
    with qtbot.waitSignal(bridge.connected_changed, timeout=15_000, check_params_cb=lambda up: up):
        bridge.start()
    assert api.refresh_count == refreshes + 1 and bridge.connections == 1
