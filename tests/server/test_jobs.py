"""The durable queue and its worker, on the real database."""

from __future__ import annotations

import ast
import errno
import sqlite3
from datetime import timedelta

import asyncpg
import httpx
import pytest
from tortoise.exceptions import OperationalError

from server.job_kinds import HANDLERS
from server.jobs import queue, retry
from server.jobs.errors import PermanentJobError
from server.jobs.models import DEFAULT_MAX_ATTEMPTS, Job
from server.jobs.worker import Worker
from server.telephony.client import TwilioRefusedError, TwilioUnavailableError
from tests.conftest import ROOT

LEASE = timedelta(seconds=30)


@pytest.mark.both_databases
async def test_one_claim_per_job_and_dedupe(app):
    assert await queue.enqueue("demo", {"n": 1}, dedupe_key="k1")
    assert await queue.enqueue("demo", {"n": 2}, dedupe_key="k1") is None
    first = await queue.claim(worker="a", lease=LEASE)
    assert first and first.status == "running" and first.attempts == 1 and first.locked_by == "a"
    assert await queue.claim(worker="b", lease=LEASE) is None
    assert await Job.all().count() == 1


@pytest.mark.both_databases
async def test_expired_lease_is_claimed_again(app):
    await queue.enqueue("demo", {})
    first = await queue.claim(worker="dead", lease=timedelta(seconds=-1))
    again = await queue.claim(worker="alive", lease=LEASE)
    assert again.id == first.id and again.attempts == 2 and again.locked_by == "alive"
    # The dead worker's late answer must not overwrite the new owner's state.
    assert await queue.complete(job=first, worker="dead") == "lost"
    assert (await Job.get(id=first.id)).status == "running"


@pytest.mark.both_databases
async def test_failures_back_off_then_go_dead_with_the_error(app, settings):
    calls = []

    async def flaky(job, *, settings):
        calls.append(job.attempts)
        raise RuntimeError(f"boom {job.attempts}")

    job = await queue.enqueue("flaky", {}, max_attempts=3)
    worker = Worker(settings, {"flaky": flaky}, name="w")
    for expected in ("queued", "queued", "dead"):
        await Job.filter(id=job.id).update(run_at=queue.now())  # skip the backoff wait
        claimed = await queue.claim(worker="w", lease=LEASE)
        assert await worker.execute(claimed) == expected
        row = await Job.get(id=job.id)
        if expected == "queued":
            assert row.run_at > queue.now() + timedelta(seconds=1)
    assert calls == [1, 2, 3]
    assert row.status == "dead" and row.last_error == "RuntimeError: boom 3"


async def test_permanent_error_and_unknown_kind_die_at_once(app, settings):
    async def refuse(job, *, settings):
        raise PermanentJobError("forged URL")

    worker = Worker(settings, {"refuse": refuse}, name="w")
    for kind, error in (("refuse", "forged URL"), ("no-such-kind", "no handler for 'no-such-kind'")):
        job = await queue.enqueue(kind, {})
        assert await worker.execute(await queue.claim(worker="w", lease=LEASE)) == "dead"
        row = await Job.get(id=job.id)
        assert (row.status, row.attempts, row.last_error) == ("dead", 1, error)


async def test_running_worker_picks_up_a_new_job_when_woken(app, settings):
    import asyncio

    done = asyncio.Event()

    async def note(job, *, settings):
        done.set()

    worker = Worker(settings, {"note": note}, name="w", poll_seconds=30)  # only the wake-up can start it in time
    worker.start()
    try:
        job = await queue.enqueue("note", {})
        await asyncio.wait_for(done.wait(), 5)
    finally:
        await worker.stop()
    assert (await Job.get(id=job.id)).status in ("running", "done")


def test_every_kind_the_server_enqueues_has_a_handler():
    enqueued = set()
    for path in (ROOT / "server").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "enqueue"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                enqueued.add(node.args[0].value)
    assert enqueued and enqueued <= set(HANDLERS), enqueued - set(HANDLERS)
    assert len(HANDLERS) == len(enqueued) and all(kind in HANDLERS for kind in enqueued)


