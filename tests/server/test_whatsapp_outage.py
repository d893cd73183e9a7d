"""A WhatsApp send while Twilio cannot be reached (its port closed): the agent hears it at the
first failed try (the message stays `pending`, marked `retrying` with a Hebrew note, and
`wa:status` says so), the job keeps its durable retries, and the note goes once Twilio answers."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from server.job_kinds import HANDLERS
from server.jobs import queue
from server.jobs.models import Job
from server.jobs.worker import Worker
from server.messages import service
from server.messages.models import Message
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.server.test_whatsapp import inbound_at, run_jobs
from tests.server.test_whatsapp_templates import closed_port

RETRYING = "Twilio אינו זמין כרגע — ההודעה תישלח כשהחיבור יחזור"


@pytest.fixture
def published(monkeypatch):
    events: list[tuple[str, dict]] = []

    async def record(event, data, *, room, to_sid=None):
        events.append((event, data))

    monkeypatch.setattr(service.realtime, "publish", record)
    return events


def unreachable(app):
    settings = app.config["SETTINGS"].with_overrides(twilio_api_base=f"http://127.0.0.1:{closed_port()}")
    app.config["SETTINGS"] = settings
    return settings


async def send(client, headers, customer_id: int) -> dict:
    response = await client.post(f"/api/crm/customers/{customer_id}/whatsapp", headers=headers,
                                 json={"body": "נתראה מחר"})
    assert response.status_code == 202, await response.get_data(as_text=True)
    return await response.get_json()


async def read(client, headers, message_id: int) -> dict:
    page = await (await client.get("/api/crm/messages", headers=headers, query_string={"limit": 200})).get_json()
    return next(m for m in page["results"] if m["id"] == message_id)


@pytest.mark.both_databases
async def test_the_first_failed_try_says_twilio_is_out_and_the_job_retries(client, business, auth_headers, app,
                                                                          published):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=1))
    settings = unreachable(app)
    queued = await send(client, auth_headers, received.customer_id)
    assert queued["retrying"] is False and queued["error_message"] is None

    started = time.monotonic()
    assert await run_jobs_once(settings) == "queued"  # retried later, not dead
    assert time.monotonic() - started < 5  # a closed port answers at once: no timeout to sit through
    shown = await read(client, auth_headers, queued["id"])
    assert (shown["status"], shown["retrying"], shown["error_message"]) == ("pending", True, RETRYING)
    status_events = [data["message"] for event, data in published if event == "wa:status"]
    assert [(m["id"], m["retrying"], m["error_message"]) for m in status_events] == [(queued["id"], True, RETRYING)]

    # A second failed try is not announced again (the note is there already).
    assert await run_jobs_once(settings) == "queued"
    assert len([event for event, _ in published if event == "wa:status"]) == 1
    job = await Job.get(kind="whatsapp.send")
    assert (job.status, job.attempts, job.max_attempts) == ("queued", 2, 45)


@pytest.mark.both_databases
async def test_once_twilio_answers_the_note_goes_and_the_message_is_sent(client, business, auth_headers, app,
                                                                         published, twilio):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=1))
    settings = unreachable(app)
    queued = await send(client, auth_headers, received.customer_id)
    assert await run_jobs_once(settings) == "queued"
    assert (await Message.get(id=queued["id"])).error_message == RETRYING

    back = settings.with_overrides(twilio_api_base=twilio.base_url)
    assert await run_jobs(back) == ["whatsapp.send:done"]
    shown = await read(client, auth_headers, queued["id"])
    assert (shown["status"], shown["retrying"], shown["error_message"]) == ("queued", False, None)
    assert [sent["Body"] for sent in twilio.sent] == ["נתראה מחר"]
    last = [data["message"] for event, data in published if event == "wa:status"][-1]
    assert (last["status"], last["retrying"]) == ("queued", False)


async def test_the_last_try_still_fails_the_message_for_good(client, business, auth_headers, app, published):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=1))
    settings = unreachable(app)
    queued = await send(client, auth_headers, received.customer_id)
    await Job.filter(kind="whatsapp.send").update(max_attempts=2)
    assert await run_jobs(settings) == ["whatsapp.send:queued", "whatsapp.send:dead"]
    shown = await read(client, auth_headers, queued["id"])
    assert (shown["status"], shown["retrying"], shown["error_message"]) == (
        "failed", False, "שליחה נכשלה: שירות Twilio אינו זמין כרגע")


@pytest.fixture
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


async def run_jobs_once(settings) -> str:
    """One attempt of the queued send, now (its backoff skipped), as the worker runs it."""
    await Job.filter(status="queued").update(run_at=queue.now())
    worker = Worker(settings, HANDLERS, name="test")
    job = await queue.claim(worker=worker.name, lease=timedelta(seconds=30))
    assert job is not None
    return await worker.execute(job)
