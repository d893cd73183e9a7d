"""What a job handler raises to say its job cannot succeed; a leaf, so that the code doing the
work (Twilio's client, transcription, the handlers) needs nothing from the worker or the
table of job kinds."""


class PermanentJobError(Exception):
    """Retrying cannot help (a forged URL, a file that is not audio): the job goes dead now."""
