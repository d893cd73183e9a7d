"""Where an incoming call goes. A `voicemail` business (the default) answers every call with
its greeting and a recording, exactly as the brief asks. A `ring_agents` business rings its
available agents together during opening hours; when none is available, or none answers
within `ring_seconds`, the caller hears the greeting and leaves a message; outside the hours
(and on Israel's holidays) the closed greeting takes the message. Every call that no agent took
gets one call-back task (server/calls/callbacks.py).

Twilio retries: each step moves a call's `handling` forward once, by a conditional UPDATE,
and only the request that moved it announces it (call:ringing, call:answered, call:missed).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from server import realtime
from server.auth.models import User
from server.businesses.call_settings import CallSettings, call_settings
from server.businesses.service import closed_greeting_path, greeting_path, notice_path
from server.calls import callbacks
from server.calls.models import Call
from server.customers.models import Customer
from server.phones import national, to_e164
from server.presence.service import available_agents
from server.telephony.twiml import dial_agents_text, greet_and_record_text, hang_up_text, say_text

log = logging.getLogger("agentlocator.calls")

RECORD_ACTION = "/webhook/handle_recording"
DIAL_ACTION = "/webhook/dial_status"
ANSWER_PATH = "/webhook/dial_answered"
# Twilio's DialCallStatus when nobody took the call (the caller goes on to leave a message).
NOT_ANSWERED = frozenset({"no-answer", "busy", "failed", "canceled"})
ANSWERED = frozenset({"completed", "answered"})
# The call's own CallStatus once it is over (its status callback).
CALL_OVER = frozenset({"completed", "no-answer", "busy", "failed", "canceled"})


def now() -> datetime:
    """The time calls are routed by (the tests of holidays fix it)."""
    return datetime.now(UTC)


def greeting_twiml(*, base_url: str, media_root: Path, settings: CallSettings, closed: bool = False) -> str:
    """The brief's flow: the business's greeting (`closed`: its closed greeting), the recording
    notice unless its admin turned it off, a pause, a recording."""
    business_id = settings.business_id
    greeting = closed_greeting_path(media_root, business_id) if closed else greeting_path(media_root, business_id)
    notice = base_url + notice_path(media_root, business_id) if settings.recording_notice else None
    return greet_and_record_text(greeting_url=base_url + greeting, action=RECORD_ACTION, notice_url=notice)


async def _move(call: Call, *, to: str, since: tuple[str, ...], **also) -> bool:
    """Move the call's handling from one of `since` to `to`, once; whether this request did."""
    moved = await Call.filter(id=call.id, handling__in=since).update(handling=to, updated_at=datetime.now(UTC),
                                                                      **also)
    if moved:
        call.handling = to
        for name, value in also.items():
            setattr(call, name, value)
    return bool(moved)


def _caller(call: Call, customer: Customer | None) -> dict:
    return {"call_id": call.id, "customer_id": call.customer_id, "from": call.from_number,
            "from_national": national(call.from_number) if call.from_number else "",
            "customer": {"id": customer.id, "name": customer.name} if customer else None}


async def _customer(call: Call) -> Customer | None:
    return await Customer.get_or_none(id=call.customer_id) if call.customer_id else None


async def route_call(call: Call, *, settings: CallSettings, base_url: str, media_root: Path) -> str:
    """The TwiML for a new call to a ring_agents business."""
    at = now()
    if not settings.week.is_open(at):
        await _move(call, to="closed", since=("voicemail",))
        await _call_back(call, settings, after=settings.week.next_opening(at) or at)
        return greeting_twiml(base_url=base_url, media_root=media_root, settings=settings, closed=True)
    agents = await available_agents(business_id=call.business_id)
    if not agents:
        await _move(call, to="no_agents", since=("voicemail",))
        await _call_back(call, settings)
        return greeting_twiml(base_url=base_url, media_root=media_root, settings=settings)
    if await _move(call, to="ringing", since=("voicemail",)):
        await realtime.publish("call:ringing", {**_caller(call, await _customer(call)),
                                                "agent_ids": [agent.id for agent in agents]},
                               room=realtime.business_room(call.business_id))
    numbers = [(agent.phone, f"{base_url}{ANSWER_PATH}?call={call.id}&user={agent.id}") for agent in agents]
    # The caller's number parsed only here: a voicemail business's calls never need it.
    return dial_agents_text(numbers=numbers, timeout=settings.ring_seconds, action=DIAL_ACTION,
                            caller_id=to_e164(call.from_number))


