"""business.greeting_text for a database made before it (hand-written).

The initial migration is rebuilt from the models until the first release
(scripts/makemigrations.py), so a database it made earlier never gets a column added to it
later: every `make run` database older than greetings from text answered 500 to installing
one ("no such column: greeting_text"). Adding the column only where it is missing leaves a
new database, whose initial migration already made it, as it is.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return 'ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "greeting_text" TEXT;'


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "SELECT 1;"  # the initial migration owns the column; undoing the repair keeps it
