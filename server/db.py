"""Database: tortoise configuration, migrations, and one runtime's connections.

aerich writes migrations as SQL for one dialect, so SQLite and PostgreSQL each keep their own
migration folder (`server/migrations/<dialect>/models/`), generated from the same models.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aerich import Command
from tortoise import connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.context import TortoiseContext, _current_context  # the context variable queries read

MODEL_MODULES = [
    "server.businesses.models",
    "server.auth.models",
    "server.customers.models",
    "server.calls.models",
    "server.messages.models",
    "server.tasks.models",
    "server.invoices.models",
    "server.contracts.models",
    "server.views.models",
    "server.presence.models",
    "server.push.models",
    "server.jobs.models",
    "server.audit.models",
    "aerich.models",
]
MIGRATIONS_ROOT = Path(__file__).parent / "migrations"


def dialect(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite://") else "postgres"


async def keep_session(connection) -> None:
    """asyncpg's pool `reset`: nothing. tortoise takes a pooled connection for every query,
    and the default reset (`RESET ALL; UNLISTEN *; ...`) is one more round trip each time:
    a third of a webhook's database time. Nothing here sets session state (no SET, LISTEN,
    session advisory locks or open cursors: the login brake's advisory locks are
    transaction-scoped, gone at commit), and asyncpg still rolls back an unfinished transaction."""


def tortoise_config(database_url: str) -> dict:
    connection = expand_db_url(database_url)
    if dialect(database_url) == "sqlite":
        # Several processes (server, worker) share one file: wait for a lock instead of failing.
        connection["credentials"].setdefault("busy_timeout", 5000)
        connection["credentials"].setdefault("synchronous", "NORMAL")
        path = Path(connection["credentials"]["file_path"])
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
    else:
        connection["credentials"].setdefault("minsize", 1)
        connection["credentials"].setdefault("maxsize", 10)
        connection["credentials"].setdefault("reset", keep_session)
    return {
        "connections": {"default": connection},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def migrations_location(database_url: str) -> str:
    return str(MIGRATIONS_ROOT / dialect(database_url))


@contextmanager
def _scratch_context() -> Iterator[TortoiseContext]:
    """A tortoise context of its own for the code run inside (aerich initialises tortoise
    itself), so that nothing it opens is left where another runtime could reach it."""
    context = TortoiseContext()
    token = _current_context.set(context)
    try:
        yield context
    finally:
        _current_context.reset(token)


async def migrate(database_url: str) -> list[str]:
    """Apply every migration not yet applied; returns the names applied. aerich owns the whole
    schema: tables, and the search indexes, triggers and counts in the hand-written migrations."""
    forget_prepared_sql()
    with _scratch_context() as context:
        command = Command(tortoise_config=tortoise_config(database_url), app="models",
                          location=migrations_location(database_url))
        try:
            await command.init()
            return await command.upgrade(run_in_transaction=True)
        finally:
            await context.close_connections()


def forget_prepared_sql() -> None:
    # tortoise caches each model's INSERT by connection name, not by dialect: a process that
    # opens SQLite and then PostgreSQL (the test suite does) would send SQLite's placeholders.
    EXECUTOR_CACHE.clear()


class Database:
    """One runtime's database: a tortoise context of its own, opened at start-up, closed at
    shutdown. Queries find it through tortoise's current context, which `activated()` sets."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.context = TortoiseContext()

    async def open(self, *, run_migrations: bool) -> None:
        if run_migrations:
            await migrate(self.url)
        forget_prepared_sql()
        with self.activated():
            await self.context.init(config=tortoise_config(self.url))

    async def close(self) -> None:
        await self.context.close_connections()

    @contextmanager
    def activated(self) -> Iterator[None]:
        # Not `with self.context:` — TortoiseContext keeps one token on itself, and concurrent
        # requests each enter and leave it.
        token = _current_context.set(self.context)
        try:
            yield
        finally:
            _current_context.reset(token)


async def ping() -> bool:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:  # noqa: BLE001 - health reports any failure as "down"
        return False
    return True