async def answer_for(business_id: int, call: Call | None, *, base_url: str, media_root: Path) -> str:
    """An incoming call's TwiML: the brief's flow, or the live routing of a ring_agents business."""
    found = await call_settings(business_id)
    if call is None or not found.rings_agents:
        return greeting_twiml(base_url=base_url, media_root=media_root, settings=found)
    return await route_call(call, settings=found, base_url=base_url, media_root=media_root)


async def mark_answered(call: Call, *, user: User | None) -> bool:
    """The call was taken live (by `user`, where Twilio said who); call:answered once."""
    at = datetime.now(UTC)
    moved = await _move(call, to="answered", since=("voicemail", "ringing"),
                        answered_at=at, answered_by_id=user.id if user else None)
    if not moved and user is not None:
        # dial_status (completed) came first and did not know who: the agent's answer URL does.
        moved = bool(await Call.filter(id=call.id, handling="answered", answered_by_id__isnull=True)
                     .update(answered_by_id=user.id, updated_at=at))
        call.answered_by_id = user.id if moved else call.answered_by_id
    if moved:
        await realtime.publish("call:answered", {
            "call_id": call.id, "customer_id": call.customer_id, "answered_by_user_id": call.answered_by_id,
            "answered_by_name": user.name if user else None}, room=realtime.business_room(call.business_id))
    return moved


async def agent_picked_up(*, call_id: int | None, user_id: int | None) -> str:
    """TwiML for the agent who picked up (fetched by Twilio from the <Number>'s url): the call
    is theirs, and they hear who is calling before they are put through."""
    call = await Call.get_or_none(id=call_id) if call_id else None
    user = await User.get_or_none(id=user_id, business_id=call.business_id) if call and user_id else None
    if call is None:
        return hang_up_text()
    await mark_answered(call, user=user)
    customer = await _customer(call)
    return say_text(f"שיחה מ{customer.name}" if customer and customer.name else "שיחה נכנסת")


async def dial_finished(call: Call, *, status: str, base_url: str, media_root: Path, settings: CallSettings) -> str:
    """TwiML after the agents' phones rang: the call ends when one took it; otherwise the
    caller leaves a message, and the call gets a call-back."""
    if status in ANSWERED:
        await mark_answered(call, user=None)
        return hang_up_text()
    if status in NOT_ANSWERED:
        await _missed(call, reason=status)
    if call.handling != "answered":
        await _call_back(call, settings)
    return greeting_twiml(base_url=base_url, media_root=media_root, settings=settings)


async def _missed(call: Call, *, reason: str) -> None:
    if await _move(call, to="missed", since=("voicemail", "ringing")):
        await realtime.publish("call:missed", {"call_id": call.id, "customer_id": call.customer_id,
                                               "from": call.from_number, "reason": reason},
                               room=realtime.business_room(call.business_id))


async def call_ended(call: Call) -> None:
    """The call is over (its status callback said so) while the agents' phones still rang: the
    caller hung up before anyone answered, and Twilio may never fetch the <Dial>'s action. The
    call is missed: every desk's ringing notice closes, and the call-back is made as always."""
    if call.handling != "ringing":
        return
    await _missed(call, reason="caller_hung_up")
    if call.handling == "missed":
        await _call_back(call, await call_settings(call.business_id))


async def _call_back(call: Call, settings: CallSettings, *, after: datetime | None = None) -> None:
    """The call's one call-back task, due `callback_minutes` after `after` (the next opening of
    a closed business), else from now."""
    await callbacks.ensure_callback(call=call, due_at=(after or now()) + timedelta(minutes=settings.callback_minutes),
                                    callback_minutes=settings.callback_minutes)
