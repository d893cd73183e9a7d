"""What came of a call (PATCH /api/crm/calls/<id> {"outcome", "notes"}): validated, scoped to the
business, listed by it and shown on the timeline; and the screen pop's payloads: call:new and an
inbound wa:message name the customer, heard on a real socket of a Hypercorn-served app."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import httpx
import pytest
import socketio

from server.auth.service import create_user
from server.businesses.service import create_business
from server.calls.models import OUTCOMES, Call
from server.customers.models import Customer
from server.labels import label
from server.phones import national
from tests.conftest import ACCOUNT_SID, BUSINESS_PHONE, PASSWORD, PUBLIC_HOST
from tests.hypercorn_served import hypercorn_served
from tests.twilio_helpers import call_params, signed_form
from tests.waiting import eventually


async def make_call(business, customer=None, sid="CA" + "1" * 32, **fields) -> Call:
    return await Call.create(business=business, customer=customer, call_sid=sid, from_number="+972541234567",
                             started_at=datetime(2026, 11, 1, 9, tzinfo=UTC), **fields)


@pytest.fixture
async def customer(business):
    return await Customer.create(business=business, name="דנה כהן", phone="+972541234567")


async def patch(client, headers, call_id: int, body: dict):
    response = await client.patch(f"/api/crm/calls/{call_id}", json=body, headers=headers)
    return response.status_code, await response.get_json()


async def test_an_outcome_and_notes_are_filed_and_a_null_takes_the_outcome_back(client, auth_headers, business,
                                                                                customer):
    call = await make_call(business, customer)
    status, body = await patch(client, auth_headers, call.id, {"outcome": "meeting", "notes": "פגישה ביום ג׳"})
    assert status == 200
    assert (body["outcome"], body["outcome_label"], body["notes"]) == ("meeting", "נקבעה פגישה", "פגישה ביום ג׳")
    stored = await Call.get(id=call.id)
    assert (stored.outcome, stored.notes) == ("meeting", "פגישה ביום ג׳")
    status, body = await patch(client, auth_headers, call.id, {"outcome": None})
    assert status == 200 and (body["outcome"], body["outcome_label"], body["notes"]) == (None, None, "פגישה ביום ג׳")
    assert (await Call.get(id=call.id)).outcome is None
    for outcome in OUTCOMES:  # every code has its Hebrew label
        status, body = await patch(client, auth_headers, call.id, {"outcome": outcome})
        assert status == 200 and body["outcome_label"] == label("call_outcome", outcome) != outcome


@pytest.mark.parametrize("body", [{"outcome": "sold"}, {"outcome": ""}, {"outcome": 3}, {"outcome": "Meeting"},
                                  {"outcome": "handled", "notes": None}])
async def test_a_bad_outcome_is_422_and_changes_nothing(client, auth_headers, business, body):
    call = await make_call(business, outcome="callback", notes="לחזור מחר")
    status, answer = await patch(client, auth_headers, call.id, body)
    assert status == 422 and answer["error"]["code"] and answer["error"]["message"]
    stored = await Call.get(id=call.id)
    assert (stored.outcome, stored.notes) == ("callback", "לחזור מחר")


async def test_another_business_call_is_404(client, auth_headers, business):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    theirs = await make_call(other, sid="CA" + "2" * 32)
    status, answer = await patch(client, auth_headers, theirs.id, {"outcome": "handled"})
    assert status == 404 and answer["error"]["code"] == "not_found"
    assert (await Call.get(id=theirs.id)).outcome is None


async def test_calls_are_listed_by_outcome(client, auth_headers, business, customer):
    meeting = await make_call(business, customer, outcome="meeting")
    waiting = await make_call(business, customer, sid="CA" + "3" * 32)
    await make_call(business, customer, sid="CA" + "4" * 32, outcome="handled")

    async def listed(outcome: str):
        response = await client.get("/api/crm/calls", query_string={"outcome": outcome}, headers=auth_headers)
        return response.status_code, await response.get_json()

    assert [c["id"] for c in (await listed("meeting"))[1]["results"]] == [meeting.id]
    assert [c["id"] for c in (await listed("none"))[1]["results"]] == [waiting.id]
    status, answer = await listed("sold")
    assert status == 422 and answer["error"]["code"]


@pytest.mark.both_databases
async def test_the_timeline_call_carries_its_outcome_and_notes(client, auth_headers, business, customer):
    call = await make_call(business, customer, duration=65)
    await patch(client, auth_headers, call.id, {"outcome": "callback", "notes": "ביקשה הצעת מחיר"})
    response = await client.get(f"/api/customers/{customer.id}/timeline", headers=auth_headers)
    (item,) = (await response.get_json())["items"]
    assert (item["data"]["outcome"], item["data"]["outcome_label"], item["data"]["notes"]) == (
        "callback", "לחזור ללקוח", "ביקשה הצעת מחיר")
    assert item["title"] == f"{label('call_direction', 'inbound')} · 1:05 · לחזור ללקוח"
    await patch(client, auth_headers, call.id, {"outcome": None})
    response = await client.get(f"/api/customers/{customer.id}/timeline", headers=auth_headers)
    (item,) = (await response.get_json())["items"]
    assert item["title"] == f"{label('call_direction', 'inbound')} · 1:05" and item["data"]["outcome"] is None


# --- the screen pop's payloads, on a real socket -----------------------------------------------

@pytest.fixture
async def served(settings):
    """(an httpx client of the served app, a socket of the business's agent and what it heard,
    the known customer)."""
    from server.app import create_app

    quart_app = create_app(settings=settings)
    async with hypercorn_served(quart_app) as port:
        with quart_app.extensions["runtime"].activated():
            business = await create_business(name="משרד", phone=BUSINESS_PHONE)
            await create_user(business_id=business.id, email="pop@example.com", password=PASSWORD, role="agent")
            known = await Customer.create(business=business, name="רותם לוי", phone="+972529876543")
        base_url = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=base_url) as http:
            token = (await http.post("/auth/login", json={"email": "pop@example.com", "password": PASSWORD})
                     ).json()["access_token"]
            heard: list[tuple[str, dict]] = []
            socket = socketio.AsyncClient(reconnection=False)
            for name in ("call:new", "call:updated", "wa:message"):
                socket.on(name, lambda data, name=name: heard.append((name, data)))
            await socket.connect(base_url, socketio_path="ws", transports=["websocket"], auth={"token": token},
                                 wait_timeout=10)
            try:
                http.headers["Authorization"] = f"Bearer {token}"
                yield http, heard, known
            finally:
                await socket.disconnect()


async def post_signed(http: httpx.AsyncClient, path: str, params: dict) -> httpx.Response:
    full_path, body, headers = signed_form(PUBLIC_HOST, path, params)  # the URL Twilio signed
    return await http.post(full_path, content=body, headers=headers)


async def heard_from(heard: list, name: str, count: int) -> list[dict]:
    def found():
        events = [data for event, data in heard if event == name]
        return events if len(events) >= count else None

    return await eventually(found, what=f"{count} {name} events")


@pytest.mark.both_databases  # the upsert that reads the caller's name back differs by dialect
async def test_call_new_names_the_caller_known_or_new(served):
    http, heard, known = served
    # A hidden number alone, in a batch of its own: no customer, and announced all the same
    # (on PostgreSQL a batch with no caller to upsert once came back empty and went unannounced).
    hidden = await post_signed(http, "/webhook/incoming_call", call_params("CA" + "c" * 32, From="anonymous"))
    assert hidden.status_code == 200
    (alone,) = await heard_from(heard, "call:new", 1)
    assert alone["call"]["call_sid"] == "CA" + "c" * 32
    assert alone["customer"] is None and alone["call"]["customer_id"] is None
    # Together, so they are filed in one batch: each call still gets its own caller's name.
    answers = await asyncio.gather(
        post_signed(http, "/webhook/incoming_call", call_params("CA" + "a" * 32, From="+972529876543")),
        post_signed(http, "/webhook/incoming_call", call_params("CA" + "b" * 32, From="0541112233")),
        post_signed(http, "/webhook/incoming_call", call_params("CA" + "f" * 32, From="anonymous")))
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    events = {data["call"]["call_sid"]: data for data in await heard_from(heard, "call:new", 4)}
    assert events["CA" + "a" * 32]["customer"] == {"id": known.id, "name": "רותם לוי"}
    stranger = events["CA" + "b" * 32]
    # A new number is filed as a new lead, named by the number as people read it.
    assert stranger["customer"]["name"] == national("+972541112233") == "054-111-2233"
    assert stranger["customer"]["id"] == stranger["call"]["customer_id"] not in (None, known.id)
    assert events["CA" + "f" * 32]["customer"] is None and events["CA" + "f" * 32]["call"]["customer_id"] is None
    assert all(data["call"]["outcome"] is None for data in events.values())
    again = await post_signed(http, "/webhook/incoming_call", call_params("CA" + "a" * 32, From="+972529876543"))
    assert again.status_code == 200
    marker = await post_signed(http, "/webhook/incoming_call", call_params("CA" + "d" * 32))
    assert marker.status_code == 200
    events = await heard_from(heard, "call:new", 5)
    assert events[-1]["call"]["call_sid"] == "CA" + "d" * 32
    assert len(events) == 5  # Twilio's retry of a filed call announced nothing


async def test_an_inbound_whatsapp_message_names_its_customer(served):
    http, heard, known = served
    params = {"AccountSid": ACCOUNT_SID, "MessageSid": "SM" + "5" * 32, "From": "whatsapp:+972529876543",
              "To": f"whatsapp:{BUSINESS_PHONE}", "Body": "שלום", "NumMedia": "0", "ProfileName": "Rotem",
              "WaId": "972529876543"}
    assert (await post_signed(http, "/webhook/whatsapp", params)).status_code == 200
    (data,) = await heard_from(heard, "wa:message", 1)
    assert data["customer"] == {"id": known.id, "name": "רותם לוי"}
    assert (data["message"]["direction"], data["message"]["customer_id"]) == ("inbound", known.id)


async def test_a_filed_outcome_reaches_the_business_sockets(served):
    http, heard, known = served
    assert (await post_signed(http, "/webhook/incoming_call",
                              call_params("CA" + "e" * 32, From="+972529876543"))).status_code == 200
    (new,) = await heard_from(heard, "call:new", 1)
    response = await http.patch(f"/api/crm/calls/{new['call']['id']}", json={"outcome": "handled", "notes": "טופל"})
    assert response.status_code == 200
    (updated,) = await heard_from(heard, "call:updated", 1)
    assert (updated["call"]["id"], updated["call"]["outcome"], updated["call"]["outcome_label"],
            updated["call"]["notes"]) == (new["call"]["id"], "handled", "טופלה", "טופל")
