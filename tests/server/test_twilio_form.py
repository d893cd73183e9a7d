"""Twilio's form and query values (server/telephony/form.py): what is not a plain number is
None, never a 500, on every webhook that reads one."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from urllib.parse import quote

import pytest

from server.calls.models import Call
from server.jobs.models import Job
from server.messages.models import Message
from server.telephony.form import MAX_INT, integer, row_id, text, whatsapp_address
from tests.conftest import ACCOUNT_SID, BUSINESS_PHONE, PUBLIC_HOST
from tests.twilio_helpers import call_params, signed_form

# Values a number field might hold that are no count, duration or id of ours.
NOT_NUMBERS = ["", "-1", "+1", " 1", "1 ", "1.0", "1e3", "1_000", "0x10", "abc", "٣", "²", "１２", "1\x00",
               str(MAX_INT + 1), "99999999999", "9" * 5000]


@pytest.mark.parametrize("value, expected", [
    ("0", 0), ("7", 7), ("007", 7), ("63016", 63016), (str(MAX_INT), MAX_INT),
])
def test_integer_reads_plain_decimal_digits(value, expected):
    assert integer(value) == expected


@pytest.mark.parametrize("value", [None, *NOT_NUMBERS])
def test_integer_is_none_for_anything_else(value):
    assert integer(value) is None


@pytest.mark.parametrize("value, expected", [
    ("1", 1), ("42", 42), (str(MAX_INT), MAX_INT), ("0", None), ("000", None), (None, None),
    *((value, None) for value in NOT_NUMBERS),
])
def test_row_id_is_a_possible_database_id(value, expected):
    assert row_id(value) == expected


@pytest.mark.parametrize("value, expected", [
    (None, ""), ("", ""), ("שלום\x00 עולם", "שלום עולם"), ("\x00\x00", ""), (" keep spaces ", " keep spaces "),
])
def test_text_drops_nul_characters_only(value, expected):
    assert text(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("whatsapp:+972541234567", "+972541234567"), (" whatsapp:+97254\x001234567 ", "+972541234567"),
    ("whatsapp:IL.1234567890", "IL.1234567890"), ("+972541234567", "+972541234567"), (None, ""),
])
def test_whatsapp_address_drops_the_channel_prefix(value, expected):
    assert whatsapp_address(value) == expected


async def post_signed(client, path: str, params: dict, query: str = ""):
    full_path, body, headers = signed_form(PUBLIC_HOST, path, params, query=query)
    return await client.post(full_path, data=body, headers=headers)


# The database refuses what SQLite keeps (a number past int4), so these matter most on PostgreSQL.
@pytest.mark.both_databases  # PostgreSQL refuses NUL and numbers past int4
@pytest.mark.parametrize("value", ["²", "99999999999", "-5", "٣"])
async def test_call_and_recording_durations_that_are_not_numbers_are_left_empty(client, business, value):
    sid = "CA" + "1" * 32
    assert (await post_signed(client, "/webhook/incoming_call", call_params(sid))).status_code == 200
    recording = call_params(sid, CallStatus="in-progress", RecordingSid="RE" + "1" * 32, RecordingDuration=value,
                            RecordingUrl=f"http://127.0.0.1:9/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/RE1")
    assert (await post_signed(client, "/webhook/handle_recording", recording)).status_code == 200
    status = await post_signed(client, "/webhook/call_status", call_params(sid, CallStatus="completed",
                                                                           CallDuration=value))
    assert status.status_code == 200
    call = await Call.get(call_sid=sid)
    assert (call.status, call.duration, call.recording_duration) == ("completed", None, None)
    assert call.recording_sid == "RE" + "1" * 32 and await Job.filter(kind="recording.fetch").count() == 1


@pytest.mark.both_databases  # PostgreSQL refuses NUL and numbers past int4
async def test_nul_characters_in_voice_values_are_dropped(client, business):
    params = call_params("CA" + "2" * 32 + "\x00", From="+97254\x001234567")
    assert (await post_signed(client, "/webhook/incoming_call", params)).status_code == 200
    call = await Call.get(call_sid="CA" + "2" * 32)
    assert call.from_number == "+972541234567"


@pytest.fixture
async def outbound_call(business):
    return await Call.create(business=business, call_sid="CA" + "3" * 32, direction="outbound-api",
                             from_number=BUSINESS_PHONE, to_number="+972529876543", status="in-progress",
                             started_at=datetime.now(UTC))


@pytest.mark.parametrize("call_id", ["", "0", "-1", "²", "٣", "1.0", str(MAX_INT + 1), "9" * 40])
async def test_an_outbound_webhook_with_an_id_that_is_no_id_finds_no_call(client, outbound_call, call_id):
    query = "call=" + quote(call_id)
    params = {"AccountSid": ACCOUNT_SID, "CallSid": outbound_call.call_sid, "RecordingStatus": "completed",
              "RecordingSid": "RE" + "3" * 32, "RecordingDuration": "4",
              "RecordingUrl": f"http://127.0.0.1:9/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/RE3"}
    dial = await post_signed(client, "/webhook/outbound_call", params, query=query)
    assert dial.status_code == 200
    assert [child.tag for child in ET.fromstring(await dial.get_data())] == ["Say", "Hangup"]
    recording = await post_signed(client, "/webhook/outbound_recording", params, query=query)
    assert recording.status_code == 204
    assert (await Call.get(id=outbound_call.id)).recording_sid is None


@pytest.mark.both_databases  # PostgreSQL refuses NUL and numbers past int4
@pytest.mark.parametrize("value", ["²", "99999999999", "abc"])
async def test_an_outbound_recording_duration_that_is_no_number_is_left_empty(client, outbound_call, value):
    params = {"AccountSid": ACCOUNT_SID, "CallSid": outbound_call.call_sid, "RecordingStatus": "completed",
              "RecordingSid": "RE" + "4" * 32, "RecordingDuration": value,
              "RecordingUrl": f"http://127.0.0.1:9/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/RE4"}
    response = await post_signed(client, "/webhook/outbound_recording", params, query=f"call={outbound_call.id}")
    assert response.status_code == 204
    call = await Call.get(id=outbound_call.id)
    assert (call.recording_sid, call.recording_duration) == ("RE" + "4" * 32, None)


def whatsapp_params(sid: str, **extra) -> dict:
    return {"AccountSid": ACCOUNT_SID, "MessageSid": sid, "From": "whatsapp:+972541234567",
            "To": f"whatsapp:{BUSINESS_PHONE}", "Body": "שלום", "WaId": "972541234567", **extra}


@pytest.mark.parametrize("count", ["²", "99999999999", "-1", "abc"])
async def test_whatsapp_media_count_that_is_no_number_means_no_media(client, business, count):
    params = whatsapp_params("SM" + "5" * 32, NumMedia=count, MediaUrl0="https://api.twilio.com/x",
                             MediaContentType0="image/jpeg")
    assert (await post_signed(client, "/webhook/whatsapp", params)).status_code == 200
    message = await Message.get(message_sid="SM" + "5" * 32)
    assert message.media == [] and await Job.all().count() == 0


@pytest.mark.both_databases  # PostgreSQL refuses NUL and numbers past int4
@pytest.mark.parametrize("code, expected", [("63016", 63016), ("99999999999", None), ("x", None), ("²", None)])
async def test_whatsapp_error_code_is_kept_only_when_it_is_a_number(client, business, code, expected):
    await Message.create(business=business, message_sid="SM" + "6" * 32, direction="outbound", status="sent")
    params = {"AccountSid": ACCOUNT_SID, "MessageSid": "SM" + "6" * 32, "MessageStatus": "failed", "ErrorCode": code}
    assert (await post_signed(client, "/webhook/whatsapp_status", params)).status_code == 204
    message = await Message.get(message_sid="SM" + "6" * 32)
    assert (message.status, message.error_code) == ("failed", expected)
