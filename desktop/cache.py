"""The download cache: recordings and invoice/contract PDFs fetched behind the session.

They are kept in the user's own cache folder (desktop/paths.py: 0700, files 0600), not in
a shared temp folder, and outlive the card that fetched them, so a PDF viewer opened on one
can still read it. The cache is bounded: after each download the oldest files go first
until it holds at most MAX_BYTES, sparing the file just fetched and anything written in the
last KEEP_RECENT seconds (a viewer may just have opened it). At start-up `clean()` removes
what is older than MAX_AGE; at logout `purge()` removes everything (customers' recordings and
PDFs are personal data, and the next person at this PC may be someone else). All run on the
task pool, never on the UI thread.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from desktop import paths

log = logging.getLogger("agentlocator.desktop.cache")

MAX_BYTES = 500 * 1024 * 1024
MAX_AGE = 7 * 24 * 3600  # seconds
KEEP_RECENT = 10 * 60  # seconds


def folder() -> Path:
    return paths.private_dir(paths.cache_dir() / "files")


def path_for(name: str) -> Path:
    """Where the download called `name` goes (a bare file name: no folder can be named)."""
    return folder() / Path(name).name


def _entries(where: Path) -> list[tuple[float, int, Path]]:
    """(modified, size, path) of each file, oldest first; files removed meanwhile are skipped."""
    found = []
    for path in where.iterdir():
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        if path.is_file():
            found.append((stat.st_mtime, stat.st_size, path))
    return sorted(found)


def _remove(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False
    except OSError as error:  # Windows: a viewer still has it open; next time
        log.info("cache: %s kept: %s", path.name, error)
        return False


def trim(*, max_bytes: int | None = None, keep: Path | None = None, now: float | None = None) -> list[Path]:
    """Remove the oldest files until the cache holds at most `max_bytes` (MAX_BYTES), sparing
    `keep` and what is younger than KEEP_RECENT; the files removed."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    now = time.time() if now is None else now
    entries = _entries(folder())
    total = sum(size for _modified, size, _path in entries)
    removed = []
    for modified, size, path in entries:
        if total <= max_bytes:
            break
        if path == keep or now - modified < KEEP_RECENT:
            continue
        if _remove(path):
            removed.append(path)
            total -= size
    return removed


def admit(path: Path) -> Path:
    """A file just downloaded into the cache: the cache trimmed to its bound around it; `path`."""
    removed = trim(keep=path)
    if removed:
        log.info("cache: %d old file(s) removed to stay under %d MB", len(removed), MAX_BYTES // 2**20)
    return path


def clean(*, now: float | None = None) -> list[Path]:
    """At start-up: remove what is older than MAX_AGE (a crashed download's partial file too),
    then trim to the bound; the files removed."""
    now = time.time() if now is None else now
    removed = [path for modified, _size, path in _entries(folder()) if now - modified > MAX_AGE and _remove(path)]
    removed += trim(now=now)
    if removed:
        log.info("cache: %d file(s) removed at start-up", len(removed))
    return removed


def purge() -> list[Path]:
    """At logout: remove every file (one a viewer holds open on Windows stays until `clean()`);
    the files removed."""
    removed = [path for _modified, _size, path in _entries(folder()) if _remove(path)]
    if removed:
        log.info("cache: %d file(s) removed at logout", len(removed))
    return removed
