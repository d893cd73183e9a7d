"""The durable job queue, in the database.

A job is claimed by one conditional UPDATE (whoever changes the row owns it), held under a
lease that its worker renews, retried with backoff, and left `dead` with its error after
`max_attempts`. A worker killed mid-job loses its lease; another claims the job again.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from server import runtime
from server.jobs.models import Job


def now() -> datetime:
    return datetime.now(UTC)


def wake() -> None:
    """This process's workers look for work now (a job was queued here)."""
    runtime.current().notify(runtime.JOBS_QUEUED)


async def enqueue(kind: str, payload: dict, *, dedupe_key: str | None = None,
                  run_at: datetime | None = None, max_attempts: int = 5, using_db=None) -> Job | None:
    """Add a job; None when a job with this `dedupe_key` already exists.

    Inside a caller's transaction, the caller calls `wake()` after commit.
    """
    if dedupe_key and await Job.filter(dedupe_key=dedupe_key).using_db(using_db).exists():
        return None
    try:
        job = await Job.create(kind=kind, payload=payload, dedupe_key=dedupe_key,
                               run_at=run_at or now(), max_attempts=max_attempts, using_db=using_db)
    except IntegrityError:
        if using_db is not None:
            raise  # the transaction is spoilt on PostgreSQL: let its owner roll back
        return None
    if using_db is None:
        wake()
    return job


def _claimable(at: datetime) -> Q:
    return Q(status="queued", run_at__lte=at) | Q(status="running", locked_until__lt=at)


async def claim(*, worker: str, lease: timedelta) -> Job | None:
    at = now()
    candidates = await Job.filter(_claimable(at)).order_by("run_at", "id").limit(8).values_list("id", flat=True)
    for job_id in candidates:
        won = await Job.filter(_claimable(at), id=job_id).update(
            status="running", locked_by=worker, locked_until=at + lease, attempts=F("attempts") + 1,
        )
        if won:
            return await Job.get(id=job_id)
    return None


async def renew(*, job_id: int, worker: str, lease: timedelta) -> bool:
    return bool(await Job.filter(id=job_id, status="running", locked_by=worker).update(locked_until=now() + lease))


async def complete(*, job_id: int, worker: str) -> None:
    await Job.filter(id=job_id, locked_by=worker).update(
        status="done", locked_until=None, finished_at=now(), last_error=None,
    )


def backoff(attempts: int) -> timedelta:
    """2 s, 4 s, 8 s ... up to 10 minutes, with jitter so retries don't march in step."""
    base = min(2 ** attempts, 600)
    return timedelta(seconds=base * random.uniform(0.8, 1.2))


async def fail(*, job: Job, worker: str, error: str, permanent: bool = False) -> str:
    """Record a failed attempt: back to the queue with backoff, or dead. Returns the new status."""
    dead = permanent or job.attempts >= job.max_attempts
    values = {"last_error": error[:4000], "locked_until": None}
    if dead:
        values.update(status="dead", finished_at=now())
    else:
        values.update(status="queued", run_at=now() + backoff(job.attempts))
    await Job.filter(id=job.id, locked_by=worker).update(**values)
    return values["status"]
