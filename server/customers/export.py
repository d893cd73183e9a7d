"""CSV export of the customer list: every matching row, streamed in batches, UTF-8 with a
BOM so Excel shows Hebrew, and cells neutralised against formula injection. Phones, statuses
and sources read as the API's `*_display` / `*_label` fields do."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

from tortoise.expressions import Q

from server.customers.models import Customer
from server.labels import label
from server.phones import national

BATCH = 2000
COLUMNS = (
    ("id", "מזהה"), ("name", "שם"), ("phone", "טלפון"), ("email", "דוא\"ל"), ("status", "סטטוס"),
    ("address", "כתובת"), ("source", "מקור"), ("created_at", "נוצר"), ("last_contact_at", "קשר אחרון"),
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A spreadsheet must show this as text, never run it: `=HYPERLINK(...)` → `'=HYPERLINK(...)`."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _row(customer: Customer) -> list[str]:
    values = {
        "id": customer.id,
        "name": customer.name,
        "phone": national(customer.phone) if customer.phone else "",
        "email": customer.email,
        "status": label("customer_status", customer.status),
        "address": customer.address,
        "source": label("customer_source", customer.source),
        "created_at": customer.created_at.isoformat(timespec="seconds"),
        "last_contact_at": customer.last_contact_at.isoformat(timespec="seconds") if customer.last_contact_at else "",
    }
    return [safe_cell(values[key]) for key, _label in COLUMNS]


def _lines(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


async def csv_chunks(query, order_by: list[str] | None = None) -> AsyncIterator[bytes]:
    """Every row in the list's order (`order_by` as `ordering` gives it: a field, then id),
    walked by keyset in batches so memory stays flat however many match. Rows without a
    value in the sort field come last, in id order, on both databases."""
    yield "\ufeff".encode() + _lines([[label for _key, label in COLUMNS]]).encode()
    sort = (order_by or ["id"])[0]
    field, descending = sort.removeprefix("-"), sort.startswith("-")
    if field == "id":
        async for batch in _walk(query, "id", descending):
            yield batch
        return
    async for batch in _walk(query.filter(**{f"{field}__isnull": False}), field, descending):
        yield batch
    async for batch in _walk(query.filter(**{f"{field}__isnull": True}), "id", descending):
        yield batch


async def _walk(query, field: str, descending: bool) -> AsyncIterator[bytes]:
    after = "lt" if descending else "gt"
    keys = [f"-{field}", "-id"] if descending else [field, "id"]
    last = None
    while True:
        page = query
        if last is not None:
            value, last_id = last
            page = page.filter(Q(**{f"{field}__{after}": value}) | Q(**{field: value, f"id__{after}": last_id}))
        batch = await page.order_by(*dict.fromkeys(keys)).limit(BATCH)
        if not batch:
            return
        yield _lines([_row(customer) for customer in batch]).encode()
        last = (getattr(batch[-1], field), batch[-1].id)
