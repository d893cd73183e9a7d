"""`/api/health`: is the server up, is the database reachable, is a job worker alive."""

from datetime import timedelta

from quart import Blueprint

from server import db
from server.jobs.models import WorkerHeartbeat
from server.jobs.queue import now

bp = Blueprint("health", __name__)
WORKER_STALE_AFTER = timedelta(seconds=30)


async def worker_state() -> str:
    try:
        latest = await WorkerHeartbeat.filter(seen_at__gte=now() - WORKER_STALE_AFTER).exists()
    except Exception:  # noqa: BLE001 - the database is down; /api/health says so separately
        return "unknown"
    return "alive" if latest else "missing"


@bp.get("/api/health")
async def health():
    database = await db.ping()
    return {"ok": database, "db": "ok" if database else "down", "worker": await worker_state()}, (
        200 if database else 503
    )
