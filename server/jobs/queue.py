"""The durable job queue, in the database.

A job is claimed by one conditional UPDATE (whoever changes the row owns it), held under a
lease that its worker renews, retried with backoff, and left `dead` with its error once its
attempts run out or a failure is permanent (server/jobs/retry.py). A worker killed mid-job,
or cut off from the database, loses its lease; another claims the job again.

Each claim counts an attempt, and the attempt count fences the claim: renewing, completing or
failing a job changes it only while the job is still `running` under the same claim, so a
worker that lost its lease (to another process, or to another of its own slots) and answers
late changes nothing.

The default budget, DEFAULT_MAX_ATTEMPTS with `backoff()`'s schedule, keeps a job retrying for
about six hours: an outage of the database, the media disk or Twilio that is mended within
that time loses nothing. A dead job is listed by `python -m server.cli jobs`, and `revive()`
queues it again (`jobs retry`, or Twilio delivering the same webhook again).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from server import runtime
from server.jobs.models import DEFAULT_MAX_ATTEMPTS, Job

BACKOFF_CAP_SECONDS = 600


def now() -> datetime:
    return datetime.now(UTC)


def wake() -> None:
    """This process's workers look for work now (a job was queued here)."""
    runtime.current().notify(runtime.JOBS_QUEUED)


async def enqueue(kind: str, payload: dict, *, dedupe_key: str | None = None, run_at: datetime | None = None,
                  max_attempts: int = DEFAULT_MAX_ATTEMPTS, using_db=None) -> Job | None:
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
    """The next due job (or one whose lease ran out), now `running` under `worker`'s lease.

    Should reading the row back fail, the claim stands unseen: its lease runs out and the job
    is claimed again."""
    at = now()
    candidates = await Job.filter(_claimable(at)).order_by("run_at", "id").limit(8).values_list("id", flat=True)
    for job_id in candidates:
        won = await Job.filter(_claimable(at), id=job_id).update(
            status="running", locked_by=worker, locked_until=at + lease, attempts=F("attempts") + 1,
        )
        if won:
            return await Job.get(id=job_id)
    return None


def _held(job: Job, worker: str):
    """The job's row while it is still under this claim."""
    return Job.filter(id=job.id, status="running", locked_by=worker, attempts=job.attempts)


async def renew(*, job: Job, worker: str, lease: timedelta) -> bool:
    """Extend the lease; False when the claim is no longer this worker's."""
    return bool(await _held(job, worker).update(locked_until=now() + lease))


async def complete(*, job: Job, worker: str) -> str:
    """"done", or "lost" when the claim had passed to another (which then finishes the job)."""
    done = await _held(job, worker).update(status="done", locked_until=None, finished_at=now(), last_error=None)
    return "done" if done else "lost"


def backoff(attempts: int) -> timedelta:
    """2 s, 4 s, 8 s ... up to 10 minutes, with jitter so retries don't march in step."""
    base = min(2 ** attempts, BACKOFF_CAP_SECONDS)
    return timedelta(seconds=base * random.uniform(0.8, 1.2))


async def fail(*, job: Job, worker: str, error: str, permanent: bool = False,
               retry_in: timedelta | None = None) -> str:
    """Record a failed attempt: back to the queue after `retry_in` (default `backoff()`), or dead
    when it is permanent or the last. Returns the new status, or "lost" as `complete` does."""
    dead = permanent or job.attempts >= job.max_attempts
    values = {"last_error": error[:4000], "locked_until": None}
    if dead:
        values.update(status="dead", finished_at=now())
    else:
        values.update(status="queued", run_at=now() + (retry_in if retry_in is not None else backoff(job.attempts)))
    changed = await _held(job, worker).update(**values)
    return values["status"] if changed else "lost"


async def revive(*, dedupe_key: str | None = None, job_id: int | None = None) -> int:
    """Queue dead jobs again from the start (no attempts used, due now): the one with this
    `dedupe_key` or `job_id`, or every dead job when neither is given. Their last error stays
    until they succeed. Returns how many; this process's workers are woken for them."""
    dead = Job.filter(status="dead")
    if dedupe_key is not None:
        dead = dead.filter(dedupe_key=dedupe_key)
    if job_id is not None:
        dead = dead.filter(id=job_id)
    revived = await dead.update(status="queued", attempts=0, run_at=now(), locked_until=None, locked_by=None,
                                finished_at=None)
    if revived:
        wake()
    return revived
