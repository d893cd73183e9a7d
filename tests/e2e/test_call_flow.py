"""A whole call as Twilio plays it, against a real Hypercorn server in its own process, with
the recording fetched from a fake Twilio media host and transcribed by a fake Google."""

from __future__ import annotations

import os
import signal
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BACKENDS, BUSINESS_PHONE, PASSWORD, ROOT
from tests.e2e.live import Live, wait_until
from tests.fakes import FakeGoogle, FakeTwilioMedia
from tests.twilio_helpers import call_params, signed_form

AUDIO = (ROOT / "server/static/voice_responses/welcome.mp3").read_bytes()
TRANSCRIPT = "שלום אני מתקשר בקשר לדירה ברחוב הרצל"
CALL_SID = "CA" + "e2e0" * 8
RECORDING_SID = "RE" + "e2e1" * 8
# The call's jobs: the worker also queues its own daily retention sweep when it starts.
CALL_JOBS = "SELECT kind, status, attempts FROM job WHERE kind <> 'privacy.retention'"


async def rows(database_url: str, sql: str) -> list[tuple]:
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as connection:
            return connection.execute(sql).fetchall()
    connection = await asyncpg.connect(database_url)
    try:
        return [tuple(r) for r in await connection.fetch(sql)]
    finally:
        await connection.close()


@pytest.fixture(params=["sqlite"])
def live(request, databases, tmp_path):
    """A server of the test's own: SQLite, and PostgreSQL too for a test that asks (indirect)."""
    server = Live.on(databases, tmp_path, request.param)
    (server.business_id,) = server.seed({"name": "משרד הדגמה", "phone": BUSINESS_PHONE, "users": [
        {"email": "agent@example.com", "password": PASSWORD, "role": "admin"}]})
    yield server
    server.stop()


def post_webhook(live: Live, path: str, params: dict) -> httpx.Response:
    full_path, body, headers = signed_form(live.base_url, path, params)
    return httpx.post(live.base_url + full_path, content=body, headers=headers, timeout=10)


def recording_params(media: FakeTwilioMedia) -> dict:
    return call_params(
        CALL_SID, CallStatus="in-progress", RecordingSid=RECORDING_SID, RecordingDuration="9",
        RecordingUrl=f"{media.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/{RECORDING_SID}",
    )


def login(live: Live) -> dict:
    response = httpx.post(f"{live.base_url}/auth/login", json={"email": "agent@example.com", "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def the_call(live: Live, headers: dict) -> dict:
    listing = httpx.get(f"{live.base_url}/api/crm/calls", headers=headers).json()
    assert listing["total"] == 1, listing
    return listing["results"][0]


async def test_a_whole_call_is_filed_once_with_recording_and_transcript(live, tmp_path):
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO) as media, \
            FakeGoogle(transcript=TRANSCRIPT) as google:
        live.env_extra.update(TWILIO_API_BASE=media.base_url,
                              **{name.upper(): value for name, value in google.settings(tmp_path).items()})
        live.start_server()

        answer = post_webhook(live, "/webhook/incoming_call", call_params(CALL_SID))
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/xml")
        greeting_url = ET.fromstring(answer.content).find("Play").text
        assert greeting_url == f"{live.base_url}/server/static/voice_responses/welcome.mp3"
        greeting = httpx.get(greeting_url)
        assert greeting.status_code == 200 and greeting.headers["content-type"] == "audio/mpeg"
        assert greeting.content == AUDIO

        for _ in range(3):  # Twilio retries; each answer is the same thank-you
            thanks = post_webhook(live, "/webhook/handle_recording", recording_params(media))
            assert thanks.status_code == 200 and "<Hangup" in thanks.text
        status = post_webhook(live, "/webhook/call_status",
                              call_params(CALL_SID, CallStatus="completed", CallDuration="21"))
        assert (status.status_code, status.text) == (200, "OK")

        headers = login(live)
        call = wait_until(lambda: (c := the_call(live, headers))["transcript_status"] == "done" and c,
                          what="the recording to be downloaded and transcribed")

    assert call["call_sid"] == CALL_SID and call["status"] == "completed" and call["duration"] == 21
    assert call["transcript"] == TRANSCRIPT
    assert media.downloads == 1
    method, path, sent = media.requests[0]
    assert (method, path) == ("GET", f"/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/{RECORDING_SID}.mp3")
    assert sent["Authorization"].startswith("Basic ")
    assert google.recognize_bodies[0]["config"]["languageCode"] == "he-IL"

    recording = httpx.get(live.base_url + call["recording_url"], headers=headers)
    assert recording.status_code == 200 and recording.headers["content-type"] == "audio/mpeg"
    assert recording.content == AUDIO
    partial = httpx.get(live.base_url + call["recording_url"], headers={**headers, "Range": "bytes=0-99"})
    assert partial.status_code == 206 and partial.content == AUDIO[:100]
    assert httpx.get(live.base_url + call["recording_url"]).status_code == 401

    customers = await rows(live.database_url, "SELECT id, business_id, phone, name FROM customer")
    assert customers == [(call["customer_id"], live.business_id, "+972541234567", "054-123-4567")]
    assert await rows(live.database_url, CALL_JOBS + " ORDER BY id") == [
        ("recording.fetch", "done", 1), ("recording.transcribe", "done", 1)]


@pytest.mark.parametrize("live", BACKENDS, indirect=True)  # the lease is a conditional UPDATE per dialect
async def test_killed_worker_mid_download_loses_nothing(live):
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO, hold_first=True) as media:
        live.env_extra.update(TWILIO_API_BASE=media.base_url, RUN_WORKER="0", JOB_LEASE_SECONDS="2")
        live.start_server()
        assert post_webhook(live, "/webhook/incoming_call", call_params(CALL_SID)).status_code == 200
        assert post_webhook(live, "/webhook/handle_recording", recording_params(media)).status_code == 200

        first = live.start_worker()
        assert media.request_seen.wait(20), live.log("worker")
        os.kill(first.pid, signal.SIGKILL)  # mid-download: half the file has arrived
        first.wait(10)
        media.release.set()

        live.start_worker()
        headers = login(live)
        call = wait_until(lambda: (c := the_call(live, headers))["recording_url"] and c, timeout=30,
                          what="the restarted worker to finish the job")

    assert media.downloads == 2
    assert await rows(live.database_url, CALL_JOBS) == [("recording.fetch", "done", 2)]
    stored = list(Path(live.workdir, "media", "recordings").rglob("*"))
    files = [p for p in stored if p.is_file()]
    assert [p.name for p in files] == [f"{RECORDING_SID}.mp3"]
    assert files[0].read_bytes() == AUDIO
    assert httpx.get(live.base_url + call["recording_url"], headers=headers).content == AUDIO
