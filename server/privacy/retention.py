"""Retention: recordings, transcripts and WhatsApp media are kept for the business's
`retention_months`, then deleted; the rows stay (who called, when, for how long; a message's
text), stamped `purged_at`.

The sweep runs daily as the job `privacy.retention`, and by hand as `python -m server.cli
retention`. It reads in batches (ids ascending, `BATCH` rows at a time), deletes a file before
it forgets the row's path to it, and selects only what still holds something to delete, so a
second run finds nothing and a run cut off half way is finished by the next. The same sweep
finishes erasures (server/privacy/erasure.py) whose files could not be deleted at the time:
an erased customer's calls and messages are purged whatever their age. Invoices and contracts
are never read here.
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from server.businesses.models import Business
from server.calls.models import Call
from server.config import Settings
from server.jobs import queue
from server.jobs.models import Job
from server.messages.models import Message
from server.privacy.files import delete_media, delete_recording, purged_media

log = logging.getLogger("agentlocator.privacy")

BATCH = 500
RUN_AT = time(1, 30, tzinfo=UTC)  # 03:30/04:30 in Israel: after the night's backup, before the office opens


@dataclass
class Counts:
    calls: int = 0  # call rows whose recording and transcript were purged now
    recordings: int = 0  # recording files deleted
    messages: int = 0  # message rows whose media were purged now
    media: int = 0  # media files deleted

    def add(self, other: Counts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def months_before(moment: datetime, months: int) -> datetime:
    """`moment` minus whole calendar months, the day clamped to the shorter month's last
    (31 March minus one month is 28 or 29 February)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


# ---------------------------------------------------------------- purging rows and their files


def _has_call_data() -> Q:
    return Q(recording_path__isnull=False) | Q(transcript__isnull=False)


async def purge_calls(query: QuerySet, *, media_root: Path, now: datetime, batch: int = BATCH) -> Counts:
    """Purge the calls `query` selects that still hold a recording file or a transcript."""
    counts, last = Counts(), 0
    query = query.filter(_has_call_data())
    while True:
        rows = await query.filter(id__gt=last).order_by("id").limit(batch).values("id", "recording_path", "purged_at")
        if not rows:
            return counts
        last = rows[-1]["id"]
        gone = []
        for row in rows:
            deleted, removed = delete_recording(media_root, row["recording_path"])
            counts.recordings += removed
            if deleted:
                gone.append(row["id"])
        ids = [row["id"] for row in rows]
        # The file first, then the row: a sweep cut off between the two finds the row again.
        await Call.filter(id__in=ids).update(transcript=None, transcript_status="purged")
        counts.calls += await Call.filter(id__in=ids, purged_at__isnull=True).update(purged_at=now)
        if gone:
            await Call.filter(id__in=gone).update(recording_path=None)


async def purge_messages(query: QuerySet, *, media_root: Path, now: datetime, batch: int = BATCH,
                         without_media: bool = False) -> Counts:
    """Purge the media of the messages `query` selects that are not purged yet. A message
    whose every file is gone is stamped `purged_at`; one with a file left keeps that entry's
    path and stays unstamped, so the next sweep tries again. `without_media`: stamp messages
    that have no attachment too (an erasure purges every message of the customer)."""
    counts, last = Counts(), 0
    query = query.filter(purged_at__isnull=True)
    while True:
        rows = await query.filter(id__gt=last).order_by("id").limit(batch).values("id", "media")
        if not rows:
            return counts
        last = rows[-1]["id"]
        for row in rows:
            media = row["media"] or []
            if not media and not without_media:
                continue
            gone, removed = delete_media(media_root, media)
            counts.media += removed
            values = {"media": purged_media(media, deleted=gone)}
            if len(gone) == len(media):
                values["purged_at"] = now
                counts.messages += 1
            await Message.filter(id=row["id"], purged_at__isnull=True).update(**values)


# ---------------------------------------------------------------- the sweep


async def sweep(*, media_root: Path, now: datetime | None = None, batch: int = BATCH) -> Counts:
    """One pass over every business (what is older than its retention), then over what
    erasures left behind."""
    now = now or datetime.now(UTC)
    total, last = Counts(), 0
    while True:
        businesses = await (Business.filter(id__gt=last).order_by("id").limit(batch)
                            .values_list("id", "retention_months"))
        if not businesses:
            break
        last = businesses[-1][0]
        for business_id, months in businesses:
            cutoff = months_before(now, months)
            total.add(await purge_calls(Call.filter(business_id=business_id, started_at__lt=cutoff),
                                        media_root=media_root, now=now, batch=batch))
            total.add(await purge_messages(Message.filter(business_id=business_id, created_at__lt=cutoff),
                                           media_root=media_root, now=now, batch=batch))
    # An erasure deletes its files at once; one it could not delete is still named by its row.
    total.add(await purge_calls(Call.filter(customer__erased_at__isnull=False), media_root=media_root,
                                now=now, batch=batch))
    total.add(await purge_messages(Message.filter(customer__erased_at__isnull=False), media_root=media_root,
                                   now=now, batch=batch, without_media=True))
    log.info("retention sweep: %s", total.as_dict())
    return total


# ---------------------------------------------------------------- the daily job


def _dedupe_key(day: date) -> str:
    return f"privacy.retention:{day.isoformat()}"


async def schedule_next(now: datetime | None = None) -> Job | None:
    """Tomorrow's run (once: its key is the day's)."""
    tomorrow = (now or datetime.now(UTC)).astimezone(UTC).date() + timedelta(days=1)
    return await queue.enqueue("privacy.retention", {}, dedupe_key=_dedupe_key(tomorrow),
                               run_at=datetime.combine(tomorrow, RUN_AT))


async def ensure_scheduled(now: datetime | None = None) -> Job | None:
    """At start: a sweep is queued. Today's runs now unless it ran already, else tomorrow's is
    queued (a run that went dead broke the chain; this mends it at the next start)."""
    now = now or datetime.now(UTC)
    if await Job.filter(kind="privacy.retention", status__in=("queued", "running")).exists():
        return None
    return await queue.enqueue("privacy.retention", {}, dedupe_key=_dedupe_key(now.astimezone(UTC).date()),
                               run_at=now) or await schedule_next(now)


async def run_retention(job, *, settings: Settings) -> None:
    """The job: one sweep, then the next day's run."""
    await sweep(media_root=settings.media_root)
    await schedule_next()
