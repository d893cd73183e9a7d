"""business.greeting_text for a database made before it (hand-written).

The initial migration is rebuilt from the models until the first release
(scripts/makemigrations.py), so a database it made earlier never gets a column added to it
later: every `make run` database older than greetings from text answered 500 to installing
one ("no such column: greeting_text"). Adding the column only where it is missing leaves a
new database, whose initial migration already made it, as it is (SQLite has no
ADD COLUMN IF NOT EXISTS: the table is asked first).
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    _count, columns = await db.execute_query('PRAGMA table_info("business")')
    if any(column["name"] == "greeting_text" for column in columns):
        return "SELECT 1;"
    return 'ALTER TABLE "business" ADD COLUMN "greeting_text" TEXT;'


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "SELECT 1;"  # the initial migration owns the column; undoing the repair keeps it
