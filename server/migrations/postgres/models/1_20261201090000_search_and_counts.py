"""Customer search and counts (hand-written: aerich cannot express them).

Counts: `customer_tally(business_id, status, slot, n)`, kept exact by triggers in the same
transaction as the change, so the customers list's total without a filter (or with only
`status=`) is a sum of a few rows instead of a count over a million. Inserts and deletes are
counted per statement (transition tables: a COPY of a million rows updates each counter
once); an update touches the counts only when it changes a status or business, so the
webhooks' `last_contact_at` updates never do. Each connection adds to its own slot (its
backend pid modulo 64): with one counter row per business, every new caller waited for the
previous one's commit (WAL flush) on that row's lock. Filled from the table once, for a
database that already has customers.

Search: pg_trgm GIN indexes over exactly the expressions tortoise writes for `icontains` /
`contains` (`UPPER(CAST(name AS VARCHAR)) LIKE UPPER($1)`), so a fragment anywhere in a
name, an email or a phone is an index lookup, in Hebrew too. pg_trgm is a trusted extension
(PostgreSQL 13+) that the database owner may create; where it cannot be, search still
works, by a scan, and the migration says so in a warning.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
CREATE TABLE IF NOT EXISTS customer_tally (
    business_id INT NOT NULL, status VARCHAR(32) NOT NULL, slot SMALLINT NOT NULL, n BIGINT NOT NULL,
    PRIMARY KEY (business_id, status, slot));
CREATE OR REPLACE FUNCTION customer_tally_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_tally (business_id, status, slot, n) SELECT business_id, status, pg_backend_pid() % 64, count(*) FROM new_rows GROUP BY 1, 2 ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
  ELSE
    INSERT INTO customer_tally (business_id, status, slot, n) SELECT business_id, status, pg_backend_pid() % 64, -count(*) FROM old_rows GROUP BY 1, 2 ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION customer_tally_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_tally (business_id, status, slot, n) VALUES (OLD.business_id, OLD.status, pg_backend_pid() % 64, -1) ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
  INSERT INTO customer_tally (business_id, status, slot, n) VALUES (NEW.business_id, NEW.status, pg_backend_pid() % 64, 1) ON CONFLICT (business_id, status, slot) DO UPDATE SET n = customer_tally.n + excluded.n;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER customer_tally_ins AFTER INSERT ON customer REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_rows();
CREATE OR REPLACE TRIGGER customer_tally_del AFTER DELETE ON customer REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_rows();
CREATE OR REPLACE TRIGGER customer_tally_upd AFTER UPDATE OF status, business_id ON customer FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.business_id IS DISTINCT FROM NEW.business_id)
  EXECUTE FUNCTION customer_tally_moved();
INSERT INTO customer_tally (business_id, status, slot, n) SELECT business_id, status, 0, count(*) FROM customer WHERE NOT EXISTS (SELECT 1 FROM customer_tally) GROUP BY business_id, status;
DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pg_trgm unavailable (%): customer search will scan the table', SQLERRM;
END $$;
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "customer_name_trgm" ON "customer" USING gin ((UPPER(CAST("name" AS VARCHAR))) gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "customer_email_trgm" ON "customer" USING gin ((UPPER(CAST("email" AS VARCHAR))) gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "customer_phone_trgm" ON "customer" USING gin ((CAST("phone" AS VARCHAR)) gin_trgm_ops);
  END IF;
END $$;
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
DROP INDEX IF EXISTS "customer_phone_trgm";
DROP INDEX IF EXISTS "customer_email_trgm";
DROP INDEX IF EXISTS "customer_name_trgm";
DROP TRIGGER IF EXISTS customer_tally_upd ON customer;
DROP TRIGGER IF EXISTS customer_tally_del ON customer;
DROP TRIGGER IF EXISTS customer_tally_ins ON customer;
DROP FUNCTION IF EXISTS customer_tally_moved();
DROP FUNCTION IF EXISTS customer_tally_rows();
DROP TABLE IF EXISTS customer_tally;
"""
