"""task.alert_dismissed_at, and contract/invoice.happened_at with its timeline index
(hand-written, as call_outcome: the initial migration is rebuilt from the models, so an older
database lacks the columns while a new one may already have them; SQLite has no ADD COLUMN IF
NOT EXISTS, so each table is asked first).

happened_at is the latest thing that happened to the row, backfilled from its stamps: the
timeline dates a signed contract by its signature, not by its draft, and pages on
(customer_id, happened_at) as it does on the other sources' (customer_id, time) indexes. The
index names are the ones tortoise gives them, so a rebuilt initial migration makes the same ones.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

ADDED = (("task", "alert_dismissed_at"), ("contract", "happened_at"), ("invoice", "happened_at"))


async def _has(db: BaseDBAsyncClient, table: str, column: str) -> bool:
    _count, columns = await db.execute_query(f'PRAGMA table_info("{table}")')
    return any(row["name"] == column for row in columns)


async def upgrade(db: BaseDBAsyncClient) -> str:
    statements = [f'ALTER TABLE "{table}" ADD COLUMN "{column}" TIMESTAMP;'
                  for table, column in ADDED if not await _has(db, table, column)]
    return "\n".join(statements) + """
UPDATE "contract" SET "happened_at" = COALESCE("signed_at", "declined_at", "sent_at", "created_at")
    WHERE "happened_at" IS NULL;
UPDATE "invoice" SET "happened_at" = COALESCE("cancelled_at", "paid_at", "issued_at", "created_at")
    WHERE "happened_at" IS NULL;
CREATE INDEX IF NOT EXISTS "idx_contract_custome_004be7" ON "contract" ("customer_id", "happened_at");
CREATE INDEX IF NOT EXISTS "idx_invoice_custome_e3917a" ON "invoice" ("customer_id", "happened_at");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The initial migration may own the columns (once rebuilt); undoing keeps them, as call_outcome.
    return """
DROP INDEX IF EXISTS "idx_invoice_custome_e3917a";
DROP INDEX IF EXISTS "idx_contract_custome_004be7";
"""
