"""Every job kind and the function that does it: the table the code that builds a worker
(`create_app`, `python -m server.worker`) hands to it. A handler takes `(job, *, settings)`."""

from server.calls.callbacks import escalate
from server.calls.recordings import fetch_recording, transcribe_recording
from server.invoices.allocation_job import allocate
from server.messages.followup import follow_up
from server.messages.media import fetch_media
from server.messages.sending import send_queued
from server.privacy.retention import run_retention
from server.push.service import send_push

HANDLERS = {
    "recording.fetch": fetch_recording,
    "recording.transcribe": transcribe_recording,
    "push.send": send_push,
    "whatsapp.media": fetch_media,
    "whatsapp.send": send_queued,
    "call.missed_followup": follow_up,
    "callback.escalate": escalate,
    "invoice.allocate": allocate,
    "privacy.retention": run_retention,  # daily, queues its next run itself
}
