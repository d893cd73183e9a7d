"""call.outcome for a database made before it (hand-written).

The initial migration is rebuilt from the models until the first release
(scripts/makemigrations.py), so a database it made earlier never gets a column added to it
later: filing what came of a call there would answer 500 ("no such column: outcome"), and so
would every new call, whose INSERT names every column of the model. Adding the column only
where it is missing leaves a new database, whose initial migration already made it, as it is
(SQLite has no ADD COLUMN IF NOT EXISTS: the table is asked first).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    _count, columns = await db.execute_query('PRAGMA table_info("call")')
    if any(column["name"] == "outcome" for column in columns):
        return "SELECT 1;"
    return 'ALTER TABLE "call" ADD COLUMN "outcome" VARCHAR(32);'


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "SELECT 1;"  # the initial migration owns the column; undoing the repair keeps it
