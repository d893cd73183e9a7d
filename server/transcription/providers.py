"""The transcriber `TRANSCRIBER` names, one per runtime: Google's keeps its access token
until it nearly expires, Whisper's its model in memory."""

from __future__ import annotations

from server import runtime
from server.config import Settings
from server.transcription.base import NoTranscriber, Transcriber
from server.transcription.google import GoogleTranscriber
from server.transcription.whisper import WhisperTranscriber


def transcriber_for(settings: Settings) -> Transcriber:
    if settings.transcriber == "google":
        key = ("transcriber", "google", settings.google_application_credentials, settings.google_speech_api_base)
        return runtime.current().keep(key, lambda: GoogleTranscriber(
            credentials_file=settings.google_application_credentials, api_base=settings.google_speech_api_base))
    if settings.transcriber == "whisper":
        key = ("transcriber", "whisper", settings.whisper_model)
        return runtime.current().keep(key, lambda: WhisperTranscriber(settings.whisper_model))
    return NoTranscriber()
