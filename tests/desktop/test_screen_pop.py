"""Screen pop (desktop/views/screen_pop.py) against a live server of its own: signed Twilio
webhooks (an incoming call, a WhatsApp message) reach the main window over its real socket and
pop a notice naming the customer, which opens the card on the right tab; Twilio's Calls API
(click-to-call) is the only thing faked. Offscreen there is no tray: the window's own notice,
and the tray's path with a tray icon the window is told it has."""

from __future__ import annotations

import uuid

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.api import Api, Session
from desktop.views.main_window import MainWindow
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live
from tests.fake_twilio_calls import FakeTwilioCalls
from tests.twilio_helpers import call_params, signed_form

AGENT = "pop@example.com"
AGENT_PHONE = "+972541110001"
TIMEOUT = 15_000
ROTEM = ("רותם לוי", "052-987-6543", "+972529876543")


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioCalls(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def pop_server(databases, tmp_path_factory, twilio):
    """A live server of its own (new callers become customers here, not in the shared one's
    counted table); its Twilio REST calls go to the fake."""
    live = Live.on(databases, tmp_path_factory.mktemp("pop-live"), TWILIO_API_BASE=twilio.base_url)
    try:
        live.seed({"name": "משרד הקבלה", "phone": BUSINESS_PHONE,
                   "users": [{"email": AGENT, "password": PASSWORD, "role": "admin"}]})
        live.start_server()
        body = live.login(AGENT, PASSWORD)
        with httpx.Client(base_url=live.base_url, timeout=10,
                          headers={"Authorization": f"Bearer {body['access_token']}"}) as client:
            assert client.patch(f"/api/crm/users/{body['user']['id']}", json={"phone": AGENT_PHONE}).status_code == 200
            live.rotem = client.post("/api/crm/customers", json={"name": ROTEM[0], "phone": ROTEM[1]}).json()
        yield live
    finally:
        live.stop()


def post_webhook(live: Live, path: str, params: dict) -> None:
    full_path, body, headers = signed_form(live.base_url, path, params)
    response = httpx.post(live.base_url + full_path, content=body, headers=headers, timeout=10)
    assert response.status_code == 200, response.text


def ring(live: Live, caller: str, sid: str | None = None) -> str:
    """A signed incoming_call, as Twilio sends it when `caller` dials the business; its CallSid."""
    sid = sid or "CA" + uuid.uuid4().hex
    post_webhook(live, "/webhook/incoming_call", call_params(sid, From=caller, Caller=caller))
    return sid


def whatsapp(live: Live, sender: str, body: str, profile: str = "") -> str:
    sid = "SM" + uuid.uuid4().hex
    post_webhook(live, "/webhook/whatsapp", {
        "AccountSid": ACCOUNT_SID, "MessageSid": sid, "From": f"whatsapp:{sender}", "To": f"whatsapp:{BUSINESS_PHONE}",
        "Body": body, "NumMedia": "0", "ProfileName": profile, "WaId": sender.lstrip("+")})
    return sid


def open_window(qtbot, live: Live, tasks, *, tray: bool = False) -> MainWindow:
    api = Api(live.base_url)
    user = api.login(AGENT, PASSWORD)
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=tray)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.alerts.bridge.connected and window.model.loaded_once, timeout=TIMEOUT)
    return window


@pytest.fixture
def window(qtbot, pop_server, tasks):
    window = open_window(qtbot, pop_server, tasks)
    yield window
    window.alerts.stop()
    for card in list(window.cards.values()):
        card.close()


@pytest.fixture
def shown(window) -> list:
    """Every notice the screen pop put on screen, in order."""
    pops: list = []
    window.screen_pop.shown.connect(pops.append)
    return pops


