"""`python -m server.cli seed-bulk`: many believable customers, fast, for benchmarks.

PostgreSQL: asyncpg's COPY (`copy_records_to_table`) on a connection of its own. SQLite:
`executemany` in one transaction with `PRAGMA synchronous=OFF` for the load. Above
REBUILD_FROM rows the customer table's secondary indexes (and SQLite's search triggers) are
dropped for the load and built once at the end, which is several times faster than keeping
them up to date row by row; then ANALYZE.

Optionally one customer gets a long history for the timeline: calls, tasks, invoices and
contracts and WhatsApp messages, spread evenly.
"""

from __future__ import annotations

import random
import secrets
import sqlite3
import time
from datetime import UTC, datetime, timedelta

import asyncpg
from tortoise import connections
from tortoise.transactions import in_transaction

from server import db
from server.auth.models import User
from server.auth.service import create_user
from server.businesses.models import Business
from server.calls.models import Call
from server.contracts.models import Contract
from server.customers.counts import COUNT_TABLE, RECOUNT
from server.customers.models import Customer
from server.customers.service import SEARCH_TABLE
from server.errors import APIError
from server.invoices.models import Invoice
from server.messages.models import Message
from server.names import CITIES, FIRST_NAMES, LAST_NAMES, STREETS
from server.tasks.models import Task

BATCH = 50_000
REBUILD_FROM = 50_000
STATUSES = ("lead",) * 3 + ("active",) * 5 + ("inactive",) * 2
SOURCES = ("import",) * 5 + ("call",) * 3 + ("manual", "whatsapp")
MOBILE_PREFIXES = ("50", "52", "53", "54", "55", "58")
PHONE_SPACE = len(MOBILE_PREFIXES) * 10**7
PHONE_STEP = 7_919_993  # prime, coprime with PHONE_SPACE: i → a scattered, unique number
CUSTOMER_COLUMNS = ("business_id", "name", "phone", "email", "status", "owner_id", "last_contact_at", "address",
                    "notes", "source", "created_at", "updated_at")
MAIL_DOMAINS = ("gmail.com", "walla.co.il", "yahoo.com", "hotmail.com", "012.net.il")


def phone_number(i: int) -> str:
    n = (i * PHONE_STEP + 1_234_567) % PHONE_SPACE
    return f"+9725{MOBILE_PREFIXES[n // 10**7][1]}{n % 10**7:07d}"


def customer_rows(n: int, *, business_id: int, owners: list[int], now: datetime, rng: random.Random, taken: set,
                  offset: int = 0):
    """(business_id, name, phone, ...) tuples, with datetimes; `taken` phones are skipped."""
    span = int(timedelta(days=3 * 365).total_seconds())
    i = offset
    produced = 0
    while produced < n:
        phone = phone_number(i)
        i += 1
        if phone in taken:
            continue
        first, first_latin = rng.choice(FIRST_NAMES)
        last, last_latin = rng.choice(LAST_NAMES)
        created = now - timedelta(seconds=rng.randrange(span), microseconds=rng.randrange(1, 1_000_000))
        contact = created + timedelta(seconds=rng.randrange(max(1, int((now - created).total_seconds()))))
        email = (f"{first_latin}.{last_latin}{rng.randrange(100)}@{rng.choice(MAIL_DOMAINS)}"
                 if rng.random() < 0.4 else None)
        yield (business_id, f"{first} {last}", phone, email, rng.choice(STATUSES),
               rng.choice(owners) if owners and rng.random() < 0.8 else None,
               contact if rng.random() < 0.7 else None,
               f"{rng.choice(STREETS)} {rng.randrange(1, 120)}, {rng.choice(CITIES)}", "",
               rng.choice(SOURCES), created, max(created, contact))
        produced += 1


# ---------------------------------------------------------------------------- PostgreSQL


async def _load_postgres(url: str, rows, n: int) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("SET maintenance_work_mem = '256MB'")
        rebuild = []
        if n >= REBUILD_FROM:
            rebuild = await connection.fetch(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'customer' AND indexname NOT IN "
                "(SELECT conname FROM pg_constraint WHERE conrelid = 'customer'::regclass)")
            for row in rebuild:
                await connection.execute(f'DROP INDEX IF EXISTS "{row["indexname"]}"')
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                await connection.copy_records_to_table("customer", records=batch, columns=CUSTOMER_COLUMNS)
                batch = []
        if batch:
            await connection.copy_records_to_table("customer", records=batch, columns=CUSTOMER_COLUMNS)
        for row in rebuild:
            await connection.execute(row["indexdef"])
        await connection.execute("VACUUM ANALYZE customer")  # VACUUM: index-only scans see all rows visible
    finally:
        await connection.close()


