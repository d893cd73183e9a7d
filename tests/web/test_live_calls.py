"""Live calls in real browsers against a real server, driven by requests signed as Twilio signs
them: a ring_agents business, open all week, with two agents whose phones ring (דנה, an admin,
and יוסי), each signed in in a browser of their own, whose sockets make them available.

- The screen pop: a call from a known customer shows one notice "שיחה נכנסת" with the
  customer's name in both browsers (call:new and Twilio's retry make no second one), never
  taking the focus; when יוסי's phone picks up, דנה's notice says "נענתה על ידי יוסי" and goes,
  יוסי's says "ענית לשיחה". A call from an unknown number names the number as dialled in
  Israel; "פתיחת הכרטיס" opens the caller's card; nobody answers, and the other notice closes
  on call:missed. The missed call's call-back task shows on /tasks with its call (when, the
  number, the transcript); when its escalation comes due the admin gets "התקשרות חזרה
  באיחור"; its "התקשרות חזרה" rings the agent's phone through Twilio.
- The presence switch: clicked and by keyboard it sets the server's status; a change made
  elsewhere (presence:changed) moves it; with the browser offline it says "לא מחובר".

Screenshots: web-call-toast-desktop, web-call-toast-phone, web-call-toast-answered,
web-call-toast-overdue, web-callback-task-desktop.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import httpx
import pytest
from playwright.sync_api import expect

from server.auth.models import User
from server.businesses.models import Business
from server.calls.models import Call
from server.customers.models import Customer
from server.jobs.models import Job
from server.tasks.models import Task
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live, wait_until
from tests.fake_twilio_calls import FakeTwilioCalls
from tests.twilio_helpers import call_params, signed_form
from tests.web.conftest import log_in, needs_browser

pytestmark = needs_browser

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
ALWAYS_OPEN = {day: [["00:00", "24:00"]] for day in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")}
DANA = "dana@live.example.com"
YOSSI = "yossi@live.example.com"
KNOWN = "+972541234567"
UNKNOWN = "+972539876543"
TRANSCRIPT = "שלום, זה בקשר לדירה ברחוב הרצל, תחזרו אליי בבקשה."


class Office:
    def __init__(self, live: Live, twilio: FakeTwilioCalls) -> None:
        self.live, self.twilio = live, twilio
        self.base_url = live.base_url
        self.users = live.run(self._users)

    @staticmethod
    async def _users() -> dict[str, int]:
        return {user.email: user.id for user in await User.all()}

    def twilio_post(self, path: str, params: dict, query: str = "") -> httpx.Response:
        full_path, body, headers = signed_form(self.base_url, path, params, query=query)
        response = httpx.post(self.base_url + full_path, content=body, headers=headers, timeout=10)
        assert response.status_code == 200, response.text
        return response

    def call(self, sid: str, caller: str) -> int:
        """A call comes in; the id of its row."""
        response = self.twilio_post("/webhook/incoming_call", call_params(sid, From=caller, Caller=caller))
        assert "<Dial" in response.text, response.text  # the agents' phones ring

        async def find():
            return (await Call.get(call_sid=sid)).id

        return self.live.run(find)

    def client(self, email: str) -> httpx.Client:
        token = self.live.login(email, PASSWORD)["access_token"]
        return httpx.Client(base_url=self.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)


@pytest.fixture(scope="module")
def office(databases, tmp_path_factory):
    with FakeTwilioCalls(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio:
        live = Live.on(databases, tmp_path_factory.mktemp("web-live-calls"), APP_ENV="development",
                       TWILIO_API_BASE=twilio.base_url)
        (business_id,) = live.seed({"name": "משרד חי", "phone": BUSINESS_PHONE, "users": [
            {"email": DANA, "password": PASSWORD, "role": "admin", "name": "דנה"},
            {"email": YOSSI, "password": PASSWORD, "role": "agent", "name": "יוסי"}]})

        async def prepare():
            await Business.filter(id=business_id).update(call_mode="ring_agents", ring_seconds=20, hours=ALWAYS_OPEN,
                                                         closed_on_holidays=False, callback_minutes=30)
            await User.filter(email=DANA).update(phone="+972521111111")
            await User.filter(email=YOSSI).update(phone="+972522222222")
            await Customer.create(business_id=business_id, name="משה לוי", phone=KNOWN, status="lead")

        live.run(prepare)
        live.start_server()
        yield Office(live, twilio)
        live.stop()


def signed_in(browser, office: Office, email: str, viewport: dict, url: str = "/crm/customers"):
    context = browser.new_context(viewport=viewport, locale="he-IL")
    page = context.new_page()
    log_in(page, office.base_url, email, PASSWORD)
    if url != "/crm/customers":
        page.goto(office.base_url + url)
    page.locator(".topbar").wait_for()
    return page


def wait_online(office: Office, email: str, online: bool = True) -> None:
    with office.client(email) as client:
        wait_until(lambda: client.get("/api/crm/me/presence").json()["online"] is online, timeout=15,
                   what=f"{email} online={online}")


def ringing(page, call_id: int):
    return page.locator(f"[data-testid='toast'][data-key='call:{call_id}']")


def test_the_screen_pop_rings_in_every_browser_and_closes_when_answered_or_missed(office, browser, shots):
    dana = signed_in(browser, office, DANA, DESKTOP)
    yossi = signed_in(browser, office, YOSSI, PHONE)
    try:
        wait_online(office, DANA)
        wait_online(office, YOSSI)
        search = dana.get_by_role("searchbox").first
        search.focus()

        call_id = office.call("CA" + "1" * 32, KNOWN)
        for page in (dana, yossi):
            notice = ringing(page, call_id)
            expect(notice).to_be_visible()
            expect(notice).to_contain_text("שיחה נכנסת")
            expect(notice).to_contain_text("משה לוי")
            expect(notice.get_by_role("button", name="פתיחת הכרטיס")).to_be_visible()
        # Twilio retries the webhook: still one notice per call, and the focus stayed where it was.
        office.twilio_post("/webhook/incoming_call", call_params("CA" + "1" * 32, From=KNOWN, Caller=KNOWN))
        expect(dana.get_by_test_id("toast").filter(has_text="שיחה נכנסת")).to_have_count(1)
        expect(search).to_be_focused()
        shots(dana, "web-call-toast-desktop")
        shots(yossi, "web-call-toast-phone")

        # יוסי's phone picks up (Twilio fetches his <Number>'s url).
        office.twilio_post("/webhook/dial_answered", call_params("CA" + "2" * 32, To="+972522222222"),
                           query=f"call={call_id}&user={office.users[YOSSI]}")
        expect(ringing(dana, call_id)).to_contain_text("נענתה על ידי יוסי")
        expect(ringing(yossi, call_id)).to_contain_text("ענית לשיחה")
        shots(dana, "web-call-toast-answered")
        expect(ringing(dana, call_id)).to_have_count(0, timeout=10_000)  # said briefly, then gone
        expect(ringing(yossi, call_id)).to_have_count(0, timeout=10_000)

        # An unknown number: named as dialled in Israel. דנה opens the card from the notice.
        sid = "CA" + "3" * 32
        second = office.call(sid, UNKNOWN)
        expect(ringing(dana, second)).to_contain_text("053-987-6543")
        expect(ringing(yossi, second)).to_contain_text("053-987-6543")

        async def caller_id():
            return (await Call.get(id=second)).customer_id

        customer_id = office.live.run(caller_id)
        ringing(dana, second).get_by_role("button", name="פתיחת הכרטיס").click()
        dana.wait_for_url(f"**/crm/customers/{customer_id}")
        expect(ringing(dana, second)).to_have_count(0)

        # Nobody answers: the caller leaves a message, and יוסי's notice closes.
        missed = office.twilio_post("/webhook/dial_status", call_params(sid, From=UNKNOWN, DialCallStatus="no-answer"))
        assert "<Record" in missed.text
        expect(ringing(yossi, second)).to_have_count(0)
        expect(ringing(dana, second)).to_have_count(0)  # put away by the click: the miss brings nothing back
        assert not re.search(r"[A-Za-z]{2,}", " ".join(dana.get_by_test_id("toast").all_inner_texts()))
    finally:
        dana.context.close()
        yossi.context.close()


def test_a_call_back_task_shows_its_call_and_calls_back(office, browser, shots):
    """The unknown caller's call-back (the test above missed it), on its assignee's /tasks."""
    async def task_of_missed():
        call = await Call.get(call_sid="CA" + "3" * 32)
        await Call.filter(id=call.id).update(transcript=TRANSCRIPT, transcript_status="done")
        task = await Task.get(call_id=call.id)
        assignee = await User.get(id=task.assignee_id)
        return task.title, assignee.email, call.customer_id

    title, assignee, customer_id = office.live.run(task_of_missed)
    assert assignee == DANA  # the on-duty user: the first admin
    page = signed_in(browser, office, DANA, DESKTOP, "/tasks")
    try:
        row = page.get_by_test_id("my-task").filter(has_text=title)
        details = row.get_by_test_id("callback-call")
        expect(details).to_be_visible()
        expect(details.get_by_test_id("callback-from")).to_have_text("053-987-6543")
        expect(details).to_contain_text("לא נענתה")
        expect(details.get_by_test_id("callback-transcript")).to_have_text(TRANSCRIPT)
        expect(details).to_contain_text("המתקשר לא השאיר הודעה")
        shots(page, "web-callback-task-desktop")

        # Still open when its escalation comes due (brought forward here): the admin is told.
        async def due_now():
            await Job.filter(kind="callback.escalate").update(run_at=datetime.now(UTC))

        office.live.run(due_now)
        overdue = page.get_by_test_id("toast").filter(has_text="התקשרות חזרה באיחור")
        expect(overdue).to_be_visible(timeout=15_000)
        expect(overdue).to_contain_text("053-987-6543")
        expect(overdue.get_by_role("button", name="פתיחת הכרטיס")).to_be_visible()
        shots(page, "web-call-toast-overdue")
        # The card's Tasks tab shows the same call.
        page.goto(f"{office.base_url}/crm/customers/{customer_id}?tab=tasks")
        card_task = page.get_by_role("tabpanel").get_by_test_id("task").filter(has_text=title)
        expect(card_task.get_by_test_id("callback-transcript")).to_have_text(TRANSCRIPT)
        details = card_task.get_by_test_id("callback-call")
        created = len(office.twilio.created)
        details.get_by_role("button", name="התקשרות חזרה").click()
        expect(page.get_by_test_id("toast").filter(has_text="השיחה יוצאת")).to_be_visible()
        wait_until(lambda: len(office.twilio.created) == created + 1, what="the outbound call at Twilio")
        assert office.twilio.created[-1]["To"] == ["+972521111111"]  # the agent's own phone rings first
    finally:
        page.context.close()


def test_the_presence_switch_sets_follows_and_says_offline(office, browser):
    page = signed_in(browser, office, YOSSI, DESKTOP)
    client = office.client(YOSSI)
    try:
        wait_online(office, YOSSI)
        switch = page.get_by_role("switch", name=re.compile("זמין"))
        expect(switch).to_have_attribute("aria-checked", "true")
        expect(switch).to_have_text("זמין")

        switch.click()
        expect(switch).to_have_attribute("aria-checked", "false")
        expect(switch).to_have_text("לא זמין")
        assert client.get("/api/crm/me/presence").json() == {"status": "away", "effective": "away", "online": True}

        switch.focus()
        page.keyboard.press("Space")
        expect(switch).to_have_attribute("aria-checked", "true")
        wait_until(lambda: client.get("/api/crm/me/presence").json()["status"] == "available",
                   what="available again")

        # Set elsewhere (his desktop): presence:changed moves the switch.
        assert client.put("/api/crm/me/presence", json={"status": "away"}).status_code == 200
        expect(switch).to_have_attribute("aria-checked", "false")
        assert client.put("/api/crm/me/presence", json={"status": "available"}).status_code == 200
        expect(switch).to_have_attribute("aria-checked", "true")
        expect(switch).to_have_attribute("data-effective", "available")

        # Offline: chosen available, but no call will ring; the switch says so.
        page.context.set_offline(True)
        expect(switch).to_have_attribute("data-effective", "away", timeout=30_000)
        expect(switch).to_contain_text("לא מחובר")
        page.context.set_offline(False)
        expect(switch).to_have_attribute("data-effective", "available", timeout=30_000)
        wait_online(office, YOSSI)
    finally:
        client.close()
        page.context.close()


def test_a_call_rings_over_an_overdue_tasks_full_screen_alert(office, browser):
    """The task-due alert covers the whole page; a ringing call still shows above it, and its
    notice can be acted on without putting the alert away first."""
    dana = signed_in(browser, office, DANA, DESKTOP)
    try:
        wait_online(office, DANA)
        with office.client(DANA) as client:
            created = client.post("/api/crm/tasks", json={"title": "לשלוח הצעת מחיר",
                                                          "due_at": datetime.now(UTC).isoformat()})
            assert created.status_code == 201, created.text
        expect(dana.get_by_test_id("task-due")).to_be_visible()
        call_id = office.call("CA" + "4" * 32, KNOWN)
        notice = ringing(dana, call_id)
        expect(notice).to_be_visible()
        notice.get_by_role("button", name="פתיחת הכרטיס").click()  # fails if the alert covers it
        dana.wait_for_url("**/crm/customers/*")
        office.twilio_post("/webhook/dial_status", call_params("CA" + "4" * 32, From=KNOWN, DialCallStatus="busy"))
    finally:
        dana.context.close()
