"""Customer search and counts (hand-written: aerich cannot express them).

Search: an FTS5 table with the trigram tokenizer over the customer's name, email and phone,
kept in step by triggers (`customer_search`, external content: it stores only the index);
`server.customers.service.search` uses it for fragments of 3 characters or more. Customers
that existed before it are indexed once (`rebuild`).

Counts: `customer_tally(business_id, status, slot, n)`, kept exact by triggers in the same
transaction as the change, so the customers list's total without a filter (or with only
`status=`) is a sum of a few rows instead of a count over a million. SQLite has one writer at
a time and uses slot 0. Filled from the table once, for a database that already has customers.

One transaction of its own (BEGIN IMMEDIATE): sqlite3's executescript commits whatever is
open before it runs, so aerich's transaction could not hold the triggers and the first count
together. Every statement is idempotent, so a crash before aerich records it is harmless.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = False


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
BEGIN IMMEDIATE;
CREATE VIRTUAL TABLE IF NOT EXISTS customer_search USING fts5(name, email, phone, content='customer', content_rowid='id', tokenize='trigram');
INSERT INTO customer_search(customer_search) VALUES ('rebuild');
CREATE TRIGGER IF NOT EXISTS customer_search_ai AFTER INSERT ON customer BEGIN
      INSERT INTO customer_search(rowid, name, email, phone) VALUES (new.id, new.name, new.email, new.phone);
    END;
CREATE TRIGGER IF NOT EXISTS customer_search_ad AFTER DELETE ON customer BEGIN
      INSERT INTO customer_search(customer_search, rowid, name, email, phone)
        VALUES ('delete', old.id, old.name, old.email, old.phone);
    END;
CREATE TRIGGER IF NOT EXISTS customer_search_au AFTER UPDATE OF name, email, phone ON customer BEGIN
      INSERT INTO customer_search(customer_search, rowid, name, email, phone)
        VALUES ('delete', old.id, old.name, old.email, old.phone);
      INSERT INTO customer_search(rowid, name, email, phone) VALUES (new.id, new.name, new.email, new.phone);
    END;
CREATE TABLE IF NOT EXISTS customer_tally (
      business_id INTEGER NOT NULL, status VARCHAR(32) NOT NULL, slot INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (business_id, status, slot));
CREATE TRIGGER IF NOT EXISTS customer_tally_ai AFTER INSERT ON customer BEGIN
      INSERT INTO customer_tally (business_id, status, slot, n) VALUES (new.business_id, new.status, 0, 1) ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
    END;
CREATE TRIGGER IF NOT EXISTS customer_tally_ad AFTER DELETE ON customer BEGIN
      INSERT INTO customer_tally (business_id, status, slot, n) VALUES (old.business_id, old.status, 0, -1) ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
    END;
CREATE TRIGGER IF NOT EXISTS customer_tally_au AFTER UPDATE OF status, business_id ON customer
      WHEN old.status IS NOT new.status OR old.business_id IS NOT new.business_id BEGIN
      INSERT INTO customer_tally (business_id, status, slot, n) VALUES (old.business_id, old.status, 0, -1) ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
      INSERT INTO customer_tally (business_id, status, slot, n) VALUES (new.business_id, new.status, 0, 1) ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
    END;
INSERT INTO customer_tally (business_id, status, slot, n) SELECT business_id, status, 0, count(*) FROM customer WHERE NOT EXISTS (SELECT 1 FROM customer_tally) GROUP BY business_id, status;
COMMIT;
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP TRIGGER IF EXISTS customer_tally_au;
DROP TRIGGER IF EXISTS customer_tally_ad;
DROP TRIGGER IF EXISTS customer_tally_ai;
DROP TABLE IF EXISTS customer_tally;
DROP TRIGGER IF EXISTS customer_search_au;
DROP TRIGGER IF EXISTS customer_search_ad;
DROP TRIGGER IF EXISTS customer_search_ai;
DROP TABLE IF EXISTS customer_search;
"""
