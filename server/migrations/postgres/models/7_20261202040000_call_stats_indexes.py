"""Indexes for the calls board (server/calls/stats.py), hand-written as customer_filter_indexes.

The board counts a range of a business's inbound calls by `started_at`. Over (business_id,
started_at) alone every call in the range is a read of its table row; over 1,000,000 calls
(a year) the year's board took 2.7 s on SQLite and 0.9 s on PostgreSQL. The two indexes hold
what the board reads, so it never touches the table:

- call_stats_board: the calls, who answered, whether a message was left (also in the model's
  Meta, so a rebuilt initial migration makes the same index under the same name);
- call_stats_callbacks: partial, only the missed calls that were called back (a fifth of the
  calls), with who called back and when, for their counts and median delay. tortoise cannot
  express a partial index, so it lives here alone.

ANALYZE call: the planner needs their statistics to prefer them (as customer_filter_indexes).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
CREATE INDEX IF NOT EXISTS "call_stats_board" ON "call" ("business_id", "started_at", "direction", "answered_by_id",
    "recording_sid");
CREATE INDEX IF NOT EXISTS "call_stats_callbacks" ON "call" ("business_id", "started_at", "direction",
    "called_back_by_id", "called_back_at") WHERE "answered_by_id" IS NULL AND "called_back_at" IS NOT NULL;
ANALYZE "call";
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP INDEX IF EXISTS "call_stats_callbacks";
DROP INDEX IF EXISTS "call_stats_board";
"""
