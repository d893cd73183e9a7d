"""Migrated databases for the tests, made once per session per dialect and copied per test.

Migrating takes aerich's start-up plus every statement of the schema; a copy takes a file copy
(SQLite) or `CREATE DATABASE … TEMPLATE` (PostgreSQL, ~15 ms). PostgreSQL's copies are dropped
on the admin connection's own thread while the next tests run (a DROP DATABASE costs ~100 ms),
and whatever is left at the end of the session."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from pathlib import Path

import asyncpg

from server import db


class Loop:
    """An event loop on a thread of its own, for what the tests do outside their own loops."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="test-databases", daemon=True)
        self.thread.start()

    def submit(self, coroutine: Coroutine) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def run(self, coroutine: Coroutine, timeout: float = 120.0):
        return self.submit(coroutine).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def sqlite_template(directory: Path, loop: Loop) -> Path:
    path = directory / "migrated.sqlite3"
    loop.run(db.migrate(f"sqlite://{path}"))
    return path


def sqlite_copy(template: Path, directory: Path) -> str:
    target = directory / "agentlocator.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite://{target}"


class PostgresCopies:
    """Databases of this run (named after its pid, so two runs on one server never touch each
    other's) in TEST_DATABASE_URL's server, each a copy of one migrated template."""

    def __init__(self, base_url: str, loop: Loop) -> None:
        self.base_url = base_url
        self.server = base_url.rsplit("/", 1)[0]
        self.loop = loop
        self.prefix = f"agentlocator_test_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self._numbers = itertools.count(1)
        self._drops: list[Future] = []
        self._admin: asyncpg.Pool | None = None  # a drop may still run when the next copy is made
        self.loop.run(self._start())

    async def _start(self) -> None:
        self._admin = await asyncpg.create_pool(self.base_url, min_size=1, max_size=3)
        stale = await self._admin.fetch("SELECT datname FROM pg_database WHERE datname LIKE $1", self.prefix + "%")
        for row in stale:
            await self._admin.execute(f'DROP DATABASE IF EXISTS "{row["datname"]}" WITH (FORCE)')
        await self._admin.execute(f'CREATE DATABASE "{self.template}"')
        await db.migrate(f"{self.server}/{self.template}")

    def fresh(self) -> str:
        name = f"{self.prefix}_{next(self._numbers)}"
        self.loop.run(self._admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"'))
        return f"{self.server}/{name}"

    def discard(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._drops.append(self.loop.submit(self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')))

    def close(self) -> None:
        for drop in self._drops:
            drop.result(60)

        async def _finish() -> None:
            await self._admin.execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
            await self._admin.close()

        self.loop.run(_finish())


class Databases:
    """The session's migrated templates, made when first asked for; `fresh` gives a copy."""

    def __init__(self, directory: Path, postgres_url: str | None) -> None:
        self.directory = directory
        self.postgres_url = postgres_url
        self.loop = Loop()
        self._sqlite: Path | None = None
        self._postgres: PostgresCopies | None = None

    def fresh(self, dialect: str, directory: Path) -> str:
        """A migrated database of its own: SQLite's a file in `directory`."""
        if dialect == "sqlite":
            if self._sqlite is None:
                self._sqlite = sqlite_template(self.directory, self.loop)
            return sqlite_copy(self._sqlite, directory)
        if self.postgres_url is None:
            raise RuntimeError("PostgreSQL tests need TEST_DATABASE_URL")
        if self._postgres is None:
            self._postgres = PostgresCopies(self.postgres_url, self.loop)
        return self._postgres.fresh()

    def discard(self, url: str) -> None:
        if self._postgres is not None and not url.startswith("sqlite://"):
            self._postgres.discard(url)

    def close(self) -> None:
        if self._postgres is not None:
            self._postgres.close()
        self.loop.close()

    def __enter__(self) -> Databases:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
