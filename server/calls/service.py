"""Calls: what the voice webhooks write, and what the CRM reads.

Twilio retries webhooks, so every write here is idempotent on CallSid / RecordingSid, and a
call's status only ever moves forward.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import realtime, rows, runtime
from server.batching import Batcher
from server.calls.models import Call
from server.customers.models import Customer
from server.customers.service import new_lead
from server.jobs import queue
from server.labels import label
from server.phones import national, to_e164
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

    Every phone call comes through here, so new calls are written in batches (see
    `_insert_calls`). A Twilio retry hits the unique CallSid and writes nothing.
    """
    now = datetime.now(UTC)
    call = Call(business_id=business_id, call_sid=call_sid, direction=direction or "inbound",
                status=status if _rank(status) >= 0 else "ringing", from_number=from_number or "",
                to_number=to_number or "", started_at=now)
    e164 = to_e164(from_number)
    lead = new_lead(business_id=business_id, e164=e164, seen_at=now, source="call") if e164 else None
    written = await new_calls().submit((call, lead))
    if written is None:
        return await Call.get(call_sid=call_sid)
    call.id, call.customer_id, caller_name = written
    call._saved_in_db = True  # as tortoise marks a row it inserted itself: a later save() updates it
    await realtime.publish("call:new", new_call_event(call, caller_name), room=realtime.business_room(business_id))
    return call


def new_call_event(call: Call, customer_name: str | None) -> dict:
    """`call:new`'s payload: the call, and who it is with (`customer`: id and name, None for a
    hidden number), so a screen pop names the caller without fetching the customer."""
    customer = {"id": call.customer_id, "name": customer_name} if call.customer_id else None
    return {"call": call_json(call), "customer": customer}


Filed = tuple[int, int | None, str | None]  # a new call's id, its customer's id and name


async def _insert_calls(batch: Sequence[tuple[Call, Customer | None]]) -> list[Filed | None]:
    """New calls, each with its caller as a lead (None for a hidden number), written together.

    Hand-written SQL, its values from the models (server/rows.py): the callers are upserted on
    (business, phone) and the calls inserted `ON CONFLICT (call_sid) DO NOTHING`, in one
    statement on PostgreSQL (a data-modifying WITH) and two on SQLite, which has none. Rows go
    in key order, so two processes' batches take their locks in the same order and cannot
    deadlock. Each call gets (id, customer_id, the customer's name: the lead's, or the name an
    agent gave a known caller, read back by the upsert itself), or None when its CallSid was
    already filed: by an earlier request, or by an earlier row of this batch (a retry that came
    at once).
    """
    leads = {(lead.business_id, lead.phone): lead for _, lead in batch if lead is not None}
    calls = sorted({call.call_sid: call for call, _ in reversed(batch)}.values(), key=lambda c: c.call_sid)
    postgres = rows.dialect() == "postgres"
    params = rows.Params()
    upsert_callers = ""
    if leads:
        values = [rows.insert_values(leads[key]) for key in sorted(leads)]
        upsert_callers = (f'INSERT INTO "customer" ({values[0][0]}) VALUES '
                          + ", ".join(params.row(row) for _, row in values)
                          + ' ON CONFLICT ("business_id", "phone") DO UPDATE SET '
                            '"last_contact_at" = excluded."last_contact_at" '
                            'RETURNING "id", "business_id", "phone", "name"')
    caller_ids: dict[tuple[int, str], int] = {}
    names: dict[int, str] = {}
    if upsert_callers and not postgres:
        upserted = await rows.fetch(upsert_callers, params.values)
        caller_ids = {(business, phone): id_ for id_, business, phone, _name in upserted}
        names = {id_: name for id_, _business, _phone, name in upserted}
        params = rows.Params()

    def caller(call: Call, lead: Customer | None) -> str:
        if lead is None:
            return "NULL"
        if postgres:
            return f'(SELECT "id" FROM caller WHERE "business_id" = {params.add(lead.business_id)} ' \
                   f'AND "phone" = {params.add(lead.phone)})'
        return params.add(caller_ids[(lead.business_id, lead.phone)])

    lead_of = {call.call_sid: lead for call, lead in reversed(batch)}
    call_rows = []
    for call in calls:
        columns, values = rows.insert_values(call, leave_out=("customer_id",))
        call_rows.append("(" + ", ".join([*map(params.add, values), caller(call, lead_of[call.call_sid])]) + ")")
    sql = (f'INSERT INTO "call" ({columns}, "customer_id") VALUES {", ".join(call_rows)} '
           'ON CONFLICT ("call_sid") DO NOTHING RETURNING "id", "customer_id", "call_sid"')
    if postgres:
        # Always a SELECT over the INSERT: tortoise's asyncpg client drops the rows of a
        # statement that starts with INSERT, so a batch of hidden numbers alone (no callers to
        # upsert) came back empty, and its calls were never announced.
        callers = f"caller AS ({upsert_callers}), " if upsert_callers else ""
        name_column = 'caller."name"' if upsert_callers else "NULL"
        joined = ' LEFT JOIN caller ON caller."id" = filed."customer_id"' if upsert_callers else ""
        sql = (f'WITH {callers}filed AS ({sql}) SELECT filed."id", filed."customer_id", filed."call_sid", '
               f"{name_column} FROM filed{joined}")
        inserted = {sid: (id_, customer_id, name)
                    for id_, customer_id, sid, name in await rows.fetch(sql, params.values)}
    else:
        inserted = {sid: (id_, customer_id, names.get(customer_id))
                    for id_, customer_id, sid in await rows.fetch(sql, params.values)}
    return [inserted.pop(call.call_sid, None) for call, _ in batch]


