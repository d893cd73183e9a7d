"""Live calls on the desktop against a live server of their own: a "ring_agents" business,
open all week, whose two agents (each with a phone) have their desktops connected. Signed
Twilio webhooks drive it as Twilio would: incoming_call rings the agents (call:ringing),
dial_answered says who picked up (call:answered), dial_status says nobody did (call:missed)
and leaves a call-back task. Twilio's Calls API (click-to-call) is the only thing faked.

Offscreen there is no tray: the window's own notice; the tray's path with a tray icon the
window is told it has, its messages recorded."""

from __future__ import annotations

import shutil
import uuid
from datetime import UTC, datetime

import httpx
import pytest
from PySide6.QtCore import Qt

from desktop.api import Api, Session
from desktop.views.card.base import selected_row
from desktop.views.main_window import MainWindow
from desktop.views.screen_pop import ANSWERED_MS
from desktop.views.task_due import TaskDueDialog
from server.calls.models import Call
from server.calls.recordings import recording_file
from server.jobs.models import Job
from server.tasks.models import Task
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD, ROOT
from tests.e2e.live import Live
from tests.fake_twilio_calls import FakeTwilioCalls
from tests.twilio_helpers import call_params, signed_form

ADMIN, AGENT = "live-admin@example.com", "live-agent@example.com"
PHONES = {ADMIN: "+972541110011", AGENT: "+972541110022"}
NAMES = {ADMIN: "אורית המנהלת", AGENT: "שי הסוכן"}
ALWAYS_OPEN = {day: [["00:00", "24:00"]] for day in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")}
ROTEM = ("רותם לוי", "052-987-6543", "+972529876543")
TRANSCRIPT = "שלום, זו רותם. ראיתי את הדירה ברחוב הרצל, תחזרו אליי בבקשה אחרי ארבע."
TIMEOUT = 15_000


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioCalls(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def office(databases, tmp_path_factory, twilio):
    live = Live.on(databases, tmp_path_factory.mktemp("live-calls"), TWILIO_API_BASE=twilio.base_url)
    try:
        live.seed({"name": "משרד השיחות החיות", "phone": BUSINESS_PHONE, "users": [
            {"email": ADMIN, "password": PASSWORD, "role": "admin", "name": NAMES[ADMIN]},
            {"email": AGENT, "password": PASSWORD, "role": "agent", "name": NAMES[AGENT]}]})
        live.start_server()
        body = live.login(ADMIN, PASSWORD)
        with httpx.Client(base_url=live.base_url, timeout=10,
                          headers={"Authorization": f"Bearer {body['access_token']}"}) as client:
            users = client.get("/api/crm/users").json()["results"]
            live.user_ids = {user["email"]: user["id"] for user in users}
            for email, user_id in live.user_ids.items():
                assert client.patch(f"/api/crm/users/{user_id}", json={"phone": PHONES[email]}).status_code == 200
            response = client.patch("/api/business", json={"call_mode": "ring_agents", "hours": ALWAYS_OPEN,
                                                           "closed_on_holidays": False, "ring_seconds": 20})
            assert response.status_code == 200, response.text
            live.rotem = client.post("/api/crm/customers", json={"name": ROTEM[0], "phone": ROTEM[1]}).json()
        yield live
    finally:
        live.stop()


def twilio_post(live: Live, path: str, params: dict, *, query: str = "") -> str:
    full_path, body, headers = signed_form(live.base_url, path, params, query=query)
    response = httpx.post(live.base_url + full_path, content=body, headers=headers, timeout=10)
    assert response.status_code == 200, response.text
    return response.text


def ring(live: Live, caller: str) -> str:
    """A signed incoming_call (the agents' phones ring: its TwiML dials them); its CallSid."""
    sid = "CA" + uuid.uuid4().hex
    twiml = twilio_post(live, "/webhook/incoming_call", call_params(sid, From=caller, Caller=caller))
    assert "<Dial" in twiml, twiml
    return sid


def picked_up(live: Live, sid: str, call_id: int, email: str) -> None:
    """The url of the agent's <Number>: Twilio fetches it when that phone answers."""
    twilio_post(live, "/webhook/dial_answered", call_params("CA" + uuid.uuid4().hex, CallStatus="in-progress"),
                query=f"call={call_id}&user={live.user_ids[email]}")


def nobody_answered(live: Live, sid: str) -> None:
    twilio_post(live, "/webhook/dial_status", call_params(sid, DialCallStatus="no-answer", CallStatus="in-progress"))


def open_window(qtbot, live: Live, tasks, email: str, *, tray: bool = False) -> MainWindow:
    api = Api(live.base_url)
    user = api.login(email, PASSWORD)
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=tray)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.alerts.bridge.connected and window.model.loaded_once
                        and window.presence.effective == "available", timeout=TIMEOUT)
    except BaseException:
        close(window)  # its socket thread must not outlive the window
        raise
    return window


