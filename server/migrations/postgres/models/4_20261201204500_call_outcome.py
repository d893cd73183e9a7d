"""call.outcome for a database made before it (hand-written).

The initial migration is rebuilt from the models until the first release
(scripts/makemigrations.py), so a database it made earlier never gets a column added to it
later: filing what came of a call there would answer 500 ("column outcome does not exist"),
and so would every new call, whose INSERT names every column of the model. Adding the column only where it is missing leaves a new database, whose initial migration
already made it, as it is.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return 'ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "outcome" VARCHAR(32);'


async def downgrade(db: BaseDBAsyncClient) -> str:
    return "SELECT 1;"  # the initial migration owns the column; undoing the repair keeps it
