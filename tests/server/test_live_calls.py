"""Live calls on a real Hypercorn server: each branch of a ring_agents business's TwiML (open
with agents, open with none available, closed by hours, closed on a holiday, the dial
answered, the dial unanswered), the events a real Socket.IO client receives, one call-back
task however often Twilio retries, and a voicemail business answering byte for byte as before.
The requests are signed as Twilio signs them and go through the voice fast path."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import socketio

from server.app import create_app
from server.auth.models import User
from server.auth.service import create_user
from server.businesses import call_settings
from server.businesses.models import Business
from server.businesses.service import create_business
from server.calls import callbacks, routing
from server.calls.models import Call
from server.customers.models import Customer
from server.jobs.models import Job
from server.presence.models import SocketPresence
from server.tasks.models import Task
from tests.conftest import BUSINESS_PHONE, PASSWORD, PUBLIC_HOST
from tests.hypercorn_served import hypercorn_served
from tests.twilio_helpers import call_params, signed_form
from tests.waiting import eventually

pytestmark = pytest.mark.both_databases

ALWAYS_OPEN = {day: [["00:00", "24:00"]] for day in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")}
NEVER_OPEN = {day: [] for day in ALWAYS_OPEN}
CALLER = "+972541234567"
# What incoming_call answered before live calls existed, byte for byte, with the recording
# notice the privacy issue added after the greeting.
VOICEMAIL_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?><Response>'
    f'<Play>{PUBLIC_HOST}/server/static/voice_responses/welcome.mp3</Play>'
    f'<Play>{PUBLIC_HOST}/server/static/voice_responses/recording_notice.mp3</Play><Pause length="1" />'
    '<Record action="/webhook/handle_recording" finishOnKey="*" maxLength="30" method="POST" playBeep="true" '
    'timeout="5" transcribe="false" /><Hangup /></Response>')


class Office:
    """A served app, its business, and helpers to call it as Twilio and as agents do."""

    def __init__(self, app, port: int) -> None:
        self.app = app
        self.base_url = f"http://127.0.0.1:{port}"
        self.http = httpx.AsyncClient(base_url=self.base_url)
        self.sockets: list[socketio.AsyncClient] = []
        self.heard: list[tuple[str, dict]] = []

    def db(self):
        return self.app.extensions["runtime"].activated()

    async def twilio(self, path: str, params: dict, *, query: str = "") -> httpx.Response:
        full_path, body, headers = signed_form(PUBLIC_HOST, path, params, query=query)
        response = await self.http.post(full_path, content=body, headers=headers)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/xml")
        return response

    async def token(self, email: str) -> str:
        response = await self.http.post("/auth/login", json={"email": email, "password": PASSWORD})
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    async def online(self, user: User) -> socketio.AsyncClient:
        """A socket of `user`'s (their desktop or browser), counted as online."""
        socket = socketio.AsyncClient(reconnection=False)
        for event in ("call:ringing", "call:answered", "call:missed", "call:new", "presence:changed",
                      "callback:overdue"):
            socket.on(event, lambda data, event=event: self.heard.append((event, data)))
        await socket.connect(self.base_url, socketio_path="ws", transports=["websocket"],
                             auth={"token": await self.token(user.email)}, wait_timeout=10)
        self.sockets.append(socket)

        async def counted():
            with self.db():
                return await SocketPresence.filter(user_id=user.id).exists()

        await eventually(counted, what=f"user {user.id}'s socket in presence")
        return socket

    def events(self, name: str) -> list[dict]:
        return [data for event, data in self.heard if event == name]

    async def close(self) -> None:
        for socket in self.sockets:
            await socket.disconnect()
        await self.http.aclose()


@asynccontextmanager
async def served(settings):
    app = create_app(settings=settings)
    async with hypercorn_served(app) as port:
        office = Office(app, port)
        try:
            yield office
        finally:
            await office.close()


