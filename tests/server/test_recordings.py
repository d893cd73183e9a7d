"""The recording jobs: only Twilio's host is fetched; transcription outcomes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from server.calls.models import Call
from server.calls.recordings import fetch_recording, transcribe_recording
from server.jobs.errors import PermanentJobError
from server.jobs.models import Job
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, ROOT
from tests.fakes import FakeGoogle, FakeTwilioMedia

AUDIO = (ROOT / "server/static/voice_responses/welcome.mp3").read_bytes()
# Real SIDs' shape: the recording's names its file, and the jobs refuse any other.
CALL_SID, RECORDING_SID = "CA" + "1" * 32, "RE" + "1" * 32


async def make_call(business, url: str, recording_sid: str = RECORDING_SID) -> Call:
    return await Call.create(business=business, call_sid=CALL_SID, started_at=datetime.now(UTC),
                             recording_sid=recording_sid, recording_remote_url=url, transcript_status="pending")


def job_for(call: Call, attempts: int = 1, max_attempts: int = 5) -> Job:
    return Job(kind="x", payload={"call_id": call.id}, attempts=attempts, max_attempts=max_attempts)


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data", "https://evil.example/Recordings/RE1",
                                 "http://127.0.0.1:1/Recordings/RE1"])
async def test_forged_recording_url_is_never_fetched(app, settings, business, url):
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO) as media:
        call = await make_call(business, url)
        with pytest.raises(PermanentJobError, match="not on the Twilio API host"):
            await fetch_recording(job_for(call), settings=settings.with_overrides(twilio_api_base=media.base_url))
    assert media.requests == []


async def test_wrong_credentials_are_a_permanent_failure(app, settings, business):
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token="another-token", audio=AUDIO) as media:
        call = await make_call(business, f"{media.base_url}/2010-04-01/Accounts/AC/Recordings/{RECORDING_SID}")
        with pytest.raises(PermanentJobError, match="refused our credentials"):
            await fetch_recording(job_for(call), settings=settings.with_overrides(twilio_api_base=media.base_url))
    assert list(settings.media_root.rglob("*.mp3")) == []


@pytest.mark.parametrize("recording_sid", ["../../../escaped", "RE" + "1" * 31 + "/", "RE1", "CA" + "1" * 32])
async def test_a_recording_sid_that_is_no_sid_names_no_file(app, settings, business, tmp_path, recording_sid):
    """A row from before the webhooks checked the SID: the job stores nothing anywhere."""
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO) as media:
        call = await make_call(business, f"{media.base_url}/2010-04-01/Accounts/AC/Recordings/{RECORDING_SID}",
                               recording_sid=recording_sid)
        with pytest.raises(PermanentJobError, match="not a Twilio SID"):
            await fetch_recording(job_for(call), settings=settings.with_overrides(twilio_api_base=media.base_url))
    assert media.requests == []
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and ".sqlite3" not in p.name] == []


async def test_without_transcriber_the_recording_is_kept_and_marked_unavailable(app, settings, business):
    with FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO) as media:
        call = await make_call(business, f"{media.base_url}/2010-04-01/Accounts/AC/Recordings/{RECORDING_SID}")
        await fetch_recording(job_for(call), settings=settings.with_overrides(twilio_api_base=media.base_url))
    call = await Call.get(id=call.id)
    assert call.transcript_status == "unavailable"
    assert (settings.media_root / call.recording_path).read_bytes() == AUDIO
    assert await Job.all().count() == 0


async def stored_call(business, settings) -> Call:
    path = settings.media_root / "recordings" / f"{RECORDING_SID}.mp3"
    path.parent.mkdir(parents=True)
    path.write_bytes(AUDIO)
    call = await make_call(business, "unused")
    call.recording_path = f"recordings/{RECORDING_SID}.mp3"
    await call.save()
    return call


async def test_google_transcribes_hebrew(app, settings, business, tmp_path):
    with FakeGoogle(transcript="שלום רציתי לקבוע פגישה") as google:
        google_settings = settings.with_overrides(**google.settings(tmp_path))
        call = await stored_call(business, settings)
        await transcribe_recording(job_for(call), settings=google_settings)
    call = await Call.get(id=call.id)
    assert (call.transcript_status, call.transcript) == ("done", "שלום רציתי לקבוע פגישה")
    sent = google.recognize_bodies[0]["config"]
    assert (sent["languageCode"], sent["encoding"], sent["sampleRateHertz"]) == ("he-IL", "MP3", 22050)


async def test_google_outage_is_retried_then_marked_failed(app, settings, business, tmp_path):
    with FakeGoogle(transcript="x") as google:
        google_settings = settings.with_overrides(**google.settings(tmp_path))
        call = await stored_call(business, settings)
        google.fail_next = 503
        with pytest.raises(Exception, match="503"):
            await transcribe_recording(job_for(call, attempts=1), settings=google_settings)
        assert (await Call.get(id=call.id)).transcript_status == "pending"
        google.fail_next = 503
        with pytest.raises(Exception, match="503"):
            await transcribe_recording(job_for(call, attempts=5), settings=google_settings)
    assert (await Call.get(id=call.id)).transcript_status == "failed"


async def test_missing_google_credentials_mark_transcript_unavailable(app, settings, business):
    call = await stored_call(business, settings)
    await transcribe_recording(job_for(call), settings=settings.with_overrides(transcriber="google"))
    assert (await Call.get(id=call.id)).transcript_status == "unavailable"


async def test_whisper_without_a_local_model_is_unavailable(app, settings, business):
    call = await stored_call(business, settings)
    await transcribe_recording(job_for(call), settings=settings.with_overrides(transcriber="whisper",
                                                                             whisper_model="/no/such/model"))
    assert (await Call.get(id=call.id)).transcript_status == "unavailable"
