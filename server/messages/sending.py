"""Sending a queued WhatsApp message through Twilio's Messages API (a job).

Why a job and not a call inside the request: the send survives a crash or a restart, a 429 or
5xx from Twilio is retried with backoff, and the agent's request answers at once (202, the
message `pending`). The agent still sees a refusal as soon as Twilio gives it: the message
turns `failed` with the code and a Hebrew reason, and `wa:status` carries that to the screen.
A refusal is final (retrying cannot help); only the last failed retry of an outage marks it
failed. An outage is said at its first failed try, though: the message stays `pending` (the job
keeps retrying for hours) with a Hebrew note that Twilio is out, announced by `wa:status`, so the
agent knows within a second or two rather than watching a bubble that never moves.
(Why Twilio's client is ours over httpx: server/telephony/client.py.)
"""

from __future__ import annotations

import logging

from tortoise.expressions import Q

from server.config import Settings
from server.messages.models import Message
from server.messages.service import (
    REFUSED_HE,
    UNAVAILABLE_HE,
    advance_status,
    announce,
    mark_failed,
    mark_retrying,
    reason_he,
    sender_number,
)
from server.telephony.client import TwilioRefusedError, TwilioUnavailableError, send_message

log = logging.getLogger("agentlocator.messages")
STATUS_CALLBACK_PATH = "/webhook/whatsapp_status"


def _wa(address: str) -> str:
    return address if address.startswith("whatsapp:") else f"whatsapp:{address}"


async def send_queued(job, *, settings: Settings) -> None:
    message = await Message.get_or_none(id=job.payload.get("message_id"))
    if message is None or message.status != "pending" or message.message_sid:
        return  # gone, or already handed to Twilio
    sender = await sender_number(message.business_id)
    if not sender:
        failed = await mark_failed(message_id=message.id, error_code=None,
                                   reason="לעסק אין מספר Twilio לשליחת וואטסאפ")
        if failed:
            await announce("wa:status", failed)
        return
    callback = settings.public_base_url + STATUS_CALLBACK_PATH if settings.public_base_url else ""
    try:
        answer = await send_message(settings=settings, to=_wa(message.sender_id), from_=_wa(sender),
                                    status_callback=callback, body=message.body, content_sid=message.content_sid,
                                    content_variables=message.content_variables)
    except TwilioRefusedError as error:
        log.warning("message %s not sent: %s", message.id, error)
        failed = await mark_failed(message_id=message.id, error_code=error.code,
                                   reason=reason_he(error.code) or REFUSED_HE.format(status=error.status))
        if failed:
            await announce("wa:status", failed)
        return
    except Exception as error:
        # An outage (TwilioUnavailableError) or anything else: the job is retried, and the last
        # attempt's failure leaves the message failed rather than pending for ever.
        if job.is_last_attempt:
            changed = await mark_failed(message_id=message.id, error_code=None, reason=UNAVAILABLE_HE)
        else:
            changed = await mark_retrying(message_id=message.id) if isinstance(error, TwilioUnavailableError) \
                else None
        if changed:
            await announce("wa:status", changed)
        raise
    sid = answer["sid"]
    # The outage note goes with the first try that reaches Twilio.
    await Message.filter(id=message.id, message_sid__isnull=True).update(message_sid=sid, error_message=None)
    moved = await advance_status(message_sid=sid, status=answer.get("status") or "queued", filters=Q(id=message.id),
                                 error_code=answer.get("error_code"))
    await announce("wa:status", moved or await Message.get(id=message.id))
