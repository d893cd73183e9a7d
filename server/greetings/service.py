"""Rendering a greeting from text, and installing a greeting (rendered or uploaded)."""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

from server.businesses.service import check_mp3, set_greeting
from server.errors import APIError
from server.greetings.base import SpeechEngine, SpeechFailedError


@dataclass(frozen=True)
class Rendered:
    audio: bytes  # an MP3, checked
    duration: float  # seconds
    engine: str


async def render(*, engine: SpeechEngine, text: str) -> Rendered:
    """`text` spoken by `engine`, checked to be a real MP3 before anyone hears it."""
    audio = await engine.synthesize(text)
    try:
        duration = await asyncio.to_thread(check_mp3, audio)
    except APIError:
        # The engine's fault, not the admin's: a 502, not the upload's 422.
        raise SpeechFailedError(f"{engine.name} did not produce an MP3; the current greeting is unchanged") from None
    return Rendered(audio=audio, duration=duration, engine=engine.name)


async def upload_greeting(*, media_root: Path, business_id: int, audio: bytes, text: str | None = None,
                         closed: bool = False, name: str | None = None) -> float:
    """Install `audio` as the business's greeting (`closed`: the one callers hear outside
    opening hours); its duration, or a 422 if it is not an MP3. `text`: what it says, when it
    was rendered from text."""
    media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=media_root, suffix=".mp3") as upload:
        upload.write(audio)
        upload.flush()
        return await set_greeting(media_root=media_root, business_id=business_id, source=Path(upload.name),
                                  text=text, closed=closed, name=name)


async def install_text_greeting(*, media_root: Path, business_id: int, engine: SpeechEngine, text: str,
                                closed: bool = False, name: str | None = None) -> Rendered:
    """Render `text` and make it what the business's callers hear. Nothing changes unless the
    engine gave a real MP3."""
    rendered = await render(engine=engine, text=text)
    await upload_greeting(media_root=media_root, business_id=business_id, audio=rendered.audio, text=text,
                          closed=closed, name=name)
    return rendered
