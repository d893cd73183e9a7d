"""Click-to-call: POST /api/crm/calls/outbound asks a local fake of Twilio's Calls API to ring
the agent, and the signed webhooks dial the customer, track the status and keep the recording."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from server.auth.models import User
from server.auth.service import create_user
from server.businesses.models import PhoneNumber
from server.businesses.service import create_business
from server.calls import outbound
from server.calls.models import Call
from server.customers.models import Customer
from server.jobs.models import Job
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PUBLIC_HOST, login
from tests.fake_twilio_calls import FakeTwilioCalls
from tests.twilio_helpers import signed_form

AGENT_PHONE = "+972541110000"
CUSTOMER_PHONE = "+972529876543"


@pytest.fixture
def twilio():
    with FakeTwilioCalls(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture
def settings(settings, twilio):
    return replace(settings, twilio_api_base=twilio.base_url)


@pytest.fixture
def published(monkeypatch):
    events: list[tuple[str, dict, str]] = []

    async def record(event, data, *, room, to_sid=None):
        events.append((event, data, room))

    monkeypatch.setattr(outbound.realtime, "publish", record)
    return events


@pytest.fixture
async def customer(business):
    return await Customer.create(business=business, name="רותם לוי", phone=CUSTOMER_PHONE)


@pytest.fixture
async def agent_with_phone(user):
    await User.filter(id=user.id).update(phone=AGENT_PHONE)
    return user


async def place(client, headers, customer_id):
    return await client.post("/api/crm/calls/outbound", json={"customer_id": customer_id}, headers=headers)


async def post_signed(client, path, params, query=""):
    full_path, body, headers = signed_form(PUBLIC_HOST, path, params, query=query)
    return await client.post(full_path, data=body, headers=headers)


def webhook_params(call_sid: str, **extra) -> dict:
    return {"AccountSid": ACCOUNT_SID, "CallSid": call_sid, "From": BUSINESS_PHONE, "To": AGENT_PHONE,
            "Direction": "outbound-api", "CallStatus": "in-progress", "ApiVersion": "2010-04-01", **extra}


async def test_rings_the_agent_from_the_business_number_and_records_the_call(
        client, auth_headers, agent_with_phone, customer, twilio, published):
    response = await place(client, auth_headers, customer.id)
    assert response.status_code == 201, await response.get_data(as_text=True)
    body = await response.get_json()
    (form,) = twilio.created
    assert form["To"] == [AGENT_PHONE] and form["From"] == [BUSINESS_PHONE]
    assert form["Url"] == [f"{PUBLIC_HOST}/webhook/outbound_call?call={body['id']}"]
    assert form["StatusCallback"] == [f"{PUBLIC_HOST}/webhook/call_status"]
    assert form["StatusCallbackEvent"] == ["initiated", "ringing", "answered", "completed"]
    call = await Call.get(id=body["id"])
    assert (call.call_sid, call.direction, call.customer_id) == (f"CA{1:032x}", "outbound-api", customer.id)
    assert (call.from_number, call.to_number, call.status) == (BUSINESS_PHONE, CUSTOMER_PHONE, "queued")
    assert body["call_sid"] == call.call_sid and body["direction"] == "outbound-api"
    assert [(event, data["call"]["id"], room) for event, data, room in published] == \
        [("call:new", call.id, f"business:{call.business_id}")]


async def test_webhook_dials_the_customer_recorded_and_is_idempotent_on_call_sid(
        client, auth_headers, agent_with_phone, customer, twilio, published):
    call_id = (await get_json(await place(client, auth_headers, customer.id)))["id"]
    sid = (await Call.get(id=call_id)).call_sid
    answers = [await post_signed(client, "/webhook/outbound_call", webhook_params(sid), query=f"call={call_id}")
               for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200]
    assert answers[0].content_type.startswith("text/xml")
    root = ET.fromstring(await answers[1].get_data())
    (dial,) = root
    assert dial.tag == "Dial" and dial.get("callerId") == BUSINESS_PHONE
    assert dial.get("record") == "record-from-answer-dual"
    assert dial.get("recordingStatusCallback") == f"{PUBLIC_HOST}/webhook/outbound_recording?call={call_id}"
    assert [(n.tag, n.text) for n in dial] == [("Number", CUSTOMER_PHONE)]
    assert await Call.filter(customer_id=customer.id).count() == 1

    status = await post_signed(client, "/webhook/call_status",
                               webhook_params(sid, CallStatus="completed", CallDuration="42"))
    assert status.status_code == 200
    call = await Call.get(id=call_id)
    assert (call.status, call.duration) == ("completed", 42)


async def test_webhook_that_beats_twilios_answer_gives_the_call_its_sid(client, business, customer):
    call = await Call.create(business=business, customer=customer, call_sid=outbound.PENDING + "x",
                             direction="outbound-api", status="queued", from_number=BUSINESS_PHONE,
                             to_number=CUSTOMER_PHONE, started_at=customer.created_at)
    sid = "CA" + "7" * 32
    response = await post_signed(client, "/webhook/outbound_call", webhook_params(sid), query=f"call={call.id}")
    assert response.status_code == 200
    assert (await Call.get(id=call.id)).call_sid == sid
    assert (await outbound.confirm_sid(call=call, call_sid="CA" + "8" * 32)).call_sid == sid  # set once


async def test_recording_is_attached_once_and_only_when_completed(
        client, auth_headers, agent_with_phone, customer, twilio, published):
    call_id = (await get_json(await place(client, auth_headers, customer.id)))["id"]
    sid = (await Call.get(id=call_id)).call_sid
    recording = {"RecordingSid": "RE" + "2" * 32, "RecordingDuration": "40",
                 "RecordingUrl": f"{twilio.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/RE{'2' * 32}"}
    in_progress = await post_signed(client, "/webhook/outbound_recording",
                                    webhook_params(sid, RecordingStatus="in-progress", **recording),
                                    query=f"call={call_id}")
    assert in_progress.status_code == 204 and await Job.all().count() == 0
    for _ in range(2):
        done = await post_signed(client, "/webhook/outbound_recording",
                                 webhook_params(sid, RecordingStatus="completed", **recording), query=f"call={call_id}")
        assert done.status_code == 204
    call = await Call.get(id=call_id)
    assert (call.recording_sid, call.recording_duration) == (recording["RecordingSid"], 40)
    assert await Job.filter(kind="recording.fetch").count() == 1


@pytest.mark.parametrize("path", ["/webhook/outbound_call", "/webhook/outbound_recording"])
async def test_unsigned_webhooks_are_refused(client, business, customer, path):
    call = await Call.create(business=business, customer=customer, call_sid="CA" + "3" * 32,
                             direction="outbound-api", started_at=customer.created_at)
    response = await client.post(f"{path}?call={call.id}", form=webhook_params(call.call_sid))
    assert response.status_code == 403
    forged = await client.post(f"{path}?call={call.id}", form=webhook_params(call.call_sid),
                               headers={"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"})
    assert forged.status_code == 403


async def test_webhook_for_an_unknown_call_hangs_up(client, business):
    response = await post_signed(client, "/webhook/outbound_call", webhook_params("CA" + "4" * 32), query="call=999")
    root = ET.fromstring(await response.get_data())
    assert response.status_code == 200 and [child.tag for child in root] == ["Say", "Hangup"]


async def test_agent_without_a_phone_gets_409_and_twilio_is_not_asked(client, auth_headers, customer, twilio):
    response = await place(client, auth_headers, customer.id)
    assert response.status_code == 409
    assert (await response.get_json())["error"]["code"] == "agent_phone_missing"
    assert twilio.created == [] and await Call.all().count() == 0


async def test_customer_without_a_phone_gets_409(client, auth_headers, agent_with_phone, business, twilio):
    nameless = await Customer.create(business=business, name="ללא טלפון")
    response = await place(client, auth_headers, nameless.id)
    assert response.status_code == 409
    assert (await response.get_json())["error"]["code"] == "customer_phone_missing"


async def test_twilio_refusal_is_a_502_without_secrets_and_leaves_no_call(
        client, auth_headers, agent_with_phone, customer, twilio, published):
    twilio.fail_with.append((400, 21215))  # "Geo permission" refusal
    response = await place(client, auth_headers, customer.id)
    assert response.status_code == 502
    error = (await response.get_json())["error"]
    assert error["code"] == "twilio_refused" and "21215" in error["message"]
    text = await response.get_data(as_text=True)
    assert AUTH_TOKEN not in text and ACCOUNT_SID not in text
    assert await Call.all().count() == 0 and published == []


async def test_twilio_unreachable_is_a_502(app, client, auth_headers, agent_with_phone, customer, published):
    app.config["SETTINGS"] = replace(app.config["SETTINGS"], twilio_api_base="http://127.0.0.1:9")
    response = await place(client, auth_headers, customer.id)
    assert response.status_code == 502
    assert (await response.get_json())["error"]["code"] == "twilio_unreachable"
    assert await Call.all().count() == 0


async def test_another_business_customer_is_404_and_nothing_is_called(client, auth_headers, agent_with_phone, twilio):
    other = await create_business(name="עסק אחר", phone="+97235550999")
    foreign = await Customer.create(business=other, name="לקוח זר", phone="+972529998877")
    response = await place(client, auth_headers, foreign.id)
    assert response.status_code == 404
    assert twilio.created == [] and await Call.all().count() == 0
    stranger = await create_user(business_id=other.id, email="s@other.example", password="long-enough-pass")
    await User.filter(id=stranger.id).update(phone=AGENT_PHONE)
    headers = await login(client, stranger.email, "long-enough-pass")
    assert (await place(client, headers, foreign.id)).status_code == 201
    (form,) = twilio.created
    assert form["From"] == ["+97235550999"]


async def test_login_and_a_valid_body_are_required(client, auth_headers, customer):
    assert (await client.post("/api/crm/calls/outbound", json={"customer_id": customer.id})).status_code == 401
    bad = await client.post("/api/crm/calls/outbound", json={"customer_id": "x"}, headers=auth_headers)
    assert bad.status_code in (400, 422)


async def test_admin_sets_an_agents_phone_in_any_israeli_format(client, auth_headers, user):
    response = await client.patch(f"/api/crm/users/{user.id}", json={"phone": "054-111-0000"}, headers=auth_headers)
    assert response.status_code == 200 and (await response.get_json())["phone"] == AGENT_PHONE
    bad = await client.patch(f"/api/crm/users/{user.id}", json={"phone": "hello"}, headers=auth_headers)
    assert bad.status_code == 422


async def get_json(response):
    assert response.status_code == 201, await response.get_data(as_text=True)
    return await response.get_json()


# --- the answers the desktop and web clients rely on (server/calls/outbound_routes.py) ---------

async def test_a_business_without_a_number_gets_409_and_twilio_is_not_asked(
        client, auth_headers, agent_with_phone, business, customer, twilio):
    await PhoneNumber.filter(business_id=business.id).delete()
    response = await place(client, auth_headers, customer.id)
    assert response.status_code == 409
    assert (await response.get_json())["error"] == {
        "code": "no_business_number", "message": "the business has no Twilio number to call from"}
    assert twilio.created == [] and await Call.all().count() == 0


async def test_the_409s_keep_their_messages(client, auth_headers, user, business, customer, twilio):
    no_agent_phone = await place(client, auth_headers, customer.id)
    assert (await no_agent_phone.get_json())["error"] == {
        "code": "agent_phone_missing", "message": "your user has no phone number to ring; an admin can set it"}
    await User.filter(id=user.id).update(phone=AGENT_PHONE)
    nameless = await Customer.create(business=business, name="ללא טלפון")
    no_customer_phone = await place(client, auth_headers, nameless.id)
    assert (await no_customer_phone.get_json())["error"] == {
        "code": "customer_phone_missing", "message": "the customer has no phone number"}


@pytest.mark.parametrize("failure, code, message", [
    ((400, 21215), "twilio_refused", "Twilio refused to place the call (Twilio error 21215)"),
    ((401, 20003), "twilio_refused", "Twilio refused to place the call (Twilio error 20003)"),
    ((400, None), "twilio_refused", "Twilio refused to place the call"),
    # An outage, not a refusal: the clients say "try again in a moment".
    ((503, None), "twilio_unreachable", "Twilio could not be reached; the call was not placed"),
    ((429, 20429), "twilio_unreachable", "Twilio could not be reached; the call was not placed"),
])
async def test_twilios_refusals_and_outages_are_502s_that_name_only_its_code(
        client, auth_headers, agent_with_phone, customer, twilio, published, caplog, failure, code, message):
    twilio.fail_with.append(failure)
    response = await place(client, auth_headers, customer.id)
    assert response.status_code == 502
    assert (await response.get_json())["error"] == {"code": code, "message": message}
    assert await Call.all().count() == 0 and published == []
    # The fake's own text names the account, as Twilio's may: neither the answer nor the log repeat it.
    assert "an outbound call was not placed" in caplog.text
    for secret in (ACCOUNT_SID, AUTH_TOKEN, "twilio.com/docs"):
        assert secret not in caplog.text and secret not in await response.get_data(as_text=True)
