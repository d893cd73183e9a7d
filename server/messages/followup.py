"""Missed-call follow-up: a call that ended with no recording (no answer, busy, failed,
canceled, or a hang-up during the greeting) gets a call-back task for the business's on-duty
agent and, when the business set a template, a WhatsApp template to the caller.

The voice status webhook only enqueues (once per CallSid); the job does the work, and does the
task and the message in one transaction, so a retried job never makes either twice.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.auth.models import User
from server.businesses.models import Business
from server.calls.models import Call
from server.config import Settings
from server.customers.models import Customer
from server.jobs import queue
from server.labels import label
from server.messages.models import Message
from server.messages.service import announce, sender_number
from server.phones import national
from server.tasks.models import Task
from server.tasks.service import create_task

log = logging.getLogger("agentlocator.messages")

MISSED_STATUSES = frozenset({"completed", "busy", "failed", "no-answer", "canceled"})
# Twilio posts the <Record> action before the final status; a short delay still lets a late
# recording webhook win, so a call that left a message never gets a call-back task.
GRACE = timedelta(seconds=5)


async def schedule(*, call_sid: str, status: str) -> bool:
    """Enqueue the follow-up when a call reached a final status with no recording and its
    business wants follow-ups. Two indexed reads on a final status only."""
    if status not in MISSED_STATUSES:
        return False
    call = await Call.get_or_none(call_sid=call_sid)
    if call is None or call.recording_sid or not (call.direction or "inbound").startswith("inbound"):
        return False
    if not await Business.filter(id=call.business_id, missed_call_followup=True).exists():
        return False
    job = await queue.enqueue("call.missed_followup", {"call_id": call.id}, dedupe_key=f"missed-call:{call_sid}",
                              run_at=queue.now() + GRACE)
    return job is not None


async def on_duty_agent(business: Business) -> User | None:
    """The business's on-duty agent when set and active, else its first active admin."""
    if business.on_duty_user_id:
        user = await User.get_or_none(id=business.on_duty_user_id, business_id=business.id, is_active=True)
        if user:
            return user
    return await User.filter(business_id=business.id, role="admin", is_active=True).order_by("id").first()


async def follow_up(job, *, settings: Settings) -> None:
    call = await Call.get_or_none(id=job.payload.get("call_id"))
    if call is None or call.recording_sid:
        return  # the caller left a message after all: the recording is the follow-up
    business = await Business.get(id=call.business_id)
    if not business.missed_call_followup:
        return
    agent = await on_duty_agent(business)
    if agent is None:
        log.warning("business %s has no active admin or on-duty agent for missed call %s", business.id, call.call_sid)
        return
    customer = await Customer.get_or_none(id=call.customer_id) if call.customer_id else None
    who = customer.name if customer else (national(call.from_number) if call.from_number else "מספר חסוי")
    send_template = bool(business.missed_call_template_sid and customer and customer.phone
                         and await sender_number(business.id))
    # A job re-run after a crash past this commit finds its task: one call-back per call
    # (task.call_id is unique), the same key a ring_agents business's call-backs keep.
    if await Task.exists(call_id=call.id):
        return
    message = None
    try:
        async with in_transaction() as connection:
            await create_task(business_id=business.id, creator_id=agent.id, assignee_id=agent.id,
                              title=f"להתקשר בחזרה ל{who}", due_at=datetime.now(UTC),
                              customer_id=customer.id if customer else None, call=call, using_db=connection,
                              notes=f"שיחה שלא נענתה ({label('call_status', call.status)}) מ-"
                                    f"{national(call.from_number) if call.from_number else 'מספר חסוי'}, "
                                    f"{call.call_sid}")
            if send_template:
                message = await Message.create(
                    business_id=business.id, customer_id=customer.id, direction="outbound", status="pending",
                    sender_id=customer.phone, content_sid=business.missed_call_template_sid,
                    content_variables={"1": business.name}, using_db=connection,
                )
                await queue.enqueue("whatsapp.send", {"message_id": message.id},
                                    dedupe_key=f"wa-send:{message.id}", using_db=connection)
    except IntegrityError:
        return  # made meanwhile (a live call's call-back, or this job run twice at once)
    queue.wake()
    if message is not None:
        await announce("wa:message", message)
