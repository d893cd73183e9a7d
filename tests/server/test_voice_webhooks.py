"""The voice webhooks through the Quart test client: signatures, TwiML, idempotency."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest

from server.calls.models import Call
from server.customers.models import Customer
from server.jobs.models import Job
from server.telephony.signature import BAD_SIGNATURES_PER_MINUTE
from tests.conftest import PUBLIC_HOST
from tests.twilio_helpers import call_params, sign, signed_form

WEBHOOKS = ["/webhook/incoming_call", "/webhook/handle_recording", "/webhook/call_status"]


def recording_params(call_sid: str, recording_sid: str = "RE" + "1" * 32) -> dict:
    return call_params(
        call_sid, CallStatus="in-progress", RecordingSid=recording_sid, RecordingDuration="7",
        RecordingUrl=f"http://127.0.0.1:9/2010-04-01/Accounts/AC/Recordings/{recording_sid}",
    )


async def post_signed(client, path, params, *, query="", base=PUBLIC_HOST):
    full_path, body, headers = signed_form(base, path, params, query=query)
    return await client.post(full_path, data=body, headers=headers)


async def nothing_written() -> bool:
    return await Call.all().count() == 0 and await Job.all().count() == 0 and await Customer.all().count() == 0


async def test_incoming_call_answers_twiml_with_greeting_and_record(client, business):
    response = await post_signed(client, "/webhook/incoming_call", call_params("CA" + "a" * 32))
    assert response.status_code == 200
    assert response.content_type.startswith("text/xml")
    root = ET.fromstring(await response.get_data())
    assert [child.tag for child in root] == ["Play", "Play", "Pause", "Record", "Hangup"]
    assert root[0].text == f"{PUBLIC_HOST}/server/static/voice_responses/welcome.mp3"
    # The recording notice (the Privacy Protection Law): that the message is recorded, and why.
    assert root[1].text == f"{PUBLIC_HOST}/server/static/voice_responses/recording_notice.mp3"
    assert root[2].get("length") == "1"
    record = root[3].attrib
    assert record["action"] == "/webhook/handle_recording" and record["method"] == "POST"
    limits = (record["maxLength"], record["timeout"], record["finishOnKey"], record["transcribe"])
    assert limits == ("30", "5", "*", "false")
    assert response.headers["X-Revision"] == "test-rev"


async def test_business_greeting_is_played_when_installed(client, business, settings):
    from server.businesses.service import greeting_file

    path = greeting_file(settings.media_root, business.id)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"ID3")
    response = await post_signed(client, "/webhook/incoming_call", call_params("CA" + "b" * 32))
    root = ET.fromstring(await response.get_data())
    assert root[0].text == f"{PUBLIC_HOST}/server/static/voice_responses/{business.id}/greeting.mp3"


async def test_handle_recording_thanks_in_hebrew_and_hangs_up(client, business):
    await post_signed(client, "/webhook/incoming_call", call_params("CA" + "c" * 32))
    response = await post_signed(client, "/webhook/handle_recording", recording_params("CA" + "c" * 32))
    assert response.status_code == 200 and response.content_type.startswith("text/xml")
    root = ET.fromstring(await response.get_data())
    assert root[0].tag == "Say" and root[0].get("language") == "he-IL"
    assert root[0].text == "תודה, קיבלנו את ההודעה"
    assert root[1].tag == "Hangup"


async def test_call_status_is_plain_ok(client, business):
    response = await post_signed(client, "/webhook/call_status", call_params("CA" + "d" * 32, CallStatus="completed"))
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain")
    assert await response.get_data(as_text=True) == "OK"


@pytest.mark.parametrize("path", WEBHOOKS)
async def test_unsigned_request_is_refused_and_writes_nothing(client, business, path):
    params = recording_params("CA" + "e" * 32)
    response = await client.post(path, data=urlencode(params).encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 403
    assert (await response.get_json())["error"]["code"] == "bad_signature"
    assert await nothing_written()


@pytest.mark.parametrize("path", WEBHOOKS)
async def test_tampered_parameter_is_refused(client, business, path):
    params = recording_params("CA" + "f" * 32)
    full_path, _body, headers = signed_form(PUBLIC_HOST, path, params)
    params["From"] = "+972500000000"  # changed after signing
    response = await client.post(full_path, data=urlencode(params).encode(), headers=headers)
    assert response.status_code == 403
    assert await nothing_written()


@pytest.mark.parametrize("path", WEBHOOKS)
async def test_signature_for_another_url_is_refused(client, business, path):
    # Signed for the host the request came in on (what a server trusting Host would check).
    response = await post_signed(client, path, recording_params("CA" + "1" * 32), base="http://localhost")
    assert response.status_code == 403
    assert await nothing_written()


async def test_signature_with_wrong_token_is_refused(client, business):
    params = call_params("CA" + "2" * 32)
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Twilio-Signature": sign(PUBLIC_HOST + "/webhook/incoming_call", params, token="other")}
    response = await client.post("/webhook/incoming_call", data=urlencode(params).encode(), headers=headers)
    assert response.status_code == 403


async def test_percent_encoded_hebrew_query_string_validates(client, business):
    query = "name=%D7%A9%D7%9C%D7%95%D7%9D&mail=a%40b.co"
    response = await post_signed(client, "/webhook/incoming_call", call_params("CA" + "3" * 32), query=query)
    assert response.status_code == 200
    assert await Call.filter(call_sid="CA" + "3" * 32).exists()


async def test_unknown_signed_parameter_still_validates(client, business):
    response = await post_signed(client, "/webhook/incoming_call",
                                 call_params("CA" + "4" * 32, StirVerstat="TN-Validation-Passed-A"))
    assert response.status_code == 200


@pytest.mark.both_databases
async def test_retried_webhooks_create_one_call_and_one_job(client, business):
    sid = "CA" + "5" * 32
    for _ in range(3):
        assert (await post_signed(client, "/webhook/incoming_call", call_params(sid))).status_code == 200
    for _ in range(3):
        assert (await post_signed(client, "/webhook/handle_recording", recording_params(sid))).status_code == 200
    assert await Call.filter(call_sid=sid).count() == 1
    assert await Customer.all().count() == 1
    jobs = await Job.all()
    assert [(job.kind, job.dedupe_key) for job in jobs] == [("recording.fetch", "recording:RE" + "1" * 32)]


async def test_call_status_only_moves_forward(client, business):
    sid = "CA" + "6" * 32
    await post_signed(client, "/webhook/incoming_call", call_params(sid))
    await post_signed(client, "/webhook/call_status", call_params(sid, CallStatus="completed", CallDuration="42"))
    await post_signed(client, "/webhook/call_status", call_params(sid, CallStatus="in-progress"))
    await post_signed(client, "/webhook/call_status", call_params(sid, CallStatus="ringing"))
    call = await Call.get(call_sid=sid)
    assert (call.status, call.duration) == ("completed", 42)


@pytest.mark.both_databases
@pytest.mark.parametrize("caller", ["054-123-4567", "0541234567", "+972 54 123 4567"])
async def test_known_caller_in_any_local_format_is_matched(client, business, caller):
    existing = await Customer.create(business=business, name="דנה כהן", phone="+972541234567")
    await post_signed(client, "/webhook/incoming_call", call_params("CA" + "7" * 32, From=caller))
    call = await Call.get(call_sid="CA" + "7" * 32)
    assert call.customer_id == existing.id
    assert await Customer.all().count() == 1


async def test_unknown_caller_becomes_a_lead_named_by_number(client, business):
    await post_signed(client, "/webhook/incoming_call", call_params("CA" + "8" * 32, From="+972521112233"))
    customer = await Customer.get(phone="+972521112233")
    assert (customer.name, customer.status, customer.business_id) == ("052-111-2233", "lead", business.id)
    assert (await Call.get(call_sid="CA" + "8" * 32)).customer_id == customer.id


async def test_anonymous_caller_gets_a_call_without_customer(client, business):
    await post_signed(client, "/webhook/incoming_call", call_params("CA" + "9" * 32, From="Anonymous"))
    assert (await Call.get(call_sid="CA" + "9" * 32)).customer_id is None
    assert await Customer.all().count() == 0


async def test_number_without_business_hangs_up_politely(client, business):
    response = await post_signed(client, "/webhook/incoming_call", call_params("CA" + "0" * 32, To="+97239999999"))
    assert response.status_code == 200
    root = ET.fromstring(await response.get_data())
    assert [child.tag for child in root] == ["Say", "Hangup"]
    assert await Call.all().count() == 0


async def test_unsigned_requests_are_throttled_but_signed_ones_never(client, business):
    limit = BAD_SIGNATURES_PER_MINUTE
    statuses = [
        (await client.post("/webhook/call_status", data=b"CallSid=CAx",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})).status_code
        for _ in range(limit + 1)
    ]
    assert statuses[:limit] == [403] * limit
    assert statuses[limit] == 429
    signed = [(await post_signed(client, "/webhook/call_status",
                                 call_params("CA" + "c" * 32, CallStatus="ringing"))).status_code
              for _ in range(limit + 5)]
    assert set(signed) == {200}


NOT_SIDS = ["../../../../tmp/escaped", "RE" + "1" * 31 + "/", "RE" + "g" * 32, "RE1", "CA" + "1" * 32, "RE" + "1" * 33]


@pytest.mark.parametrize("recording_sid", NOT_SIDS)
async def test_a_recording_sid_that_is_no_sid_is_answered_but_stored_nowhere(client, business, recording_sid):
    """Signed, so Twilio's (or the signer's) text: it still gets its TwiML thank-you, but no
    recording, job or file comes of it; a RecordingSid names a file."""
    sid = "CA" + "d" * 32
    await post_signed(client, "/webhook/incoming_call", call_params(sid))
    response = await post_signed(client, "/webhook/handle_recording", recording_params(sid, recording_sid))
    assert response.status_code == 200 and response.content_type.startswith("text/xml")
    assert [child.tag for child in ET.fromstring(await response.get_data())] == ["Say", "Hangup"]
    call = await Call.get(call_sid=sid)
    assert call.recording_sid is None and await Job.all().count() == 0


@pytest.mark.parametrize("call_sid", ["CA../../x", "CA" + "1" * 31, "XX" + "1" * 32, "CA" + "z" * 32])
async def test_a_call_sid_that_is_no_sid_is_answered_but_stored_nowhere(client, business, call_sid):
    for path, params in (("/webhook/incoming_call", call_params(call_sid)),
                         ("/webhook/handle_recording", recording_params(call_sid)),
                         ("/webhook/call_status", call_params(call_sid, CallStatus="completed"))):
        assert (await post_signed(client, path, params)).status_code == 200
    assert await nothing_written()


async def test_upper_case_hex_is_a_sid_as_twilio_documents_it(client, business):
    sid = "CA" + "AB12" * 8  # Twilio's documented pattern: ^CA[0-9a-fA-F]{32}$
    assert (await post_signed(client, "/webhook/incoming_call", call_params(sid))).status_code == 200
    assert await Call.exists(call_sid=sid)
