"""The user's own files: settings and the download cache under the user's folders, private
(folders 0700, files 0600), bounded and cleaned."""

from __future__ import annotations

import os
import stat
import threading
import time

from desktop import cache, paths
from desktop.__main__ import clean_cache


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_settings_file_is_the_users_own_and_private(home):
    settings = paths.settings()
    settings.setValue("email", "agent@example.com")
    settings.sync()
    path = home / "config" / "AgentLocator" / "AgentLocator" / "settings.ini"
    assert settings.fileName() == str(path) and "agent@example.com" in path.read_text()
    assert mode(path) == 0o600
    assert [mode(folder) for folder in (path.parent, path.parent.parent)] == [0o700, 0o700]
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.ini"]  # no lock or temp file left


def test_an_existing_settings_file_made_readable_to_others_is_tightened(home):
    path = paths.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("[General]\nemail=agent@example.com\n")
    path.chmod(0o644)
    path.parent.chmod(0o755)
    settings = paths.settings()
    assert settings.value("email") == "agent@example.com"
    settings.setValue("email", "other@example.com")
    settings.sync()
    assert (mode(path), mode(path.parent)) == (0o600, 0o700)


def test_write_private_writes_0600_whole_and_leaves_nothing_behind(home):
    target = cache.path_for("invoice-7.pdf")
    assert paths.write_private(target, b"%PDF-1") == target
    assert paths.write_private(target, b"%PDF-2") == target
    assert target.read_bytes() == b"%PDF-2" and mode(target) == 0o600 and mode(target.parent) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["invoice-7.pdf"]
    assert target.parent == home / "cache" / "AgentLocator" / "AgentLocator" / "files"


def test_a_cache_name_cannot_leave_the_cache(home):
    assert cache.path_for("../../settings.ini") == cache.folder() / "settings.ini"


def put(name: str, size: int, age: float, now: float):
    path = cache.path_for(name)
    paths.write_private(path, b"x" * size)
    os.utime(path, (now - age, now - age))
    return path


def test_the_cache_is_bounded_oldest_first_sparing_what_was_just_opened(home):
    now = time.time()
    oldest = put("call-1.mp3", 400, age=5 * 3600, now=now)
    older = put("call-2.mp3", 400, age=4 * 3600, now=now)
    old = put("invoice-3.pdf", 400, age=3 * 3600, now=now)
    viewed = put("contract-4.pdf", 400, age=60, now=now)  # a viewer opened it a minute ago
    fresh = put("invoice-5.pdf", 900, age=0, now=now)
    assert cache.trim(max_bytes=1500, keep=fresh, now=now) == [oldest, older, old]  # 2500 → 1300 bytes
    assert sorted(p.name for p in cache.folder().iterdir()) == ["contract-4.pdf", "invoice-5.pdf"]
    # Over the bound with only what was just fetched or just viewed: both are kept.
    assert cache.trim(max_bytes=100, keep=fresh, now=now) == [] and viewed.exists() and fresh.exists()


def test_admit_keeps_the_cache_under_its_bound(home, monkeypatch):
    monkeypatch.setattr(cache, "MAX_BYTES", 1000)
    now = time.time()
    stale = put("call-1.mp3", 600, age=2 * 3600, now=now)
    fresh = put("call-2.mp3", 600, age=0, now=now)
    assert cache.admit(fresh) == fresh
    assert not stale.exists() and fresh.exists()


def test_clean_removes_what_is_older_than_its_age_and_trims(home):
    now = time.time()
    week_old = put("invoice-1.pdf", 10, age=8 * 24 * 3600, now=now)
    orphan = put(".call-2.mp3.123-456.part", 10, age=9 * 24 * 3600, now=now)  # a crashed download's
    kept = put("invoice-3.pdf", 10, age=2 * 24 * 3600, now=now)
    assert sorted(cache.clean(now=now)) == sorted([week_old, orphan])
    assert list(cache.folder().iterdir()) == [kept]


def test_start_up_cleans_the_cache_on_the_task_pool(home, tasks, qtbot, monkeypatch):
    threads = []
    monkeypatch.setattr(cache, "clean", lambda: threads.append(threading.current_thread()) or [])
    clean_cache(tasks)
    qtbot.waitUntil(lambda: bool(threads) and tasks.pending == 0)
    assert threads[0] is not threading.main_thread()
