"""Click-to-call: Twilio rings the agent's own phone first; when the agent answers, the TwiML
of `/webhook/outbound_call?call=<id>` dials the customer.

The call is a Call row of the customer (direction `outbound-api`, Twilio's name for a call
created through its REST API), written before Twilio is asked so that the webhook can find it
by id; it carries a placeholder CallSid until Twilio's answer (or its webhook, whichever comes
first) gives the real one. Twilio's status callbacks then move it forward through the same
`/webhook/call_status` as inbound calls; a recording is attached once per RecordingSid.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime

import httpx
from twilio.twiml.voice_response import VoiceResponse

from server import realtime
from server.auth.models import User
from server.calls.models import Call
from server.calls.service import attach_recording, call_json
from server.config import Settings
from server.customers.models import Customer
from server.errors import APIError
from server.messages.service import sender_number
from server.telephony.client import API_TIMEOUT
from server.telephony.form import integer, text
from server.tenancy import owned

log = logging.getLogger("agentlocator.calls.outbound")

DIRECTION = "outbound-api"
PENDING = "pending-"  # the CallSid of a call Twilio has not confirmed yet
STATUS_EVENTS = ("initiated", "ringing", "answered", "completed")


def webhook_url(settings: Settings, path: str, call_id: int) -> str:
    return f"{settings.public_base_url}{path}?call={call_id}"


async def ask_twilio(*, settings: Settings, to: str, from_: str, url: str, status_callback: str) -> dict:
    """`POST {TWILIO_API_BASE}/2010-04-01/Accounts/{sid}/Calls.json`: Twilio's JSON answer.
    Any refusal, network failure or timeout is a 502 whose message names Twilio's error code
    only (never a credential, never Twilio's own text)."""
    sid = settings.twilio_account_sid
    form = {"To": to, "From": from_, "Url": url, "Method": "POST", "StatusCallback": status_callback,
            "StatusCallbackMethod": "POST", "StatusCallbackEvent": list(STATUS_EVENTS)}
    endpoint = f"{settings.twilio_api_base.rstrip('/')}/2010-04-01/Accounts/{sid}/Calls.json"
    try:
        async with httpx.AsyncClient(auth=(sid, settings.twilio_auth_token), timeout=API_TIMEOUT) as client:
            response = await client.post(endpoint, data=form)
    except httpx.HTTPError as error:
        log.warning("Twilio unreachable for an outbound call: %s", type(error).__name__)
        raise APIError(502, "twilio_unreachable", "Twilio could not be reached; the call was not placed") from None
    if response.status_code >= 400 or not response.content:
        try:
            code = response.json().get("code")
        except ValueError:
            code = None
        log.warning("Twilio refused an outbound call: %s (code %s)", response.status_code, code)
        detail = f" (Twilio error {int(code)})" if isinstance(code, int) else ""
        raise APIError(502, "twilio_refused", f"Twilio refused to place the call{detail}")
    return response.json()


async def start_call(*, settings: Settings, business_id: int, user_id: int, customer_id: int) -> Call:
    """Ask Twilio to ring the agent and then the customer; the new call (announced as call:new)."""
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    agent = await User.get(id=user_id)
    if not agent.phone:
        raise APIError(409, "agent_phone_missing", "your user has no phone number to ring; an admin can set it")
    if not customer.phone:
        raise APIError(409, "customer_phone_missing", "the customer has no phone number")
    from_number = await sender_number(business_id)
    if not from_number:
        raise APIError(409, "no_business_number", "the business has no Twilio number to call from")
    call = await Call.create(business_id=business_id, customer=customer, call_sid=PENDING + secrets.token_hex(16),
                             direction=DIRECTION, status="queued", from_number=from_number,
                             to_number=customer.phone, started_at=datetime.now(UTC))
    try:
        answer = await ask_twilio(settings=settings, to=agent.phone, from_=from_number,
                                  url=webhook_url(settings, "/webhook/outbound_call", call.id),
                                  status_callback=f"{settings.public_base_url}/webhook/call_status")
    except APIError:
        await call.delete()
        raise
    call = await confirm_sid(call=call, call_sid=str(answer.get("sid") or ""))
    await realtime.publish("call:new", {"call": call_json(call)}, room=realtime.business_room(business_id))
    return call


async def confirm_sid(*, call: Call, call_sid: str) -> Call:
    """Give the call Twilio's CallSid, once: from Twilio's answer or from its first webhook,
    whichever comes first; the other finds it done."""
    if call_sid:
        await Call.filter(id=call.id, call_sid__startswith=PENDING).update(call_sid=call_sid)
    return await Call.get(id=call.id)


async def outbound_call(call_id: int | None) -> Call | None:
    return await Call.get_or_none(id=call_id, direction=DIRECTION) if call_id else None


def dial_customer(call: Call, *, recording_callback: str) -> VoiceResponse:
    """What the agent hears on answering: the customer's phone ringing, recorded from answer,
    with the business's number shown to the customer."""
    response = VoiceResponse()
    dial = response.dial(caller_id=call.from_number, record="record-from-answer-dual",
                         recording_status_callback=recording_callback, recording_status_callback_method="POST",
                         recording_status_callback_event="completed")
    dial.number(call.to_number)
    return response


async def recording_done(*, call: Call, form) -> bool:
    """Attach the call's recording (completed ones only; once per RecordingSid)."""
    if form.get("RecordingStatus", "completed") != "completed":
        return False
    recording_sid, recording_url = text(form.get("RecordingSid")), text(form.get("RecordingUrl"))
    if not recording_sid or not recording_url:
        return False
    return await attach_recording(call=call, recording_sid=recording_sid, recording_url=recording_url,
                                  recording_duration=integer(form.get("RecordingDuration")))
