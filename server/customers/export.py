"""CSV export of the customer list: every matching row, streamed in batches, UTF-8 with a
BOM so Excel shows Hebrew, and cells neutralised against formula injection. Phones, statuses
and sources read as the API's `*_display` / `*_label` fields do (an Israeli phone as
`054-123-4567`, which no spreadsheet takes for a formula).

Once the first byte is sent the status is 200 for good, and an error after it can only cut
the stream short. So everything that can be refused is refused before: the filters and sort
by the route's validation, and the first batch is read by `csv_stream` before it returns.
"""

from __future__ import annotations

import csv
import io
import logging
import unicodedata
from collections.abc import AsyncIterator

from tortoise.expressions import Q

from server.customers.models import Customer
from server.labels import label
from server.phones import national

log = logging.getLogger("agentlocator.customers")

BATCH = 2000
COLUMNS = (
    ("id", "מזהה"), ("name", "שם"), ("phone", "טלפון"), ("email", "דוא\"ל"), ("status", "סטטוס"),
    ("address", "כתובת"), ("source", "מקור"), ("created_at", "נוצר"), ("last_contact_at", "קשר אחרון"),
)
# A cell starting with a tab or a carriage return is escaped whatever follows (OWASP's list);
# any other starts a formula when its first character past blanks and line breaks is one of
# these, or a full-width or small form of one (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫), which spreadsheets
# fed by an East Asian input method read as the same, and which NFKC folds onto them.
FORMULA_CHARS = frozenset("=+-@")
ESCAPED_STARTS = ("\t", "\r")


def safe_cell(value) -> str:
    """A spreadsheet must show this as text, never run it: `=HYPERLINK(...)` → `'=HYPERLINK(...)`,
    ` \n=1+1` → `' \n=1+1`, `＝1+1` → `'＝1+1`."""
    text = "" if value is None else str(value)
    first = text.lstrip()[:1]  # str.lstrip() drops every Unicode space and line break
    if text.startswith(ESCAPED_STARTS) or (first and unicodedata.normalize("NFKC", first)[:1] in FORMULA_CHARS):
        return "'" + text
    return text


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


async def csv_stream(query, order_by: list[str] | None = None) -> AsyncIterator[bytes]:
    """The export's bytes: the header and the first batch, read here, before the response
    starts (a query the database refuses is then an error with its own status, not a 200 cut
    after the header), then the other batches as the client reads them."""
    batches = _batches(query, order_by)
    first = await anext(batches, [])
    head = ("\ufeff" + _lines([[label for _key, label in COLUMNS], *map(_row, first)])).encode()

    async def chunks() -> AsyncIterator[bytes]:
        yield head
        sent = len(first)
        try:
            async for batch in batches:
                yield _lines([_row(customer) for customer in batch]).encode()
                sent += len(batch)
        except Exception:
            # The 200 is sent: the client sees a cut stream (no final chunk) and the log says why.
            log.exception("customers export cut short after %d rows", sent)
            raise

    return chunks()


async def _batches(query, order_by: list[str] | None) -> AsyncIterator[list[Customer]]:
    """Every row in the list's order (`order_by` as `ordering` gives it: a field, then id),
    walked by keyset in batches so memory stays flat however many match. Rows without a
    value in the sort field come last, in id order, on both databases."""
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


async def _walk(query, field: str, descending: bool) -> AsyncIterator[list[Customer]]:
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
        yield batch
        last = (getattr(batch[-1], field), batch[-1].id)
