"""Local transcription with faster-whisper (`pip install faster-whisper`) and a model
directory in `WHISPER_MODEL`; nothing is downloaded at run time."""

from __future__ import annotations

import asyncio
from pathlib import Path

from server.transcription.base import TranscriptionUnavailableError


class WhisperTranscriber:
    def __init__(self, model_path: str) -> None:
        self.model_path = model_path
        self._model = None

    def _load(self):
        if self._model is None:
            if not self.model_path or not Path(self.model_path).is_dir():
                raise TranscriptionUnavailableError("WHISPER_MODEL must name a local model directory")
            try:
                from faster_whisper import WhisperModel
            except ImportError as error:
                raise TranscriptionUnavailableError("faster-whisper is not installed") from error
            self._model = WhisperModel(self.model_path, device="cpu", compute_type="int8")
        return self._model

    def _run(self, audio: Path, language: str) -> str:
        segments, _info = self._load().transcribe(str(audio), language=language.split("-")[0])
        return " ".join(segment.text.strip() for segment in segments).strip()

    async def transcribe(self, audio: Path, *, language: str) -> str:
        return await asyncio.to_thread(self._run, audio, language)
