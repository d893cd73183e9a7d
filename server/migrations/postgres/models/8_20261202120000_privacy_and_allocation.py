"""Privacy and allocation numbers: the customer's tax id and erasure stamp, the invoice's
allocation number and buyer snapshot, the business's retention, recording-notice, permission
and Tax Authority settings, the purge stamps of calls and messages, and the append-only audit
log (hand-written, as live_calls: the initial migration is rebuilt from the models, so an
older database lacks what a new one already has).

The audit log refuses UPDATE and DELETE with triggers, so not even a bug of ours can rewrite
it. Only a user's deletion may touch a row (user_id ON DELETE SET NULL): the UPDATE trigger
names every other column.
"""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
ALTER TABLE "customer" ADD COLUMN IF NOT EXISTS "tax_id" VARCHAR(20) NOT NULL DEFAULT '';
ALTER TABLE "customer" ADD COLUMN IF NOT EXISTS "erased_at" TIMESTAMPTZ;
ALTER TABLE "invoice" ADD COLUMN IF NOT EXISTS "allocation_status" VARCHAR(16) NOT NULL DEFAULT 'not_required';
ALTER TABLE "invoice" ADD COLUMN IF NOT EXISTS "allocation_number" VARCHAR(32);
ALTER TABLE "invoice" ADD COLUMN IF NOT EXISTS "allocation_error" JSONB;
ALTER TABLE "invoice" ADD COLUMN IF NOT EXISTS "allocation_attempts" INT NOT NULL DEFAULT 0;
ALTER TABLE "invoice" ADD COLUMN IF NOT EXISTS "allocation_requested_at" TIMESTAMPTZ;
ALTER TABLE "invoice" ADD COLUMN IF NOT EXISTS "buyer_name" VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE "invoice" ADD COLUMN IF NOT EXISTS "buyer_tax_id" VARCHAR(20) NOT NULL DEFAULT '';
-- "awaiting_allocation" (19 characters) is longer than the invoice status column was.
ALTER TABLE "invoice" ALTER COLUMN "status" TYPE VARCHAR(32);
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "retention_months" INT NOT NULL DEFAULT 24;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "recording_notice" BOOL NOT NULL DEFAULT TRUE;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "recording_notice_text" TEXT;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "agents_can_listen" BOOL NOT NULL DEFAULT TRUE;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "agents_can_export" BOOL NOT NULL DEFAULT FALSE;
ALTER TABLE "business" ADD COLUMN IF NOT EXISTS "tax_authority_credentials" TEXT;
ALTER TABLE "call" ADD COLUMN IF NOT EXISTS "purged_at" TIMESTAMPTZ;
ALTER TABLE "message" ADD COLUMN IF NOT EXISTS "purged_at" TIMESTAMPTZ;
CREATE TABLE IF NOT EXISTS "audit_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "user_email" VARCHAR(254) NOT NULL DEFAULT '',
    "action" VARCHAR(40) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL DEFAULT '',
    "target_id" INT,
    "details" JSONB NOT NULL,
    "ip" VARCHAR(64) NOT NULL DEFAULT '',
    "at" TIMESTAMPTZ NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE RESTRICT,
    "user_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
);
COMMENT ON TABLE "audit_event" IS 'Append-only: who heard, downloaded, exported, changed or erased what (server/audit/).';
CREATE INDEX IF NOT EXISTS "idx_audit_event_business_at" ON "audit_event" ("business_id", "at", "id");
CREATE INDEX IF NOT EXISTS "idx_audit_event_action_at" ON "audit_event" ("business_id", "action", "at");
CREATE INDEX IF NOT EXISTS "idx_audit_event_target" ON "audit_event" ("business_id", "target_type", "target_id");
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS "audit_event_no_update" ON "audit_event";
CREATE TRIGGER "audit_event_no_update"
BEFORE UPDATE OF "id", "business_id", "user_email", "action", "target_type", "target_id", "details", "ip", "at"
ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
DROP TRIGGER IF EXISTS "audit_event_no_delete" ON "audit_event";
CREATE TRIGGER "audit_event_no_delete" BEFORE DELETE ON "audit_event"
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    # The columns stay (the initial migration may own them, once rebuilt), as live_calls; the
    # log itself is never dropped by a downgrade.
    return """
DROP TRIGGER IF EXISTS "audit_event_no_update" ON "audit_event";
DROP TRIGGER IF EXISTS "audit_event_no_delete" ON "audit_event";
"""
