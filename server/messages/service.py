"""WhatsApp messages: what the webhooks store, what agents send, and how a status moves.

Twilio retries webhooks, so an inbound message is stored once per MessageSid (the unique key
turns a retry into the existing row) and a status only ever moves forward: queued → sent →
delivered → read; failed and undelivered are final and keep Twilio's error code.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import realtime
from server.businesses.models import PhoneNumber
from server.customers.models import Customer
from server.customers.service import customer_for_caller
from server.errors import DomainError
from server.jobs import queue
from server.labels import label
from server.messages.models import Message
from server.phones import to_e164
from server.tenancy import owned, scoped

WINDOW = timedelta(hours=24)  # WhatsApp's customer-service window, from the last inbound message
MAX_MEDIA = 10  # Twilio sends at most 10 attachments per message

# Twilio's outbound statuses in the order a message goes through them ("pending": ours, not yet
# handed to Twilio). The failures are final.
STATUS_ORDER = ("pending", "accepted", "scheduled", "queued", "sending", "sent", "delivered", "read")
FAILURES = frozenset({"failed", "undelivered", "canceled"})

ERROR_REASONS_HE = {
    63016: "מחוץ לחלון 24 השעות: יש לשלוח תבנית מאושרת",
    63003: "הנמען אינו זמין בוואטסאפ או שהמספר שגוי",
    63018: "חריגה ממגבלת קצב השליחה של וואטסאפ; נסו שוב מאוחר יותר",
    63024: "הנמען אינו יכול לקבל הודעות וואטסאפ",
    63032: "המשתמש ביקש לא לקבל הודעות שיווקיות מהעסק",
    63049: "מטא לא מסרה את ההודעה כדי לשמור על חוויית המשתמש",
    63007: "מספר השולח אינו מוגדר לוואטסאפ בחשבון Twilio",
    63112: "חשבון הוואטסאפ העסקי הושבת",
    21211: "מספר הטלפון של הנמען אינו תקין",
    21408: "אין הרשאה לשלוח לאזור זה",
    21610: "הנמען ביטל את הסכמתו לקבל הודעות",
    21614: "המספר אינו מספר נייד",
    21656: "משתני התבנית אינם תקינים",
    30003: "ההודעה לא נמסרה: מכשיר הנמען אינו זמין",
    30004: "ההודעה לא נמסרה: הנמען חסם את ההודעות",
    30005: "ההודעה לא נמסרה: המספר אינו קיים",
    30006: "ההודעה לא נמסרה: המספר אינו יכול לקבל הודעות",
    30007: "ההודעה סוננה על ידי הספק",
    30008: "ההודעה לא נמסרה מסיבה לא ידועה",
}
UNAVAILABLE_HE = "שליחה נכשלה: שירות Twilio אינו זמין כרגע"
# On a still-pending message whose send failed for an outage and is being retried.
RETRYING_HE = "Twilio אינו זמין כרגע — ההודעה תישלח כשהחיבור יחזור"
REFUSED_HE = "שליחה נכשלה: Twilio סירב לבקשה (HTTP {status})"  # a refusal without Twilio's code
OUTSIDE_WINDOW_HE = ("עברו יותר מ-24 שעות מאז ההודעה האחרונה של הלקוח: אפשר לשלוח רק תבנית מאושרת "
                     "(content_sid ו-variables)")
_PHONE_LIKE = re.compile(r"^\+?\d{6,15}$")


def reason_he(code: int | None) -> str | None:
    if code is None:
        return None
    return ERROR_REASONS_HE.get(code, f"שליחה נכשלה (קוד {code})")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def media_json(message: Message) -> list[dict]:
    return [{"content_type": item.get("content_type", ""), "size": item.get("size"), "status": item.get("status"),
             "url": f"/api/crm/messages/{message.id}/media/{number}" if item.get("path") else None}
            for number, item in enumerate(message.media or [], start=1)]


def message_json(message: Message) -> dict:
    return {
        "id": message.id,
        "message_sid": message.message_sid,
        "customer_id": message.customer_id,
        "direction": message.direction,
        "body": message.body,
        "media": media_json(message),
        "status": message.status,
        "status_label": label("message_status", message.status),
        # Still pending, and its last try met an outage: the job keeps trying (sending.py).
        "retrying": message.status == "pending" and message.error_message is not None,
        "error_code": message.error_code,
        "error_message": message.error_message,
        "sender_id": message.sender_id,
        "profile_name": message.profile_name,
        "content_sid": message.content_sid,
        "content_variables": message.content_variables,
        "sent_by_id": message.sent_by_id,
        "created_at": message.created_at.isoformat(),
        "updated_at": message.updated_at.isoformat(),
        "status_at": _iso(message.status_at),
        "purged_at": _iso(message.purged_at),
    }


async def announce(event: str, message: Message, *, customer: Customer | None = None) -> None:
    """`event` to the message's business; with `customer` (an inbound message), its id and
    name too, so a screen pop names the sender without fetching the customer."""
    data = {"message": message_json(message)}
    if customer is not None:
        data["customer"] = {"id": customer.id, "name": customer.name}
    await realtime.publish(event, data, room=realtime.business_room(message.business_id))


def clean(text: str | None) -> str:
    """An agent's text without NUL characters (PostgreSQL refuses them)."""
    return (text or "").replace("\x00", "")