async def ring_business(office: Office, **fields) -> tuple[Business, list[User]]:
    """A ring_agents business and four users: two available with phones, one away, one
    without a phone."""
    with office.db():
        business = await create_business(name="משרד חי", phone=BUSINESS_PHONE)
        await Business.filter(id=business.id).update(call_mode="ring_agents", ring_seconds=25,
                                                     callback_minutes=30, **fields)
        users = []
        for index, (name, phone, presence) in enumerate((("דנה", "+972521111111", "available"),
                                                          ("יוסי", "+972522222222", "available"),
                                                          ("רוני", "+972523333333", "away"),
                                                          ("מיכל", "", "available"))):
            user = await create_user(business_id=business.id, email=f"agent{index}@example.com", password=PASSWORD,
                                     role="admin" if index == 0 else "agent", name=name)
            await User.filter(id=user.id).update(phone=phone, presence=presence)
            users.append(await User.get(id=user.id))
    return business, users


def twiml(response: httpx.Response) -> ET.Element:
    return ET.fromstring(response.content)


async def callback_tasks(office: Office) -> list[Task]:
    with office.db():
        return await Task.filter(kind="callback").prefetch_related("call")


async def test_a_voicemail_business_answers_exactly_as_before(settings):
    async with served(settings) as office:
        with office.db():
            await create_business(name="משרד", phone=BUSINESS_PHONE)
        response = await office.twilio("/webhook/incoming_call", call_params("CA" + "0" * 32))
        assert response.text == VOICEMAIL_TWIML
        with office.db():
            call = await Call.get(call_sid="CA" + "0" * 32)
            assert (call.handling, call.answered_by_id) == ("voicemail", None)
            assert await Task.all().count() == 0


async def test_open_with_available_agents_rings_them_together(settings):
    async with served(settings) as office:
        business, (dana, yossi, roni, michal) = await ring_business(office, hours=ALWAYS_OPEN,
                                                                    closed_on_holidays=False)
        for user in (dana, yossi, roni, michal):
            await office.online(user)
        response = await office.twilio("/webhook/incoming_call", call_params("CA" + "1" * 32))
        root = twiml(response)
        assert [child.tag for child in root] == ["Dial"]
        dial = root[0]
        assert (dial.get("action"), dial.get("method"), dial.get("timeout"), dial.get("callerId")) == (
            "/webhook/dial_status", "POST", "25", CALLER)
        with office.db():
            call = await Call.get(call_sid="CA" + "1" * 32)
        assert [(n.text, n.get("url")) for n in dial] == [
            ("+972521111111", f"{PUBLIC_HOST}/webhook/dial_answered?call={call.id}&user={dana.id}"),
            ("+972522222222", f"{PUBLIC_HOST}/webhook/dial_answered?call={call.id}&user={yossi.id}")]
        # Every socket of the business hears it ring (four sockets, one event each).
        ringing = await eventually(lambda: len(office.events("call:ringing")) == 4 and office.events("call:ringing"),
                                   what="call:ringing on every socket")
        assert {(r["call_id"], r["customer_id"], r["from"]) for r in ringing} == {(call.id, call.customer_id, CALLER)}
        assert ringing[0]["agent_ids"] == [dana.id, yossi.id]
        assert ringing[0]["customer"]["id"] == call.customer_id
        # Twilio retries the request: the same TwiML, and no second ring.
        again = await office.twilio("/webhook/incoming_call", call_params("CA" + "1" * 32))
        assert again.text == response.text
        with office.db():
            assert (await Call.get(id=call.id)).handling == "ringing"


