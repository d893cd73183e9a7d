"""Job kinds and the functions that do them. A handler takes `(job, *, settings)`."""

from __future__ import annotations


class PermanentJobError(Exception):
    """Retrying cannot help (a forged URL, a file that is not audio): the job goes dead now."""


def is_last_attempt(job) -> bool:
    return job.attempts >= job.max_attempts


def _handlers() -> dict:
    from server.calls.recordings import fetch_recording, transcribe_recording
    from server.push.service import send_push

    return {
        "recording.fetch": fetch_recording,
        "recording.transcribe": transcribe_recording,
        "push.send": send_push,
    }


class _Registry(dict):
    # Filled on first use: the domain modules import the queue, so importing them here at
    # module load would be circular.
    def get(self, kind, default=None):
        if not self:
            self.update(_handlers())
        return super().get(kind, default)


HANDLERS = _Registry()
