"""A connection an agent can trust, against a development server restarted for real: it signs
tokens with a new secret at each start (no JWT_SECRET), as a server restarted during an office
day does, so the desktop's access token is refused when it comes back. The banner tells the
agent while the live connection is down; once back, the table and the open cards reload (what
is being typed stays: the WhatsApp composer, the task form, the details being edited), and what
fell due meanwhile pops exactly once."""

from __future__ import annotations

import os
import signal
from datetime import UTC, datetime, timedelta

import pytest

from desktop.api import Api, Session
from desktop.realtime import RealtimeBridge
from desktop.views.main_window import MainWindow
from server.auth.models import User
from server.customers.service import create_customer
from server.tasks.models import Task
from tests.conftest import PASSWORD
from tests.desktop.test_realtime import close_open_tasks, create_task
from tests.e2e.live import Live
from tests.tcp_proxy import ThreadedTcpProxy

AGENT = "restart@example.com"
CUSTOMERS = 150
TIMEOUT = 20_000
# How long a lost connection may take to be noticed: at once when the server closes its sockets
# as it stops, but a socket that dies without a close is noticed only by Engine.IO's ping
# (25 s interval + 20 s timeout). A wait on the event, so a quick loss costs nothing.
LOSS_TIMEOUT = 60_000


class DevServer:
    """A development server (no JWT_SECRET: a new signing secret at each start) that a test
    stops and starts again, on the same port and database."""

    def __init__(self, live: Live) -> None:
        self.live = live
        self.starts = 0
        self.process = None

    @property
    def base_url(self) -> str:
        return self.live.base_url

    def start(self) -> None:
        self.starts += 1
        self.process = self.live.start_server(log_name=f"server-{self.starts}")

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)

    def add_due_task(self, title: str, customer_id: int | None = None) -> int:
        """A task that falls due while the server is down, written straight to its database."""
        async def make() -> int:
            user = await User.get(email=AGENT)
            task = await Task.create(business_id=user.business_id, title=title, assignee_id=user.id,
                                     created_by_id=user.id, customer_id=customer_id, status="open",
                                     due_at=datetime.now(UTC) - timedelta(seconds=1))
            return task.id

        return self.live.run(make)


@pytest.fixture(scope="module")
def dev_server(databases, tmp_path_factory):
    live = Live.on(databases, tmp_path_factory.mktemp("restart-live"), APP_ENV="development", JWT_SECRET="")
    try:
        [business_id] = live.seed({"name": "משרד ההפעלה מחדש", "phone": "+97235550177",
                                   "users": [{"email": AGENT, "password": PASSWORD, "role": "admin"}]})

        async def customers() -> None:
            for i in range(CUSTOMERS):
                await create_customer(business_id=business_id, fields={"name": f"לקוח {i:03d}",
                                                                       "phone": f"+9725209{i:05d}"})

        live.run(customers)
        server = DevServer(live)
        server.start()
        yield server
    finally:
        live.stop()


@pytest.fixture
def server(dev_server):
    if dev_server.process.poll() is not None:  # a test that failed midway left it stopped
        dev_server.start()
    close_open_tasks(dev_server.base_url, AGENT)
    yield dev_server
    if dev_server.process.poll() is not None:
        dev_server.start()
    close_open_tasks(dev_server.base_url, AGENT)


def window_on(qtbot, base_url: str, tasks) -> MainWindow:
    """The main window with its live connection started (retrying fast: the test waits on it)."""
    api = Api(base_url)
    user = api.login(AGENT, PASSWORD)
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once and window.model.total == CUSTOMERS, timeout=TIMEOUT)
    bridge = window.alerts.bridge
    bridge.min_delay, bridge.max_delay = 0.2, 1.0
    return window


@pytest.fixture
def bridges():
    made: list[RealtimeBridge] = []
    yield made
    for bridge in made:
        bridge.stop()


def test_after_a_restart_the_socket_comes_back_with_a_refreshed_token(qtbot, server, bridges):
    api = Api(server.base_url)
    api.login(AGENT, PASSWORD)
    bridge = RealtimeBridge(api, min_delay=0.2, max_delay=1.0)
    bridges.append(bridge)
    with qtbot.waitSignal(bridge.connected_changed, timeout=TIMEOUT, check_params_cb=lambda up: up):
        bridge.start()
    stale = api.access_token()
    with qtbot.waitSignal(bridge.connected_changed, timeout=LOSS_TIMEOUT, check_params_cb=lambda up: not up):
        server.stop()
    refreshes = api.refresh_count
    with qtbot.waitSignal(bridge.reconnected, timeout=TIMEOUT):
        server.start()
    # The server refused the old token (its secret is gone); the bridge refreshed it once and
    # came back with the new one, without any other call of the agent's to refresh it.
    assert bridge.connected and bridge.connections == 2
    assert api.refresh_count == refreshes + 1 and api.access_token() != stale


def test_a_network_blip_keeps_the_token(qtbot, server, bridges):
    proxy = ThreadedTcpProxy("127.0.0.1", server.live.port)
    proxy.start()
    try:
        api = Api(f"http://127.0.0.1:{proxy.port}")
        api.login(AGENT, PASSWORD)
        bridge = RealtimeBridge(api, min_delay=0.2, max_delay=1.0)
        bridges.append(bridge)
        with qtbot.waitSignal(bridge.connected_changed, timeout=TIMEOUT, check_params_cb=lambda up: up):
            bridge.start()
        token, refreshes = api.access_token(), api.refresh_count
        with qtbot.waitSignal(bridge.connected_changed, timeout=LOSS_TIMEOUT, check_params_cb=lambda up: not up):
            proxy.cut()
        with qtbot.waitSignal(bridge.reconnected, timeout=TIMEOUT):
            proxy.restore()
        assert api.refresh_count == refreshes and api.access_token() == token
    finally:
        proxy.close()


