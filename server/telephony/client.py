"""Calls to Twilio's REST API (`TWILIO_API_BASE`; tests point it at a local fake)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from server.config import Settings
from server.jobs.errors import PermanentJobError

MEDIA_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
API_TIMEOUT = httpx.Timeout(15.0, connect=5.0)


class TwilioAPIError(Exception):
    """Twilio refused a request (a 4xx): sending it again cannot help. `code` is Twilio's
    error code (63016, 21211, ...), when its answer carried one."""

    def __init__(self, status: int, code: int | None, message: str) -> None:
        super().__init__(f"Twilio answered {status} (code {code}): {message}")
        self.status, self.code, self.message = status, code, message


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def checked_media_url(url: str, settings: Settings) -> str:
    """The URL to fetch, only if it is on Twilio's API host: our credentials go with the
    request, so a forged RecordingUrl must not make us send them (or anything) elsewhere."""
    if not url or _origin(url) != _origin(settings.twilio_api_base):
        raise PermanentJobError("recording URL is not on the Twilio API host; refused to fetch it")
    return url


async def download_media(*, url: str, dest: Path, settings: Settings, max_bytes: int | None = None,
                         content_types: frozenset[str] | None = None) -> int:
    """Stream a Twilio media file to `dest` (written whole or not at all); returns its size.

    With `max_bytes` / `content_types`, a larger file or another type is refused for good
    (PermanentJobError) and nothing is kept."""
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
            kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if content_types is not None and kind not in content_types:
                raise PermanentJobError(f"media type {kind or 'unknown'!r} is not accepted")
            declared = int(response.headers.get("Content-Length") or 0)
            if max_bytes is not None and declared > max_bytes:
                raise PermanentJobError(f"media of {declared} bytes is over the {max_bytes}-byte limit")
            size = 0
            try:
                with partial.open("wb") as out:
                    async for chunk in response.aiter_bytes(64 * 1024):
                        size += len(chunk)
                        if max_bytes is not None and size > max_bytes:
                            raise PermanentJobError(f"media is over the {max_bytes}-byte limit")
                        out.write(chunk)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
    partial.replace(dest)
    return size


async def send_message(*, settings: Settings, to: str, from_: str, status_callback: str, body: str | None = None,
                       content_sid: str | None = None, content_variables: dict | None = None) -> dict:
    """Create a message through Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/
    Messages.json`); Twilio's JSON answer (sid, status, ...).

    A 4xx raises TwilioAPIError (final); a 429, a 5xx or a network failure raises an
    httpx error, which the job queue retries.
    """
    form = {"To": to, "From": from_, "StatusCallback": status_callback}
    if content_sid:
        form["ContentSid"] = content_sid
        if content_variables:
            form["ContentVariables"] = json.dumps(content_variables, ensure_ascii=False)
    else:
        form["Body"] = body or ""
    sid = settings.twilio_account_sid
    url = f"{settings.twilio_api_base.rstrip('/')}/2010-04-01/Accounts/{sid}/Messages.json"
    async with httpx.AsyncClient(auth=(sid, settings.twilio_auth_token), timeout=API_TIMEOUT) as client:
        response = await client.post(url, data=form)
    if response.status_code == 429 or response.status_code >= 500:
        response.raise_for_status()
    if response.status_code >= 400:
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        code = answer.get("code") if isinstance(answer.get("code"), int) else None
        raise TwilioAPIError(response.status_code, code, str(answer.get("message") or response.text[:200]))
    return response.json()
