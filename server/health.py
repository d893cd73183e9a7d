"""`/api/health`: is the server up, is the database reachable, is a job worker alive."""

from datetime import timedelta
from typing import Literal

from quart import Blueprint
from quart_schema import tag_blueprint, validate_response

from server import db
from server.jobs.models import WorkerHeartbeat
from server.jobs.queue import now
from server.schemas import ResponseModel

bp = Blueprint("health", __name__)
tag_blueprint(bp, ["health"])
WORKER_STALE_AFTER = timedelta(seconds=30)


class HealthOut(ResponseModel):
    ok: bool
    db: Literal["ok", "down"]
    worker: Literal["alive", "missing", "unknown"]


async def worker_state() -> str:
    try:
        latest = await WorkerHeartbeat.filter(seen_at__gte=now() - WORKER_STALE_AFTER).exists()
    except Exception:  # noqa: BLE001 - the database is down; /api/health says so separately
        return "unknown"
    return "alive" if latest else "missing"


@bp.get("/api/health")
@validate_response(HealthOut)
@validate_response(HealthOut, 503)
async def health():
    database = await db.ping()
    return {"ok": database, "db": "ok" if database else "down", "worker": await worker_state()}, (
        200 if database else 503
    )