# ---------------------------------------------------------------------------- SQLite


def _sqlite_time(value: datetime | None) -> str | None:
    # As tortoise writes them (str(datetime)), always with microseconds.
    return None if value is None else value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")


def insert_sqlite_rows(connection: sqlite3.Connection, insert: str, rows) -> None:
    """`rows` through the INSERT statement `insert`, BATCH at a time, times as tortoise writes them."""
    batch = []
    for row in rows:
        batch.append(tuple(_sqlite_time(v) if isinstance(v, datetime) else v for v in row))
        if len(batch) >= BATCH:
            connection.executemany(insert, batch)
            batch = []
    if batch:
        connection.executemany(insert, batch)


def _load_sqlite(path: str, rows, n: int) -> None:
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-262144")  # 256 MB for the index builds
        connection.execute("BEGIN IMMEDIATE")
        rebuild = []
        if n >= REBUILD_FROM:
            rebuild = connection.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'customer' AND sql IS NOT NULL "
                "AND type IN ('index', 'trigger')").fetchall()
            for kind, name, _ in rebuild:
                connection.execute(f'DROP {kind.upper()} "{name}"')
        placeholders = ", ".join("?" * len(CUSTOMER_COLUMNS))
        insert = f"INSERT INTO customer ({', '.join(CUSTOMER_COLUMNS)}) VALUES ({placeholders})"
        insert_sqlite_rows(connection, insert, rows)
        for _kind, _name, sql in rebuild:
            connection.execute(sql)
        if rebuild:  # the triggers were off: index and count everything once
            connection.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('rebuild')")
            connection.execute(f"DELETE FROM {COUNT_TABLE}")
            connection.execute(RECOUNT)
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
    finally:
        connection.close()


# ---------------------------------------------------------------------------- a long timeline

CALL_TRANSCRIPTS = ("שלום, רציתי לברר לגבי ההצעה ששלחתם", "אני מבקש שתחזרו אליי בהקדם", "תודה על השירות")
TASK_TITLES = ("לחזור ללקוח", "לשלוח הצעת מחיר", "לתאם פגישה", "לבדוק תשלום", "להכין חוזה")
CONTRACT_TITLES = ("הסכם שירות שנתי", "הסכם תיווך", "נספח להסכם")


