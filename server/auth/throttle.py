"""Password-guessing brake: failed logins counted per address and per account.

Two limits, over the failed logins kept as LoginAttempt rows:

- Per address: `LIMIT` (10) failures in `WINDOW` (15 minutes) from one IP (an IPv6 /64,
  which one subscriber holds whole, counts as one) and that address gets a 429 for every
  account. This is DESIGN's "an IP or an account passes 10 failures in 15 minutes", with
  "account" read as that account from that address: the address's own limit covers it.
- Per account, across addresses: `ACCOUNT_LIMIT` (100) failures in `ACCOUNT_WINDOW` (an hour),
  and the account gets a 429 from everywhere (ASVS 2.2.1: attempt 101 is throttled even when
  the IP rotates). Before, 10 failures from anywhere locked the account for everyone, so one
  guesser on one address locked its owner out of every other.

Atomic, so parallel guesses cannot all pass a count taken before any of them is recorded:
each attempt first inserts its own row (a reservation) and counts, in one transaction that
attempts on the same address or account go through one at a time (PostgreSQL: advisory
locks held until commit; SQLite: the INSERT takes the database's one write lock first, and
tortoise runs one transaction at a time per process). So at most `LIMIT` attempts per address
are ever being checked or counted as failed. An attempt over a limit deletes its reservation
before it answers 429: throttled attempts are not recorded, so a locked-out guesser cannot
extend the lock forever. A successful login deletes its reservation and its own (email,
address) failures, never other addresses'.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from ipaddress import IPv6Address, IPv6Network, ip_address

from tortoise.transactions import in_transaction

from server.auth.models import LoginAttempt

LIMIT = 10
WINDOW = timedelta(minutes=15)
ACCOUNT_LIMIT = 100
ACCOUNT_WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class Attempt:
    """A login attempt's place in the brake: its reservation, or how long to wait."""

    id: int | None
    email: str
    address: str
    retry_after: int = 0  # seconds; 0 when the password may be checked now


def address_key(ip: str) -> str:
    """The address a limit counts: an IPv4 address (IPv4-mapped IPv6 as its IPv4 form), or an
    IPv6 /64."""
    try:
        address = ip_address(ip.strip())
    except ValueError:
        return ip[:64]
    if isinstance(address, IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(IPv6Network((address, 64), strict=False))
    return str(address)


async def _serialise(connection, keys: list[str]) -> None:
    """Attempts sharing a key wait for each other until this transaction commits. Taken in
    sorted order ("email:..." before "ip:..."), so two attempts never wait on each other."""
    if connection.capabilities.dialect != "postgres":
        return  # SQLite: the INSERT that follows takes the one write lock
    for key in sorted(keys):
        await connection.execute_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key])


async def _seconds_left(connection, now: datetime, *, before: int, limit: int, window: timedelta, **key) -> int:
    """Seconds until fewer than `limit` failures (older than reservation `before`) are inside
    `window` for `key`; 0 when there already are."""
    recent = LoginAttempt.filter(at__gt=now - window, id__lt=before, **key).using_db(connection)
    count = await recent.count()
    if count < limit:
        return 0
    # The count falls under `limit` when the (count - limit + 1)th oldest failure leaves the window.
    rows = await recent.order_by("at", "id").offset(count - limit).limit(1).values_list("at", flat=True)
    if not rows:
        return 0
    return max(1, math.ceil((rows[0] + window - now).total_seconds()))


async def begin(*, email: str, ip: str) -> Attempt:
    """Reserve an attempt for (email, ip), or say how long they must wait (nothing recorded)."""
    now = datetime.now(UTC)
    email, address = email[:254], address_key(ip)
    async with in_transaction() as connection:
        await _serialise(connection, [f"email:{email}", f"ip:{address}"])
        row = await LoginAttempt.create(email=email, ip=address, at=now, using_db=connection)
        wait = max(
            await _seconds_left(connection, now, before=row.id, limit=LIMIT, window=WINDOW, ip=address),
            await _seconds_left(connection, now, before=row.id, limit=ACCOUNT_LIMIT, window=ACCOUNT_WINDOW,
                                email=email),
        )
        if wait:
            await LoginAttempt.filter(id=row.id).using_db(connection).delete()
            return Attempt(id=None, email=email, address=address, retry_after=wait)
    return Attempt(id=row.id, email=email, address=address)


async def failed(attempt: Attempt) -> None:
    """The password was wrong: the reservation stays, as the failure it is."""
    # Keep the table small: rows past the longest window no longer count for anything.
    await LoginAttempt.filter(at__lte=datetime.now(UTC) - max(WINDOW, ACCOUNT_WINDOW)).delete()


async def succeeded(attempt: Attempt) -> None:
    """A successful login clears its reservation and its own (email, address) failures only."""
    await LoginAttempt.filter(email=attempt.email, ip=attempt.address).delete()
