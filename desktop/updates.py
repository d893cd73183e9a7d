"""Is a newer client available? `GET /api/desktop/version` (public) answers

    {"version": "0.3.0", "downloads": {"linux": {"url": ..., ...} | null, "windows": ... | null}}

`available(api)` (on the task pool) returns an `Update` when the server's version is newer
than this client's (compared as numbers: 0.10.0 > 0.9.0), else None.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from urllib.parse import urljoin

from desktop.api import Api
from desktop.version import VERSION

VERSION_PATH = "/api/desktop/version"


@dataclass(frozen=True)
class Update:
    version: str  # the server's
    current: str  # this client's
    url: str | None  # the installer for this platform; None when the server offers none


def numbers(version: str) -> tuple[int, ...]:
    """"0.10.0" → (0, 10, 0); each part's leading digits ("1rc2" → 1); () when there are none."""
    parts = [re.match(r"\d*", part).group() for part in str(version).strip().lstrip("vV").split(".")]
    return tuple(int(part) for part in parts) if all(parts) else ()


def newer(candidate: str, current: str) -> bool:
    a, b = numbers(candidate), numbers(current)
    width = max(len(a), len(b))
    return bool(a and b) and a + (0,) * (width - len(a)) > b + (0,) * (width - len(b))


def platform_key(platform: str | None = None) -> str:
    """The `downloads` key for this system: "windows" or "linux" (anything else asks IT)."""
    platform = sys.platform if platform is None else platform
    return "windows" if platform.startswith("win") else "linux" if platform.startswith("linux") else platform


def fetch(api: Api) -> dict:
    """The server's answer, checked: a dict with a "version" string. ApiError when it answers
    with an error (a 404 from a server without the endpoint), ValueError when the shape is wrong."""
    body = api.get_public(VERSION_PATH)
    if not isinstance(body, dict) or not isinstance(body.get("version"), str) or not numbers(body["version"]):
        raise ValueError(f"{VERSION_PATH} answered without a version: {str(body)[:200]}")
    return body


def update_from(body: dict, *, base_url: str, current: str = VERSION, platform: str | None = None) -> Update | None:
    if not newer(body["version"], current):
        return None
    downloads = body.get("downloads") if isinstance(body.get("downloads"), dict) else {}
    entry = downloads.get(platform_key(platform))
    url = entry.get("url") if isinstance(entry, dict) else None
    return Update(version=body["version"], current=current,
                  url=urljoin(base_url + "/", url) if isinstance(url, str) and url else None)


def available(api: Api, *, current: str = VERSION, platform: str | None = None) -> Update | None:
    """A newer client than `current`, from `api`'s server; None when this one is current."""
    return update_from(fetch(api), base_url=api.base_url, current=current, platform=platform)