def close(window: MainWindow) -> None:
    window.alerts.stop()
    window.presence.stop()
    for card in list(window.cards.values()):
        card.close()


@pytest.fixture
def desks(qtbot, office, tasks):
    """Both agents' desktops, connected and available."""
    windows = {email: open_window(qtbot, office, tasks, email) for email in (ADMIN, AGENT)}
    yield windows
    for window in windows.values():
        close(window)


def test_a_live_call_pops_ringing_on_every_desk_and_closes_when_one_answers(qtbot, office, desks):
    admin, agent = desks[ADMIN], desks[AGENT]
    shown = {email: [] for email in desks}
    for email, window in desks.items():
        window.screen_pop.shown.connect(shown[email].append)
    with qtbot.waitSignals([w.screen_pop.shown for w in desks.values()], timeout=TIMEOUT):
        ring(office, ROTEM[2])
    for window in desks.values():
        qtbot.waitUntil(lambda w=window: w.screen_pop.current is not None and w.screen_pop.current.ringing,
                        timeout=TIMEOUT)
    pop = admin.screen_pop.current
    assert pop.customer_id == office.rotem["id"]
    notice = admin.screen_pop.notice
    assert notice.isVisible() and (notice.title_label.text(), notice.name_label.text()) == ("הטלפון מצלצל", ROTEM[0])
    assert ROTEM[1] in notice.detail_label.text() and "מצלצל אצל 2 סוכנים" in notice.detail_label.text()
    # One notice per call: the call:new notice of the same call became the ringing one.
    assert [p.call_id for p in shown[ADMIN]] == [pop.call_id, pop.call_id]
    assert admin.screen_pop.waiting == [] and notice.more_label.text() == ""

    # The agent picks up: the admin's notice says who, then closes; the agent's closes at once.
    with qtbot.waitSignals([admin.screen_pop.closed, agent.screen_pop.closed], timeout=TIMEOUT):
        picked_up(office, "", pop.call_id, AGENT)
    assert notice.isVisible() and notice.detail_label.text().strip("\u200f") == f"נענתה על ידי {NAMES[AGENT]}"
    assert notice.title_label.text() == "השיחה נענתה"
    assert not agent.screen_pop.notice.isVisible() and agent.screen_pop.current is None
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=ANSWERED_MS + TIMEOUT)
    assert admin.screen_pop.current is None


def test_the_ringing_notice_opens_the_callers_card(qtbot, office, desks):
    agent = desks[AGENT]
    with qtbot.waitSignal(agent.screen_pop.shown, timeout=TIMEOUT,
                          check_params_cb=lambda pop: pop.ringing):
        ring(office, ROTEM[2])
    qtbot.mouseClick(agent.screen_pop.notice.open_button, Qt.MouseButton.LeftButton)
    card = agent.cards[office.rotem["id"]]
    assert card.isVisible() and card.tabs.currentWidget() is card.calls
    assert not agent.screen_pop.notice.isVisible()