async def test_the_agent_who_picks_up_takes_the_call(settings):
    async with served(settings) as office:
        business, (dana, yossi, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        await office.online(dana)
        await office.online(yossi)
        sid = "CA" + "2" * 32
        await office.twilio("/webhook/incoming_call", call_params(sid))
        with office.db():
            call = await Call.get(call_sid=sid)
        # Yossi's phone answers: Twilio fetches his <Number>'s url (the child leg's request).
        picked = await office.twilio("/webhook/dial_answered", call_params("CA" + "3" * 32, To="+972522222222"),
                                     query=f"call={call.id}&user={yossi.id}")
        assert [child.tag for child in twiml(picked)] == ["Say"]
        answered = await eventually(lambda: len(office.events("call:answered")) == 2 and office.events("call:answered"),
                                    what="call:answered on both sockets")
        assert {(a["call_id"], a["answered_by_user_id"], a["answered_by_name"]) for a in answered} == {
            (call.id, yossi.id, "יוסי")}
        # The conversation ends: the dial completed, and the TwiML ends the call.
        done = await office.twilio("/webhook/dial_status", call_params(sid, DialCallStatus="completed",
                                                                        DialCallSid="CA" + "3" * 32,
                                                                        DialCallDuration="95"))
        assert [child.tag for child in twiml(done)] == ["Hangup"]
        listed = (await office.http.get(f"/api/crm/calls/{call.id}",
                                        headers={"Authorization": f"Bearer {await office.token(dana.email)}"})).json()
        assert (listed["handling"], listed["answered"], listed["answered_by_user_id"]) == ("answered", True, yossi.id)
        assert len(office.events("call:answered")) == 2  # the completed dial announced nothing new
        assert await callback_tasks(office) == []


async def test_a_completed_dial_without_the_answer_url_still_marks_the_call_answered(settings):
    async with served(settings) as office:
        _business, (dana, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        await office.online(dana)
        sid = "CA" + "4" * 32
        await office.twilio("/webhook/incoming_call", call_params(sid))
        done = await office.twilio("/webhook/dial_status", call_params(sid, DialCallStatus="completed"))
        assert [child.tag for child in twiml(done)] == ["Hangup"]
        (answered,) = await eventually(lambda: office.events("call:answered"), what="call:answered")
        assert answered["answered_by_user_id"] is None
        with office.db():
            call = await Call.get(call_sid=sid)
        assert (call.handling, call.answered_at is not None) == ("answered", True)


async def test_an_unanswered_dial_takes_a_message_and_makes_one_call_back(settings):
    async with served(settings) as office:
        business, (dana, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        await office.online(dana)
        sid = "CA" + "5" * 32
        before = datetime.now(UTC)
        await office.twilio("/webhook/incoming_call", call_params(sid))
        for _retry in range(3):  # Twilio's retries of the same action
            response = await office.twilio("/webhook/dial_status", call_params(sid, DialCallStatus="no-answer"))
            assert [child.tag for child in twiml(response)] == ["Play", "Play", "Pause", "Record", "Hangup"]
            assert twiml(response)[3].get("action") == "/webhook/handle_recording"
        (missed,) = await eventually(lambda: office.events("call:missed"), what="call:missed")
        with office.db():
            call = await Call.get(call_sid=sid)
            assert call.handling == "missed"
            assert await Job.filter(kind="callback.escalate").count() == 1
        assert (missed["call_id"], missed["reason"], missed["from"]) == (call.id, "no-answer", CALLER)
        (task,) = await callback_tasks(office)
        assert (task.call_id, task.customer_id, task.assignee_id, task.status) == (call.id, call.customer_id, dana.id,
                                                                                   "open")
        assert before + timedelta(minutes=30) <= task.due_at <= datetime.now(UTC) + timedelta(minutes=30)
        assert task.title.startswith("להתקשר בחזרה ל")
        assert len(office.events("call:missed")) == 1


async def test_a_caller_who_hangs_up_while_the_agents_ring_is_a_missed_call_with_one_call_back(settings):
    # Twilio need not fetch the <Dial>'s action once the caller is gone: the call's own status
    # callback ends the ringing, on every desk, and a late action changes nothing.
    async with served(settings) as office:
        _business, (dana, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        await office.online(dana)
        sid = "CA" + "7" * 32
        await office.twilio("/webhook/incoming_call", call_params(sid))
        await eventually(lambda: office.events("call:ringing"), what="call:ringing")
        for _retry in range(2):
            path, body, headers = signed_form(PUBLIC_HOST, "/webhook/call_status",
                                              call_params(sid, CallStatus="completed", CallDuration="9"))
            response = await office.http.post(path, content=body, headers=headers)
            assert (response.status_code, response.text) == (200, "OK")
        (missed,) = await eventually(lambda: office.events("call:missed"), what="call:missed")
        await office.twilio("/webhook/dial_status", call_params(sid, DialCallStatus="canceled"))
        with office.db():
            call = await Call.get(call_sid=sid)
        assert (call.handling, missed["call_id"], missed["reason"]) == ("missed", call.id, "caller_hung_up")
        (task,) = await callback_tasks(office)
        assert (task.call_id, task.assignee_id, task.status) == (call.id, dana.id, "open")
        assert len(office.events("call:missed")) == 1 and not office.events("call:answered")


async def test_open_with_nobody_available_takes_a_message_at_once(settings):
    async with served(settings) as office:
        _business, (dana, yossi, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        # Dana chose "away"; Yossi is available but no desktop or browser of his is open.
        with office.db():
            await User.filter(id=dana.id).update(presence="away")
        await office.online(dana)
        sid = "CA" + "6" * 32
        for _retry in range(2):
            response = await office.twilio("/webhook/incoming_call", call_params(sid))
            assert response.text == VOICEMAIL_TWIML
        with office.db():
            assert (await Call.get(call_sid=sid)).handling == "no_agents"
        assert len(await callback_tasks(office)) == 1
        assert office.events("call:ringing") == []


async def test_closed_by_the_hours_plays_the_closed_greeting_and_calls_back_after_opening(settings, monkeypatch):
    # Thursday 3 December 2026, 18:00 in Israel (16:00 UTC): closed since 17:00, opens Friday 08:00.
    monkeypatch.setattr(routing, "now", lambda: datetime(2026, 12, 3, 16, 0, tzinfo=UTC))
    async with served(settings) as office:
        _business, (dana, *_rest) = await ring_business(office)  # the default hours
        await office.online(dana)
        sid = "CA" + "7" * 32
        response = await office.twilio("/webhook/incoming_call", call_params(sid))
        root = twiml(response)
        assert [child.tag for child in root] == ["Play", "Play", "Pause", "Record", "Hangup"]
        assert root[0].text == f"{PUBLIC_HOST}/server/static/voice_responses/closed.mp3"
        assert root[1].text == f"{PUBLIC_HOST}/server/static/voice_responses/recording_notice.mp3"
        head = await office.http.head("/server/static/voice_responses/closed.mp3")
        assert (head.status_code, head.headers["content-type"]) == (200, "audio/mpeg")
        await office.twilio("/webhook/incoming_call", call_params(sid))
        (task,) = await callback_tasks(office)
        # Friday 08:00 Israel (06:00 UTC) + 30 minutes.
        assert task.due_at == datetime(2026, 12, 4, 6, 30, tzinfo=UTC)
        assert task.call.handling == "closed"
        assert office.events("call:ringing") == []


async def test_closed_on_a_holiday_with_a_fixed_clock(settings, monkeypatch):
    # Yom Kippur, Monday 21 September 2026, 10:00 in Israel: a Monday, within the hours, closed.
    monkeypatch.setattr(routing, "now", lambda: datetime(2026, 9, 21, 7, 0, tzinfo=UTC))
    async with served(settings) as office:
        business, (dana, *_rest) = await ring_business(office)
        await office.online(dana)
        response = await office.twilio("/webhook/incoming_call", call_params("CA" + "8" * 32))
        assert twiml(response)[0].text.endswith("/voice_responses/closed.mp3")
        (task,) = await callback_tasks(office)
        assert task.due_at == datetime(2026, 9, 22, 5, 30, tzinfo=UTC)  # Tuesday 08:00 Israel + 30 min
        # The same business, told to ignore holidays, rings its agents that day.
        with office.db():
            await Business.filter(id=business.id).update(closed_on_holidays=False)
        with office.db():
            call_settings.cache().forget(business.id)  # as PATCH /api/business does
        rung = await office.twilio("/webhook/incoming_call", call_params("CA" + "9" * 32))
        assert [child.tag for child in twiml(rung)] == ["Dial"]


async def test_a_call_back_that_reaches_the_customer_closes_the_task(settings):
    async with served(settings) as office:
        business, (dana, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        sid = "CA" + "a" * 32
        await office.twilio("/webhook/incoming_call", call_params(sid))  # nobody online: a call-back
        (task,) = await callback_tasks(office)
        with office.db():
            customer = await Customer.get(id=task.customer_id)
            outbound = await Call.create(business=business, customer=customer, call_sid="CA" + "b" * 32,
                                         direction="outbound-api", status="in-progress", from_number=BUSINESS_PHONE,
                                         to_number=customer.phone, started_at=datetime.now(UTC), placed_by=dana)
        # The customer did not answer: the task stays open.
        unanswered = await office.twilio("/webhook/dial_status", call_params(
            outbound.call_sid, Direction="outbound-api", DialCallStatus="no-answer"))
        assert [child.tag for child in twiml(unanswered)] == ["Say", "Hangup"]
        assert (await callback_tasks(office))[0].status == "open"
        reached = await office.twilio("/webhook/dial_status", call_params(outbound.call_sid, Direction="outbound-api",
                                                                           DialCallStatus="completed"))
        assert [child.tag for child in twiml(reached)] == ["Hangup"]
        (task,) = await callback_tasks(office)
        assert task.status == "done"
        with office.db():
            missed = await Call.get(call_sid=sid)
        assert missed.called_back_by_id == dana.id and missed.called_back_at is not None


async def test_an_overdue_call_back_is_raised_to_the_admins_once(settings):
    async with served(settings) as office:
        _business, (dana, yossi, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        await office.twilio("/webhook/incoming_call", call_params("CA" + "c" * 32))  # nobody online
        await office.online(dana)  # the admin
        await office.online(yossi)  # an agent: not told
        (task,) = await callback_tasks(office)
        with office.db():
            job = await Job.get(kind="callback.escalate")
            # Due 30 minutes after the call, raised 30 minutes after that (twice callback_minutes).
            assert abs((job.run_at - task.due_at) - timedelta(minutes=30)) < timedelta(seconds=1)
            await callbacks.escalate(job, settings=settings)
            await callbacks.escalate(job, settings=settings)
        (overdue,) = await eventually(lambda: office.events("callback:overdue"), what="callback:overdue")
        assert overdue["task"]["id"] == task.id and overdue["task"]["escalated_at"]
        assert overdue["call"]["id"] == task.call_id
        assert len(office.events("callback:overdue")) == 1  # one admin socket, once


async def test_presence_follows_the_switch_and_the_sockets(settings):
    async with served(settings) as office:
        _business, (dana, *_rest) = await ring_business(office)
        headers = {"Authorization": f"Bearer {await office.token(dana.email)}"}
        assert (await office.http.get("/api/crm/me/presence", headers=headers)).json() == {
            "status": "available", "effective": "away", "online": False}
        socket = await office.online(dana)
        assert (await office.http.get("/api/crm/me/presence", headers=headers)).json()["effective"] == "available"
        away = await office.http.put("/api/crm/me/presence", json={"status": "away"}, headers=headers)
        assert away.json() == {"status": "away", "effective": "away", "online": True}
        bad = await office.http.put("/api/crm/me/presence", json={"status": "busy"}, headers=headers)
        assert (bad.status_code, bad.json()["error"]["code"]) == (422, "invalid_presence")
        await office.http.put("/api/crm/me/presence", json={"status": "available"}, headers=headers)
        await socket.disconnect()

        async def gone():
            return (await office.http.get("/api/crm/me/presence", headers=headers)).json()["online"] is False

        await eventually(gone, what="the closed socket to stop counting")
        listed = (await office.http.get("/api/crm/presence", headers=headers)).json()["results"]
        assert {row["name"]: (row["effective"], row["has_phone"]) for row in listed} == {
            "דנה": ("away", True), "יוסי": ("away", True), "רוני": ("away", True), "מיכל": ("away", False)}
