"""Indexes for the customers list filtered by status or by owner (hand-written, as the
search-and-counts migration: the initial one is rebuilt from the models).

The desktop table jumps to any page of a filtered list. Without them a deep page walks the
sort index and reads every row to test its status or owner: page 5,000 of the 500,000
active customers took 4.2 s (past the client's 10 s timeout under load), the owner "nobody"
list 3.5 s at page 2,000. With (business, status|owner, created_at, id) the default sort's
pages are an index-only walk: 75 ms and 19 ms, and the count of "nobody" 15 ms.

ANALYZE customer: without statistics for the new indexes SQLite's planner also takes them for
a filtered list sorted by another column and sorts every match (the first page of the
active customers by name went from 4 ms to 3 s); with them it keeps the sort's own index.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
CREATE INDEX IF NOT EXISTS customer_status_created ON customer (business_id, status, created_at, id);
CREATE INDEX IF NOT EXISTS customer_owner_created ON customer (business_id, owner_id, created_at, id);
ANALYZE customer;
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP INDEX IF EXISTS customer_owner_created;
DROP INDEX IF EXISTS customer_status_created;
"""