@pytest.mark.both_databases
async def test_a_stale_claim_changes_nothing_after_another_claim(app):
    """Two slots of one worker share its name: the claim's attempt count tells them apart."""
    await queue.enqueue("demo", {})
    stale = await queue.claim(worker="w", lease=timedelta(seconds=-1))
    fresh = await queue.claim(worker="w", lease=LEASE)
    assert (stale.id, stale.attempts, fresh.attempts) == (fresh.id, 1, 2)
    assert await queue.renew(job=stale, worker="w", lease=LEASE) is False
    assert await queue.fail(job=stale, worker="w", error="late", permanent=True) == "lost"
    assert await queue.complete(job=stale, worker="w") == "lost"
    row = await Job.get(id=fresh.id)
    assert (row.status, row.attempts, row.last_error) == ("running", 2, None)
    assert await queue.complete(job=fresh, worker="w") == "done"


@pytest.mark.both_databases
async def test_revive_queues_dead_jobs_again_from_the_start(app, settings):
    async def refuse(job, *, settings):
        raise PermanentJobError("not audio")

    worker = Worker(settings, {"refuse": refuse}, name="w")
    jobs = [await queue.enqueue("refuse", {}, dedupe_key=f"k{n}") for n in range(3)]
    for _ in jobs:
        assert await worker.execute(await queue.claim(worker="w", lease=LEASE)) == "dead"
    assert await queue.revive(dedupe_key="k0") == 1
    assert await queue.revive(job_id=jobs[1].id) == 1
    assert await queue.revive(dedupe_key="k0") == 0  # queued now, not dead
    assert await queue.revive() == 1  # every dead one: the third
    rows = await Job.all().order_by("id")
    assert [(r.status, r.attempts, r.finished_at, r.locked_by) for r in rows] == [("queued", 0, None, None)] * 3
    assert all(r.last_error == "not audio" and r.run_at <= queue.now() for r in rows)


async def test_a_worker_backoff_sets_the_next_attempt(app, settings):
    async def flaky(job, *, settings):
        raise OSError(errno.ENOSPC, "No space left on device")

    job = await queue.enqueue("flaky", {})
    worker = Worker(settings, {"flaky": flaky}, name="w", backoff=lambda attempts: timedelta(minutes=attempts))
    before = queue.now()
    assert await worker.execute(await queue.claim(worker="w", lease=LEASE)) == "queued"
    row = await Job.get(id=job.id)
    assert before + timedelta(minutes=1) <= row.run_at <= queue.now() + timedelta(minutes=1)
    assert row.last_error == "OSError: [Errno 28] No space left on device"


def test_the_default_budget_retries_for_about_six_hours():
    waits = [queue.backoff(attempts) for attempts in range(1, DEFAULT_MAX_ATTEMPTS)]
    assert all(wait <= timedelta(seconds=queue.BACKOFF_CAP_SECONDS * 1.2) for wait in waits)
    total = sum(waits, timedelta())
    assert timedelta(hours=4.8) < total < timedelta(hours=7.4)  # 6.1 h, give or take the jitter


@pytest.mark.parametrize("error", [
    OSError(errno.EROFS, "Read-only file system"), NotADirectoryError(errno.ENOTDIR, "Not a directory"),
    OSError(errno.ENOSPC, "No space left on device"), PermissionError(errno.EACCES, "Permission denied"),
    OSError(errno.EIO, "Input/output error"), ConnectionResetError(104, "reset"), TimeoutError(),
    TwilioUnavailableError("HTTP 503", status=503), asyncpg.ConnectionDoesNotExistError("closed"),
    sqlite3.OperationalError("database is locked"), httpx.ConnectError("refused"),
], ids=lambda error: type(error).__name__)
def test_outages_are_transient(error):
    wrapped = OperationalError("wrapped")
    wrapped.__cause__ = error
    assert retry.is_transient(error) and retry.is_transient(wrapped)
    assert not retry.is_permanent(error, attempts=DEFAULT_MAX_ATTEMPTS - 1)


def test_what_is_permanent_and_what_is_neither():
    assert retry.is_permanent(PermanentJobError("forged URL"), attempts=1)
    refused = TwilioRefusedError(status=404, code=20404)  # a recording Twilio is still writing, at first
    assert not retry.is_permanent(refused, attempts=retry.REFUSED_ATTEMPTS - 1)
    assert retry.is_permanent(refused, attempts=retry.REFUSED_ATTEMPTS)
    for error in (ValueError("a bug"), KeyError("call_id"), FileNotFoundError(errno.ENOENT, "gone")):
        assert not retry.is_transient(error) and not retry.is_permanent(error, attempts=1)
