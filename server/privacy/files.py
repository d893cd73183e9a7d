"""Deleting the stored files that retention and erasure purge.

A row names its file relative to MEDIA_ROOT (server/storage.py). A file that is already gone
counts as deleted: the sweep that runs again after a crash, or a second erasure, must not
fail on what the first one finished. A file that cannot be deleted (a read-only disk) is
logged and reported as kept, so its row keeps naming it and the next sweep tries again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from server.storage import MediaPathError, media_path

log = logging.getLogger("agentlocator.privacy")


def delete_file(media_root: Path, relative: str | None) -> bool:
    """True when the file is gone now (deleted here, already missing, or never stored); False
    when it is still there."""
    if not relative:
        return True
    try:
        path = media_path(media_root, relative)
    except MediaPathError:
        # A name that would leave MEDIA_ROOT was never written by us: nothing of ours to delete.
        log.warning("not deleting %r: it is not a path inside MEDIA_ROOT", relative[:80])
        return True
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        log.error("could not delete %s (%s); the next retention sweep tries again", path, error.strerror)
        return False
    return True


def purged_media(media: list[dict] | None, *, deleted: set[int] | None = None) -> list[dict]:
    """A message's media entries, purged: `status` "purged", and `path` removed from each
    entry whose file is gone (`deleted`: the 1-based numbers of those; None: all of them)."""
    entries = []
    for number, item in enumerate(media or [], start=1):
        entry = {**item, "status": "purged"}
        if deleted is None or number in deleted:
            entry.pop("path", None)
        entries.append(entry)
    return entries


def delete_media(media_root: Path, media: list[dict] | None) -> tuple[set[int], int]:
    """Delete a message's stored attachments: the numbers of the entries whose file is gone
    now, and how many files this call actually removed (for the counts)."""
    gone, removed = set(), 0
    for number, item in enumerate(media or [], start=1):
        relative = item.get("path")
        existed = bool(relative) and _exists(media_root, relative)
        if delete_file(media_root, relative):
            gone.add(number)
            removed += existed
    return gone, removed


def _exists(media_root: Path, relative: str) -> bool:
    try:
        return media_path(media_root, relative).is_file()
    except MediaPathError:
        return False


def delete_recording(media_root: Path, relative: str | None) -> tuple[bool, int]:
    """(the file is gone now, 1 if this call removed it)."""
    existed = bool(relative) and _exists(media_root, relative)
    gone = delete_file(media_root, relative)
    return gone, int(existed and gone)
