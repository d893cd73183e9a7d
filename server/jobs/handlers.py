"""Job kinds and the functions that do them. A handler takes `(job, *, settings)`."""

from __future__ import annotations


class PermanentJobError(Exception):
    """Retrying cannot help (a forged URL, a file that is not audio): the job goes dead now."""


def is_last_attempt(job) -> bool:
    return job.attempts >= job.max_attempts


def _handlers() -> dict:
    from server.calls.recordings import fetch_recording, transcribe_recording
    from server.messages.followup import follow_up
    from server.messages.media import fetch_media
    from server.messages.sending import send_queued
    from server.push.service import send_push

    return {
        "recording.fetch": fetch_recording,
        "recording.transcribe": transcribe_recording,
        "push.send": send_push,
        "whatsapp.media": fetch_media,
        "whatsapp.send": send_queued,
        "call.missed_followup": follow_up,
    }


class _Registry(dict):
    # Filled on first use: the domain modules import the queue, so importing them here at
    # module load would be circular.
    def get(self, kind, default=None):
        if not self:
            self.update(_handlers())
        return super().get(kind, default)


HANDLERS = _Registry()