# --- inbound ---------------------------------------------------------------------------------

def phone_of(sender: str, wa_id: str) -> str | None:
    """The sender's E.164 number: the sender itself when it is one, else WaId; None for a
    sender id that is no phone number (a BSUID with no WaId)."""
    for candidate in (sender, wa_id and ("+" + wa_id.lstrip("+"))):
        if candidate and _PHONE_LIKE.match(candidate.replace(" ", "")):
            e164 = to_e164(candidate)
            if e164:
                return e164
    return None


async def customer_for_sender(*, business_id: int, sender: str, wa_id: str, profile_name: str,
                              seen_at: datetime) -> Customer | None:
    e164 = phone_of(sender, wa_id)
    if e164:
        return await customer_for_caller(business_id=business_id, e164=e164, seen_at=seen_at, source="whatsapp",
                                         name=profile_name or None)
    if not sender:
        return None
    # No phone number: the customer an earlier message from this sender id was filed under.
    earlier = await Message.filter(business_id=business_id, sender_id=sender, customer_id__not_isnull=True) \
        .order_by("-id").first()
    if earlier:
        await Customer.filter(id=earlier.customer_id).update(last_contact_at=seen_at)
        return await Customer.get_or_none(id=earlier.customer_id)
    return await Customer.create(business_id=business_id, name=(profile_name or sender)[:200], phone=None,
                                 status="lead", last_contact_at=seen_at, source="whatsapp")


async def receive(*, business_id: int, message_sid: str, sender: str, wa_id: str, profile_name: str, body: str,
                  media: list[dict]) -> tuple[Message, bool]:
    """Store an inbound message (and enqueue its media download) once; (message, created)."""
    existing = await Message.get_or_none(message_sid=message_sid)
    if existing:
        await _media_again(existing)
        return existing, False
    now = datetime.now(UTC)
    customer = await customer_for_sender(business_id=business_id, sender=sender, wa_id=wa_id,
                                         profile_name=profile_name, seen_at=now)
    try:
        async with in_transaction() as connection:
            message = await Message.create(
                business_id=business_id, customer=customer, message_sid=message_sid, direction="inbound",
                body=body, media=media[:MAX_MEDIA], status="received", sender_id=sender[:128],
                profile_name=profile_name[:200], status_at=now, using_db=connection,
            )
            if any(item["status"] == "pending" for item in message.media):
                await queue.enqueue("whatsapp.media", {"message_id": message.id},
                                    dedupe_key=f"wa-media:{message_sid}", using_db=connection)
    except IntegrityError:
        # A retry raced this one and stored the message first.
        return await Message.get(message_sid=message_sid), False
    queue.wake()
    await announce("wa:message", message, customer=customer)
    return message, True


async def _media_again(message: Message) -> None:
    """A redelivered message whose media are still pending: their job is queued again if it
    went dead, or anew if it is gone; a job still queued or running is left alone."""
    if not any(item.get("status") == "pending" for item in message.media or []):
        return
    key = f"wa-media:{message.message_sid}"
    if not await queue.revive(dedupe_key=key):
        await queue.enqueue("whatsapp.media", {"message_id": message.id}, dedupe_key=key)


# --- outbound --------------------------------------------------------------------------------

class NoWhatsAppAddressError(DomainError):
    code = "no_whatsapp_address"
    default_message = "this customer has no phone number or WhatsApp id"


class NoWhatsAppSenderError(DomainError):
    code = "no_whatsapp_sender"
    default_message = "the business has no Twilio number to send WhatsApp from"


class OutsideWindowError(DomainError):
    """A free-form body after WhatsApp's 24-hour window; `last_inbound_at` in the details."""

    code = "outside_window"
    default_message = OUTSIDE_WINDOW_HE


