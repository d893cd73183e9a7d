"""The worker under real faults: the database cut off or locked, the media folder unwritable,
a job gone dead and brought back by Twilio delivering its webhook again. Each fault is made
for real (a TCP proxy cut, an exclusive SQLite lock, a path under a file or a read-only
mount, a Twilio fake refusing); the worker runs under a runtime of its own, as its process
would, while the test watches the rows through the app's."""

from __future__ import annotations

import asyncio
import base64
import logging
import shutil
import sqlite3
import subprocess
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from tortoise.transactions import in_transaction

from server.calls.models import Call
from server.job_kinds import HANDLERS
from server.jobs import queue
from server.jobs.models import Job, WorkerHeartbeat
from server.messages.models import Message
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PUBLIC_HOST, ROOT, postgres_only
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.fakes import FakeTwilioMedia
from tests.tcp_proxy import TcpProxy
from tests.twilio_helpers import call_params, signed_form
from tests.waiting import eventually
from tests.workers import running_worker, via

AUDIO = (ROOT / "server/static/voice_responses/welcome.mp3").read_bytes()
CALL_SID = "CA" + "7" * 32
RECORDING_SID = "RE" + "7" * 32



async def statuses() -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in await Job.all().values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def all_done(total: int):
    async def check() -> bool:
        return await statuses() == {"done": total}
    return check


# --- the database -----------------------------------------------------------------------------

@pytest.mark.timeout(90)
@postgres_only
async def test_jobs_survive_a_database_outage(app, settings, caplog):
    """PostgreSQL goes away (every connection reset, new ones refused) while two jobs run and
    four wait, long enough for the running jobs' 3-second leases to run out; then it comes back."""
    caplog.set_level(logging.INFO, "agentlocator.worker")
    entered, release = [], asyncio.Event()

    async def work(job, *, settings):
        entered.append(job.id)
        await release.wait()
        await Job.filter(id=job.id).exists()  # as every real handler does, it needs the database

    for _ in range(6):
        await queue.enqueue("work", {})
    target = urlsplit(settings.database_url)
    async with TcpProxy(target.hostname, target.port) as proxy:
        proxied = settings.with_overrides(database_url=via(settings.database_url, proxy.port))
        async with running_worker(proxied, {"work": work}, slots=2, lease_seconds=3.0) as worker:
            await eventually(lambda: len(entered) == 2, what="two jobs running")
            interrupted = list(entered)
            cut_at = time.monotonic()
            proxy.cut()
            release.set()  # both handlers now reach for the database, and fail

            async def leases_ran_out() -> bool:
                return await Job.filter(id__in=interrupted, status="running", locked_until__lt=queue.now()).count() == 2

            await eventually(leases_ran_out, what="the running jobs' leases to run out")
            await eventually(lambda: proxy.refused >= 4, what="the worker to try the database again")
            proxy.restore()
            restored_at, restored_wall = time.monotonic(), queue.now()
            await eventually(all_done(6), timeout=30, what="every job done after the outage")
            recovered = time.monotonic() - restored_at

            for _ in range(3):  # the slots still take new work
                await queue.enqueue("work", {})
            await eventually(all_done(9), what="jobs queued after the outage done")
            assert all(not task.done() for task in worker.slot_tasks) and worker.slots_replaced == 0

            async def heartbeat_after_outage() -> bool:
                return await WorkerHeartbeat.filter(name=worker.name, seen_at__gt=restored_wall).exists()

            await eventually(heartbeat_after_outage, timeout=10, what="a heartbeat after the outage")

    rows = await Job.filter(id__in=interrupted)
    assert all(row.attempts >= 2 and row.last_error is None for row in rows)  # cut off, claimed again, done
    assert await Job.filter(status="running").count() == 0
    assert "claiming a job failed" in caplog.text or "recording its outcome failed" in caplog.text
    outage = restored_at - cut_at  # the lease, less what had passed since its last renewal
    assert outage >= 2 and recovered < 15, f"outage {outage:.1f} s, recovery {recovered:.1f} s"


@postgres_only
async def test_a_transaction_cut_off_as_it_begins_does_not_follow_the_slot(app, settings):
    """tortoise makes a transaction the task's connection before sending BEGIN, and leaves it
    there when BEGIN fails: a slot that ran such a handler sent every later query to the dead
    connection, and never recorded an outcome again."""
    entered, release = asyncio.Event(), asyncio.Event()

    async def work(job, *, settings):
        if job.payload.get("first"):
            entered.set()
            await release.wait()
        async with in_transaction():  # as handlers that write several rows do
            await Job.filter(id=job.id).exists()

    await queue.enqueue("work", {"first": True})
    target = urlsplit(settings.database_url)
    async with TcpProxy(target.hostname, target.port) as proxy:
        proxied = settings.with_overrides(database_url=via(settings.database_url, proxy.port))
        async with running_worker(proxied, {"work": work}, slots=1) as worker:
            await eventually(entered.is_set, what="the first job running")
            proxy.hold()
            release.set()
            await eventually(lambda: b"BEGIN" in proxy.held_data, what="BEGIN in flight")
            proxy.cut()
            proxy.restore()
            await eventually(all_done(1), what="the first job done on its retry")
            for _ in range(3):
                await queue.enqueue("work", {})
            await eventually(all_done(4), what="the same slot running more transactions")
            assert worker.slots_replaced == 0


