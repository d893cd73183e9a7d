"""The one interface every speech engine offers, and the two ways rendering can fail."""

from __future__ import annotations

from typing import Protocol

from server.errors import DomainError


class SpeechFailedError(DomainError):
    """The engine was there but gave no usable audio (Google refused or is unreachable, a
    process failed): the admin may try again; the greeting callers hear is untouched."""

    code = "tts_failed"
    default_message = "the greeting could not be rendered; the current greeting is unchanged"


class SpeechUnavailableError(DomainError):
    """No engine can run here (no Google credentials, espeak-ng or lame not installed)."""

    code = "tts_unavailable"
    default_message = "text-to-speech is not available on this server"


class SpeechEngine(Protocol):
    name: str  # "google" or "espeak-ng": what the API and the CLI report

    async def synthesize(self, text: str) -> bytes:
        """`text` (Hebrew) spoken, as the bytes of an MP3 file."""