async def seed_timeline(*, business_id: int, customer_id: int, events: int, owners: list[int], rng: random.Random,
                        now: datetime) -> list[str]:
    """`events` rows for one customer, spread evenly over the sources, over 3 years."""
    kinds = ["call", "task", "invoice", "contract", "whatsapp"]
    span = int(timedelta(days=3 * 365).total_seconds())
    rows: dict[str, list] = {kind: [] for kind in kinds}
    assignee = owners[0] if owners else None
    async with in_transaction() as connection:
        business = await Business.filter(id=business_id).select_for_update().using_db(connection).get()
        number = business.invoice_seq
        for k in range(events):
            kind = kinds[k % len(kinds)]
            at = now - timedelta(seconds=rng.randrange(span), microseconds=rng.randrange(1, 1_000_000))
            if kind == "call":
                answered = rng.random() < 0.8
                rows[kind].append(Call(
                    business_id=business_id, customer_id=customer_id, call_sid="CA" + secrets.token_hex(16),
                    direction="inbound", status="completed" if answered else "no-answer", from_number="",
                    to_number="", started_at=at, duration=rng.randrange(20, 600) if answered else None,
                    transcript=rng.choice(CALL_TRANSCRIPTS) if answered else None,
                    transcript_status="done" if answered else "none", created_at=at))
            elif kind == "task" and assignee is not None:
                rows[kind].append(Task(
                    business_id=business_id, customer_id=customer_id, title=rng.choice(TASK_TITLES),
                    assignee_id=assignee, created_by_id=assignee, due_at=at + timedelta(days=2),
                    status="done" if at < now - timedelta(days=7) else "open", created_at=at))
            elif kind == "invoice":
                number += 1
                subtotal = rng.randrange(100, 20_000)
                rows[kind].append(Invoice(
                    business_id=business_id, customer_id=customer_id, number=number,
                    lines=[{"description": "שירות", "quantity": "1", "unit_price": f"{subtotal}.00",
                            "total": f"{subtotal}.00"}],
                    subtotal=subtotal, vat_rate=18, vat=round(subtotal * 0.18, 2),
                    total=round(subtotal * 1.18, 2), status="paid", issued_at=at, paid_at=at, created_at=at,
                    happened_at=at))
            elif kind == "contract":
                rows[kind].append(Contract(
                    business_id=business_id, customer_id=customer_id, title=rng.choice(CONTRACT_TITLES),
                    body="תנאי ההסכם כמפורט.", status="draft", sign_token=secrets.token_urlsafe(24),
                    created_at=at, happened_at=at))
            elif kind == "whatsapp":
                rows[kind].append(Message(
                    business_id=business_id, customer_id=customer_id, message_sid="SM" + secrets.token_hex(16),
                    direction=rng.choice(("inbound", "outbound-api")), body="שלום, מה שלומך?",
                    status="delivered", created_at=at))
        await Business.filter(id=business_id).using_db(connection).update(invoice_seq=number)
        models = {"call": Call, "task": Task, "invoice": Invoice, "contract": Contract, "whatsapp": Message}
        for kind, objects in rows.items():
            await models[kind].bulk_create(objects, batch_size=1000, using_db=connection)
    # Fresh statistics: with none, PostgreSQL sorted a customer's whole history per source
    # (7 ms) instead of walking the (customer_id, time) index for 51 rows (0.3 ms).
    for kind, objects in rows.items():
        if objects:
            await connections.get("default").execute_script(f'ANALYZE "{models[kind]._meta.db_table}"')
    return [kind for kind, objects in rows.items() if objects]


# ---------------------------------------------------------------------------- the command


async def _business(business_id: int | None, rng: random.Random) -> tuple[int, list[int]]:
    if business_id is None:
        business = await Business.create(name=f"עסק לבדיקות עומס {secrets.token_hex(3)}")
        business_id = business.id
        for k, (first, first_latin) in enumerate(FIRST_NAMES[:5]):
            await create_user(business_id=business_id, email=f"bulk-{business_id}-{k}-{first_latin}@agentlocator.test",
                              password=secrets.token_urlsafe(16), name=first)
    elif not await Business.exists(id=business_id):
        raise APIError(404, "not_found", f"no business {business_id}")
    owners = list(await User.filter(business_id=business_id).values_list("id", flat=True))
    return business_id, owners


async def seed_bulk(*, database_url: str, customers: int, business_id: int | None = None,
                    timeline_events: int = 0, events_customer_id: int | None = None, seed: int = 1) -> str:
    rng = random.Random(seed)
    business_id, owners = await _business(business_id, rng)
    taken = set(await Customer.filter(business_id=business_id, phone__not_isnull=True)
                .values_list("phone", flat=True))
    offset = await Customer.filter(business_id=business_id).count()
    now = datetime.now(UTC)
    rows = customer_rows(customers, business_id=business_id, owners=owners, now=now, rng=rng, taken=taken,
                         offset=offset)
    lines = [f"business: {business_id}"]
    started = time.perf_counter()
    if customers:
        if db.dialect(database_url) == "sqlite":
            _load_sqlite(database_url.removeprefix("sqlite://"), rows, customers)
        else:
            await _load_postgres(database_url, rows, customers)
        seconds = time.perf_counter() - started
        lines.append(f"customers: {customers} in {seconds:.1f} s ({customers / seconds:,.0f} rows/s, "
                     "indexes and ANALYZE included)")
    if timeline_events:
        customer_id = events_customer_id or await (
            Customer.filter(business_id=business_id).order_by("id").first().values_list("id", flat=True))
        started = time.perf_counter()
        sources = await seed_timeline(business_id=business_id, customer_id=customer_id, events=timeline_events,
                                      owners=owners, rng=rng, now=now)
        seconds = time.perf_counter() - started
        lines.append(f"timeline: customer {customer_id}, {timeline_events} events over {len(sources)} sources "
                     f"({', '.join(sources)}) in {seconds:.1f} s ({timeline_events / seconds:,.0f} rows/s)")
    return "\n".join(lines)