def test_an_incoming_call_names_the_caller_and_opens_the_card_on_its_calls_tab(qtbot, window, pop_server):
    # The agent is typing in the search box when the phone rings: the notice takes no keystroke.
    window.activateWindow()
    search = window.customers.search
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search, timeout=TIMEOUT)
    qtbot.keyClicks(search, "05")  # QTest types ASCII only
    pop = window.screen_pop
    with qtbot.waitSignal(pop.shown, timeout=TIMEOUT) as shown:
        sid = ring(pop_server, ROTEM[2])
    assert shown.args[0].key == sid
    notice = pop.notice
    assert notice.isVisible() and notice.open_button.isVisible() and not notice.more_label.text()
    assert (notice.title_label.text(), notice.name_label.text()) == ("שיחה נכנסת", ROTEM[0])
    assert ROTEM[1] in notice.detail_label.text()
    assert QApplication.focusWidget() is search
    qtbot.keyClicks(search, "2")
    assert search.text() == "052"

    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    card = window.cards[pop_server.rotem["id"]]
    assert card.isVisible() and card.tabs.currentWidget() is card.calls
    assert not notice.isVisible() and pop.current is None
    # The call the notice was about asks for its outcome once its row arrives.
    call_id = shown.args[0].call_id
    qtbot.waitUntil(lambda: call_id in card.calls.rows and card.calls.rows[call_id].asking, timeout=TIMEOUT)
    assert card.calls.rows[call_id].form.isVisible()


def test_one_notice_per_call_sid_however_often_it_comes(qtbot, window, pop_server, shown):
    heard: list = []
    window.alerts.bridge.event.connect(lambda name, payload: heard.append((name, payload)))
    with qtbot.waitSignal(window.screen_pop.shown, timeout=TIMEOUT):
        sid = ring(pop_server, ROTEM[2])
    ring(pop_server, ROTEM[2], sid=sid)  # Twilio's retry of the same webhook

    def heard_new() -> list:
        return [p for name, p in heard if name == "call:new" and p["call"]["call_sid"] == sid]

    # The test's own slot is queued behind the screen pop's: `shown` can come before it ran.
    qtbot.waitUntil(lambda: bool(heard_new()), timeout=TIMEOUT)
    (payload,) = heard_new()
    window.alerts.bridge.event.emit("call:new", payload)  # and the same event delivered once more
    with qtbot.waitSignal(window.screen_pop.shown, timeout=TIMEOUT):
        marker = ring(pop_server, "+972541119999")
    assert [p.key for p in shown] == [sid, marker]


def test_several_in_a_row_the_newest_on_top_each_opening_its_own_card(qtbot, window, pop_server, shown):
    pop, notice = window.screen_pop, window.screen_pop.notice
    with qtbot.waitSignal(pop.shown, timeout=TIMEOUT):
        ring(pop_server, ROTEM[2])
    with qtbot.waitSignal(pop.shown, timeout=TIMEOUT):
        ring(pop_server, "054-111-2233")  # a number the business has never seen
    newest = shown[-1]
    # A new number is a new customer (a lead, named by the number): the notice shows the number.
    assert notice.name_label.text() == "054-111-2233" and notice.more_label.text() == "ועוד התראה אחת"
    lead = window.session.api.get(f"/api/crm/customers/{newest.customer_id}")
    assert (lead["phone_display"], lead["status"]) == ("054-111-2233", "lead")

    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert newest.customer_id in window.cards
    assert window.cards[newest.customer_id].tabs.currentWidget() is window.cards[newest.customer_id].calls
    # The earlier notice is back, and opens its own customer's card.
    assert notice.isVisible() and notice.name_label.text() == ROTEM[0] and pop.current is shown[-2]
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert pop_server.rotem["id"] in window.cards and not notice.isVisible()


def test_a_hidden_number_pops_without_a_card_to_open_and_closes(qtbot, window, pop_server):
    with qtbot.waitSignal(window.screen_pop.shown, timeout=TIMEOUT):
        ring(pop_server, "anonymous")
    notice = window.screen_pop.notice
    assert notice.name_label.text() == "מספר חסוי" and not notice.open_button.isVisible()
    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible() and window.screen_pop.current is None and window.cards == {}


