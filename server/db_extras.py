"""What aerich cannot express, created idempotently after the migrations (`db.migrate`, so
both `python -m server.cli migrate` and start-up): customer search indexes and counts.

Counts: `customer_tally(business_id, status, slot, n)`, kept exact by triggers in the same
transaction as the change, so the customers list's total without a filter (or with only
`status=`) is a sum of a few rows instead of a count over a million (about 100-250 ms).
PostgreSQL counts inserts and deletes per statement (transition tables: a COPY of a million
rows updates each counter once); only a change of status or business touches it on update,
so the webhooks' `last_contact_at` updates never do. Each PostgreSQL connection adds to its
own slot (its backend pid modulo SLOTS): with one counter row per business, every new caller
waited for the previous one's commit (WAL flush) on that row's lock, and the voice webhook's
p99 grew to seconds under load. SQLite has one writer at a time and uses slot 0. Empty while
customers exist means just created: it is filled from the table in the same transaction that
adds the triggers. (`customer_count`, the unsharded table before it, is dropped.)

PostgreSQL: pg_trgm GIN indexes over exactly the expressions tortoise writes for
`icontains`/`contains` (`UPPER(CAST(name AS VARCHAR)) LIKE UPPER($1)`), so a fragment
anywhere in a name, an email or a phone is an index lookup, in Hebrew too (C.UTF-8 and
other UTF-8 locales class Hebrew letters as alphanumeric). pg_trgm is a trusted extension
(PostgreSQL 13+): the database owner may create it; if it cannot, search still works, by a
scan, and a warning says why.

SQLite: an FTS5 table with the trigram tokenizer over the customer's name, email and phone,
kept in step by triggers (`customer_search`, external content: it stores only the index).
`server.customers.service.search` uses it for fragments of 3 characters or more.
"""

from __future__ import annotations

import logging

log = logging.getLogger("agentlocator.search")

POSTGRES = [
    'CREATE INDEX IF NOT EXISTS "customer_name_trgm" ON "customer" '
    'USING gin ((UPPER(CAST("name" AS VARCHAR))) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "customer_email_trgm" ON "customer" '
    'USING gin ((UPPER(CAST("email" AS VARCHAR))) gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "customer_phone_trgm" ON "customer" '
    'USING gin ((CAST("phone" AS VARCHAR)) gin_trgm_ops)',
]

SQLITE_TABLE = "customer_search"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS customer_search_ai AFTER INSERT ON customer BEGIN
      INSERT INTO {SQLITE_TABLE}(rowid, name, email, phone) VALUES (new.id, new.name, new.email, new.phone);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS customer_search_ad AFTER DELETE ON customer BEGIN
      INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}, rowid, name, email, phone)
        VALUES ('delete', old.id, old.name, old.email, old.phone);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS customer_search_au AFTER UPDATE OF name, email, phone ON customer BEGIN
      INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}, rowid, name, email, phone)
        VALUES ('delete', old.id, old.name, old.email, old.phone);
      INSERT INTO {SQLITE_TABLE}(rowid, name, email, phone) VALUES (new.id, new.name, new.email, new.phone);
    END""",
]


COUNT_TABLE = "customer_tally"
SLOTS = 64
RECOUNT = (f"INSERT INTO {COUNT_TABLE} (business_id, status, slot, n) SELECT business_id, status, 0, count(*) "
           f"FROM customer WHERE NOT EXISTS (SELECT 1 FROM {COUNT_TABLE}) GROUP BY business_id, status")
_UPSERT = (f"INSERT INTO {COUNT_TABLE} (business_id, status, slot, n) {{rows}} "
           f"ON CONFLICT (business_id, status, slot) DO UPDATE SET n = {COUNT_TABLE}.n + excluded.n")
_SLOT = f"pg_backend_pid() % {SLOTS}"
POSTGRES_COUNTS = f"""
DROP TRIGGER IF EXISTS customer_count_ins ON customer;
DROP TRIGGER IF EXISTS customer_count_del ON customer;
DROP TRIGGER IF EXISTS customer_count_upd ON customer;
DROP TABLE IF EXISTS customer_count;
CREATE TABLE IF NOT EXISTS {COUNT_TABLE} (
    business_id INT NOT NULL, status VARCHAR(32) NOT NULL, slot SMALLINT NOT NULL, n BIGINT NOT NULL,
    PRIMARY KEY (business_id, status, slot));
