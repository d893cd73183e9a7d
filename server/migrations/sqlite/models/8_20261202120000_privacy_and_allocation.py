"""Privacy and allocation numbers: the customer's tax id and erasure stamp, the invoice's
allocation number and buyer snapshot, the business's retention, recording-notice, permission
and Tax Authority settings, the purge stamps of calls and messages, and the append-only audit
log (hand-written, as live_calls: the initial migration is rebuilt from the models, so an
older database lacks what a new one already has; SQLite has no ADD COLUMN IF NOT EXISTS, so
each table is asked first).

The audit log refuses UPDATE and DELETE with triggers, so not even a bug of ours can rewrite
it. Only a user's deletion may touch a row (user_id ON DELETE SET NULL): the UPDATE trigger
names every other column.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

ADDED = (
    ("customer", "tax_id", "VARCHAR(20) NOT NULL DEFAULT ''"),
    ("customer", "erased_at", "TIMESTAMP"),
    ("invoice", "allocation_status", "VARCHAR(16) NOT NULL DEFAULT 'not_required'"),
    ("invoice", "allocation_number", "VARCHAR(32)"),
    ("invoice", "allocation_error", "JSON"),
    ("invoice", "allocation_attempts", "INT NOT NULL DEFAULT 0"),
    ("invoice", "allocation_requested_at", "TIMESTAMP"),
    ("invoice", "buyer_name", "VARCHAR(200) NOT NULL DEFAULT ''"),
    ("invoice", "buyer_tax_id", "VARCHAR(20) NOT NULL DEFAULT ''"),
    ("business", "retention_months", "INT NOT NULL DEFAULT 24"),
    ("business", "recording_notice", "INT NOT NULL DEFAULT 1"),
    ("business", "recording_notice_text", "TEXT"),
    ("business", "agents_can_listen", "INT NOT NULL DEFAULT 1"),
    ("business", "agents_can_export", "INT NOT NULL DEFAULT 0"),
    ("business", "tax_authority_credentials", "TEXT"),
    ("call", "purged_at", "TIMESTAMP"),
    ("message", "purged_at", "TIMESTAMP"),
)


async def _has(db: BaseDBAsyncClient, table: str, column: str) -> bool:
    _count, columns = await db.execute_query(f'PRAGMA table_info("{table}")')
    return any(row["name"] == column for row in columns)


async def upgrade(db: BaseDBAsyncClient) -> str:
    statements = [f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind};'
                  for table, column, kind in ADDED if not await _has(db, table, column)]
    return "\n".join(statements) + """
CREATE TABLE IF NOT EXISTS "audit_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "user_email" VARCHAR(254) NOT NULL DEFAULT '',
    "action" VARCHAR(40) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL DEFAULT '',
    "target_id" INT,
    "details" JSON NOT NULL,
    "ip" VARCHAR(64) NOT NULL DEFAULT '',
    "at" TIMESTAMP NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE RESTRICT,
    "user_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_event_business_at" ON "audit_event" ("business_id", "at", "id");
CREATE INDEX IF NOT EXISTS "idx_audit_event_action_at" ON "audit_event" ("business_id", "action", "at");
CREATE INDEX IF NOT EXISTS "idx_audit_event_target" ON "audit_event" ("business_id", "target_type", "target_id");
CREATE TRIGGER IF NOT EXISTS "audit_event_no_update"
BEFORE UPDATE OF "id", "business_id", "user_email", "action", "target_type", "target_id", "details", "ip", "at"
ON "audit_event"
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER IF NOT EXISTS "audit_event_no_delete" BEFORE DELETE ON "audit_event"
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The columns stay (the initial migration may own them, once rebuilt), as live_calls; the
    # log itself is never dropped by a downgrade.
    return """
DROP TRIGGER IF EXISTS "audit_event_no_update";
DROP TRIGGER IF EXISTS "audit_event_no_delete";
"""