async def test_a_locked_sqlite_database_kills_no_slot_and_loses_no_outcome(app, settings, caplog):
    """SQLite's fault: another process holds the write lock ("database is locked"), while a
    job's outcome waits to be recorded and another job waits to be claimed."""
    caplog.set_level(logging.INFO, "agentlocator.worker")
    entered, release = asyncio.Event(), asyncio.Event()

    async def work(job, *, settings):
        if job.payload.get("hold"):
            entered.set()
            await release.wait()

    held = await queue.enqueue("work", {"hold": True})
    impatient = settings.with_overrides(database_url=f"{settings.database_url}?busy_timeout=50")
    async with running_worker(impatient, {"work": work}, slots=2) as worker:
        await eventually(entered.is_set, what="the first job running")
        # Due in a second: by then the lock below is held, so claiming it meets the lock.
        waiting = await queue.enqueue("work", {}, run_at=queue.now() + timedelta(seconds=1))
        lock = sqlite3.connect(settings.database_url.removeprefix("sqlite://"), isolation_level=None)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            release.set()
            await eventually(lambda: "recording its outcome failed" in caplog.text
                             and "claiming a job failed" in caplog.text, what="both failures met")
            assert "database is locked" in caplog.text
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        await eventually(all_done(2), what="both jobs done once the lock is gone")
        assert all(not task.done() for task in worker.slot_tasks) and worker.slots_replaced == 0
    assert {job.id for job in await Job.filter(status="done")} == {held.id, waiting.id}


async def test_a_slot_task_that_ends_is_replaced(app, settings, caplog):
    ran = []

    async def work(job, *, settings):
        ran.append(job.id)

    async with running_worker(settings, {"work": work}, slots=1) as worker:
        [slot] = worker.slot_tasks
        slot.cancel()  # as a stray cancellation or a bug would end it
        await eventually(lambda: worker.slots_replaced == 1 and not worker.slot_tasks[0].done(),
                         what="a new slot")
        job = await queue.enqueue("work", {})
        await eventually(lambda: ran == [job.id], what="the new slot to run a job")
    assert "job slot 0 ended unexpectedly (cancelled)" in caplog.text


# --- the media folder -------------------------------------------------------------------------

async def post_signed(client, path: str, params: dict):
    full_path, body, headers = signed_form(PUBLIC_HOST, path, params)
    response = await client.post(full_path, data=body, headers=headers)
    assert response.status_code == 200, await response.get_data(as_text=True)
    return response


async def deliver_recording(client, media_base_url: str) -> None:
    """The incoming call's webhook, then (each call again: a redelivery) the recording's."""
    url = f"{media_base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/{RECORDING_SID}"
    await post_signed(client, "/webhook/incoming_call", call_params(CALL_SID))
    await post_signed(client, "/webhook/handle_recording", call_params(
        CALL_SID, CallStatus="in-progress", RecordingSid=RECORDING_SID, RecordingDuration="7", RecordingUrl=url))


async def shown_call(client, headers) -> dict:
    call = await Call.get(call_sid=CALL_SID)
    response = await client.get(f"/api/crm/calls/{call.id}", headers=headers)
    assert response.status_code == 200
    return await response.get_json()


@contextmanager
def unwritable(folder: Path, fault: str):
    """`folder` cannot be written inside until the block ends: a regular file where the
    folder was (ENOTDIR below it), or the folder bind-mounted read-only on itself (EROFS;
    root ignores file modes, not a read-only mount)."""
    if fault == "not_a_directory":
        shutil.rmtree(folder)
        folder.write_bytes(b"")
        try:
            yield "Not a directory"
        finally:
            folder.unlink()
            folder.mkdir()
        return
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.decode().strip()}")
    try:
        yield "Read-only file system"
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("fault", ["not_a_directory", "read_only_mount"])
async def test_an_unwritable_media_folder_is_retried_until_it_mends(client, business, settings, auth_headers,
                                                                   fault):
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO) as twilio:
        async with running_worker(settings.with_overrides(twilio_api_base=twilio.base_url), HANDLERS) as worker:
            with unwritable(settings.media_root, fault) as error_text:
                await deliver_recording(client, twilio.base_url)

                async def retried_past_the_old_budget() -> Job | None:
                    row = await Job.get(kind="recording.fetch")
                    return row if row.attempts >= 8 and row.status == "queued" else None

                row = await eventually(retried_past_the_old_budget, what="eight failed attempts")
                assert error_text in row.last_error and row.max_attempts == queue.DEFAULT_MAX_ATTEMPTS
                assert (await shown_call(client, auth_headers))["recording_url"] is None
            # The folder mends; the same worker's next attempt stores the recording.
            await eventually(all_done(1), what="the recording stored once the folder is writable")
            assert worker.slots_replaced == 0
    shown = await shown_call(client, auth_headers)
    assert shown["recording_url"] and shown["transcript_status"] == "unavailable"
    assert (settings.media_root / (await Call.get(call_sid=CALL_SID)).recording_path).read_bytes() == AUDIO


