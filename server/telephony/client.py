"""Calls to Twilio's REST API (`TWILIO_API_BASE`; tests point it at a local fake)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import httpx

from server.config import Settings
from server.jobs.handlers import PermanentJobError

MEDIA_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def checked_media_url(url: str, settings: Settings) -> str:
    """The URL to fetch, only if it is on Twilio's API host: our credentials go with the
    request, so a forged RecordingUrl must not make us send them (or anything) elsewhere."""
    if not url or _origin(url) != _origin(settings.twilio_api_base):
        raise PermanentJobError("recording URL is not on the Twilio API host; refused to fetch it")
    return url


async def download_media(*, url: str, dest: Path, settings: Settings) -> int:
    """Stream a Twilio media file to `dest` (written whole or not at all); returns its size."""
    checked_media_url(url, settings)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    auth = (settings.twilio_account_sid, settings.twilio_auth_token)
    # Twilio may redirect media to its storage; httpx drops the credentials on any redirect
    # that leaves the origin.
    async with httpx.AsyncClient(auth=auth, timeout=MEDIA_TIMEOUT, follow_redirects=True,
                                 max_redirects=3) as client:
        async with client.stream("GET", url) as response:
            if response.status_code in (401, 403):
                raise PermanentJobError(f"Twilio refused our credentials for the media ({response.status_code})")
            response.raise_for_status()
            size = 0
            with partial.open("wb") as out:
                async for chunk in response.aiter_bytes(64 * 1024):
                    out.write(chunk)
                    size += len(chunk)
    partial.replace(dest)
    return size
