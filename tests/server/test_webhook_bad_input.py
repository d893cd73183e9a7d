"""Twilio's webhooks answer TwiML whatever their input (server/telephony/errors.py): a voice
webhook 200 with an apology and a hangup, a WhatsApp one the empty <Response/>; never a 500
or a JSON error to a caller, and nothing half-written. A NUL costs nobody their call: it is
dropped (server/telephony/form.text; tests/server/test_twilio_form.py), the rest answered."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from server.calls import service as call_service
from server.calls.models import Call
from server.customers.models import Customer
from server.jobs.models import Job
from server.messages import service as message_service
from server.messages.models import Message
from server.telephony.errors import SORRY_HE
from server.telephony.form import LIMITS, refusal
from tests.conftest import BUSINESS_PHONE, PUBLIC_HOST
from tests.twilio_helpers import call_params, signed_form

CALL_SID = "CA" + "a" * 32


async def post_signed(client, path: str, params: dict, *, query: str = ""):
    full_path, body, headers = signed_form(PUBLIC_HOST, path, params, query=query)
    return await client.post(full_path, data=body, headers=headers)


async def twiml_of(response) -> ET.Element:
    assert response.content_type.startswith("text/xml"), await response.get_data(as_text=True)
    return ET.fromstring(await response.get_data())


async def assert_apology(response) -> None:
    assert response.status_code == 200
    root = await twiml_of(response)
    assert [child.tag for child in root] == ["Say", "Hangup"]
    assert root[0].text == SORRY_HE and root[0].get("language") == "he-IL"


async def nothing_written() -> bool:
    counts = [await model.all().count() for model in (Call, Customer, Job, Message)]
    return counts == [0, 0, 0, 0]


def recording(call_sid: str = CALL_SID, **extra) -> dict:
    return call_params(call_sid, **{
        "CallStatus": "in-progress", "RecordingSid": "RE" + "b" * 32, "RecordingDuration": "7",
        "RecordingUrl": "https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE" + "b" * 32, **extra})


def whatsapp(**extra) -> dict:
    return {"MessageSid": "SM" + "c" * 32, "AccountSid": "AC" + "0" * 32, "From": "whatsapp:+972541234567",
            "To": f"whatsapp:{BUSINESS_PHONE}", "Body": "שלום", "NumMedia": "0", "ProfileName": "דנה",
            "WaId": "972541234567", **extra}


LONG = "+9725" + "4" * 10_000

BAD_CALLS = {
    "long-from": {"From": LONG, "Caller": LONG},
    "long-to": {"To": "x" * 10_000},
    "long-direction": {"Direction": "inbound" * 2000},
    "long-call-sid": {"CallSid": "CA" + "1" * 10_000},
}


@pytest.mark.both_databases
@pytest.mark.parametrize("bad", BAD_CALLS.values(), ids=BAD_CALLS.keys())
async def test_incoming_call_with_bad_input_is_an_apology_and_writes_nothing(client, business, bad):
    response = await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID, **bad))
    await assert_apology(response)
    assert await nothing_written()


@pytest.mark.both_databases
@pytest.mark.parametrize("nul", [
    {"To": BUSINESS_PHONE + "\x00"}, {"Direction": "inbound\x00"}, {"ForwardedFrom": "\x00"}, {"Extra\x00": "1"},
], ids=["in-to", "in-direction", "in-any-field", "in-a-field-name"])
async def test_a_nul_in_a_call_is_dropped_and_the_caller_greeted(client, business, nul):
    response = await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID, **nul))
    assert [child.tag for child in await twiml_of(response)] == ["Play", "Play", "Pause", "Record", "Hangup"]
    call = await Call.get(call_sid=CALL_SID)
    assert (call.to_number, call.direction) == (BUSINESS_PHONE, "inbound")


@pytest.mark.both_databases
async def test_a_nul_in_the_query_is_an_apology(client, business):
    response = await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID), query="campaign=a%00b")
    await assert_apology(response)
    assert await nothing_written()


@pytest.mark.both_databases
@pytest.mark.parametrize("caller", ["anonymous", "not a phone", "client:agent", "+266696687", ""])
async def test_a_caller_with_no_usable_number_still_hears_the_greeting(client, business, caller):
    response = await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID, From=caller, Caller=caller))
    assert response.status_code == 200
    assert [child.tag for child in await twiml_of(response)] == ["Play", "Play", "Pause", "Record", "Hangup"]
    call = await Call.get(call_sid=CALL_SID)
    assert call.from_number == caller


@pytest.mark.both_databases
@pytest.mark.parametrize("duration", ["x" * 10_000, "-5", "1e9", "99999999999", "\u0663", ""])
async def test_a_bad_recording_duration_is_no_duration(client, business, duration):
    await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID))
    response = await post_signed(client, "/webhook/handle_recording", recording(RecordingDuration=duration))
    assert response.status_code == 200
    assert [child.tag for child in await twiml_of(response)] == ["Say", "Hangup"]
    call = await Call.get(call_sid=CALL_SID)
    assert call.recording_sid == "RE" + "b" * 32 and call.recording_duration is None


@pytest.mark.both_databases
@pytest.mark.parametrize("bad", [
    {"RecordingUrl": "https://api.twilio.com/" + "a" * 10_000}, {"From": "a" * 10_000},
    {"RecordingSid": "RE" + "b" * 1000}, {"CallStatus": "x" * 100},
], ids=["long-url", "long-from", "long-sid", "long-status"])
async def test_handle_recording_with_bad_input_is_an_apology_and_writes_nothing(client, business, bad):
    response = await post_signed(client, "/webhook/handle_recording", recording(**bad))
    await assert_apology(response)
    assert await nothing_written()


@pytest.mark.both_databases
async def test_call_status_with_bad_input_is_twiml(client, business):
    await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID))
    response = await post_signed(client, "/webhook/call_status", call_params(CALL_SID, CallStatus="x" * 10_000))
    await assert_apology(response)
    assert (await Call.get(call_sid=CALL_SID)).status == "ringing"


@pytest.mark.both_databases
@pytest.mark.parametrize("bad", [
    {"From": "whatsapp:+" + "1" * 10_000}, {"Body": "א" * 20_000}, {"MediaUrl0": "https://x/" + "a" * 10_000,
                                                                 "NumMedia": "1", "MediaContentType0": "image/jpeg"},
    {"WaId": "1" * 1000}, {"MessageStatus": "x" * 1000},
], ids=["long-from", "long-body", "long-media-url", "long-wa-id", "long-status"])
async def test_whatsapp_with_bad_input_is_an_empty_response_and_writes_nothing(client, business, bad):
    for path in ("/webhook/whatsapp", "/webhook/whatsapp_status"):
        response = await post_signed(client, path, whatsapp(**bad))
        assert response.status_code == 400
        root = await twiml_of(response)
        assert root.tag == "Response" and list(root) == []
    assert await nothing_written()


@pytest.mark.both_databases
async def test_our_own_failure_is_an_apology_for_a_caller_and_a_500_for_whatsapp(client, business, monkeypatch,
                                                                                 caplog):
    async def failing(**kwargs):
        # A bug of ours; a database that went away is waited out first (tests/server/test_webhook_outage.py).
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(call_service, "call_for_webhook", failing)
    monkeypatch.setattr(message_service, "receive", failing)
    await assert_apology(await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID)))
    response = await post_signed(client, "/webhook/whatsapp", whatsapp())
    assert response.status_code == 500 and (await twiml_of(response)).tag == "Response"
    logged = [r for r in caplog.records if r.exc_info and "a bug of ours" in str(r.exc_info[1])]
    assert len(logged) == 2


async def test_an_unsigned_request_is_still_the_apps_403(client, business):
    response = await client.post("/webhook/incoming_call", form=call_params(CALL_SID, From=LONG))
    assert response.status_code == 403
    assert (await response.get_json())["error"]["code"] == "bad_signature"
    assert await nothing_written()


def test_refusal_names_the_field_and_passes_what_twilio_sends():
    assert refusal(call_params(CALL_SID)) is None
    assert refusal(recording()) is None
    assert refusal(whatsapp(Body="א" * 4096, MediaUrl9="https://api.twilio.com/" + "m" * 200)) is None
    assert "'From'" in refusal(call_params(CALL_SID, From="x" * (LIMITS["From"] + 1)))
    assert "'MediaUrl3'" in refusal(whatsapp(MediaUrl3="u" * 501))
    assert refusal({"AnythingElse": "a" * 100_000, "Body": "\x00"}) is None  # not stored / NUL dropped


@pytest.mark.parametrize("path", ["/webhook/outbound_call", "/webhook/outbound_recording"])
async def test_click_to_call_webhooks_answer_twiml_too(client, business, path):
    response = await post_signed(client, path, call_params(CALL_SID, From=LONG), query="call=1")
    await assert_apology(response)
    assert await nothing_written()
