"""Which backups to keep: `server.cli backup --dated DIR` makes one folder a night, and
`server.cli prune-backups DIR` deletes those no longer kept (deploy/agentlocator-backup.service
runs both).

Kept: the newest backup of each of the last `daily` days that have one, of the last `weekly`
ISO weeks and of the last `monthly` months (restic's --keep-daily/--keep-weekly/
--keep-monthly: one folder may count for all three), and the newest whatever the numbers say.
Days, weeks and months are UTC's, and a backup's date is its manifest's `created_at`, not its
folder's name, so a renamed or copied folder keeps its place. Only backup folders (those
with a manifest) are ever deleted: anything else in DIR, half-written `.partial` folders
included, is left alone.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Hashable
from datetime import UTC, datetime
from pathlib import Path

from server.backups import MANIFEST
from server.errors import APIError

PERIODS: dict[str, Callable[[datetime], Hashable]] = {
    "daily": lambda at: at.date(),
    "weekly": lambda at: at.isocalendar()[:2],
    "monthly": lambda at: (at.year, at.month),
}


def dated_name(now: datetime | None = None) -> str:
    """A new backup folder's name: its UTC time, sorting as it reads (2026-12-01T030012Z)."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H%M%SZ")


def kept(dates: dict[str, datetime], *, daily: int, weekly: int, monthly: int) -> set[str]:
    """The names in `dates` (name → when it was made) to keep."""
    newest_first = sorted(dates, key=dates.__getitem__, reverse=True)
    keep = set(newest_first[:1])
    for period, count in (("daily", daily), ("weekly", weekly), ("monthly", monthly)):
        seen: set[Hashable] = set()
        for name in newest_first:
            key = PERIODS[period](dates[name].astimezone(UTC))
            if key not in seen:
                if len(seen) == count:
                    break
                seen.add(key)
                keep.add(name)
    return keep


def backups_in(folder: Path) -> dict[str, datetime]:
    """The backup folders directly in `folder` and when each was made."""
    if not folder.is_dir():
        raise APIError(404, "not_found", f"no such folder: {folder}")
    found = {}
    for path in folder.iterdir():
        manifest = path / MANIFEST
        if path.name.startswith(".") or path.is_symlink() or not manifest.is_file():
            continue
        try:
            found[path.name] = datetime.fromisoformat(json.loads(manifest.read_text())["created_at"])
        except (ValueError, KeyError, TypeError):
            continue  # not a manifest of ours: not ours to delete
    return found


def prune(folder: Path, *, daily: int, weekly: int, monthly: int) -> tuple[list[str], list[str]]:
    """Delete the backups in `folder` that are not kept; (kept, deleted) names, oldest first."""
    if min(daily, weekly, monthly) < 0:
        raise APIError(400, "bad_retention", "the numbers of backups to keep cannot be negative")
    dates = backups_in(folder)
    keep = kept(dates, daily=daily, weekly=weekly, monthly=monthly)
    oldest_first = sorted(dates, key=dates.__getitem__)
    deleted = [name for name in oldest_first if name not in keep]
    for name in deleted:
        shutil.rmtree(folder / name)
    return [name for name in oldest_first if name in keep], deleted
