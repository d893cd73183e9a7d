"""`server.cli backup DIR` / `restore DIR`: a consistent copy of the database and the media
folder, and bringing it back into an empty deployment.

A backup folder holds:
    database.sqlite3   SQLite's online backup API: a consistent copy while the server writes
    database.dump      or PostgreSQL's `pg_dump --format=custom`, of the snapshot the counts read
    media.tar          MEDIA_ROOT: recordings, greetings, WhatsApp media, signatures
    manifest.json      the product version, when, the dialect, and every table's row count

The database is copied first and the media folder after: every file a copied row refers to
was written before its row, so it is in the copy (files newer than the snapshot are only
extra). The folder is written under a temporary name and renamed when whole, so a backup
that stops half-way leaves nothing that looks like one.

`restore` refuses a deployment that already holds businesses (`--force` replaces them), puts
the database and the media back, and checks every table's count against the manifest.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from tortoise.backends.base.config_generator import expand_db_url

from server.db import dialect
from server.errors import APIError
from server.version import VERSION

MANIFEST = "manifest.json"
SQLITE_FILE, POSTGRES_FILE, MEDIA_FILE = "database.sqlite3", "database.dump", "media.tar"


def sqlite_path(database_url: str) -> Path:
    return Path(expand_db_url(database_url)["credentials"]["file_path"])


def postgres_dsn(database_url: str) -> str:
    """The URL as libpq and asyncpg read it: without the options only tortoise knows."""
    return database_url.split("?", 1)[0]


async def _counts(connection) -> dict[str, int]:
    names = [row["tablename"] for row in await connection.fetch(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
    return {name: await connection.fetchval(f'SELECT count(*) FROM "{name}"') for name in names}


async def _pg_dump(database_url: str, target: Path) -> dict[str, int]:
    """pg_dump into `target`, and the row counts of the very snapshot it dumps: counted in a
    transaction whose snapshot pg_dump is handed, so rows written meanwhile are in neither."""
    connection = await asyncpg.connect(postgres_dsn(database_url))
    try:
        async with connection.transaction(isolation="repeatable_read", readonly=True):
            snapshot = await connection.fetchval("SELECT pg_export_snapshot()")
            counts = await _counts(connection)
            await asyncio.to_thread(_run, ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                                           f"--snapshot={snapshot}", f"--file={target}", postgres_dsn(database_url)])
        return counts
    finally:
        await connection.close()


async def table_counts(database_url: str) -> dict[str, int]:
    """Rows per table (aerich's own bookkeeping included: it says which migrations ran)."""
    if dialect(database_url) == "sqlite":
        path = sqlite_path(database_url)
        if not path.exists():
            return {}
        with sqlite3.connect(path) as connection:
            names = [row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    connection = await asyncpg.connect(postgres_dsn(database_url))
    try:
        return await _counts(connection)
    finally:
        await connection.close()


def _run(argv: list[str]) -> None:
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        # the error names the database, never its password (libpq prints none)
        raise APIError(500, "backup_failed", f"{argv[0]} failed: {result.stderr.strip()[-500:]}")


async def backup(*, database_url: str, media_root: Path, target: Path) -> dict:
    """Write the backup folder `target` (which must not exist yet); its manifest."""
    if target.exists():
        raise APIError(409, "exists", f"{target} exists already: give a new folder for each backup")
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True, mode=0o700)
    try:
        if dialect(database_url) == "sqlite":
            if not sqlite_path(database_url).is_file():
                raise APIError(404, "not_found", f"no database at {sqlite_path(database_url)}")
            source = sqlite3.connect(sqlite_path(database_url))
            copy = sqlite3.connect(partial / SQLITE_FILE)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
            counts = await table_counts(f"sqlite://{partial / SQLITE_FILE}")  # the copy's own rows
        else:
            counts = await _pg_dump(database_url, partial / POSTGRES_FILE)
        files = 0
        with tarfile.open(partial / MEDIA_FILE, "w") as archive:
            if media_root.is_dir():
                for path in sorted(media_root.rglob("*")):
                    if path.is_file() and not path.is_symlink():
                        archive.add(path, arcname=str(path.relative_to(media_root)), recursive=False)
                        files += 1
        manifest = {"version": VERSION, "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "dialect": dialect(database_url), "tables": counts, "media_files": files}
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        for path in partial.iterdir():
            os.chmod(path, 0o600)  # recordings and customers' data: the operator's eyes only
        partial.rename(target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


async def restore(*, database_url: str, media_root: Path, source: Path, force: bool = False) -> dict:
    """Bring the backup folder `source` back into this deployment; the counts found after."""
    manifest_path = source / MANIFEST
    if not manifest_path.is_file():
        raise APIError(404, "not_found", f"{source} is not a backup folder (no {MANIFEST})")
    manifest = json.loads(manifest_path.read_text())
    if manifest["dialect"] != dialect(database_url):
        raise APIError(409, "dialect", f"this backup is of a {manifest['dialect']} database; DATABASE_URL is "
                                       f"{dialect(database_url)}")
    present = await table_counts(database_url)
    if present.get("business") and not force:
        count = present["business"]
        raise APIError(409, "not_empty", f"this deployment already holds data ({count} "
                                         f"{'business' if count == 1 else 'businesses'}): restore into an empty "
                                         "one, or give --force to replace it")
    if media_root.is_dir() and any(media_root.iterdir()) and not force:
        raise APIError(409, "not_empty", f"{media_root} is not empty: restore into an empty one, or give --force")

    if dialect(database_url) == "sqlite":
        target = sqlite_path(database_url)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.restoring")
        shutil.copyfile(source / SQLITE_FILE, partial)
        for stale in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
            stale.unlink(missing_ok=True)
        partial.replace(target)
    else:
        # One transaction: a restore that fails leaves the database as it was.
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
              f"--dbname={postgres_dsn(database_url)}", str(source / POSTGRES_FILE)])

    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA_FILE) as archive:
        archive.extractall(media_root, filter="data")  # "data": no absolute paths, links or devices
    restored = await table_counts(database_url)
    expected = manifest["tables"]
    if {name: restored.get(name) for name in expected} != expected:
        differ = {name: (count, restored.get(name)) for name, count in expected.items() if restored.get(name) != count}
        raise APIError(500, "restore_incomplete", f"rows differ from the backup (expected, found): {differ}")
    return restored
