"""What a job's failure means: the one place that tells a passing outage from a refusal.

Every failure but a permanent one is retried, with backoff (server/jobs/queue.py), until the
job's attempts run out: about six hours with the default budget. The kinds differ in what
ends a job early and in how a failure is logged:

- permanent: `PermanentJobError` (a forged URL, a file that is not audio, our credentials
  refused), and a Twilio refusal (a 4xx: the recording is not there) still given from the
  job's `REFUSED_ATTEMPTS`th attempt on. Twilio answers 404 for a recording it is still
  writing, for a few seconds after the callback; one still missing minutes later is gone.
- transient: the world is down for now: the database, the disk under MEDIA_ROOT, the network,
  a timeout, Twilio's 5xx/429 (`TwilioUnavailableError`), another service's outage
  (`TransientJobError`). Logged in one line.
- anything else (probably a bug): retried like a transient one, so a fix deployed within the
  budget still saves the job, but logged with its traceback.
"""

from __future__ import annotations

import errno
import traceback

import asyncpg
import httpx

from server.jobs.errors import PermanentJobError, TransientJobError
from server.outages import causes, database_unavailable
from server.telephony.client import TwilioRefusedError, TwilioUnavailableError

REFUSED_ATTEMPTS = 5  # with the default backoff, the fifth attempt comes about 30 s after the first

# What writing under MEDIA_ROOT answers while its disk is full, read-only, unmounted or failing.
TRANSIENT_ERRNOS = frozenset({
    errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EACCES, errno.EPERM, errno.ENOTDIR,
    errno.EAGAIN, errno.EBUSY, errno.ESTALE, errno.EMFILE, errno.ENFILE, errno.ENOMEM,
})
# Beside an unavailable database: a deadlock or serialization failure, which a retry resolves.
_TRANSIENT_TYPES = (TwilioUnavailableError, TransientJobError, httpx.TransportError, asyncpg.TransactionRollbackError)


def is_transient(error: BaseException) -> bool:
    if database_unavailable(error):
        return True
    for link in causes(error):
        if isinstance(link, _TRANSIENT_TYPES):
            return True
        if isinstance(link, OSError) and link.errno in TRANSIENT_ERRNOS:
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