def test_nobody_answers_the_notice_closes_and_the_call_back_task_shows_the_message(qtbot, office, desks, twilio):
    agent = desks[AGENT]
    with qtbot.waitSignal(agent.screen_pop.shown, timeout=TIMEOUT, check_params_cb=lambda pop: pop.ringing) as rung:
        sid = ring(office, ROTEM[2])
    with qtbot.waitSignal(agent.screen_pop.closed, timeout=TIMEOUT) as closed:
        nobody_answered(office, sid)
    assert closed.args[1] == "missed" and not agent.screen_pop.notice.isVisible()

    # The caller left a message, the jobs stored and transcribed it (written here straight to the row).
    call_id = rung.args[0].call_id

    async def message_left() -> None:
        call = await Call.get(id=call_id)
        call.recording_sid, call.recording_duration = "RE" + uuid.uuid4().hex, 9
        relative = recording_file(call)
        (office.media_root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "server" / "static" / "voice_responses" / "welcome.mp3", office.media_root / relative)
        call.recording_path, call.transcript, call.transcript_status = str(relative), TRANSCRIPT, "done"
        await call.save()

    office.run(message_left)
    card = agent.open_card(office.rotem["id"])
    tab = card.tasks_tab
    card.show_tab(tab)
    qtbot.waitUntil(lambda: tab.loaded_once and tab.callback.isVisible(), timeout=TIMEOUT)  # the call-back selected
    panel = tab.callback
    assert panel.task["kind"] == "callback" and panel.task["call_id"] == call_id
    assert panel.transcript.text() == TRANSCRIPT and panel.transcript.isVisible()
    assert panel.heading.text() == "שיחה שלא נענתה" and ROTEM[1] in panel.summary.text()
    assert panel.player is not None and not panel.no_message.isVisible()
    # When it falls due, the alert shows the same call, and its Call button calls back.
    alert = TaskDueDialog(agent.session.api, agent.tasks, full_screen=False)
    qtbot.addWidget(alert)
    alert.add({"task": panel.task, "customer": {"id": office.rotem["id"], "name": ROTEM[0]}})
    assert alert.callback.isVisible() and alert.callback.transcript.text() == TRANSCRIPT
    assert alert.call_button.text() == "התקשרות חזרה" and alert.callback.player is not None
    alert.dismiss()
    # "התקשרות חזרה": click-to-call rings the agent's own phone (Twilio, faked) to reach Rotem.
    before = len(twilio.created)
    qtbot.mouseClick(panel.call_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("הטלפון שלך יצלצל"), timeout=TIMEOUT)
    assert len(twilio.created) == before + 1 and twilio.created[-1]["To"] == [PHONES[AGENT]]


def test_with_a_tray_the_ringing_call_is_the_trays_message_and_clicking_it_opens_the_card(qtbot, office, tasks):
    window = open_window(qtbot, office, tasks, ADMIN, tray=True)
    try:
        messages: list[tuple] = []
        window.tray.showMessage = lambda *args: messages.append(args)  # offscreen no tray shows anything
        with qtbot.waitSignal(window.screen_pop.shown, timeout=TIMEOUT, check_params_cb=lambda pop: pop.ringing):
            ring(office, ROTEM[2])
        title, text, *_rest = messages[-1]
        assert title == "הטלפון מצלצל" and text.startswith(ROTEM[0])
        assert not window.screen_pop.notice.isVisible()
        window.tray.messageClicked.emit()
        card = window.cards[office.rotem["id"]]
        assert card.isVisible() and card.tabs.currentWidget() is card.calls
        # The tray's menu switches presence too.
        menu = [action.text() for action in window.tray.contextMenu().actions()]
        assert "זמין" in menu and "לא זמין" in menu
        away = next(a for a in window.tray.contextMenu().actions() if a.text() == "לא זמין")
        away.trigger()
        qtbot.waitUntil(lambda: window.presence.effective == "away", timeout=TIMEOUT)
        window.presence_switch.available_action.trigger()
        qtbot.waitUntil(lambda: window.presence.effective == "available", timeout=TIMEOUT)
    finally:
        close(window)


