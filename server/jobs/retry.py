"""What a job's failure means: the one place that tells a passing outage from a refusal.

Every failure but a permanent one is retried, with backoff (server/jobs/queue.py), until the
job's attempts run out: about six hours with the default budget. The kinds differ in what
ends a job early and in how a failure is logged:

- permanent: `PermanentJobError` (a forged URL, a file that is not audio, our credentials
  refused), and a Twilio refusal (a 4xx: the recording is not there) still given from the
  job's `REFUSED_ATTEMPTS`th attempt on. Twilio answers 404 for a recording it is still
  writing, for a few seconds after the callback; one still missing minutes later is gone.
- transient: the world is down for now: the database, the disk under MEDIA_ROOT, the network,
  a timeout, Twilio's 5xx/429 (`TwilioUnavailableError`). Logged in one line.
- anything else (probably a bug): retried like a transient one, so a fix deployed within the
  budget still saves the job, but logged with its traceback.
"""

from __future__ import annotations

import errno
import sqlite3
import traceback
from collections.abc import Iterator

import asyncpg
import httpx

from server.jobs.errors import PermanentJobError
from server.telephony.client import TwilioRefusedError, TwilioUnavailableError

REFUSED_ATTEMPTS = 5  # with the default backoff, the fifth attempt comes about 30 s after the first

# What writing under MEDIA_ROOT answers while its disk is full, read-only, unmounted or failing.
TRANSIENT_ERRNOS = frozenset({
    errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EACCES, errno.EPERM, errno.ENOTDIR,
    errno.EAGAIN, errno.EBUSY, errno.ESTALE, errno.EMFILE, errno.ENFILE, errno.ENOMEM,
})
_TRANSIENT_TYPES = (
    TwilioUnavailableError, TimeoutError, ConnectionError, httpx.TransportError,
    asyncpg.PostgresConnectionError, asyncpg.InterfaceError, asyncpg.OperatorInterventionError,
    asyncpg.InsufficientResourcesError, asyncpg.TransactionRollbackError,
)
_SQLITE_TRANSIENT = ("locked", "busy", "disk i/o", "unable to open", "disk is full")


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error and what caused it: tortoise and httpx wrap the driver's own error."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_transient(error: BaseException) -> bool:
    for link in _chain(error):
        if isinstance(link, _TRANSIENT_TYPES):
            return True
        if isinstance(link, OSError) and link.errno in TRANSIENT_ERRNOS:
            return True
        if isinstance(link, sqlite3.OperationalError) and any(s in str(link).lower() for s in _SQLITE_TRANSIENT):
            return True
    return False


def is_permanent(error: BaseException, *, attempts: int) -> bool:
    """Retrying cannot help: the job goes dead now. `attempts` counts this one."""
    if isinstance(error, PermanentJobError):
        return True
    return isinstance(error, TwilioRefusedError) and attempts >= REFUSED_ATTEMPTS


def describe(error: BaseException) -> str:
    """The error in one line, as the job keeps it in `last_error`."""
    if isinstance(error, PermanentJobError):
        return str(error)
    return "".join(traceback.format_exception_only(error)).strip()
