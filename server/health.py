"""`/api/health`: is the server up, is the database reachable, is the job queue moving, and
which version it runs (`version`, the product's one version: desktop/VERSION).

It answers 503 (`ok` false) when the database is down, or when the queue is stalled: a job
has been due for STALLED_AFTER while no worker made progress in that time (no live
heartbeat, or no job finished, or held under a live lease, since). A job waiting out its
backoff is not due, so a long Twilio outage being retried is no stall. Each answer that finds
a problem logs one warning for the operator to alert on, at most once a minute per kind and
per process:

    agentlocator.health WARNING job queue stalled: oldest queued job 95 s, dead 3, worker missing
    agentlocator.health WARNING database down
"""

from __future__ import annotations

import logging
import math
import time
from datetime import datetime, timedelta
from typing import Literal

from quart import Blueprint
from quart_schema import tag_blueprint, validate_response
from tortoise.expressions import Q

from server import db, runtime
from server.jobs import report
from server.jobs.models import Job, WorkerHeartbeat
from server.jobs.queue import now
from server.schemas import ResponseModel
from server.version import VERSION

log = logging.getLogger("agentlocator.health")
bp = Blueprint("health", __name__)
tag_blueprint(bp, ["health"])
WORKER_STALE_AFTER = timedelta(seconds=30)  # a worker beats every 5 s while its slots progress
STALLED_AFTER = timedelta(seconds=60)
WARN_EVERY_SECONDS = 60.0


class HealthOut(ResponseModel):
    ok: bool
    version: str  # the product's version (desktop/VERSION): what this server runs and offers desktops
    db: Literal["ok", "down"]
    worker: Literal["alive", "missing", "unknown"]
    queue: Literal["ok", "stalled", "unknown"]
    heartbeat_age_seconds: float | None  # the newest heartbeat of any worker; None: none ever, or db down
    oldest_queued_seconds: float | None  # how long the job waiting longest has been due; None: none waits
    dead_jobs: int | None


def _seconds(age: timedelta | None) -> float | None:
    return None if age is None else round(max(age.total_seconds(), 0.0), 1)


async def _progressed(at: datetime) -> bool:
    """A job finished, or is held under a lease its worker keeps renewing, within STALLED_AFTER."""
    return await Job.filter(Q(finished_at__gte=at - STALLED_AFTER) | Q(status="running", locked_until__gte=at)).exists()


async def queue_state() -> dict:
    at = now()
    beat = await WorkerHeartbeat.all().order_by("-seen_at").first().values_list("seen_at", flat=True)
    heartbeat_age = at - beat if beat is not None else None
    worker = "alive" if heartbeat_age is not None and heartbeat_age <= WORKER_STALE_AFTER else "missing"
    waiting = await report.oldest_waiting(at)
    stalled = waiting is not None and waiting >= STALLED_AFTER and (worker != "alive" or not await _progressed(at))
    return {"worker": worker, "queue": "stalled" if stalled else "ok", "heartbeat_age_seconds": _seconds(heartbeat_age),
            "oldest_queued_seconds": _seconds(waiting), "dead_jobs": await Job.filter(status="dead").count()}


def _warn(kind: str, message: str, *args) -> None:
    """A warning line, at most once per WARN_EVERY_SECONDS per kind in this process."""
    last = runtime.current().keep("health.warned_at", dict)
    if time.monotonic() - last.get(kind, -math.inf) >= WARN_EVERY_SECONDS:
        last[kind] = time.monotonic()
        log.warning(message, *args)


@bp.get("/api/health")
@validate_response(HealthOut)
@validate_response(HealthOut, 503)
async def health():
    state = {"worker": "unknown", "queue": "unknown", "heartbeat_age_seconds": None,
             "oldest_queued_seconds": None, "dead_jobs": None}
    database = await db.ping()
    if database:
        try:
            state = await queue_state()
        except Exception:  # noqa: BLE001 - the database went away between the ping and these
            database = False
    if not database:
        _warn("db", "database down")
    elif state["queue"] == "stalled":
        _warn("stalled", "job queue stalled: oldest queued job %.0f s, dead %d, worker %s",
              state["oldest_queued_seconds"], state["dead_jobs"], state["worker"])
    ok = database and state["queue"] != "stalled"
    return {"ok": ok, "version": VERSION, "db": "ok" if database else "down", **state}, 200 if ok else 503
