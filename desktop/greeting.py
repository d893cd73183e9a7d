"""The business's phone greeting, as an admin changes it from the desktop: read what callers
hear, render Hebrew text to a preview MP3, install the text or an MP3 file as the greeting.

Plain data and calls, no widgets; every call runs on the task pool (desktop/tasks.py). The
contract is the server's (issue 15, item 5):

    GET  /api/business                   greeting_url, greeting_text, tts_engine
    POST /api/business/greeting/preview  {"text"} -> the MP3 (X-Greeting-Engine), nothing stored
    PUT  /api/business/greeting/text     {"text"} -> the business + greeting_duration, greeting_engine
    PUT  /api/business/greeting          an audio/mpeg body -> the business + greeting_duration

Audio goes to the user's private download cache (desktop/cache.py: files 0600), never to a
shared temp folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop import cache
from desktop.api import Api, ApiError, ServerUnreachableError
from desktop.paths import write_private

TEXT_LIMIT = 600  # characters, after stripping, as the server counts them
BASIC_ENGINE = "espeak-ng"  # the server's fallback voice when Google TTS is not configured
# The server refuses larger greetings with a 413 (server/greetings/routes.py, MAX_UPLOAD_BYTES);
# refusing here first spares reading a huge file into memory and sending it only to be cut off.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
RENDER_TIMEOUT = 60.0  # seconds: text-to-speech takes longer than an ordinary call


def _t(text: str) -> str:
    return QCoreApplication.translate("Greeting", text)


@dataclass(frozen=True)
class Greeting:
    """What the business's callers hear now."""

    business_id: int
    url: str  # the public path of the MP3 (the business's own greeting, else welcome.mp3)
    text: str  # the text it was rendered from; "" for an uploaded file or the default
    engine: str  # the voice the server renders text with: "google" or "espeak-ng"
    duration: float | None = None  # seconds, when the server just installed it

    @property
    def is_default(self) -> bool:
        return self.url.rsplit("/", 1)[-1] == "welcome.mp3"

    @property
    def basic_voice(self) -> bool:
        return self.engine == BASIC_ENGINE

    @classmethod
    def from_business(cls, body: dict) -> Greeting:
        return cls(business_id=int(body["id"]), url=str(body["greeting_url"]),
                   text=body.get("greeting_text") or "",
                   engine=str(body.get("greeting_engine") or body.get("tts_engine") or ""),
                   duration=body.get("greeting_duration"))


@dataclass(frozen=True)
class Preview:
    """A rendering of `text` that is not live: the MP3 in the cache and the voice that read it."""

    text: str
    path: Path
    engine: str


def load(api: Api) -> Greeting:
    return Greeting.from_business(api.get("/api/business"))


def download_current(api: Api, greeting: Greeting) -> Path:
    """The MP3 callers hear, into the cache (for the player)."""
    return cache.admit(api.download(greeting.url, cache.path_for(f"greeting-{greeting.business_id}.mp3")))


def preview(api: Api, text: str) -> Preview:
    """`text` rendered by the server (nothing stored there) and written to the cache; one file
    per text, so replaying an unchanged text replays its file."""
    text = text.strip()
    answer = api.fetch("POST", "/api/business/greeting/preview", json={"text": text}, timeout=RENDER_TIMEOUT)
    name = "greeting-preview-" + hashlib.sha256(text.encode()).hexdigest()[:16] + ".mp3"
    path = cache.admit(write_private(cache.path_for(name), answer.content))
    return Preview(text=text, path=path, engine=answer.headers.get("x-greeting-engine", ""))


def publish_text(api: Api, text: str) -> Greeting:
    """Render `text` and install it as the greeting; what callers hear from now on."""
    body = api.request("PUT", "/api/business/greeting/text", json={"text": text.strip()}, timeout=RENDER_TIMEOUT)
    return Greeting.from_business(body)


class FileTooLargeError(ApiError):
    """An MP3 over MAX_UPLOAD_BYTES, refused before it is sent."""


def upload_file(api: Api, path: Path) -> Greeting:
    """Install the MP3 file at `path` as the greeting (the server checks it is a real MP3)."""
    if path.stat().st_size > MAX_UPLOAD_BYTES:
        raise FileTooLargeError(_t("הקובץ גדול מדי"), status=413, code="too_large")
    body = api.upload("PUT", "/api/business/greeting", path.read_bytes(), "audio/mpeg", timeout=RENDER_TIMEOUT)
    return Greeting.from_business(body)


def error_message(error: BaseException) -> str:
    """A failed greeting call, in Hebrew for the admin: by the server's error code first."""
    if isinstance(error, ServerUnreachableError):
        return error.message
    if isinstance(error, OSError):
        return _t("לא ניתן לקרוא את הקובץ: {0}").format(error.strerror or error)
    if not isinstance(error, ApiError):
        return _t("שגיאה לא צפויה: {0}").format(error)
    limit_mb = MAX_UPLOAD_BYTES // (1024 * 1024)
    by_code = {
        "tts_failed": _t("שירות ההקראה לא הצליח להפיק את הברכה. נסו שוב בעוד רגע."),
        "tts_unavailable": _t("שירות ההקראה אינו זמין כרגע בשרת. אפשר לנסות שוב מאוחר יותר, "
                              "או להעלות קובץ MP3 מוכן."),
        "not_mp3": _t("הקובץ שנבחר אינו קובץ MP3 תקין."),
        "too_large": _t("הקובץ גדול מדי: אפשר להעלות קובץ MP3 של עד {0} MB.").format(limit_mb),
        "unsupported_media_type": _t("השרת מקבל רק קובצי MP3."),
    }
    by_code["request_too_large"] = by_code["too_large"]  # the app-wide body limit's code
    by_status = {
        403: _t("רק מנהל/ת העסק יכולים לשנות את הברכה הטלפונית."),
        413: by_code["too_large"],
        429: _t("יותר מדי הקראות בדקה האחרונה. המתינו רגע ונסו שוב."),
        415: by_code["unsupported_media_type"],
        422: _t("טקסט הברכה חייב להכיל בין 1 ל-{0} תווים.").format(TEXT_LIMIT),
        502: by_code["tts_failed"],
        503: by_code["tts_unavailable"],
    }
    return by_code.get(error.code or "") or by_status.get(error.status or 0) or error.message