async def last_inbound_at(*, business_id: int, customer_id: int) -> datetime | None:
    last = await Message.filter(business_id=business_id, customer_id=customer_id, direction="inbound") \
        .order_by("-created_at").first().values_list("created_at", flat=True)
    return last


async def sender_number(business_id: int) -> str | None:
    """The business's WhatsApp sender: its (first) Twilio number."""
    return await PhoneNumber.filter(business_id=business_id).order_by("id").first().values_list("e164", flat=True)


async def _recipient(customer: Customer) -> str | None:
    if customer.phone:
        return customer.phone
    return await Message.filter(business_id=customer.business_id, customer_id=customer.id, direction="inbound") \
        .exclude(sender_id="").order_by("-id").first().values_list("sender_id", flat=True)


async def queue_send(*, business_id: int, customer_id: int, user_id: int | None, body: str | None = None,
                     content_sid: str | None = None, variables: dict | None = None,
                     now: datetime | None = None) -> Message:
    """A message row (`pending`) and its send job, in one transaction; the job sends it.

    A free-form body goes only inside the 24-hour window since the customer's last inbound
    message (OutsideWindowError); a template (`content_sid`) goes any time.
    """
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    recipient = await _recipient(customer)
    if not recipient:
        raise NoWhatsAppAddressError()
    if not await sender_number(business_id):
        raise NoWhatsAppSenderError()
    if not content_sid:
        last = await last_inbound_at(business_id=business_id, customer_id=customer.id)
        if last is None or (now or datetime.now(UTC)) - last > WINDOW:
            raise OutsideWindowError(last_inbound_at=last.isoformat() if last else None)
    async with in_transaction() as connection:
        message = await Message.create(
            business_id=business_id, customer_id=customer.id, direction="outbound", body=clean(body),
            status="pending", sender_id=recipient, content_sid=content_sid,
            content_variables=variables if content_sid else None, sent_by_id=user_id, using_db=connection,
        )
        await queue.enqueue("whatsapp.send", {"message_id": message.id}, dedupe_key=f"wa-send:{message.id}",
                            using_db=connection)
    queue.wake()
    await announce("wa:message", message)
    return message


# --- status ----------------------------------------------------------------------------------

def _earlier_statuses(status: str) -> list[str]:
    """The statuses a message may move to `status` from."""
    if status in FAILURES:
        return list(STATUS_ORDER[:STATUS_ORDER.index("delivered")])
    if status in STATUS_ORDER:
        return list(STATUS_ORDER[:STATUS_ORDER.index(status)])
    return []


async def advance_status(*, message_sid: str, status: str, error_code: int | None = None,
                         filters: Q | None = None) -> Message | None:
    """Move the message forward to `status`; the message when it moved, None for an older,
    repeated or unknown status (or an unknown MessageSid)."""
    earlier = _earlier_statuses(status)
    if not earlier:
        return None
    values: dict = {"status": status, "status_at": datetime.now(UTC)}
    if status in FAILURES:
        values.update(error_code=error_code, error_message=reason_he(error_code) or reason_he(30008))
    query = Message.filter(message_sid=message_sid, status__in=earlier)
    if filters is not None:
        query = query.filter(filters)
    if not await query.update(**values):
        return None
    return await Message.get_or_none(message_sid=message_sid)


async def mark_retrying(*, message_id: int) -> Message | None:
    """Say on a pending message that Twilio is out and the send is retried; the message when
    this changed it (so the first failed try is announced, not every retry)."""
    moved = await Message.filter(id=message_id, status="pending", message_sid__isnull=True,
                                 error_message__isnull=True).update(error_message=RETRYING_HE)
    return await Message.get_or_none(id=message_id) if moved else None


async def mark_failed(*, message_id: int, error_code: int | None, reason: str) -> Message | None:
    moved = await Message.filter(id=message_id, status="pending").update(
        status="failed", error_code=error_code, error_message=reason, status_at=datetime.now(UTC))
    return await Message.get_or_none(id=message_id) if moved else None


# --- reading ---------------------------------------------------------------------------------

def messages_query(*, business_id: int, customer_id: int | None = None, direction: str | None = None,
                   status: str | None = None, q: str | None = None):
    query = scoped(Message, business_id, customer_id=customer_id, direction=direction, status=status)
    if q:
        query = query.filter(body__icontains=q)
    return query


async def get_message(*, business_id: int, message_id: int) -> Message:
    return await owned(Message, message_id, business_id=business_id, what="message")
