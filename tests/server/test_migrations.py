"""aerich owns the whole schema: on an empty database the migrations make the tables and what
aerich cannot express (search indexes, the count triggers), and a second run does nothing."""

from __future__ import annotations

import sqlite3

import asyncpg
import pytest

from server import db

pytestmark = pytest.mark.both_databases


@pytest.fixture
async def empty_database(database_url, tmp_path):
    """The test's database, emptied of the template's schema."""
    if database_url.startswith("sqlite://"):
        path = tmp_path / "empty.sqlite3"
        yield f"sqlite://{path}"
        return
    connection = await asyncpg.connect(database_url)
    try:
        await connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    finally:
        await connection.close()
    yield database_url


async def objects(url: str) -> set[str]:
    if url.startswith("sqlite://"):
        with sqlite3.connect(url.removeprefix("sqlite://")) as connection:
            return {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' "
            "UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public' "
            "UNION SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row["name"] for row in rows}
    finally:
        await connection.close()


async def test_migrations_build_the_whole_schema_once(empty_database):
    applied = await db.migrate(empty_database)
    assert [name.split("_", 2)[2] for name in applied] == [
        "init.py", "search_and_counts.py", "greeting_text.py", "customer_filter_indexes.py", "call_outcome.py",
        "alerts_and_happened_at.py", "live_calls.py", "call_stats_indexes.py", "privacy_and_allocation.py"]
    made = await objects(empty_database)
    expected = {"customer", "call", "job", "task", "customer_tally", "customer_status_created",
                "customer_owner_created", "call_stats_board", "call_stats_callbacks", "audit_event",
                "audit_event_no_update", "audit_event_no_delete"}
    if empty_database.startswith("sqlite://"):
        expected |= {"customer_search", "customer_search_ai", "customer_search_au", "customer_search_ad",
                     "customer_tally_ai", "customer_tally_ad", "customer_tally_au"}
    else:
        expected |= {"customer_name_trgm", "customer_email_trgm", "customer_phone_trgm",
                     "customer_tally_ins", "customer_tally_del", "customer_tally_upd"}
    assert expected <= made
    assert await db.migrate(empty_database) == []
    assert await objects(empty_database) == made


async def _execute(url: str, *statements: str) -> list:
    if url.startswith("sqlite://"):
        with sqlite3.connect(url.removeprefix("sqlite://")) as connection:
            return [connection.execute(statement).fetchall() for statement in statements]
    connection = await asyncpg.connect(url)
    try:
        return [await connection.fetch(statement) for statement in statements]
    finally:
        await connection.close()


async def test_a_database_made_before_greeting_text_gets_the_column(empty_database):
    """A database whose initial migration predates the column (rebuilt since, see
    scripts/makemigrations.py) is repaired by the next migrate; a new one is left as it is."""
    await db.migrate(empty_database)
    has_column = ("SELECT count(*) FROM information_schema.columns WHERE table_name = 'business' "
                  "AND column_name = 'greeting_text'" if not empty_database.startswith("sqlite://")
                  else "SELECT count(*) FROM pragma_table_info('business') WHERE name = 'greeting_text'")
    assert [tuple(row) for row in (await _execute(empty_database, has_column))[0]] == [(1,)]
    await _execute(empty_database, 'ALTER TABLE "business" DROP COLUMN "greeting_text"',
                   "DELETE FROM aerich WHERE version LIKE '2_%'")  # as an older database stands
    assert [name.split("_", 2)[2] for name in await db.migrate(empty_database)] == ["greeting_text.py"]
    assert [tuple(row) for row in (await _execute(empty_database, has_column))[0]] == [(1,)]


def _has_outcome(url: str) -> str:
    if url.startswith("sqlite://"):
        return "SELECT count(*) FROM pragma_table_info('call') WHERE name = 'outcome'"
    return ("SELECT count(*) FROM information_schema.columns WHERE table_name = 'call' "
            "AND column_name = 'outcome'")


async def test_a_database_made_before_call_outcomes_gets_the_column(empty_database):
    """As for greeting_text: an older database gains call.outcome (without it every new call's
    INSERT would fail, as it names every column of the model); a new one is left as it is."""
    await db.migrate(empty_database)
    has_column = _has_outcome(empty_database)
    assert [tuple(row) for row in (await _execute(empty_database, has_column))[0]] == [(1,)]
    await _execute(empty_database, 'ALTER TABLE "call" DROP COLUMN "outcome"',
                   "DELETE FROM aerich WHERE version LIKE '4_%'")  # as a database from before it stands
    assert [tuple(row) for row in (await _execute(empty_database, has_column))[0]] == [(0,)]
    assert [name.split("_", 2)[2] for name in await db.migrate(empty_database)] == ["call_outcome.py"]
    assert [tuple(row) for row in (await _execute(empty_database, has_column))[0]] == [(1,)]
    assert await db.migrate(empty_database) == []