def test_an_overdue_call_back_pops_for_the_admin_and_opens_the_task(qtbot, office, desks):
    """The server escalates a call-back still open two call-back times after the call (a job):
    here the job is brought forward to now, and the server's worker runs it."""
    admin, agent = desks[ADMIN], desks[AGENT]
    with qtbot.waitSignal(agent.screen_pop.shown, timeout=TIMEOUT, check_params_cb=lambda pop: pop.ringing) as rung:
        sid = ring(office, ROTEM[2])
    with qtbot.waitSignal(agent.screen_pop.closed, timeout=TIMEOUT):
        nobody_answered(office, sid)
    call_id = rung.args[0].call_id
    agent_pops: list = []
    agent.screen_pop.shown.connect(agent_pops.append)

    async def overdue_now() -> int:
        await Job.filter(dedupe_key=f"callback-escalate:{call_id}").update(run_at=datetime.now(UTC))
        return (await Task.get(call_id=call_id)).id

    with qtbot.waitSignal(admin.screen_pop.shown, timeout=TIMEOUT, check_params_cb=lambda pop: pop.kind == "callback"):
        task_id = office.run(overdue_now)
    notice = admin.screen_pop.notice
    assert (notice.title_label.text(), notice.name_label.text()) == ("התקשרות חזרה באיחור", ROTEM[0])
    assert notice.detail_label.text().strip("\u200f").startswith("שיחה שלא נענתה מ-")
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    card = admin.cards[office.rotem["id"]]
    assert card.tabs.currentWidget() is card.tasks_tab
    qtbot.waitUntil(lambda: (selected_row(card.tasks_tab.table) or {}).get("id") == task_id, timeout=TIMEOUT)
    assert card.tasks_tab.callback.isVisible()
    assert not any(pop.kind == "callback" for pop in agent_pops)  # admins only


def test_late_or_repeated_events_of_a_call_never_pop_it_again(qtbot, office, desks):
    """Events delivered out of order (a call:new after its ringing, a ringing after its answer)
    keep one notice per call, and none after it ended."""
    agent = desks[AGENT]
    heard: list = []
    agent.alerts.bridge.event.connect(lambda name, payload: heard.append((name, payload)))
    with qtbot.waitSignal(agent.screen_pop.shown, timeout=TIMEOUT, check_params_cb=lambda pop: pop.ringing) as rung:
        sid = ring(office, ROTEM[2])
    call_id = rung.args[0].call_id
    qtbot.waitUntil(lambda: any(name == "call:ringing" for name, _p in heard), timeout=TIMEOUT)
    (new,) = [p for name, p in heard if name == "call:new" and p["call"]["call_sid"] == sid]
    (ringing,) = [p for name, p in heard if name == "call:ringing" and p["call_id"] == call_id]
    shown: list = []
    agent.screen_pop.shown.connect(shown.append)
    agent.alerts.bridge.event.emit("call:new", new)
    assert shown == [] and agent.screen_pop.current.ringing
    with qtbot.waitSignal(agent.screen_pop.closed, timeout=TIMEOUT):
        nobody_answered(office, sid)
    agent.alerts.bridge.event.emit("call:ringing", ringing)
    assert shown == [] and agent.screen_pop.current is None and not agent.screen_pop.notice.isVisible()


def test_a_call_rings_over_the_full_screen_task_alert_and_goes_back_when_it_closes(qtbot, office, desks):
    """The task-due alert covers the whole screen: a ringing call shows on it, can open the
    card from there, and the notice returns to the main window once the alert is gone."""
    agent = desks[AGENT]
    dialog = agent.alerts.dialog
    when = datetime.now(UTC).isoformat()
    with qtbot.waitSignal(agent.alerts.bridge.task_due, timeout=TIMEOUT):
        agent.session.api.request("POST", "/api/crm/tasks", json={"title": "לשלוח הצעת מחיר", "due_at": when})
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isFullScreen(), timeout=TIMEOUT)
    with qtbot.waitSignal(agent.screen_pop.shown, timeout=TIMEOUT,
                          check_params_cb=lambda pop: pop.ringing):
        sid = ring(office, ROTEM[2])
    notice = agent.screen_pop.notice
    assert notice.parentWidget() is dialog and notice.isVisible()
    dialog.hide()  # the agent deals with the task: the call's notice stays in sight
    assert notice.parentWidget() is agent and notice.isVisible()
    nobody_answered(office, sid)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=TIMEOUT)
    # Another call while the alert is up again: its card opens in front, the alert steps aside.
    dialog.present()
    with qtbot.waitSignal(agent.screen_pop.shown, timeout=TIMEOUT, check_params_cb=lambda pop: pop.ringing):
        sid = ring(office, ROTEM[2])
    assert notice.parentWidget() is dialog
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert not dialog.isFullScreen() and office.rotem["id"] in agent.cards
    nobody_answered(office, sid)
