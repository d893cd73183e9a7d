"""The durable queue and its worker, on the real database."""

from __future__ import annotations

import ast
from datetime import timedelta

import pytest

from server.job_kinds import HANDLERS
from server.jobs import queue
from server.jobs.errors import PermanentJobError
from server.jobs.models import Job
from server.jobs.worker import Worker
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
    await queue.complete(job_id=first.id, worker="dead")
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
