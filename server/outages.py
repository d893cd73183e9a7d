"""A database that stops answering for a few seconds (a restart, a failover, a cut line):
telling that from every other error, and riding it out where the answer can wait.

Twilio waits 15 s for a webhook and does not send it again (it plays the Fallback URL,
which is this same server): a call whose webhook failed during a five-second outage would be
lost. Every webhook is idempotent on its Sid, so `rides_out_outages` runs the view again
until the database answers, for up to `RIDE_OUT_SECONDS`, under nginx's 10 s read timeout
(deploy/nginx-locations.conf). Longer outages still fail, and are logged.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterator
from functools import wraps

import asyncpg
import httpx

log = logging.getLogger("agentlocator.outages")

RIDE_OUT_SECONDS = 8.0

_UNAVAILABLE = (
    ConnectionError, TimeoutError, asyncpg.PostgresConnectionError, asyncpg.InterfaceError,
    asyncpg.OperatorInterventionError, asyncpg.InsufficientResourcesError,
)
# What SQLite says while another process holds the write lock or its disk is failing.
_SQLITE_UNAVAILABLE = ("locked", "busy", "disk i/o", "unable to open", "disk is full")


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error and what caused it: tortoise and httpx wrap the driver's own error."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        # `raise … from None` says the error it was raised in is not its cause.
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)


def database_unavailable(error: BaseException) -> bool:
    """The database did not answer (or could not, for now); the same request may well work later."""
    for link in causes(error):
        if isinstance(link, httpx.HTTPError):
            # An outbound call (Twilio, Google) failed: its refused connection is not the database's,
            # and riding it out would only hold the agent's request for seconds before the same error.
            return False
        if isinstance(link, _UNAVAILABLE):
            return True
        if isinstance(link, sqlite3.OperationalError) and any(s in str(link).lower() for s in _SQLITE_UNAVAILABLE):
            return True
    return False


async def ride_out[T](work: Callable[[], Awaitable[T]], *, within: float = RIDE_OUT_SECONDS) -> T:
    """`await work()`, again and again while the database is unavailable, for up to `within` s."""
    deadline = time.monotonic() + within
    pause = 0.1
    while True:
        try:
            # Each try in a task of its own: tortoise binds a transaction to the task before its
            # BEGIN is sent and never unbinds it when the BEGIN fails, so a second try in the
            # same task would talk to the dead connection again.
            return await asyncio.ensure_future(work())
        except Exception as error:
            if not database_unavailable(error) or time.monotonic() + pause > deadline:
                raise
            log.warning("database unavailable (%s); trying again in %.1f s", type(error).__name__, pause)
        await asyncio.sleep(pause)
        pause = min(pause * 2, 1.0)


def rides_out_outages(view):
    """A webhook view run again while the database is unavailable (see the module)."""
    @wraps(view)
    async def wrapper(*args, **kwargs):
        return await ride_out(lambda: view(*args, **kwargs))

    return wrapper
