"""The tester's outage, as production runs: Hypercorn, a `python -m server.worker` process
whose PostgreSQL connections go through a TCP proxy, and the database cut off for a few
seconds while a recording downloads and more wait. Nothing is lost and the worker lives on."""

from __future__ import annotations

from urllib.parse import urlsplit

import asyncpg
import httpx
import pytest

from server.version import VERSION
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BACKENDS, BUSINESS_PHONE, PASSWORD, ROOT
from tests.e2e.live import Live, wait_until
from tests.e2e.test_call_flow import login, post_webhook
from tests.fakes import FakeTwilioMedia
from tests.tcp_proxy import ThreadedTcpProxy
from tests.twilio_helpers import call_params
from tests.workers import via

AUDIO = (ROOT / "server/static/voice_responses/welcome.mp3").read_bytes()


def deliver(live: Live, media: FakeTwilioMedia, n: int) -> None:
    call_sid, recording_sid = f"CA{n:032x}", f"RE{n:032x}"
    assert post_webhook(live, "/webhook/incoming_call", call_params(call_sid)).status_code == 200
    assert post_webhook(live, "/webhook/handle_recording", call_params(
        call_sid, CallStatus="in-progress", RecordingSid=recording_sid, RecordingDuration="5",
        RecordingUrl=f"{media.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/{recording_sid}",
    )).status_code == 200


def job_rows(live: Live) -> list[tuple]:
    async def fetch():
        connection = await asyncpg.connect(live.database_url)
        try:
            return [tuple(r) for r in await connection.fetch(
                "SELECT id, status, attempts, locked_until < now() AS expired FROM job "
                "WHERE kind <> 'privacy.retention' ORDER BY id")]  # the worker's own daily sweep aside
        finally:
            await connection.close()

    return live.databases.loop.run(fetch())


@pytest.mark.skipif("postgres" not in BACKENDS, reason="needs TEST_DATABASE_URL")
def test_a_database_outage_while_jobs_run_loses_nothing(databases, tmp_path):
    live = Live.on(databases, tmp_path, "postgres")
    postgres = urlsplit(live.database_url)
    try:
        live.seed({"name": "משרד", "phone": BUSINESS_PHONE, "users": [
            {"email": "agent@example.com", "password": PASSWORD, "role": "admin"}]})
        with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO, hold_first=True) as media, \
                ThreadedTcpProxy(postgres.hostname, postgres.port) as proxy:
            live.env_extra.update(TWILIO_API_BASE=media.base_url, RUN_WORKER="0", JOB_LEASE_SECONDS="3")
            live.start_server()
            for n in range(1, 4):
                deliver(live, media, n)
            live.start_worker(DATABASE_URL=via(live.database_url, proxy.port))
            assert media.request_seen.wait(20), live.log("worker")  # the first download is under way

            proxy.cut()
            media.release.set()  # the download ends; storing its outcome meets the outage
            wait_until(lambda: [r for r in job_rows(live) if r[1] == "running" and r[3]], timeout=20,
                       what="the held job's lease to run out during the outage")
            wait_until(lambda: proxy.proxy.refused >= 3, what="the worker to try the database again")
            proxy.restore()

            headers = login(live)

            def recordings() -> list:
                calls = httpx.get(f"{live.base_url}/api/crm/calls", headers=headers).json()["results"]
                return [c["recording_url"] for c in calls]

            wait_until(lambda: len(recordings()) == 3 and all(recordings()), timeout=40,
                       what="every recording stored after the outage")
            deliver(live, media, 4)  # after the outage, the same worker takes new work
            wait_until(lambda: len(recordings()) == 4 and all(recordings()), timeout=20, what="a new recording")

            health = wait_until(lambda: (h := httpx.get(f"{live.base_url}/api/health").json())["worker"] == "alive"
                                and h, timeout=20, what="a live heartbeat")
        assert health | {"heartbeat_age_seconds": 0} == {
            "ok": True, "version": VERSION, "db": "ok", "worker": "alive", "queue": "ok",
            "heartbeat_age_seconds": 0, "oldest_queued_seconds": None, "dead_jobs": 0}
        assert [(status, attempts >= 1) for _, status, attempts, _ in job_rows(live)] == [("done", True)] * 4
        assert job_rows(live)[0][2] >= 2  # the held job was cut off and run again
        log = live.log("worker")
        assert "claiming works again" in log or "recording its outcome failed" in log
        assert "ended unexpectedly" not in log and " ERROR agentlocator" not in log
    finally:
        live.stop()
