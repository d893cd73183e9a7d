"""Backup retention (server/backup_retention.py): which nightly backups are kept, 7 daily, 4
weekly and 12 monthly by default, and `server.cli backup --dated` + `prune-backups` on real
backup folders."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta

from server.backup_retention import dated_name, kept
from tests.server import test_cli

cli = test_cli.cli  # the command line as a user runs it

LAST = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)  # a Tuesday


def nightly(days: int, every: int = 1) -> dict[str, datetime]:
    return {dated_name(LAST - timedelta(days=n)): LAST - timedelta(days=n) for n in range(0, days, every)}


def days_of(names: set[str]) -> set[date]:
    return {datetime.strptime(name, "%Y-%m-%dT%H%M%SZ").date() for name in names}


def test_a_year_and_a_half_of_nightly_backups_keeps_7_daily_4_weekly_12_monthly():
    dates = nightly(550)
    days = days_of(kept(dates, daily=7, weekly=4, monthly=12))
    daily = {date(2026, 11, d) for d in range(25, 31)} | {date(2026, 12, 1)}
    weekly = {date(2026, 11, 29), date(2026, 11, 22), date(2026, 11, 15)}  # the Sundays ending ISO weeks
    month_ends = {date(2026, m, 1) - timedelta(days=1) for m in range(2, 12)}  # 31 Jan .. 31 Oct
    assert days == daily | weekly | month_ends
    assert len(days) == 7 + 2 + 10  # Dec 1 counts for all three, Nov 29 and 30 for two


def test_periods_count_only_days_that_have_a_backup_and_the_newest_is_always_kept():
    every_third = nightly(60, every=3)
    assert len(kept(every_third, daily=7, weekly=0, monthly=0)) == 7  # 21 days back, not 7
    assert kept(every_third, daily=0, weekly=0, monthly=0) == {dated_name(LAST)}
    twice_a_day = {**nightly(3), **{dated_name(at - timedelta(hours=2)): at - timedelta(hours=2)
                                    for at in nightly(3).values()}}
    assert days_of(kept(twice_a_day, daily=7, weekly=0, monthly=0)) == {date(2026, 11, 29), date(2026, 11, 30),
                                                                        date(2026, 12, 1)}
    assert set(kept(twice_a_day, daily=7, weekly=0, monthly=0)) == set(nightly(3))  # each day's newest


def test_prune_backups_deletes_only_backup_folders_that_are_not_kept(cli, tmp_path):
    root = tmp_path / "backups"
    made = cli("backup", "--dated", str(root))
    assert made.returncode == 0, made.stderr
    [newest] = list(root.iterdir())
    assert made.stdout.startswith(f"{newest}: sqlite")
    # Forty older nights: copies of the real backup, dated by their manifests.
    for n in range(1, 41):
        at = datetime.now(UTC) - timedelta(days=n)
        copy = root / f"copy-{n:02d}"
        shutil.copytree(newest, copy)
        manifest = json.loads((copy / "manifest.json").read_text())
        (copy / "manifest.json").write_text(json.dumps({**manifest, "created_at": at.isoformat()}))
    strangers = [root / ".2026-12-02T030000Z.partial", root / "notes", root / "broken"]
    for folder in strangers:
        folder.mkdir()
    (root / "broken" / "manifest.json").write_text("{not json")

    pruned = cli("prune-backups", str(root), "--daily", "3", "--weekly", "0", "--monthly", "0")
    assert pruned.returncode == 0, pruned.stderr
    assert pruned.stdout.splitlines() == [f"kept 3: copy-02 copy-01 {newest.name}",
                                          "deleted 38: " + " ".join(f"copy-{n:02d}" for n in range(40, 2, -1))]
    assert {p.name for p in root.iterdir()} == {newest.name, "copy-01", "copy-02", *(p.name for p in strangers)}
    again = cli("prune-backups", str(root), "--daily", "3", "--weekly", "0", "--monthly", "0")
    assert again.stdout.splitlines()[1] == "deleted 0: -"


def test_prune_backups_refuses_what_it_cannot_do(cli, tmp_path):
    missing = cli("prune-backups", str(tmp_path / "nowhere"))
    assert (missing.returncode, missing.stderr.strip()) == (2, f"error: no such folder: {tmp_path / 'nowhere'}")
    negative = cli("prune-backups", str(tmp_path), "--daily", "-1")
    assert negative.returncode == 2 and "negative" in negative.stderr
