"""A database outage of a few seconds. Twilio's webhooks: Twilio waits up to 15 s and never sends a voice
webhook again, so a webhook that failed during a few seconds' outage would lose its call.
They wait for the database instead (server/outages.py) and lose nothing. Caused for real:
PostgreSQL behind a TCP proxy whose line is cut (tests/tcp_proxy.py). The API's reads wait
too; its writes answer a clear 503 with Retry-After, not a 500."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from server.app import create_app
from server.calls.models import Call
from server.jobs.models import Job
from tests.conftest import PUBLIC_HOST, postgres_only
from tests.tcp_proxy import TcpProxy
from tests.twilio_helpers import call_params, signed_form
from tests.waiting import eventually
from tests.workers import via

CALL_SID, RECORDING_SID = "CA" + "5" * 32, "RE" + "5" * 32


@asynccontextmanager
async def behind_a_proxy(settings):
    """A started app whose database connections go through a TCP proxy the test can cut;
    (its test client, the proxy)."""
    target = urlsplit(settings.database_url)
    async with TcpProxy(target.hostname, target.port) as proxy:
        app = create_app(settings=settings.with_overrides(database_url=via(settings.database_url, proxy.port)))
        async with app.test_app():
            with app.extensions["runtime"].activated():
                yield app.test_client(), proxy


@postgres_only
async def test_webhooks_wait_out_a_database_outage_and_lose_no_call(settings, business):
    async with behind_a_proxy(settings) as (client, proxy):
        async def post(path: str, **extra):
            full_path, body, headers = signed_form(PUBLIC_HOST, path, call_params(CALL_SID, **extra))
            return await client.post(full_path, data=body, headers=headers)

        proxy.cut()
        answers = [
            asyncio.ensure_future(post("/webhook/incoming_call")),
            asyncio.ensure_future(post("/webhook/handle_recording", RecordingSid=RECORDING_SID,
                                       RecordingUrl=f"https://api.twilio.com/Recordings/{RECORDING_SID}",
                                       RecordingDuration="4", CallStatus="in-progress")),
        ]
        await eventually(lambda: proxy.refused >= 2, what="the webhooks to find the database gone")
        assert not any(answer.done() for answer in answers)  # waiting, not failing
        proxy.restore()
        incoming, recording = await asyncio.gather(*answers)

        proxy.cut()  # again as the call ends: its last status must not be lost either
        refused = proxy.refused
        ending = asyncio.ensure_future(post("/webhook/call_status", CallStatus="completed", CallDuration="9"))
        await eventually(lambda: proxy.refused > refused, what="call_status to find the database gone")
        proxy.restore()
        status = await ending

    assert [incoming.status_code, recording.status_code, status.status_code] == [200, 200, 200]
    assert "<Record" in await incoming.get_data(as_text=True)
    call = await Call.get(call_sid=CALL_SID)  # through the test's own app, straight to PostgreSQL
    assert (call.recording_sid, call.status) == (RECORDING_SID, "completed")
    assert await Job.filter(kind="recording.fetch", dedupe_key=f"recording:{RECORDING_SID}").count() == 1


@postgres_only
async def test_reads_wait_out_the_outage_and_writes_answer_503_with_retry_after(settings, user, auth_headers):
    async with behind_a_proxy(settings) as (client, proxy):
        proxy.cut()
        read = asyncio.ensure_future(client.get("/api/crm/calls", headers=auth_headers))
        await eventually(lambda: proxy.refused >= 1, what="the read to find the database gone")
        write = await client.post("/api/crm/tasks", headers=auth_headers,
                                  json={"title": "לא נשמר", "due_at": "2026-12-01T10:00:00+02:00"})
        assert not read.done()  # a read waits for the database...
        proxy.restore()
        assert (await read).status_code == 200  # ...and is answered once it is back
        assert write.status_code == 503  # a write is not run twice: the client tries again
        assert write.headers["Retry-After"] == "5"
        assert (await write.get_json())["error"]["code"] == "unavailable"
