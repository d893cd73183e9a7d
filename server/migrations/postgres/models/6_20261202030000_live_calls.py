"""Live calls: the business's call mode, hours and call-back settings, the agent's presence,
how each call was handled (answered by whom, called back when), call-back tasks tied to their
call, and the table of live sockets (hand-written, as alerts_and_happened_at: the initial
migration is rebuilt from the models, so an older database lacks what a new one already has)."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

DEFAULT_HOURS = ('{"sun": [["08:00", "17:00"]], "mon": [["08:00", "17:00"]], "tue": [["08:00", "17:00"]], '
                 '"wed": [["08:00", "17:00"]], "thu": [["08:00", "17:00"]], "fri": [["08:00", "13:00"]], '
                 '"sat": []}')


async def upgrade(db: BaseDBAsyncClient) -> str:
    return f"""
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "call_mode" VARCHAR(16) NOT NULL DEFAULT 'voicemail';
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "ring_seconds" INT NOT NULL DEFAULT 20;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "hours" JSONB NOT NULL DEFAULT '{DEFAULT_HOURS}';
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "closed_on_holidays" BOOL NOT NULL DEFAULT TRUE;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "callback_minutes" INT NOT NULL DEFAULT 30;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "closed_greeting_text" TEXT;
ALTER TABLE "user" ADD COLUMN IF NOT EXISTS "presence" VARCHAR(16) NOT NULL DEFAULT 'available';
ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "handling" VARCHAR(16) NOT NULL DEFAULT 'voicemail';
ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "answered_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL;
ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "answered_at" TIMESTAMPTZ;
ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "called_back_at" TIMESTAMPTZ;
ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "called_back_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL;
ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "placed_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL;
ALTER TABLE "task" ADD COLUMN IF NOT EXISTS "kind" VARCHAR(16) NOT NULL DEFAULT 'task';
ALTER TABLE "task" ADD COLUMN IF NOT EXISTS "call_id" INT REFERENCES "call" ("id") ON DELETE SET NULL;
ALTER TABLE "task" ADD COLUMN IF NOT EXISTS "escalated_at" TIMESTAMPTZ;
CREATE UNIQUE INDEX IF NOT EXISTS "uid_task_call_id_live" ON "task" ("call_id");
CREATE TABLE IF NOT EXISTS "socket_presence" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "sid" VARCHAR(64) NOT NULL UNIQUE,
    "business_id" INT NOT NULL,
    "client" VARCHAR(16) NOT NULL,
    "connected_at" TIMESTAMPTZ NOT NULL,
    "seen_at" TIMESTAMPTZ NOT NULL,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_socket_pres_user_id_live" ON "socket_presence" ("user_id", "seen_at");
CREATE INDEX IF NOT EXISTS "idx_socket_pres_busines_live" ON "socket_presence" ("business_id", "seen_at");
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The initial migration may own the columns (once rebuilt); undoing keeps them, as call_outcome.
    return """
DROP INDEX IF EXISTS "uid_task_call_id_live";
"""
