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

from twilio.twiml.voice_response import VoiceResponse

from server import realtime
from server.auth.models import User
from server.calls.models import Call
from server.calls.service import attach_recording, new_call_event
from server.config import Settings
from server.customers.models import Customer
from server.errors import DomainError
from server.messages.service import sender_number
from server.telephony.client import TwilioError, TwilioRefusedError, create_call
from server.telephony.form import form_sid, integer, text
from server.tenancy import owned

log = logging.getLogger("agentlocator.calls.outbound")

DIRECTION = "outbound-api"
PENDING = "pending-"  # the CallSid of a call Twilio has not confirmed yet
STATUS_EVENTS = ("initiated", "ringing", "answered", "completed")


class AgentPhoneMissingError(DomainError):
    code = "agent_phone_missing"
    default_message = "your user has no phone number to ring; an admin can set it"


class CustomerPhoneMissingError(DomainError):
    code = "customer_phone_missing"
    default_message = "the customer has no phone number"


class NoBusinessNumberError(DomainError):
    code = "no_business_number"
    default_message = "the business has no Twilio number to call from"


class CallRefusedError(DomainError):
    """Twilio refused the call; its error code (never its text) is in the message."""

    code = "twilio_refused"

    def __init__(self, twilio_code: int | None) -> None:
        detail = f" (Twilio error {twilio_code})" if twilio_code is not None else ""
        super().__init__(f"Twilio refused to place the call{detail}")
        self.twilio_code = twilio_code


class CallNotPlacedError(DomainError):
    code = "twilio_unreachable"
    default_message = "Twilio could not be reached; the call was not placed"


def webhook_url(settings: Settings, path: str, call_id: int) -> str:
    return f"{settings.public_base_url}{path}?call={call_id}"


def _not_placed(error: TwilioError) -> DomainError:
    log.warning("an outbound call was not placed: %s", error)
    return CallRefusedError(error.code) if isinstance(error, TwilioRefusedError) else CallNotPlacedError()


async def start_call(*, settings: Settings, business_id: int, user_id: int, customer_id: int) -> Call:
    """Ask Twilio to ring the agent and then the customer; the new call (announced as call:new).
    When it cannot be placed, one of the DomainErrors above, and no call is left behind."""
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    agent = await User.get(id=user_id)
    if not agent.phone:
        raise AgentPhoneMissingError()
    if not customer.phone:
        raise CustomerPhoneMissingError()
    from_number = await sender_number(business_id)
    if not from_number:
        raise NoBusinessNumberError()
    call = await Call.create(business_id=business_id, customer=customer, call_sid=PENDING + secrets.token_hex(16),
                             direction=DIRECTION, status="queued", from_number=from_number,
                             to_number=customer.phone, started_at=datetime.now(UTC), placed_by_id=agent.id)
    try:
        answer = await create_call(settings=settings, to=agent.phone, from_=from_number,
                                   url=webhook_url(settings, "/webhook/outbound_call", call.id),
                                   status_callback=f"{settings.public_base_url}/webhook/call_status",
                                   status_events=STATUS_EVENTS)
    except TwilioError as error:
        await call.delete()
        raise _not_placed(error) from error
    call = await confirm_sid(call=call, call_sid=answer["sid"])
    await realtime.publish("call:new", new_call_event(call, customer.name), room=realtime.business_room(business_id))
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
    with the business's number shown to the customer. Its action (/webhook/dial_status) tells
    whether the customer answered: a call-back that reached them closes their call-back tasks."""
    response = VoiceResponse()
    dial = response.dial(caller_id=call.from_number, record="record-from-answer-dual", action="/webhook/dial_status",
                         method="POST",
                         recording_status_callback=recording_callback, recording_status_callback_method="POST",
                         recording_status_callback_event="completed")
    dial.number(call.to_number)
    return response


async def recording_done(*, call: Call, form) -> bool:
    """Attach the call's recording (completed ones only; once per RecordingSid)."""
    if form.get("RecordingStatus", "completed") != "completed":
        return False
    recording_sid, recording_url = form_sid(form, "RecordingSid", "RE"), text(form.get("RecordingUrl"))
    if not recording_sid or not recording_url:
        return False
    return await attach_recording(call=call, recording_sid=recording_sid, recording_url=recording_url,
                                  recording_duration=integer(form.get("RecordingDuration")))