def test_an_inbound_whatsapp_message_pops_and_opens_the_whatsapp_tab(qtbot, window, pop_server):
    with qtbot.waitSignal(window.screen_pop.shown, timeout=TIMEOUT) as shown:
        sid = whatsapp(pop_server, ROTEM[2], "  שלום, אפשר לקבוע   פגישה מחר?")
    assert (shown.args[0].kind, shown.args[0].key) == ("whatsapp", sid)
    notice = window.screen_pop.notice
    assert (notice.title_label.text(), notice.name_label.text()) == ("הודעת וואטסאפ", ROTEM[0])
    assert notice.detail_label.text().strip("\u200f") == "שלום, אפשר לקבוע פגישה מחר?"
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    card = window.cards[pop_server.rotem["id"]]
    assert card.tabs.currentWidget() is card.whatsapp
    qtbot.waitUntil(lambda: any(m.get("message_sid") == sid for m in card.whatsapp.messages.values()),
                    timeout=TIMEOUT)


def test_the_agents_own_outbound_call_does_not_pop(qtbot, window, pop_server, twilio, shown):
    card = window.open_card(pop_server.rotem["id"])
    with qtbot.waitSignal(window.alerts.bridge.event, timeout=TIMEOUT,
                          check_params_cb=lambda name, payload: name == "call:new") as heard:
        card.overview.call_button.click()  # click-to-call: Twilio (the fake) rings the agent
    assert heard.args[1]["call"]["direction"] == "outbound-api"
    assert heard.args[1]["customer"] == {"id": pop_server.rotem["id"], "name": ROTEM[0]}
    # The screen pop heard the event first (it connected first) and let it pass.
    assert shown == [] and window.screen_pop.current is None and not window.screen_pop.notice.isVisible()


def test_the_agents_own_whatsapp_reply_does_not_pop(qtbot, window, pop_server, shown):
    with qtbot.waitSignal(window.screen_pop.shown, timeout=TIMEOUT):
        whatsapp(pop_server, ROTEM[2], "היי")
    qtbot.mouseClick(window.screen_pop.notice.open_button, Qt.MouseButton.LeftButton)
    card = window.cards[pop_server.rotem["id"]]
    card.whatsapp.input.setText("תודה, נחזור אלייך היום")
    with qtbot.waitSignal(window.alerts.bridge.event, timeout=TIMEOUT, check_params_cb=lambda name, payload: (
            name == "wa:message" and payload["message"]["direction"] == "outbound")):
        card.whatsapp.send_button.click()
    assert len(shown) == 1 and window.screen_pop.current is None and not window.screen_pop.notice.isVisible()


def test_with_a_tray_the_notice_is_the_trays_and_clicking_it_opens_the_card(qtbot, pop_server, tasks):
    window = open_window(qtbot, pop_server, tasks, tray=True)
    try:
        assert window.tray is not None
        messages: list[tuple] = []
        # Offscreen no tray shows anything: what the screen pop hands the tray is recorded instead.
        window.tray.showMessage = lambda *args: messages.append(args)
        with qtbot.waitSignal(window.screen_pop.shown, timeout=TIMEOUT):
            whatsapp(pop_server, ROTEM[2], "תודה!")
        (title, text, *_rest), = messages
        assert title == "הודעת וואטסאפ" and text.startswith(ROTEM[0]) and "תודה!" in text
        assert not window.screen_pop.notice.isVisible()
        window.tray.messageClicked.emit()
        card = window.cards[pop_server.rotem["id"]]
        assert card.tabs.currentWidget() is card.whatsapp
        window.tray.messageClicked.emit()  # a second click on an old message opens nothing more
        assert list(window.cards) == [pop_server.rotem["id"]]
    finally:
        window.alerts.stop()
        for card in list(window.cards.values()):
            card.close()