def new_calls() -> Batcher[tuple[Call, Customer | None], Filed | None]:
    """The runtime's writer of new calls: one batch at a time per process (server/batching.py)."""
    return runtime.current().keep("new_calls", lambda: Batcher(_insert_calls))


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

    Both happen in one transaction, so a crash leaves either both or neither. Twilio delivering
    the same recording again brings back its work if that died (`_recording_again`).
    """
    async with in_transaction() as connection:
        attached = await Call.filter(id=call.id, recording_sid__isnull=True).using_db(connection).update(
            recording_sid=recording_sid, recording_remote_url=recording_url,
            recording_duration=recording_duration, transcript_status="pending",
        )
        if attached:
            await queue.enqueue(
                "recording.fetch", {"call_id": call.id}, dedupe_key=f"recording:{recording_sid}",
                using_db=connection,
            )
    if not attached:
        if call.recording_sid == recording_sid:
            await _recording_again(call)
        return False
    queue.wake()
    return True


async def _recording_again(call: Call) -> None:
    """A redelivered recording: its download (or transcription) job is queued again if it
    went dead, and the download enqueued anew if its job is gone and the file never came. A
    job still queued, running or done is left alone."""
    fetch_key = f"recording:{call.recording_sid}"
    revived = await queue.revive(dedupe_key=fetch_key)
    revived += await queue.revive(dedupe_key=f"transcribe:{call.recording_sid}")
    if not revived and not call.recording_path:
        revived = bool(await queue.enqueue("recording.fetch", {"call_id": call.id}, dedupe_key=fetch_key))
    if revived and call.transcript_status == "failed":
        await Call.filter(id=call.id).update(transcript_status="pending")
        await announce_update(call.id)


async def get_call(*, business_id: int, call_id: int) -> Call:
    return await owned(Call, call_id, business_id=business_id, what="call")


async def update_call(*, business_id: int, call_id: int, changes: dict) -> Call:
    """An agent's edit: `notes`, `outcome` (what came of the call, None to take it back) and
    `customer_id` (relink to another customer of the same business, or None to unlink). Only
    the keys present in `changes` change."""
    call = await get_call(business_id=business_id, call_id=call_id)
    if changes.get("customer_id") is not None:
        await owned(Customer, changes["customer_id"], business_id=business_id, what="customer")
    fields = [name for name in ("notes", "outcome", "customer_id") if name in changes]
    for name in fields:
        setattr(call, name, changes[name])
    if fields:
        await call.save(update_fields=[*fields, "updated_at"])
        # Every open card of the business (desktop and web) shows the outcome filed here.
        await realtime.publish("call:updated", {"call": call_json(call)}, room=realtime.business_room(business_id))
    return call


def calls_query(*, business_id: int, customer_id: int | None = None, status: str | None = None,
                outcome: str | None = None, q: str | None = None):
    """The business's calls, filtered; `outcome="none"` keeps those still waiting for one."""
    query = scoped(Call, business_id, customer_id=customer_id, status=status,
                   outcome=None if outcome == "none" else outcome)
    if outcome == "none":
        query = query.filter(outcome__isnull=True)
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
        "direction_label": label("call_direction", call.direction),
        "status": call.status,
        "status_label": label("call_status", call.status),
        "from_number": call.from_number,
        "from_number_display": national(call.from_number),
        "to_number": call.to_number,
        "to_number_display": national(call.to_number),
        "started_at": call.started_at.isoformat(),
        "duration": call.duration,
        "recording_url": f"/api/crm/calls/{call.id}/recording" if call.recording_path else None,
        "recording_duration": call.recording_duration,
        "transcript": call.transcript,
        "transcript_status": call.transcript_status,
        "transcript_status_label": label("transcript_status", call.transcript_status),
        "notes": call.notes,
        "outcome": call.outcome,
        "outcome_label": label("call_outcome", call.outcome) if call.outcome else None,
        "handling": call.handling,
        "answered": call.answered_by_id is not None,
        "answered_by_user_id": call.answered_by_id,
        "answered_at": call.answered_at.isoformat() if call.answered_at else None,
        "called_back_at": call.called_back_at.isoformat() if call.called_back_at else None,
        "called_back_by_user_id": call.called_back_by_id,
        "purged_at": call.purged_at.isoformat() if call.purged_at else None,
        "created_at": call.created_at.isoformat(),
        "updated_at": call.updated_at.isoformat(),
    }


async def call_by_sid(call_sid: str) -> Call | None:
    return await Call.get_or_none(call_sid=call_sid)
