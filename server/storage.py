"""Files under MEDIA_ROOT: every path the server writes or serves is built here, and none may
leave it.

The relative parts come from rows and from Twilio's (signed, but not trusted) values: a
RecordingSid of `../../x` must not name a file outside MEDIA_ROOT, so a path is resolved and
refused unless it stays strictly inside the resolved root.
"""

from __future__ import annotations

from pathlib import Path

from server.jobs.errors import PermanentJobError


class MediaPathError(PermanentJobError):
    """A relative media path that would leave MEDIA_ROOT. Permanent: no retry can mend it."""


def media_path(media_root: Path, relative: str | Path) -> Path:
    """`media_root / relative`, resolved; MediaPathError unless it stays inside the root."""
    text = str(relative)
    if not text or "\x00" in text or Path(text).is_absolute():
        raise MediaPathError(f"not a relative media path: {text[:80]!r}")
    root = media_root.resolve()
    path = (root / text).resolve()
    if path == root or not path.is_relative_to(root):
        raise MediaPathError(f"media path leaves MEDIA_ROOT: {text[:80]!r}")
    return path


def stored_file(media_root: Path, relative: str | None) -> Path | None:
    """The stored file a row names, for serving it: None when there is none, or when the name
    would leave MEDIA_ROOT (served as a 404 like any missing file)."""
    if not relative:
        return None
    try:
        path = media_path(media_root, relative)
    except MediaPathError:
        return None
    return path if path.is_file() else None
