"""The speech engine the settings name, one per runtime: Google's keeps its access token until
it nearly expires, espeak-ng's its limit on renders at once."""

from __future__ import annotations

from server import runtime
from server.config import Settings
from server.greetings.base import SpeechEngine
from server.greetings.espeak import EspeakSpeech
from server.greetings.google import GoogleSpeech


def engine_for(settings: Settings) -> SpeechEngine:
    if settings.tts_engine == "google":
        key = ("speech", settings.google_application_credentials, settings.google_tts_api_base,
               settings.google_tts_voice)
        return runtime.current().keep(key, lambda: GoogleSpeech(
            credentials_file=settings.google_application_credentials, api_base=settings.google_tts_api_base,
            voice=settings.google_tts_voice))
    return runtime.current().keep(("speech", "espeak-ng"), EspeakSpeech)
