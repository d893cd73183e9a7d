"""The slow half of a recorded call: download the audio, then transcribe it (both jobs)."""

from __future__ import annotations

import logging
from pathlib import Path

from server.calls.models import Call
from server.calls.service import announce_update
from server.config import Settings
from server.jobs import queue
from server.jobs.errors import PermanentJobError
from server.storage import media_path
from server.telephony.client import download_media
from server.telephony.form import sid
from server.transcription.base import TranscriptionUnavailableError
from server.transcription.providers import transcriber_for

log = logging.getLogger("agentlocator.recordings")
LANGUAGE = "he-IL"


def recording_file(call: Call) -> Path:
    """Where a call's recording lives, relative to MEDIA_ROOT. The RecordingSid names the file,
    so it must be one (the webhooks store no other; a row from before they checked might)."""
    if sid(call.recording_sid, "RE") is None:
        raise PermanentJobError(f"call {call.id}'s RecordingSid is not a Twilio SID; nothing is stored")
    return Path("recordings") / str(call.business_id) / f"{call.recording_sid}.mp3"


async def _call(job) -> Call:
    call = await Call.get_or_none(id=job.payload.get("call_id"))
    if call is None or not call.recording_sid:
        raise PermanentJobError(f"call {job.payload.get('call_id')} has no recording to process")
    return call


async def fetch_recording(job, *, settings: Settings) -> None:
    call = await _call(job)
    if call.purged_at is not None:  # erased (or past retention) while queued: nothing may be stored
        return
    relative = recording_file(call)
    try:
        size = await download_media(url=f"{call.recording_remote_url}.mp3",
                                    dest=media_path(settings.media_root, relative), settings=settings)
    except Exception as error:
        if isinstance(error, PermanentJobError) or job.is_last_attempt:
            # The job is dead now: the call must not promise a transcript that cannot come. A
            # redelivery or `jobs retry` sets it back to pending (calls.service._recording_again).
            await _no_recording(call.id)
        raise
    transcribing = settings.transcriber != "none"
    await Call.filter(id=call.id).update(
        recording_path=str(relative), transcript_status="pending" if transcribing else "unavailable",
    )
    log.info("recording %s stored (%d bytes)", call.recording_sid, size)
    await announce_update(call.id)
    if transcribing:
        await queue.enqueue("recording.transcribe", {"call_id": call.id},
                            dedupe_key=f"transcribe:{call.recording_sid}")


async def _no_recording(call_id: int) -> None:
    await Call.filter(id=call_id, recording_path__isnull=True).update(transcript_status="failed")
    await announce_update(call_id)


async def transcribe_recording(job, *, settings: Settings) -> None:
    call = await _call(job)
    if call.purged_at is not None:
        return
    if not call.recording_path:
        raise PermanentJobError(f"call {call.id}'s recording is not downloaded")
    try:
        text = await transcriber_for(settings).transcribe(media_path(settings.media_root, call.recording_path),
                                                         language=LANGUAGE)
    except TranscriptionUnavailableError as error:
        log.info("no transcript for call %s: %s", call.id, error)
        await Call.filter(id=call.id).update(transcript_status="unavailable")
        await announce_update(call.id)
        return
    except Exception as error:
        if isinstance(error, PermanentJobError) or job.is_last_attempt:
            await Call.filter(id=call.id).update(transcript_status="failed")
            await announce_update(call.id)
        raise
    await Call.filter(id=call.id).update(transcript=text, transcript_status="done")
    await announce_update(call.id)
