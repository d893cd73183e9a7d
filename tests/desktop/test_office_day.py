"""An agent's office day, end to end, as `python -m desktop` runs it (desktop/launcher.py):
against a development server (a new signing secret at each start, as `make run` gives) with a
local Twilio fake for messages and the Content API. Sign in, search, open a card, send a
WhatsApp template, a task falls due, the server restarts, the next task still pops, log out,
nothing left on screen."""

from __future__ import annotations

import json

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.launcher import Launcher
from desktop.models.paged import ROW_ROLE
from desktop.views.main_window import MainWindow
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD
from tests.desktop.conftest import EMAIL
from tests.desktop.test_connection import LOSS_TIMEOUT, DevServer
from tests.desktop.test_logout import log_in, visible_text
from tests.desktop.test_realtime import close_open_tasks, create_task
from tests.e2e.live import Live
from tests.fake_twilio_messages import FakeTwilioMessages

TIMEOUT = 20_000
CUSTOMER = "רחל אלמוג"
OTHERS = ("שמעון גבאי", "ליאת ברק", "אלון רז")
REMINDER = "שלום {{1}}, מזכירים את הפגישה שלך ב-{{2}} במשרד."


def token(server: DevServer) -> str:
    return server.live.login(EMAIL, PASSWORD)["access_token"]


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        fake.add_template("תזכורת לפגישה", REMINDER, {"1": "דנה", "2": "יום שלישי בעשר"})
        fake.add_template("מבצע חורף", "מבצע!", status="rejected")
        yield fake


@pytest.fixture(scope="module")
def office(databases, tmp_path_factory, twilio):
    live = Live.on(databases, tmp_path_factory.mktemp("office-day"), APP_ENV="development", JWT_SECRET="",
                   TWILIO_API_BASE=twilio.base_url, TWILIO_CONTENT_API_BASE=twilio.base_url)
    try:
        live.seed({"name": "משרד התיווך", "phone": BUSINESS_PHONE,
                   "users": [{"email": EMAIL, "password": PASSWORD, "role": "agent", "name": "נועה הסוכנת"}]})
        server = DevServer(live)
        server.start()
        with httpx.Client(base_url=server.base_url, timeout=10,
                          headers={"Authorization": f"Bearer {token(server)}"}) as client:
            for number, name in enumerate((CUSTOMER, *OTHERS)):
                response = client.post("/api/crm/customers", json={"name": name, "phone": f"054-70000{number:02d}"})
                assert response.status_code == 201, response.text
        yield server
    finally:
        live.stop()


def test_an_office_day(qtbot, app, home, office, twilio, tasks, memory_keyring):
    close_open_tasks(office.base_url)
    earlier = {w for w in QApplication.topLevelWidgets() if w.isVisible()}  # other tests' leftovers
    launcher = Launcher(tasks, paths.settings(), office.base_url,
                        window_factory=lambda session, pool: MainWindow(session, pool, tray_available=False))
    launcher.start(None)

    # Sign in, and search for the customer who called yesterday.
    window = log_in(qtbot, launcher)
    view, model = window.customers, window.model
    qtbot.waitUntil(lambda: model.total == 1 + len(OTHERS), timeout=TIMEOUT)
    view.search.setFocus()
    view.search.setText("אלמוג")  # as typed (QTest cannot type Hebrew keys); the search waits out its debounce
    qtbot.waitUntil(lambda: model.query_text == "אלמוג" and model.loaded_once and model.total == 1
                    and model.index(0, 0).data(ROW_ROLE) is not None, timeout=TIMEOUT)
    assert view.count.text() == "לקוח אחד"

    # Open the card with Enter, as an agent does from the search box's results.
    view.table.setFocus()
    view.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    row = model.index(0, 0).data(ROW_ROLE)
    qtbot.waitUntil(lambda: row["id"] in window.cards, timeout=TIMEOUT)
    card = window.cards[row["id"]]
    qtbot.waitUntil(lambda: card.whatsapp.loaded_once, timeout=TIMEOUT)

    # She never wrote on WhatsApp: free text is not allowed, a template is picked by name and sent.
    card.show_tab(card.whatsapp)
    chat = card.whatsapp
    assert not chat.window_is_open and chat.window_notice.isVisible()
    picker = chat.picker
    qtbot.waitUntil(lambda: picker.state == "ready", timeout=TIMEOUT)
    assert picker.template_names() == ["תזכורת לפגישה"]  # the rejected one is not offered
    assert picker.choose("תזכורת לפגישה")
    picker.set_variables({"1": "רחל", "2": "יום חמישי בעשר"})
    assert picker.preview_text() == "שלום רחל, מזכירים את הפגישה שלך ב-יום חמישי בעשר במשרד."
    assert picker.send()
    qtbot.waitUntil(lambda: len(twilio.sent) == 1, timeout=TIMEOUT)
    sent = twilio.sent[0]
    assert sent["ContentSid"] == twilio.contents[0]["sid"] and "Body" not in sent
    assert json.loads(sent["ContentVariables"]) == {"1": "רחל", "2": "יום חמישי בעשר"}
    qtbot.waitUntil(lambda: any("שלום רחל" in (m.get("body") or "") for m in chat.messages.values()),
                    timeout=TIMEOUT)

    # A task falls due: the alert pops over everything; the agent marks it done.
    alert = window.alerts.dialog
    first = create_task(office.base_url, window.session.api.access_token(), "להתקשר לרחל לגבי הדירה",
                        customer_id=row["id"])
    qtbot.waitUntil(lambda: alert.isVisible() and (alert.current or {}).get("task", {}).get("id") == first["id"],
                    timeout=TIMEOUT)
    alert.complete()
    qtbot.waitUntil(lambda: not alert.isVisible(), timeout=TIMEOUT)

    # The server restarts (a new signing secret: every access token is refused): the banner tells
    # the agent, and the app comes back by itself.
    bridge, banner = window.alerts.bridge, window.connection_banner
    office.stop()
    qtbot.waitUntil(lambda: not bridge.connected and banner.isVisible(), timeout=LOSS_TIMEOUT)
    connections = bridge.connections
    office.start()
    qtbot.waitUntil(lambda: bridge.connected and bridge.connections > connections, timeout=60_000)
    qtbot.waitUntil(lambda: banner.online and (not banner.isVisible() or "חזר" in banner.text.text()), timeout=TIMEOUT)

    # The next task still pops, once, without the agent doing anything.
    second = create_task(office.base_url, token(office), "לשלוח לרחל את החוזה", customer_id=row["id"])
    qtbot.waitUntil(lambda: alert.isVisible() and (alert.current or {}).get("task", {}).get("id") == second["id"],
                    timeout=TIMEOUT)
    assert [payload["task"]["id"] for payload in alert.queue] == [second["id"]]
    assert card.isVisible() and CUSTOMER in visible_text()

    # Log out: nothing of the day stays on screen, only the login dialog (email remembered).
    window.logout_action.trigger()
    qtbot.waitUntil(lambda: launcher.login is not None and launcher.login.isVisible(), timeout=TIMEOUT)
    login = launcher.login
    qtbot.waitUntil(lambda: {w for w in QApplication.topLevelWidgets() if w.isVisible()} - earlier == {login},
                    timeout=TIMEOUT)
    on_screen = visible_text()
    assert all(name not in on_screen for name in (CUSTOMER, *OTHERS, "להתקשר לרחל", "לשלוח לרחל"))
    assert login.email.text() == EMAIL and not login.password.text()
    assert not memory_keyring.passwords  # the saved session is gone with the agent
    launcher.login.reject()
