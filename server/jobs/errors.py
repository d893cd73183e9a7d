"""What a job handler raises to say its job cannot succeed, or not yet; a leaf, so that the code doing the
work (Twilio's client, transcription, the handlers) needs nothing from the worker or the
table of job kinds."""


class PermanentJobError(Exception):
    """Retrying cannot help (a forged URL, a file that is not audio): the job goes dead now."""


class TransientJobError(Exception):
    """A service is down for now (the Tax Authority's 5xx): retried with backoff, logged in one line."""