CREATE OR REPLACE FUNCTION customer_tally_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {_UPSERT.format(rows=f"SELECT business_id, status, {_SLOT}, count(*) FROM new_rows GROUP BY 1, 2")};
  ELSE
    {_UPSERT.format(rows=f"SELECT business_id, status, {_SLOT}, -count(*) FROM old_rows GROUP BY 1, 2")};
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION customer_tally_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {_UPSERT.format(rows=f"VALUES (OLD.business_id, OLD.status, {_SLOT}, -1)")};
  {_UPSERT.format(rows=f"VALUES (NEW.business_id, NEW.status, {_SLOT}, 1)")};
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER customer_tally_ins AFTER INSERT ON customer REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_rows();
CREATE OR REPLACE TRIGGER customer_tally_del AFTER DELETE ON customer REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_tally_rows();
CREATE OR REPLACE TRIGGER customer_tally_upd AFTER UPDATE OF status, business_id ON customer FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.business_id IS DISTINCT FROM NEW.business_id)
  EXECUTE FUNCTION customer_tally_moved();
DROP FUNCTION IF EXISTS customer_count_rows();
DROP FUNCTION IF EXISTS customer_count_moved();
{RECOUNT};
"""
SQLITE_COUNTS = [
    "DROP TRIGGER IF EXISTS customer_count_ai",
    "DROP TRIGGER IF EXISTS customer_count_ad",
    "DROP TRIGGER IF EXISTS customer_count_au",
    "DROP TABLE IF EXISTS customer_count",
    f"""CREATE TABLE IF NOT EXISTS {COUNT_TABLE} (
      business_id INTEGER NOT NULL, status VARCHAR(32) NOT NULL, slot INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (business_id, status, slot))""",
    f"""CREATE TRIGGER IF NOT EXISTS customer_tally_ai AFTER INSERT ON customer BEGIN
      {_UPSERT.format(rows="VALUES (new.business_id, new.status, 0, 1)")};
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS customer_tally_ad AFTER DELETE ON customer BEGIN
      {_UPSERT.format(rows="VALUES (old.business_id, old.status, 0, -1)")};
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS customer_tally_au AFTER UPDATE OF status, business_id ON customer
      WHEN old.status IS NOT new.status OR old.business_id IS NOT new.business_id BEGIN
      {_UPSERT.format(rows="VALUES (old.business_id, old.status, 0, -1)")};
      {_UPSERT.format(rows="VALUES (new.business_id, new.status, 0, 1)")};
    END""",
]


async def ensure(connection, dialect: str) -> None:
    """Create what is missing; cheap when everything exists."""
    if dialect == "sqlite":
        await _ensure_sqlite(connection)
    else:
        await _ensure_postgres(connection)


async def customer_count(*, business_id: int, status: str | None = None) -> int:
    """The business's customers (with this status), exact, from the counts."""
    from tortoise import connections

    connection = connections.get("default")
    sql = f"SELECT COALESCE(SUM(n), 0) FROM {COUNT_TABLE} WHERE business_id = {int(business_id)}"
    values = []
    if status is not None:
        sql += " AND status = " + ("?" if connection.capabilities.dialect == "sqlite" else "$1")
        values.append(status)
    _, rows = await connection.execute_query(sql, values)
    return int(rows[0][0])


async def _ensure_postgres(connection) -> None:
    await connection.execute_script(POSTGRES_COUNTS)  # one script: one transaction
    try:
        await connection.execute_script("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # noqa: BLE001 - search works without it, only slower
        log.warning("pg_trgm unavailable (%s): customer search will scan the table", error)
        return
    for sql in POSTGRES:
        await connection.execute_script(sql)


async def _ensure_sqlite(connection) -> None:
    _, rows = await connection.execute_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [SQLITE_TABLE])
    if not rows:
        await connection.execute_script(
            f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5(name, email, phone, content='customer', "
            "content_rowid='id', tokenize='trigram')")
        # Customers that existed before the index (an upgrade) are indexed once.
        await connection.execute_script(f"INSERT INTO {SQLITE_TABLE}({SQLITE_TABLE}) VALUES ('rebuild')")
    for sql in SQLITE_TRIGGERS:
        await connection.execute_script(sql)
    await connection.execute_script("BEGIN IMMEDIATE;\n" + ";\n".join([*SQLITE_COUNTS, RECOUNT]) + ";\nCOMMIT;")
