"""What the queue holds, for an operator (`python -m server.cli jobs`) and for /api/health."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.functions import Count

from server.jobs.models import JOB_STATUSES, Job


async def counts() -> list[tuple[str, str, int]]:
    """(status, kind, how many), in the order of JOB_STATUSES, then by kind."""
    rows = await Job.annotate(n=Count("id")).group_by("status", "kind").values_list("status", "kind", "n")
    order = {status: i for i, status in enumerate(JOB_STATUSES)}
    return sorted(rows, key=lambda row: (order.get(row[0], len(order)), row[1]))


async def dead(*, limit: int) -> list[Job]:
    """The newest dead jobs first."""
    return await Job.filter(status="dead").order_by("-finished_at", "-id").limit(limit)


async def oldest_waiting(at: datetime) -> timedelta | None:
    """How long the job waiting longest to be claimed has been due: a queued job past its
    `run_at`, or a running one whose lease ran out. None when nothing waits."""
    queued = await Job.filter(status="queued", run_at__lte=at).order_by("run_at").first().values_list(
        "run_at", flat=True)
    expired = await Job.filter(status="running", locked_until__lt=at).order_by("locked_until").first().values_list(
        "locked_until", flat=True)
    since = min((t for t in (queued, expired) if t is not None), default=None)
    return at - since if since is not None else None


def first_line(error: str | None, width: int = 100) -> str:
    line = (error or "").strip().splitlines()[0] if (error or "").strip() else ""
    return line if len(line) <= width else line[: width - 1] + "…"
