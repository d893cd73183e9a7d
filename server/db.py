"""Database: tortoise configuration, migrations and the connection's lifetime.

aerich writes migrations as SQL for one dialect, so SQLite and PostgreSQL each keep their own
migration folder (`server/migrations/<dialect>/models/`), generated from the same models.
"""

from __future__ import annotations

import os
from pathlib import Path

from tortoise import Tortoise, connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.backends.base.executor import EXECUTOR_CACHE

from server import db_extras
from server.config import DEFAULT_DATABASE_URL

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
    "server.push.models",
    "server.jobs.models",
    "aerich.models",
]
MIGRATIONS_ROOT = Path(__file__).parent / "migrations"


def dialect(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite://") else "postgres"


async def keep_session(connection) -> None:
    """asyncpg's pool `reset`: nothing. tortoise takes a pooled connection for every query,
    and the default reset (`RESET ALL; UNLISTEN *; ...`) is one more round trip each time:
    a third of a webhook's database time. Nothing here sets session state (no SET, LISTEN,
    advisory locks or open cursors), and asyncpg still rolls back an unfinished transaction."""


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


# For the aerich command line (pyproject's [tool.aerich]).
TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))


def migrations_location(database_url: str) -> str:
    return str(MIGRATIONS_ROOT / dialect(database_url))


async def migrate(database_url: str) -> list[str]:
    """Apply every migration not yet applied; returns the names applied."""
    from aerich import Command

    forget_prepared_sql()
    config = tortoise_config(database_url)
    command = Command(tortoise_config=config, app="models", location=migrations_location(database_url))
    await command.init()
    try:
        applied = await command.upgrade(run_in_transaction=True)
        await db_extras.ensure(connections.get("default"), dialect(database_url))
        return applied
    finally:
        await Tortoise.close_connections()


def forget_prepared_sql() -> None:
    # tortoise caches each model's INSERT by connection name, not by dialect: a process that
    # opens SQLite and then PostgreSQL (the test suite does) would send SQLite's placeholders.
    EXECUTOR_CACHE.clear()


async def open_database(database_url: str, *, run_migrations: bool) -> None:
    if run_migrations:
        await migrate(database_url)
    forget_prepared_sql()
    # Hypercorn runs start-up in its own task; the global fallback lets request tasks see
    # this context (tortoise 1.x keeps its state per task otherwise).
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def close_database() -> None:
    await Tortoise.close_connections()


async def ping() -> bool:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:  # noqa: BLE001 - health reports any failure as "down"
        return False
    return True
