"""CSV export of the customer list as the screen shows it: the columns the agent sees, in the
order they are shown, under the screen's Hebrew headers; dates in the business's own time zone
as the desktop writes them (24/11/2026 10:30); statuses and sources in Hebrew (server/labels.py)
and phones as the API's `phone_display` (an Israeli phone as `054-123-4567`, which no
spreadsheet takes for a formula). Every matching row, streamed in batches, UTF-8 with a BOM so
Excel shows Hebrew, and cells neutralised against formula injection.

Once the first byte is sent the status is 200 for good, and an error after it can only cut
the stream short. So everything that can be refused is refused before: the filters and sort
by the route's validation, the columns by `columns_of`, and the first batch is read by
`csv_stream` before it returns.
"""

from __future__ import annotations

import csv
import io
import logging
import unicodedata
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from server.auth.models import User
from server.businesses.models import Business
from server.customers.models import Customer
from server.errors import APIError
from server.labels import label
from server.phones import national

log = logging.getLogger("agentlocator.customers")

BATCH = 2000
DEFAULT_ZONE = "Asia/Jerusalem"
DATE_TIME = "%d/%m/%Y %H:%M"  # desktop/display.py `when`: what the table shows


@dataclass(frozen=True)
class Sheet:
    """What a row's cells need beyond the customer: the business's zone, its users' names."""

    zone: ZoneInfo
    owners: Mapping[int, str]

    def local(self, value: datetime | None) -> str:
        if value is None:
            return ""
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(self.zone).strftime(DATE_TIME)

    def today(self) -> date:
        """The business's date now, for the file's name (near midnight it is not UTC's date)."""
        return datetime.now(self.zone).date()


Cell = Callable[[Customer, Sheet], object]

# The one table of the export: column id (the `columns=` parameter, the clients' column keys)
# → the header the screens show and the cell's value.
COLUMNS: dict[str, tuple[str, Cell]] = {
    "name": ("שם", lambda c, _s: c.name),
    "phone": ("טלפון", lambda c, _s: national(c.phone) if c.phone else ""),
    "email": ("אימייל", lambda c, _s: c.email),
    "status": ("סטטוס", lambda c, _s: label("customer_status", c.status)),
    "last_contact_at": ("קשר אחרון", lambda c, s: s.local(c.last_contact_at)),
    "created_at": ("נוצר", lambda c, s: s.local(c.created_at)),
    "updated_at": ("עודכן", lambda c, s: s.local(c.updated_at)),
    "address": ("כתובת", lambda c, _s: c.address),
    "source": ("מקור", lambda c, _s: label("customer_source", c.source)),
    "owner": ("אחראי", lambda c, s: s.owners.get(c.owner_id, "") if c.owner_id else ""),
    "id": ("מזהה", lambda c, _s: c.id),
}
# The customers table's columns before the agent changes them (desktop and web alike).
DEFAULT_COLUMNS = ("name", "phone", "email", "status", "last_contact_at", "created_at")

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


def columns_of(text: str | None) -> tuple[str, ...]:
    """`columns=name,phone,...` as ids in the order asked; the default when absent. An unknown
    or repeated id is a 422 (`invalid_columns`), before anything is read."""
    if text is None:
        return DEFAULT_COLUMNS
    ids = tuple(part.strip() for part in text.split(","))
    unknown = [i for i in ids if i not in COLUMNS]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if unknown or repeated:
        problem = (f"unknown column(s): {', '.join(map(repr, unknown))}" if unknown
                   else f"repeated column(s): {', '.join(repeated)}")
        raise APIError(422, "invalid_columns", f"{problem}; choose from: {', '.join(COLUMNS)}")
    return ids


async def sheet_of(*, business_id: int, columns: tuple[str, ...]) -> Sheet:
    """The business's zone, and its users' names when the owner column is asked for."""
    business = await Business.get(id=business_id)
    owners = {}
    if "owner" in columns:  # a business has a handful of users: one read, not one per row
        owners = {user_id: name or email for user_id, name, email
                  in await User.filter(business_id=business_id).values_list("id", "name", "email")}
    return Sheet(zone=ZoneInfo(business.timezone or DEFAULT_ZONE), owners=owners)


def attachment(day: date) -> str:
    """The Content-Disposition of the day's file: an ASCII name for old clients, the Hebrew
    one (RFC 6266 / 5987, percent-encoded UTF-8) for the rest."""
    return (f'attachment; filename="customers-{day.isoformat()}.csv"; '
            f"filename*=UTF-8''{quote(f'לקוחות-{day.isoformat()}.csv')}")


def _row(customer: Customer, columns: tuple[str, ...], sheet: Sheet) -> list[str]:
    return [safe_cell(COLUMNS[key][1](customer, sheet)) for key in columns]


def _lines(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


async def csv_stream(query, *, order_by: list[str] | None, columns: tuple[str, ...],
                     sheet: Sheet) -> AsyncIterator[bytes]:
    """The export's bytes: the header and the first batch, read here, before the response
    starts (a query the database refuses is then an error with its own status, not a 200 cut
    after the header), then the other batches as the client reads them."""
    batches = _batches(query, order_by)
    first = await anext(batches, [])
    header = [COLUMNS[key][0] for key in columns]
    head = ("\ufeff" + _lines([header, *(_row(customer, columns, sheet) for customer in first)])).encode()

    async def chunks() -> AsyncIterator[bytes]:
        yield head
        sent = len(first)
        try:
            async for batch in batches:
                yield _lines([_row(customer, columns, sheet) for customer in batch]).encode()
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
