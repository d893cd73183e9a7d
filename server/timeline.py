"""The unified customer timeline: calls, WhatsApp messages, tasks, invoices and contracts.

An item is dated by what happened: a call by its start, a message or task by its creation, a
contract or invoice by its latest event (`happened_at`: signed, declined, sent, paid, issued,
cancelled, else created), and carries the card `tab` that shows it.

One indexed query per source ((customer_id, <time>) indexes), each `ORDER BY <time> DESC, id
DESC LIMIT limit + 1`, merged lazily with `heapq.merge`; nothing loads a whole history.

Order: newest first by (at, type, id), all descending, so items with the same `at` still have
one fixed order. Cursor (`before=`): `<at ISO-8601>|<type>:<id>`, the key of the last item
seen; the next page holds the items strictly after it in that order, so paging never skips
or repeats an item, however many share a timestamp. A plain ISO time is accepted too and
means "everything strictly older than this time". `next_before` is the cursor of the last
item when more exist, else None.
"""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial
from itertools import islice

from tortoise.expressions import Q
from tortoise.models import Model

from server.calls.models import Call
from server.calls.service import call_json
from server.contracts.models import Contract
from server.contracts.service import contract_json
from server.customers.models import Customer
from server.errors import APIError
from server.invoices.models import Invoice
from server.invoices.service import invoice_json
from server.labels import label
from server.messages.models import Message
from server.messages.service import message_json
from server.schemas import storable_time
from server.tasks.models import Task
from server.tasks.service import task_json
from server.tenancy import MAX_ID, owned

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
CURRENCY_SIGNS = {"ILS": "₪", "USD": "$", "EUR": "€"}
UNANSWERED = ("no-answer", "busy", "failed", "canceled")


@dataclass(frozen=True)
class Cursor:
    at: datetime
    type: str | None = None  # None: a plain time, "strictly before `at`"
    id: int | None = None


def parse_cursor(text: str) -> Cursor:
    """`<at>` or `<at>|<type>:<id>`; a `+` the query string turned into a space is put back."""
    stamp, _, key = text.strip().replace(" ", "+").partition("|")
    try:
        at = datetime.fromisoformat(stamp)
        at = storable_time(at.replace(tzinfo=UTC) if at.tzinfo is None else at).astimezone(UTC)
        kind, id_text = key.split(":", 1) if key else (None, None)
        item_id = int(id_text) if id_text is not None else None
    except ValueError as error:
        raise APIError(422, "invalid_cursor", "before must be an ISO-8601 time or a next_before value") from error
    if kind is not None and kind not in SOURCE_TYPES:
        raise APIError(422, "invalid_cursor", f"unknown item type {kind!r} in before")
    if item_id is not None and not 1 <= item_id <= MAX_ID:  # int4 ids: a larger one overflows the query
        raise APIError(422, "invalid_cursor", "the id in before is not an id")
    return Cursor(at=at, type=kind, id=item_id)


def cursor_of(item: dict) -> str:
    return f"{item['at']}|{item['type']}:{item['id']}"


# --- titles (Hebrew) -------------------------------------------------------------------------

# The words of a title are the label table's (server/labels.py), so a title and the status
# badge beside it never disagree.

def _call_title(call: Call) -> str:
    parts = [label("call_direction", call.direction or "inbound")]
    if call.duration:
        minutes, seconds = divmod(call.duration, 60)
        parts.append(f"{minutes}:{seconds:02d}")
    elif call.status in UNANSWERED:
        parts.append(label("call_status", call.status))
    if call.outcome:  # what the agent filed after the call: the first thing one looks for
        parts.append(label("call_outcome", call.outcome))
    return " · ".join(parts)


def _message_title(message: Message) -> str:
    title = "וואטסאפ יוצא" if (message.direction or "").startswith("outbound") else "וואטסאפ נכנס"
    body = " ".join((message.body or "").split())
    return f"{title}: {body[:80]}{'…' if len(body) > 80 else ''}" if body else title


