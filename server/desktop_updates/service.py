"""Which desktop version clients should run, and the installers an admin published for it.

The server's VERSION (desktop/VERSION, the product's one version) is the version clients
should run. An admin copies that version's installers into DESKTOP_DOWNLOADS_DIR; a platform's
download is offered only when its installer for exactly this version is there, so a folder
still holding an older build offers nothing rather than a downgrade. The folder may be
missing: then nothing is offered.

Each offered file's SHA-256 is remembered per (path, size, mtime) on the app's runtime, so an
installer of 100 MB is read once per change, not on every client's check.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
from pathlib import Path
from urllib.parse import quote

from server import runtime
from server.storage import stored_file

DOWNLOADS_PATH = "/downloads/desktop"
INSTALLERS = {"linux": "agentlocator-desktop_{version}_amd64.deb", "windows": "AgentLocator-Setup-{version}.exe"}
MEDIA_TYPES = {".deb": "application/vnd.debian.binary-package",
               ".exe": "application/vnd.microsoft.portable-executable"}
# A name served from the folder: one file directly in it (no sub-folder, no dot file), in
# characters any file system takes and short enough for all (a longer name is an OSError).
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,199}")
_CHUNK = 1024 * 1024

Stamp = tuple[int, int]  # (size, mtime in ns)


def installer_names(version: str) -> dict[str, str]:
    """Each platform's installer file name for `version`."""
    return {platform: pattern.format(version=version) for platform, pattern in INSTALLERS.items()}


def published_file(*, folder: Path, name: str) -> Path | None:
    """The file `name` directly in `folder`, for serving it; None when it is missing, is a dot
    file or a folder, or would leave `folder` (a symlink out)."""
    return stored_file(folder, name) if _NAME.fullmatch(name) else None


def media_type(name: str) -> str:
    return MEDIA_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


def _sha256(path: Path, stamp: Stamp) -> str | None:
    """The file's SHA-256 if it is still `stamp` before and after reading it, else None (it is
    being written: an admin copying it in)."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        if _stamp(os.fstat(file.fileno())) != stamp:
            return None
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
        return digest.hexdigest() if _stamp(os.fstat(file.fileno())) == stamp else None


def _stamp(stat: os.stat_result) -> Stamp:
    return stat.st_size, stat.st_mtime_ns


def _digests() -> dict[Path, tuple[Stamp, str]]:
    """This app's known digests: the latest one per path."""
    return runtime.current().keep("desktop_updates.sha256", dict)


async def _download(*, folder: Path, name: str, base_url: str) -> dict | None:
    path = published_file(folder=folder, name=name)
    if path is None:
        return None
    try:
        stamp = _stamp(path.stat())
        known = _digests().get(path)
        if known is None or known[0] != stamp:
            digest = await asyncio.to_thread(_sha256, path, stamp)
            if digest is None:
                return None
            known = _digests()[path] = (stamp, digest)
    except OSError:  # removed or replaced while we looked: offered again on the next check
        return None
    return {"file": name, "url": f"{base_url}{DOWNLOADS_PATH}/{quote(name)}", "size": stamp[0], "sha256": known[1]}


async def desktop_release(*, version: str, folder: Path, base_url: str) -> dict:
    """`{"version", "downloads": {platform: {file, url, size, sha256} | None}}`."""
    downloads = {platform: await _download(folder=folder, name=name, base_url=base_url)
                 for platform, name in installer_names(version).items()}
    return {"version": version, "downloads": downloads}