def test_the_banner_shows_while_the_server_is_down_and_the_table_and_cards_reload_when_back(
        qtbot, server, tasks):
    window = window_on(qtbot, server.base_url, tasks)
    banner, bridge, view = window.connection_banner, window.alerts.bridge, window.customers
    with qtbot.waitSignal(bridge.connected_changed, timeout=TIMEOUT, check_params_cb=lambda up: up):
        bridge.start()
    assert not banner.isVisible()
    # Scrolled down the table, a card open with a message and a task being typed.
    view.table.scrollTo(window.model.index(120, 0))
    qtbot.waitUntil(lambda: window.model.is_loaded(120), timeout=TIMEOUT)
    scrolled = view.table.verticalScrollBar().value()
    assert scrolled > 0
    customer = window.model.row(120)
    card = window.open_card(customer["id"], customer)
    qtbot.waitUntil(lambda: card.whatsapp.loaded_once and card.tasks_tab.loaded_once, timeout=TIMEOUT)
    card.whatsapp.input.setText("שלום, אני חוזרת אלייך בעניין")
    card.tasks_tab.title.setText("לשלוח הצעת מחיר")
    due = card.tasks_tab.due.dateTime().addDays(2)
    card.tasks_tab.due.setDateTime(due)
    card.overview.set_editing(True)
    card.overview.name.setText("לקוח חדש בעריכה")
    loads = {"table": 0, "whatsapp": 0, "tasks": 0, "overview": 0}
    window.model.page_loaded.connect(lambda _page: loads.__setitem__("table", loads["table"] + 1))
    card.whatsapp.loaded.connect(lambda: loads.__setitem__("whatsapp", loads["whatsapp"] + 1))
    card.tasks_tab.loaded.connect(lambda: loads.__setitem__("tasks", loads["tasks"] + 1))
    card.overview.loaded.connect(lambda: loads.__setitem__("overview", loads["overview"] + 1))

    server.stop()
    qtbot.waitUntil(banner.isVisible, timeout=TIMEOUT)
    assert "אין חיבור לשרת" in banner.text.text()
    with qtbot.waitSignal(window.reconnected, timeout=TIMEOUT):
        server.start()
    assert "החיבור לשרת חזר" in banner.text.text() and banner.isVisible()
    qtbot.waitUntil(lambda: all(loads.values()), timeout=TIMEOUT)
    assert view.table.verticalScrollBar().value() == scrolled
    assert card.whatsapp.input.text() == "שלום, אני חוזרת אלייך בעניין"
    assert card.tasks_tab.title.text() == "לשלוח הצעת מחיר" and card.tasks_tab.due.dateTime() == due
    assert card.overview.editing and card.overview.name.text() == "לקוח חדש בעריכה"
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=TIMEOUT)
    window.alerts.stop()


def test_the_banner_shows_when_the_first_connection_fails(qtbot, server, tasks):
    window = window_on(qtbot, server.base_url, tasks)
    banner, bridge = window.connection_banner, window.alerts.bridge
    server.stop()
    with qtbot.waitSignal(bridge.connected_changed, timeout=LOSS_TIMEOUT, check_params_cb=lambda up: not up):
        bridge.start()
    assert banner.isVisible() and "אין חיבור לשרת" in banner.text.text()
    with qtbot.waitSignal(bridge.connected_changed, timeout=TIMEOUT, check_params_cb=lambda up: up):
        server.start()
    assert "החיבור לשרת חזר" in banner.text.text()
    window.alerts.stop()


def test_what_fell_due_while_the_server_was_down_pops_once_and_what_was_shown_does_not_again(
        qtbot, server, tasks):
    window = window_on(qtbot, server.base_url, tasks)
    bridge, dialog = window.alerts.bridge, window.alerts.dialog
    signalled: list[int] = []
    bridge.task_due.connect(lambda payload: signalled.append(payload["task"]["id"]))
    with qtbot.waitSignal(bridge.connected_changed, timeout=TIMEOUT, check_params_cb=lambda up: up):
        bridge.start()
    api = window.session.api
    shown = create_task(server.base_url, api.access_token(), "הוצגה לפני ההפסקה")
    qtbot.waitUntil(lambda: dialog.isVisible() and shown["id"] in signalled, timeout=TIMEOUT)

    server.stop()
    missed = server.add_due_task("נפלה בזמן ההפסקה")
    with qtbot.waitSignal(bridge.task_due, timeout=TIMEOUT, check_params_cb=lambda p: p["task"]["id"] == missed):
        server.start()
    # Both alerts reach the socket again once it is back (the server's replay); a marker
    # created afterwards arrives behind them on the same socket.
    marker = create_task(server.base_url, api.access_token(), "סמן")
    qtbot.waitUntil(lambda: marker["id"] in signalled, timeout=TIMEOUT)
    assert signalled.count(missed) == 1 and signalled.count(shown["id"]) == 1
    assert [q["task"]["id"] for q in dialog.queue] == [shown["id"], missed, marker["id"]]
    window.alerts.stop()