# --- dead jobs brought back -------------------------------------------------------------------

def basic(sid: str, token: str) -> str:
    return "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode()


async def test_a_redelivered_recording_webhook_revives_its_dead_job(client, business, settings, auth_headers):
    # Twilio refuses our credentials (the token was rotated in the console, not yet here).
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token="rotated-token", audio=AUDIO) as twilio:
        worker_settings = settings.with_overrides(twilio_api_base=twilio.base_url)
        await deliver_recording(client, twilio.base_url)
        async with running_worker(worker_settings, HANDLERS):
            dead = await eventually(lambda: Job.get_or_none(kind="recording.fetch", status="dead"), what="dead job")
        assert "refused our credentials" in dead.last_error
        shown = await shown_call(client, auth_headers)
        # Not "pending" forever: the agent sees that no recording (and no transcript) is coming.
        assert (shown["recording_url"], shown["transcript_status"]) == (None, "failed")

        twilio.expected_auth = basic(ACCOUNT_SID, AUTH_TOKEN)  # the credentials agree again
        await deliver_recording(client, twilio.base_url)  # Twilio retries the callback
        revived = await Job.get(id=dead.id)
        assert (revived.status, revived.attempts, revived.finished_at) == ("queued", 0, None)
        assert (await shown_call(client, auth_headers))["transcript_status"] == "pending"
        async with running_worker(worker_settings, HANDLERS):
            await eventually(all_done(1), what="the revived job done")
    shown = await shown_call(client, auth_headers)
    assert shown["recording_url"] and shown["transcript_status"] == "unavailable"
    assert await Job.all().count() == 1


async def test_a_redelivery_queues_only_what_is_missing_or_dead(client, business, settings):
    await deliver_recording(client, "http://127.0.0.1:9")
    [job] = await Job.all()
    await deliver_recording(client, "http://127.0.0.1:9")  # still queued: left alone
    assert [(j.id, j.status) for j in await Job.all()] == [(job.id, "queued")]

    await job.delete()  # an operator purged the job table, the recording never downloaded
    await deliver_recording(client, "http://127.0.0.1:9")
    [again] = await Job.all()
    assert (again.kind, again.dedupe_key, again.status) == ("recording.fetch", f"recording:{RECORDING_SID}", "queued")

    await Job.filter(id=again.id).update(status="done")
    await Call.filter(call_sid=CALL_SID).update(recording_path="recordings/x.mp3")
    await deliver_recording(client, "http://127.0.0.1:9")  # downloaded: nothing to do
    assert [(j.id, j.status) for j in await Job.all()] == [(again.id, "done")]


async def test_a_redelivered_whatsapp_message_revives_its_dead_media_job(client, business, settings):
    sid = "MM" + "7" * 32
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio:
        params = {"AccountSid": ACCOUNT_SID, "MessageSid": sid, "From": "whatsapp:+972541234567",
                  "To": f"whatsapp:{BUSINESS_PHONE}", "Body": "", "NumMedia": "1", "WaId": "972541234567",
                  "MediaUrl0": twilio.media_url(sid, "ME1"), "MediaContentType0": "image/jpeg"}
        await post_signed(client, "/webhook/whatsapp", params)
        worker_settings = settings.with_overrides(twilio_api_base=twilio.base_url)
        async with running_worker(worker_settings, HANDLERS):  # Twilio answers 404 for the photo
            dead = await eventually(lambda: Job.get_or_none(kind="whatsapp.media", status="dead"), what="dead job")
        assert "HTTP 404" in dead.last_error and dead.attempts == 5  # a refusal: five tries, not six hours

        twilio.add_media(sid, "ME1", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(100))
        await post_signed(client, "/webhook/whatsapp", params)  # Twilio delivers the message again
        async with running_worker(worker_settings, HANDLERS):
            await eventually(all_done(1), what="the revived media job done")
    message = await Message.get(message_sid=sid)
    assert [item["status"] for item in message.media] == ["stored"]
