"""Calls: what the voice webhooks write, and what the CRM reads.

Twilio retries webhooks, so every write here is idempotent on CallSid / RecordingSid, and a
call's status only ever moves forward.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import realtime, rows
from server.calls.models import Call
from server.customers.models import Customer
from server.customers.service import new_lead
from server.jobs import queue
from server.phones import to_e164
from server.tenancy import owned, scoped

# Twilio's call statuses in the order a call goes through them; the last five are final.
STATUS_ORDER = ("queued", "initiated", "ringing", "in-progress",
                "completed", "busy", "failed", "no-answer", "canceled")
FINAL_STATUSES = frozenset(STATUS_ORDER[4:])


def _rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else -1


def _earlier_statuses(status: str) -> list[str]:
    """The statuses a call may move to `status` from."""
    rank = _rank(status)
    if rank < 0:
        return []
    if status in FINAL_STATUSES:
        return list(STATUS_ORDER[:4])
    return list(STATUS_ORDER[:rank])


async def call_for_webhook(*, business_id: int, call_sid: str, from_number: str, to_number: str,
                           direction: str = "inbound", status: str = "ringing") -> Call:
    """The call with this CallSid, created (with its customer) on first sight.

    Every inbound call comes through here, so it is hand-written SQL: the caller is upserted
    on (business, phone) and the call inserted in one statement on PostgreSQL (two on SQLite,
    which has no INSERT in WITH). A Twilio retry hits the unique CallSid and writes nothing.
    """
    now = datetime.now(UTC)
    call = Call(business_id=business_id, call_sid=call_sid, direction=direction or "inbound",
                status=status if _rank(status) >= 0 else "ringing", from_number=from_number or "",
                to_number=to_number or "", started_at=now)
    call_columns, call_values = rows.insert_values(call, leave_out=("customer_id",))
    insert_call = (f'INSERT INTO "call" ({call_columns}, "customer_id") VALUES '
                   f'({{values}}) ON CONFLICT ("call_sid") DO NOTHING RETURNING "id", "customer_id"')
    e164 = to_e164(from_number)
    if e164 is not None:
        lead_columns, lead_values = rows.insert_values(
            new_lead(business_id=business_id, e164=e164, seen_at=now, source="call"))
        n = len(lead_values)
        upsert_caller = (f'INSERT INTO "customer" ({lead_columns}) VALUES ({rows.placeholders(1, n)}) '
                         'ON CONFLICT ("business_id", "phone") DO UPDATE SET '
                         '"last_contact_at" = excluded."last_contact_at" RETURNING "id"')
    if e164 is not None and rows.dialect() == "postgres":
        values = rows.placeholders(n + 1, len(call_values)) + ', (SELECT "id" FROM caller)'
        returned = await rows.fetch(f"WITH caller AS ({upsert_caller}) " + insert_call.format(values=values),
                                    [*lead_values, *call_values])
    else:  # a hidden number has no customer
        customer_id = (await rows.fetch(upsert_caller, lead_values))[0][0] if e164 is not None else None
        returned = await rows.fetch(insert_call.format(values=rows.placeholders(1, len(call_values) + 1)),
                                    [*call_values, customer_id])
    if not returned:
        return await Call.get(call_sid=call_sid)
    call.id, call.customer_id = returned[0][0], returned[0][1]
    call._saved_in_db = True  # as tortoise marks a row it inserted itself: a later save() updates it
    await realtime.publish("call:new", {"call": call_json(call)}, room=realtime.business_room(business_id))
    return call


async def announce_update(call_id: int) -> None:
    """`call:updated` to the call's business (status, recording or transcript changed)."""
    call = await Call.get_or_none(id=call_id)
    if call:
        await realtime.publish("call:updated", {"call": call_json(call)}, room=realtime.business_room(call.business_id))


async def advance_status(*, call_sid: str, status: str, duration: int | None = None) -> bool:
    """Move the call forward to `status`; an older or repeated status changes nothing."""
    values: dict = {}
    if duration is not None:
        values["duration"] = duration
    moved = 0
    earlier = _earlier_statuses(status)
    if earlier:
        moved = await Call.filter(call_sid=call_sid, status__in=earlier).update(status=status, **values)
    if not moved and values:
        await Call.filter(call_sid=call_sid, duration__isnull=True).update(**values)
    if moved:
        call = await Call.get_or_none(call_sid=call_sid)
        if call:
            await announce_update(call.id)
    return bool(moved)


async def attach_recording(*, call: Call, recording_sid: str, recording_url: str,
                           recording_duration: int | None) -> bool:
    """Store the recording event and enqueue its download, once per RecordingSid.

    Both happen in one transaction, so a crash leaves either both or neither.
    """
    async with in_transaction() as connection:
        attached = await Call.filter(id=call.id, recording_sid__isnull=True).using_db(connection).update(
            recording_sid=recording_sid, recording_remote_url=recording_url,
            recording_duration=recording_duration, transcript_status="pending",
        )
        if not attached:
            return False
        await queue.enqueue(
            "recording.fetch", {"call_id": call.id}, dedupe_key=f"recording:{recording_sid}",
            using_db=connection,
        )
    queue.wake()
    return True


async def get_call(*, business_id: int, call_id: int) -> Call:
    return await owned(Call, call_id, business_id=business_id, what="call")


async def update_call(*, business_id: int, call_id: int, changes: dict) -> Call:
    """An agent's edit: `notes`, and `customer_id` (relink to another customer of the same
    business, or None to unlink). Only the keys present in `changes` change."""
    call = await get_call(business_id=business_id, call_id=call_id)
    if changes.get("customer_id") is not None:
        await owned(Customer, changes["customer_id"], business_id=business_id, what="customer")
    fields = [name for name in ("notes", "customer_id") if name in changes]
    for name in fields:
        setattr(call, name, changes[name])
    if fields:
        await call.save(update_fields=[*fields, "updated_at"])
    return call


def calls_query(*, business_id: int, customer_id: int | None = None, status: str | None = None,
                q: str | None = None):
    query = scoped(Call, business_id, customer_id=customer_id, status=status)
    if q:
        e164 = to_e164(q)
        text = Q(transcript__icontains=q) | Q(from_number__icontains=q)
        query = query.filter(text | Q(from_number=e164) if e164 else text)
    return query


def call_json(call: Call) -> dict:
    return {
        "id": call.id,
        "call_sid": call.call_sid,
        "customer_id": call.customer_id,
        "direction": call.direction,
        "status": call.status,
        "from_number": call.from_number,
        "to_number": call.to_number,
        "started_at": call.started_at.isoformat(),
        "duration": call.duration,
        "recording_url": f"/api/crm/calls/{call.id}/recording" if call.recording_path else None,
        "recording_duration": call.recording_duration,
        "transcript": call.transcript,
        "transcript_status": call.transcript_status,
        "notes": call.notes,
        "created_at": call.created_at.isoformat(),
        "updated_at": call.updated_at.isoformat(),
    }
