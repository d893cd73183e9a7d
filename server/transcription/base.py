from __future__ import annotations

from pathlib import Path
from typing import Protocol


class TranscriptionUnavailableError(Exception):
    """No transcriber can do this (none configured, model missing): not worth retrying."""


class Transcriber(Protocol):
    async def transcribe(self, audio: Path, *, language: str) -> str:
        """The text spoken in `audio` (an MP3 file); "" for silence."""


class NoTranscriber:
    async def transcribe(self, audio: Path, *, language: str) -> str:
        raise TranscriptionUnavailableError("transcription is turned off (TRANSCRIBER=none)")
