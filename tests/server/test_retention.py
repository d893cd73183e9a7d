"""Retention: each business's recordings, transcripts and WhatsApp media older than its
`retention_months` are deleted, files and all, and nothing younger; the rows stay; a second
sweep deletes nothing; invoices and contracts are never touched. The daily job queues its next
run, and `python -m server.cli retention` runs one sweep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.businesses.models import Business
from server.businesses.service import create_business
from server.calls.models import Call
from server.cli import main
from server.contracts.models import Contract, Signature
from server.customers.models import Customer
from server.invoices.models import Invoice
from server.jobs.models import Job
from server.messages.models import Message
from server.privacy import files, retention
from server.privacy.retention import Counts, ensure_scheduled, months_before, run_retention, sweep
from tests.server.privacy_records import (
    contract_for,
    invoice_for,
    message_with_media,
    recorded_call,
    text_message,
)

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.mark.parametrize(("moment", "months", "expected"), [
    (datetime(2026, 12, 2, 12, tzinfo=UTC), 24, datetime(2024, 12, 2, 12, tzinfo=UTC)),
    (datetime(2026, 3, 31, tzinfo=UTC), 1, datetime(2026, 2, 28, tzinfo=UTC)),
    (datetime(2024, 3, 31, tzinfo=UTC), 1, datetime(2024, 2, 29, tzinfo=UTC)),  # a leap year
    (datetime(2026, 1, 15, tzinfo=UTC), 13, datetime(2024, 12, 15, tzinfo=UTC)),  # across a year
    (datetime(2026, 5, 31, tzinfo=UTC), 120, datetime(2016, 5, 31, tzinfo=UTC)),
])
def test_months_are_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected


def _stored(media_root, relative: str | None) -> bool:
    return bool(relative) and (media_root / relative).is_file()


async def _snapshot(model, row_id: int) -> dict:
    return (await model.filter(id=row_id).values())[0]


@pytest.mark.both_databases
async def test_a_sweep_deletes_exactly_what_expired_per_business(app, settings, business):
    media = settings.media_root
    short = await create_business(name="שמירה קצרה", phone="+97235550777")
    await Business.filter(id=short.id).update(retention_months=6)
    dana = await Customer.create(business=business, name="דנה לוי", phone="+972541234567")
    # Default 24 months: the cutoff is 2024-12-02 12:00.
    old_call = await recorded_call(business, media, customer=dana, started_at=NOW - timedelta(days=731))
    young_call = await recorded_call(business, media, customer=dana, started_at=months_before(NOW, 24) + DAY)
    old_message = await message_with_media(business, media, customer=dana, created_at=NOW - timedelta(days=800))
    young_message = await message_with_media(business, media, customer=dana,
                                             created_at=months_before(NOW, 24) + DAY)
    old_text = await text_message(business, customer=dana, created_at=NOW - timedelta(days=800))
    # Six months: what the first business still keeps, this one deletes.
    short_old_call = await recorded_call(short, media, started_at=months_before(NOW, 6) - DAY)
    short_young_call = await recorded_call(short, media, started_at=months_before(NOW, 6) + DAY)
    short_old_message = await message_with_media(short, media, created_at=months_before(NOW, 7))
    # What the law keeps for seven years, older than any retention.
    invoice = await invoice_for(business, dana, created_at=NOW - timedelta(days=1500))
    signed = await contract_for(business, dana, created_at=NOW - timedelta(days=1500), signed=True)
    unsigned = await contract_for(business, dana, created_at=NOW - timedelta(days=1400), signed=False)
    kept_before = {
        (model, row.id): await _snapshot(model, row.id)
        for model, row in ((Invoice, invoice), (Contract, signed), (Contract, unsigned),
                           (Call, young_call), (Call, short_young_call), (Message, young_message),
                           (Message, old_text))
    }
    signatures_before = await Signature.all().values()

    counts = await sweep(media_root=media, now=NOW)

    assert counts == Counts(calls=2, recordings=2, messages=2, media=4)
    for call in (old_call, short_old_call):
        after = await Call.get(id=call.id)
        assert not _stored(media, call.recording_path)
        assert (after.recording_path, after.transcript, after.transcript_status, after.purged_at) == (
            None, None, "purged", NOW)
        # The row itself stays: who called, when, for how long, how it ended, the agent's notes.
        assert (after.from_number, after.started_at, after.duration, after.status, after.notes) == (
            call.from_number, call.started_at, call.duration, call.status, call.notes)
    for message in (old_message, short_old_message):
        after = await Message.get(id=message.id)
        assert not any(_stored(media, item["path"]) for item in message.media)
        assert after.body == message.body and after.purged_at == NOW
        assert [item["status"] for item in after.media] == ["purged"] * 3
        assert not any("path" in item for item in after.media)
        assert [item["content_type"] for item in after.media] == [item["content_type"] for item in message.media]
    for (model, row_id), before in kept_before.items():
        assert await _snapshot(model, row_id) == before, f"{model.__name__} {row_id} changed"
    assert await Signature.all().values() == signatures_before
    assert _stored(media, young_call.recording_path) and _stored(media, short_young_call.recording_path)
    assert all(_stored(media, item["path"]) for item in young_message.media if item["path"])

    assert await sweep(media_root=media, now=NOW) == Counts()  # nothing more to delete
    assert (await Call.get(id=old_call.id)).purged_at == NOW
    assert await _snapshot(Call, young_call.id) == kept_before[(Call, young_call.id)]


async def test_a_file_already_gone_is_no_failure(app, settings, business):
    call = await recorded_call(business, settings.media_root, started_at=NOW - timedelta(days=800))
    message = await message_with_media(business, settings.media_root, created_at=NOW - timedelta(days=800))
    (settings.media_root / call.recording_path).unlink()
    (settings.media_root / message.media[0]["path"]).unlink()
    counts = await sweep(media_root=settings.media_root, now=NOW)
    assert counts == Counts(calls=1, recordings=0, messages=1, media=1)
    assert (await Call.get(id=call.id)).recording_path is None
    assert (await Message.get(id=message.id)).purged_at == NOW


async def test_a_file_that_cannot_be_deleted_is_tried_again_by_the_next_sweep(app, settings, business, monkeypatch):
    media = settings.media_root
    call = await recorded_call(business, media, started_at=NOW - timedelta(days=800))
    message = await message_with_media(business, media, created_at=NOW - timedelta(days=800))
    with monkeypatch.context() as patched:
        patched.setattr(files, "delete_file", lambda root, relative: False)  # a read-only disk
        assert await sweep(media_root=media, now=NOW) == Counts(calls=1)
    stuck = await Call.get(id=call.id)
    # The transcript is gone at once; the row still names the file it could not delete.
    assert (stuck.transcript, stuck.transcript_status, stuck.recording_path) == (None, "purged", call.recording_path)
    unfinished = await Message.get(id=message.id)
    assert unfinished.purged_at is None and [item.get("path") for item in unfinished.media] == [
        item["path"] for item in message.media]
    assert [item["status"] for item in unfinished.media] == ["purged"] * 3

    later = NOW + DAY
    assert await sweep(media_root=media, now=later) == Counts(calls=0, recordings=1, messages=1, media=2)
    assert (await Call.get(id=call.id)).recording_path is None and not _stored(media, call.recording_path)
    assert (await Call.get(id=call.id)).purged_at == NOW  # stamped when its transcript went
    assert (await Message.get(id=message.id)).purged_at == later


async def test_the_sweep_reads_in_batches(app, settings, business):
    calls = [await recorded_call(business, settings.media_root, started_at=NOW - timedelta(days=800 + n))
             for n in range(5)]
    messages = [await message_with_media(business, settings.media_root, created_at=NOW - timedelta(days=800 + n))
                for n in range(3)]
    assert await sweep(media_root=settings.media_root, now=NOW, batch=2) == Counts(calls=5, recordings=5,
                                                                                   messages=3, media=6)
    assert await Call.filter(id__in=[c.id for c in calls], purged_at=NOW).count() == 5
    assert await Message.filter(id__in=[m.id for m in messages], purged_at=NOW).count() == 3


async def test_the_daily_job_sweeps_and_queues_tomorrows_run_once(app, settings, business):
    call = await recorded_call(business, settings.media_root, started_at=datetime.now(UTC) - timedelta(days=800))
    first = await ensure_scheduled()
    assert first is not None and first.kind == "privacy.retention" and first.run_at <= datetime.now(UTC)
    assert await ensure_scheduled() is None  # one is queued already

    await run_retention(first, settings=settings)
    assert (await Call.get(id=call.id)).purged_at is not None
    tomorrow = datetime.now(UTC).date() + DAY
    queued = await Job.filter(kind="privacy.retention").exclude(id=first.id)
    assert [(job.dedupe_key, job.run_at) for job in queued] == [
        (f"privacy.retention:{tomorrow}", datetime.combine(tomorrow, retention.RUN_AT))]
    await run_retention(first, settings=settings)  # run twice (a retry): still one run tomorrow
    assert await Job.filter(kind="privacy.retention").count() == 2

    # Today's run done and tomorrow's gone (it went dead): the next start queues tomorrow's again.
    await Job.filter(id=first.id).update(status="done")
    await Job.filter(id=queued[0].id).delete()
    again = await ensure_scheduled()
    assert again is not None and again.dedupe_key == f"privacy.retention:{tomorrow}"


async def test_the_server_queues_the_sweep_when_it_starts_its_worker(settings):
    from server.app import create_app

    application = create_app(settings=settings.with_overrides(run_worker=True))
    async with application.test_app():
        with application.extensions["runtime"].activated():
            keys = await Job.filter(kind="privacy.retention").values_list("dedupe_key", flat=True)
    # Its worker may have run it already (and queued tomorrow's): today's was queued either way.
    assert f"privacy.retention:{datetime.now(UTC).date()}" in keys


def test_the_command_line_runs_one_sweep(database_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "media"))
    assert main(["retention"]) == 0
    assert capsys.readouterr().out.strip() == (
        "purged: 0 calls (0 recording files deleted), 0 messages (0 media files deleted)")


@pytest.mark.both_databases
async def test_a_worker_runs_todays_sweep_and_not_tomorrows_before_its_time(app, settings, business):
    from server.job_kinds import HANDLERS
    from server.jobs import queue
    from server.jobs.worker import Worker

    old = await recorded_call(business, settings.media_root, started_at=datetime.now(UTC) - timedelta(days=800))
    await ensure_scheduled()
    worker = Worker(settings, HANDLERS, name="w")
    job = await queue.claim(worker="w", lease=timedelta(seconds=30))
    assert job is not None and job.kind == "privacy.retention"
    assert await worker.execute(job) == "done"
    assert (await Call.get(id=old.id)).purged_at is not None
    assert await queue.claim(worker="w", lease=timedelta(seconds=30)) is None  # tomorrow's is not due yet
    assert await Job.filter(kind="privacy.retention", status="queued").count() == 1
