"""`/api/health` tells the truth: the database, the worker's heartbeat, and whether due jobs
are being taken; 503 when the database is down or the queue is stalled."""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from server.app import create_app
from server.jobs import queue
from server.jobs.errors import PermanentJobError
from server.jobs.worker import Worker
from server.version import VERSION
from tests.conftest import postgres_only
from tests.tcp_proxy import TcpProxy
from tests.waiting import eventually
from tests.workers import running_worker, via


async def health(client) -> tuple[int, dict]:
    response = await client.get("/api/health")
    return response.status_code, await response.get_json()


async def test_healthy_with_a_live_worker_and_a_dead_job(app, client, settings):
    async def refuse(job, *, settings):
        raise PermanentJobError("not audio")

    await queue.enqueue("refuse", {})
    worker = Worker(settings, {"refuse": refuse}, name="once")
    await worker.execute(await queue.claim(worker="once", lease=timedelta(seconds=30)))
    async with running_worker(settings, {}):
        async def answered_alive():
            status, body = await health(client)
            return (status, body) if body["worker"] == "alive" else None

        status, body = await eventually(answered_alive, what="the worker's heartbeat")
    assert status == 200 and body["heartbeat_age_seconds"] < 5
    assert {k: v for k, v in body.items() if k != "heartbeat_age_seconds"} == {
        "ok": True, "version": VERSION, "db": "ok", "worker": "alive", "queue": "ok", "oldest_queued_seconds": None,
        "dead_jobs": 1}


async def test_jobs_waiting_with_no_worker_is_503_and_one_warning(app, client, settings, caplog):
    caplog.set_level(logging.WARNING, "agentlocator.health")
    await queue.enqueue("work", {}, run_at=queue.now() - timedelta(seconds=95))  # due 95 s ago, never taken
    status, body = await health(client)
    assert status == 503
    assert body == {"ok": False, "version": VERSION, "db": "ok", "worker": "missing", "queue": "stalled",
                    "heartbeat_age_seconds": None, "oldest_queued_seconds": body["oldest_queued_seconds"],
                    "dead_jobs": 0}
    assert 95 <= body["oldest_queued_seconds"] < 100
    assert (await health(client))[0] == 503  # asked again: no second warning within the minute
    warnings = [r.getMessage() for r in caplog.records if r.name == "agentlocator.health"]
    assert len(warnings) == 1 and warnings[0].startswith("job queue stalled: oldest queued job 9")
    assert warnings[0].endswith("s, dead 0, worker missing")

    done = []

    async def work(job, *, settings):
        done.append(job.id)

    async with running_worker(settings, {"work": work}):
        await eventually(lambda: done, what="the waiting job taken")

        async def healthy():
            status, body = await health(client)
            return status == 200 and body["worker"] == "alive" and body["queue"] == "ok" and body

        body = await eventually(healthy, what="a healthy answer")
    assert body["oldest_queued_seconds"] is None


async def test_a_job_waiting_less_than_a_minute_is_no_stall(app, client):
    await queue.enqueue("work", {}, run_at=queue.now() - timedelta(seconds=20))
    status, body = await health(client)
    assert (status, body["queue"], body["worker"]) == (200, "ok", "missing")
    assert 20 <= body["oldest_queued_seconds"] < 25


@postgres_only
async def test_database_down_is_503(settings, caplog):
    caplog.set_level(logging.WARNING, "agentlocator.health")
    target = urlsplit(settings.database_url)
    async with TcpProxy(target.hostname, target.port) as proxy:
        application = create_app(settings=settings.with_overrides(database_url=via(settings.database_url, proxy.port)))
        async with application.test_app():
            client = application.test_client()
            assert (await health(client))[0] == 200
            proxy.cut()
            status, body = await health(client)
            assert (status, body["ok"], body["db"], body["worker"], body["queue"]) == (503, False, "down", "unknown",
                                                                                      "unknown")
            assert "database down" in caplog.text
            proxy.restore()

            async def healthy():
                return (await health(client))[0] == 200

            await eventually(healthy, what="healthy once the database is back")
