"""Speech to text behind one small interface, chosen by `TRANSCRIBER`."""

from __future__ import annotations

from server.config import Settings
from server.transcription.base import Transcriber, TranscriptionUnavailableError

__all__ = ["Transcriber", "TranscriptionUnavailableError", "transcriber_for"]


def transcriber_for(settings: Settings) -> Transcriber:
    if settings.transcriber == "google":
        from server.transcription.google import GoogleTranscriber

        return GoogleTranscriber.shared(settings)
    if settings.transcriber == "whisper":
        from server.transcription.whisper import WhisperTranscriber

        return WhisperTranscriber.shared(settings)
    from server.transcription.base import NoTranscriber

    return NoTranscriber()