def _task_title(task: Task) -> str:
    title = f"{label('timeline_type', 'task')}: {task.title}"
    return title + (f" ({label('task_status', 'done')})" if task.status == "done" else "")


def _invoice_title(invoice: Invoice) -> str:
    sign = CURRENCY_SIGNS.get(invoice.currency, invoice.currency)
    return f"{label('timeline_type', 'invoice')} {invoice.number} · {sign} {Decimal(invoice.total):,.2f}"


def _contract_title(contract: Contract) -> str:
    return f"{label('timeline_type', 'contract')}: {contract.title} ({label('contract_status', contract.status)})"


# --- sources ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    type: str
    tab: str  # the card's tab that lists this kind
    model: type[Model]
    at: str  # the indexed time column, (customer_id, at)
    title: Callable[[Model], str]
    json: Callable[[str], Callable[[Model], dict]]  # base_url (for links customers open) → the domain's serialiser


SOURCES = (
    Source("call", "calls", Call, "started_at", _call_title, lambda base_url: call_json),
    Source("contract", "contracts", Contract, "happened_at", _contract_title,
           lambda base_url: partial(contract_json, base_url=base_url)),
    Source("invoice", "invoices", Invoice, "happened_at", _invoice_title, lambda base_url: invoice_json),
    Source("task", "tasks", Task, "created_at", _task_title, lambda base_url: task_json),
    Source("whatsapp", "whatsapp", Message, "created_at", _message_title, lambda base_url: message_json),
)
SOURCE_TYPES = frozenset(source.type for source in SOURCES)


def _older(source: Source, cursor: Cursor) -> Q:
    """Rows of `source` strictly after the cursor in newest-first (at, type, id) order."""
    at = source.at
    if cursor.type is None or source.type > cursor.type:
        return Q(**{f"{at}__lt": cursor.at})
    if source.type < cursor.type:
        return Q(**{f"{at}__lte": cursor.at})
    # Same type: an index range on `at`, minus the rows at that instant not older than the id.
    return Q(**{f"{at}__lte": cursor.at}) & ~Q(**{at: cursor.at, "id__gte": cursor.id or 0})


async def _rows(source: Source, *, business_id: int, customer_id: int, cursor: Cursor | None,
                limit: int) -> list[tuple]:
    """(sort key, source, row) for the source's newest `limit` rows after the cursor."""
    query = source.model.filter(business_id=business_id, customer_id=customer_id)
    if cursor is not None:
        query = query.filter(_older(source, cursor))
    rows = await query.order_by(f"-{source.at}", "-id").limit(limit)
    return [((getattr(row, source.at), source.type, row.id), source, row) for row in rows]


def _item(source: Source, row, serialize: Callable[[object], dict]) -> dict:
    return {"type": source.type, "type_label": label("timeline_type", source.type), "tab": source.tab, "id": row.id,
            "at": getattr(row, source.at).astimezone(UTC).isoformat(), "title": source.title(row),
            "data": serialize(row)}


async def customer_timeline(*, business_id: int, customer_id: int, before: str | None = None,
                            limit: int = DEFAULT_LIMIT, base_url: str = "") -> dict:
    await owned(Customer, customer_id, business_id=business_id, what="customer")
    cursor = parse_cursor(before) if before else None
    # One more than asked for from each source tells whether another page exists.
    per_source = await asyncio.gather(*(
        _rows(source, business_id=business_id, customer_id=customer_id, cursor=cursor, limit=limit + 1)
        for source in SOURCES))
    merged = list(islice(heapq.merge(*per_source, key=lambda entry: entry[0], reverse=True), limit + 1))
    # Only the page is serialised: the other sources' surplus rows were needed for the merge alone.
    serializers = {source.type: source.json(base_url) for source in SOURCES}
    items = [_item(source, row, serializers[source.type]) for _key, source, row in merged[:limit]]
    return {"items": items, "next_before": cursor_of(items[-1]) if len(merged) > limit else None}
