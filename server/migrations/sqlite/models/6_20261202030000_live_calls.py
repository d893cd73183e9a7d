"""Live calls: the business's call mode, hours and call-back settings, the agent's presence,
how each call was handled (answered by whom, called back when), call-back tasks tied to their
call, and the table of live sockets (hand-written, as alerts_and_happened_at: the initial
migration is rebuilt from the models, so an older database lacks what a new one already has;
SQLite has no ADD COLUMN IF NOT EXISTS, so each table is asked first)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

DEFAULT_HOURS = ('{"sun": [["08:00", "17:00"]], "mon": [["08:00", "17:00"]], "tue": [["08:00", "17:00"]], '
                 '"wed": [["08:00", "17:00"]], "thu": [["08:00", "17:00"]], "fri": [["08:00", "13:00"]], '
                 '"sat": []}')
ADDED = (
    ("business", "call_mode", "VARCHAR(16) NOT NULL DEFAULT 'voicemail'"),
    ("business", "ring_seconds", "INT NOT NULL DEFAULT 20"),
    ("business", "hours", f"JSON NOT NULL DEFAULT '{DEFAULT_HOURS}'"),
    ("business", "closed_on_holidays", "INT NOT NULL DEFAULT 1"),
    ("business", "callback_minutes", "INT NOT NULL DEFAULT 30"),
    ("business", "closed_greeting_text", "TEXT"),
    ("user", "presence", "VARCHAR(16) NOT NULL DEFAULT 'available'"),
    ("call", "handling", "VARCHAR(16) NOT NULL DEFAULT 'voicemail'"),
    ("call", "answered_by_id", 'INT REFERENCES "user" ("id") ON DELETE SET NULL'),
    ("call", "answered_at", "TIMESTAMP"),
    ("call", "called_back_at", "TIMESTAMP"),
    ("call", "called_back_by_id", 'INT REFERENCES "user" ("id") ON DELETE SET NULL'),
    ("call", "placed_by_id", 'INT REFERENCES "user" ("id") ON DELETE SET NULL'),
    ("task", "kind", "VARCHAR(16) NOT NULL DEFAULT 'task'"),
    ("task", "call_id", 'INT REFERENCES "call" ("id") ON DELETE SET NULL'),
    ("task", "escalated_at", "TIMESTAMP"),
)


async def _has(db: BaseDBAsyncClient, table: str, column: str) -> bool:
    _count, columns = await db.execute_query(f'PRAGMA table_info("{table}")')
    return any(row["name"] == column for row in columns)


async def upgrade(db: BaseDBAsyncClient) -> str:
    statements = [f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind};'
                  for table, column, kind in ADDED if not await _has(db, table, column)]
    return "\n".join(statements) + """
CREATE UNIQUE INDEX IF NOT EXISTS "uid_task_call_id_live" ON "task" ("call_id");
CREATE TABLE IF NOT EXISTS "socket_presence" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "sid" VARCHAR(64) NOT NULL UNIQUE,
    "business_id" INT NOT NULL,
    "client" VARCHAR(16) NOT NULL,
    "connected_at" TIMESTAMP NOT NULL,
    "seen_at" TIMESTAMP NOT NULL,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_socket_pres_user_id_live" ON "socket_presence" ("user_id", "seen_at");
CREATE INDEX IF NOT EXISTS "idx_socket_pres_busines_live" ON "socket_presence" ("business_id", "seen_at");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The initial migration may own the columns (once rebuilt); undoing keeps them, as call_outcome.
    return """
DROP INDEX IF EXISTS "uid_task_call_id_live";
"""
