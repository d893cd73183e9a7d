from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "business" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "tax_id" VARCHAR(20) NOT NULL,
    "tax_id_kind" VARCHAR(20) NOT NULL,
    "address" VARCHAR(300) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "vat_rate" DECIMAL(5,2) NOT NULL,
    "invoice_seq" INT NOT NULL,
    "missed_call_followup" BOOL NOT NULL,
    "missed_call_template_sid" VARCHAR(64) NOT NULL,
    "on_duty_user_id" INT,
    "greeting_text" TEXT
);
CREATE TABLE IF NOT EXISTS "phone_number" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "e164" VARCHAR(20) NOT NULL UNIQUE,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "phone_number" IS 'A Twilio number; the number called (`To`) tells which business a call is for.';
CREATE TABLE IF NOT EXISTS "login_attempt" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_login_attem_email_eaa488" ON "login_attempt" ("email", "at");
CREATE INDEX IF NOT EXISTS "idx_login_attem_ip_fd19f8" ON "login_attempt" ("ip", "at");
COMMENT ON TABLE "login_attempt" IS 'Failed logins, counted per account and per IP to slow down password guessing.';
CREATE TABLE IF NOT EXISTS "user" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "is_active" BOOL NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "business_id" INT NOT NULL,
    "family_id" VARCHAR(32) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "client" VARCHAR(16) NOT NULL,
    "user_agent" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "replaced_by_id" INT,
    "revoked_at" TIMESTAMPTZ,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_family__1354e9" ON "refresh_token" ("family_id");
COMMENT ON TABLE "refresh_token" IS 'An opaque refresh token, stored only as its SHA-256. Each use rotates it within its';
CREATE TABLE IF NOT EXISTS "customer" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(20),
    "email" VARCHAR(254),
    "status" VARCHAR(32) NOT NULL,
    "last_contact_at" TIMESTAMPTZ,
    "address" VARCHAR(300) NOT NULL,
    "notes" TEXT NOT NULL,
    "source" VARCHAR(32) NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "owner_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_customer_busines_f83ba5" UNIQUE ("business_id", "phone")
);
CREATE INDEX IF NOT EXISTS "idx_customer_busines_7048a1" ON "customer" ("business_id", "name", "id");
CREATE INDEX IF NOT EXISTS "idx_customer_busines_ec4ed0" ON "customer" ("business_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "idx_customer_busines_7623a8" ON "customer" ("business_id", "updated_at", "id");
CREATE INDEX IF NOT EXISTS "idx_customer_busines_04f770" ON "customer" ("business_id", "last_contact_at", "id");
CREATE INDEX IF NOT EXISTS "idx_customer_busines_bf748f" ON "customer" ("business_id", "status", "id");
CREATE TABLE IF NOT EXISTS "call" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "call_sid" VARCHAR(64) NOT NULL UNIQUE,
    "direction" VARCHAR(32) NOT NULL,
    "status" VARCHAR(32) NOT NULL,
    "from_number" VARCHAR(64) NOT NULL,
    "to_number" VARCHAR(64) NOT NULL,
    "started_at" TIMESTAMPTZ NOT NULL,
    "duration" INT,
    "recording_sid" VARCHAR(64) UNIQUE,
    "recording_remote_url" VARCHAR(500),
    "recording_duration" INT,
    "recording_path" VARCHAR(500),
    "transcript" TEXT,
    "transcript_status" VARCHAR(16) NOT NULL,
    "notes" TEXT NOT NULL,
    "outcome" VARCHAR(32),
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_call_busines_f6593e" ON "call" ("business_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_call_custome_da532a" ON "call" ("customer_id", "started_at");
CREATE TABLE IF NOT EXISTS "message" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "message_sid" VARCHAR(64) UNIQUE,
    "direction" VARCHAR(16) NOT NULL,
    "body" TEXT NOT NULL,
    "media" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "error_code" INT,
    "error_message" VARCHAR(300),
    "sender_id" VARCHAR(128) NOT NULL,
    "profile_name" VARCHAR(200) NOT NULL,
    "content_sid" VARCHAR(64),
    "content_variables" JSONB,
    "status_at" TIMESTAMPTZ,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE SET NULL,
    "sent_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_message_busines_3b9945" ON "message" ("business_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_message_custome_578039" ON "message" ("customer_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_message_custome_da0332" ON "message" ("customer_id", "direction", "created_at");
CREATE INDEX IF NOT EXISTS "idx_message_busines_c37c88" ON "message" ("business_id", "sender_id");
COMMENT ON TABLE "message" IS 'A WhatsApp message, either way. `media`: one entry per attachment,';
CREATE TABLE IF NOT EXISTS "task" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(300) NOT NULL,
    "notes" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ NOT NULL,
    "snoozed_until" TIMESTAMPTZ,
    "status" VARCHAR(16) NOT NULL,
    "notified_at" TIMESTAMPTZ,
    "notify_claim" VARCHAR(32),
    "done_at" TIMESTAMPTZ,
    "assignee_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_task_busines_1b6b2f" ON "task" ("business_id", "status", "due_at");
CREATE INDEX IF NOT EXISTS "idx_task_assigne_30a7c0" ON "task" ("assignee_id", "status", "due_at");
CREATE INDEX IF NOT EXISTS "idx_task_custome_8f752a" ON "task" ("customer_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_task_status_4ded4d" ON "task" ("status", "notified_at", "due_at");
CREATE INDEX IF NOT EXISTS "idx_task_status_2edea5" ON "task" ("status", "notified_at", "snoozed_until");
CREATE INDEX IF NOT EXISTS "idx_task_notify__d82abf" ON "task" ("notify_claim");
CREATE TABLE IF NOT EXISTS "invoice" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "number" INT NOT NULL,
    "lines" JSONB NOT NULL,
    "subtotal" DECIMAL(14,2) NOT NULL,
    "vat_rate" DECIMAL(5,2) NOT NULL,
    "vat" DECIMAL(14,2) NOT NULL,
    "total" DECIMAL(14,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(32) NOT NULL,
    "notes" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ,
    "paid_at" TIMESTAMPTZ,
    "cancelled_at" TIMESTAMPTZ,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_invoice_busines_3f0b28" UNIQUE ("business_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_invoice_custome_bc436e" ON "invoice" ("customer_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_invoice_busines_c01460" ON "invoice" ("business_id", "status");
CREATE TABLE IF NOT EXISTS "contract" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "sign_token" VARCHAR(64) NOT NULL UNIQUE,
    "sent_at" TIMESTAMPTZ,
    "signed_at" TIMESTAMPTZ,
    "declined_at" TIMESTAMPTZ,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_contract_custome_45f086" ON "contract" ("customer_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_contract_busines_9f0d3e" ON "contract" ("business_id", "status");
CREATE TABLE IF NOT EXISTS "signature" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "signer_name" VARCHAR(200) NOT NULL,
    "signed_at" TIMESTAMPTZ NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(500) NOT NULL,
    "document_sha256" VARCHAR(64) NOT NULL,
    "image_path" VARCHAR(300) NOT NULL,
    "pdf_path" VARCHAR(300),
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "contract_id" INT NOT NULL UNIQUE REFERENCES "contract" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "saved_view" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "resource" VARCHAR(32) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "columns" JSONB NOT NULL,
    "sort" VARCHAR(64) NOT NULL,
    "filters" JSONB NOT NULL,
    "density" VARCHAR(16) NOT NULL,
    "is_default" BOOL NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_saved_view_user_id_965aeb" UNIQUE ("user_id", "resource", "name")
);
COMMENT ON TABLE "saved_view" IS 'A user''s saved table layout (columns, sort, filters, density), for both clients.';
CREATE TABLE IF NOT EXISTS "push_subscription" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "endpoint" VARCHAR(1000) NOT NULL,
    "endpoint_hash" VARCHAR(64) NOT NULL UNIQUE,
    "p256dh" VARCHAR(200) NOT NULL,
    "auth" VARCHAR(100) NOT NULL,
    "user_agent" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_success_at" TIMESTAMPTZ,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "push_subscription" IS 'A browser''s Web Push subscription (the PushSubscription JSON), owned by one user.';
CREATE TABLE IF NOT EXISTS "job" (
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupe_key" VARCHAR(200) UNIQUE,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "max_attempts" INT NOT NULL,
    "run_at" TIMESTAMPTZ NOT NULL,
    "locked_until" TIMESTAMPTZ,
    "locked_by" VARCHAR(100),
    "last_error" TEXT,
    "finished_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_job_status_920a13" ON "job" ("status", "run_at");
COMMENT ON TABLE "job" IS 'A unit of slow work that survives a crash: claimed under a lease, retried, or dead.';
CREATE TABLE IF NOT EXISTS "worker_heartbeat" (
    "name" VARCHAR(100) NOT NULL PRIMARY KEY,
    "seen_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "worker_heartbeat" IS 'One row per worker, written while its slots make progress (server/jobs/worker.py).';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1z47YR/isYfalvRnVin+XepJ3OyD6ncWKfM7aSdHqX4UEkZKGmCIYArTjp/fcCfJ"
    "H4AtKERNIkjS/JicSC9LPgYnefBfDnaEUsZNPDM59iB1E6+gb8OXLgCvF/5O6NwQi67vaO"
    "uMDg3A4az5Ot5pR50GT8+gLaFPFLFqKmh12GicOvOr5ti4vE5A2xc7+95Dv4Nx8ZjNwjtk"
    "Qev/HxV34ZOxb6HdH4p/tgLDCyrdTrYks8O7husCc3uHbpsG+DhuJpc8Mktr9yto3dJ7Yk"
    "zqY1dpi4eo8c5EGGRPfM88Xri7eL/tL4LwrfdNskfMWEjIUW0LdZ4s+dG9trI8P4cDMz7i"
    "5mhjFSAMgkjgCXv2qorHvxCn89Pjr528m7t6cn73iT4DU3V/72JXz0FphQMIDnw2z0JbgP"
    "GQxbBBhvQTU9JJAwIMuD+57fYXiF5AinJTNIW5HoYfyPLO4xymXAxxe2yG9HWxvQ8z/Qun"
    "Hsp0jlJTjPLq8v7mbT6x/F41aU/mYH+E1nF+LOcXD1KXP14PSNuE74hxR+YZtOwC+Xs++A"
    "+An+c/PhIoCXUHbvBU/ctpv9ZyTeCfqMGA5ZG9BKjM74aowab7nVuu9aO2o9Lam13hWtxx"
    "gl1B69/Vbrwf9z+j5fQk+u67h9RsscrT7qdQV/N2zk3LOlsJ5ff12i2J+nt+ffTW8PeKuM"
    "tj5Et47De19S+IoR/wdxlDBOyrSH82hKMfzqe+T5FNpoNWoF89OTCpCfnhQiLm5lAOfdy7"
    "yCErg3Ei2C3Q68x9VGdMmAlsNrPPA/Th3jjViLQJtk5ULnqa94c0vuRR52VawTIoMb0G8r"
    "2ei3JTb6bd5Gu0tFA70RGBy+9Q9gtILYVgF3IzA8cCdVZjveqhjeSW6+e4TMEHhInHZk4h"
    "W05SgnxbIeeyh3GMk3BfrRu4ZAL8H4/cX55fX06mAyPg4w5o44ZiiJ/kluAGPnkWATGRT9"
    "ppJrSEs9n3SoC9avmxrKtSQdEokmTCmPGU1o28aC2DZZ+24e3zNCbAQdOcZFXWTAnvM+mk"
    "J7c6XdcXx2c3OVCjDPLmcZm/HT9dnF7cFRZpiX64GhlWtzhAyq5kGX9TE4K15/yMLhsXz2"
    "ZPgUedLYpdDKSCR3sjRRfqgzcXnNtubeQ4jxB/LB+bskuzXjV+X45gR3Gs0dQ7cse3Xx71"
    "nKrsTD9uB6+u83qeTV1c2Hf8XNE8P8/OrmjKMvEvaLh0R2WVyYQ/NhDT3LSN3J+OGG46/m"
    "yJNEPGeR+Lc/3CJuYcRfnddIxF/8KLr6EPTUw7zUl3gcxldHksyd+Ob3ROknOlx4TJ8yst"
    "obovOom8HCxOfsfSHiXQwVnhWiFN6jPRG6DnsZKkgM0oc9EZrxLoYKTxQK7onQZdjLUEHi"
    "d4PygX1tUdTNUGGi+N6BzPf2HU13cT+DBQo+8oj0EaP1vkiJjn7m/QwVKdenS4P6880T9n"
    "W9eX93ie6GhJuIYsgxKYpr8rdWx6vsFehwV8CKni2eJAlZJBVZmYimuCgrGUUFLZ8rzBpN"
    "wWyNbUxAKPR3wJYo+jcQ/iGywMHnGfn8BjDEvUWwXmJzCeLiLwCDRgBTsCDe4SiDcP2963"
    "IxXS7WE0PS08IhXS72GrVepVwMHZ2eKJG5Uft6WICXNaMNE+XxjKfGAGSk2uMZOz5h5RLQ"
    "eaDzKH9LPMQDox/QUwD2JX8r6JgyjlxSJt8zkIt8XH7Zg+uN75QdYIJxQjYK2cTz6d359P"
    "3F6Etxdr9Jj/mK3GNnygTjyGQuc+p+qc9si5Z8Qto2fdZp/hZi4boGknQMTOI7XPfA5V4t"
    "NINfADrh78sfASOA2mQNLLJ2gAspXRPPAvc+B5YrKe801977807zx23lDZ+Z+c2PI+zGv7"
    "RH3aZH3YeaqfZm2iaqprCk1qQYXiwrKxkCtvXXMqiHA4MNA/rr9ofRngKH3+Qsf4sW/A9Z"
    "zsgDcmSzfOp+6SzvhS35JBg3fT415gDiQj6cQCQMAuExoIz7ihYgPMoDkALMKLj7bvrX48"
    "npIbiA5hL4lMsQxoeruAvWmC2xI9rlE2T1P+OTs4ArbD/9Hbi8Q+SIGhYAo7aiRwTgPR+o"
    "/ImP/Fk0yMmtl8RGIBQEB8E7iOsL9kan3TroJOh4salysfATUFxFlBJqylV4uXzH2+Mq6y"
    "6Oi5ddHOdWEgkDYywhXarAnJYaXFqpfofMtDFyJE5ZMcRbiRZrd9doPmoF4aPTCggfZX2t"
    "LcLiVhrhoPiW+y5qKKelBlcl3chCLc00FaPfT86hCtOEfncx720HraclB6j1nmi5MMTMmN"
    "Gd2ERa52fdo1L9vunXQ64NTa6sudy1LgxZ8oJ6jUs+aAkj+V2+oLSk/oi6/BGpLxHbd2lY"
    "16a8hslhP1oSsycxPLCVNeMMKZwYVF0ihAPUJSniWBvFqeFY7XoXu159yOOS/KgOFouhH2"
    "6wqMsSh6b1SmWJL1ww0aEMciPlEt3fJbC1/ZEa2CMwrthSJkNyggMsUTmeTCqN50nJeJ5k"
    "EfeIrTSe4/YtjucNNdBHSgRTgzvR+FECcumOPim5Frfxic11b3fx0VvY6cr8nsRsujK/G5"
    "X5ydRxoi5uz9W/2Wq8gWD/wlvLdDOjXm3rFINKKyOa2T+lj0Dp7VPKv7YoG9ceTH0cRHq/"
    "C73fRf24NUnWbKY/CWGTnBqLSRsz2apW4uZjyhUNY6Vfc+vlMg5YnPTiv4LVc5nbaVahoF"
    "E6CV3QyIaUCWUx/veWt+ReMvNp3EDzT5p/6oS96SkTofmn16j1KvxT9/mR9vL1jTAk7aY3"
    "OxYADOyIjm6j2wR9unXDqiK8lWgxP29z+9xOjr7+1WQSn1hl8pWI60LY7ky4eT9Ln4vV/H"
    "IrhzDZPrPFxyVsBAaAb9nHUtcpCak5gvieqeTjbCVahHsFHT88E6qPs4RmcptafkLWjvLh"
    "NQkRvaJHk+MqZrkecjw3gGvAtuLKj46N3aqwJr/ZFKb8BcCHn66uqlUctHfqSE9wljLn+w"
    "GkSfPXywbrI0cqgKSPHHkZ3lcYbhnnGxn0Er43btHkIj0Zh+pFvExAscass+S2Jlg1wdqJ"
    "D7unVJsmWF+j1qsQrMHRwoqnEidlBrfMr/6N4izsITN2dapinBJqMQ2JnTnxnd6yVT0hBA"
    "VGAqaeorzwyCpxEFZVqDNiA+AymjYdwm4rw5wS0iA/C3Ii0FB0fNKSA3R8+uvo5P1by/eg"
    "fBYuDBiTIppIkW2NZhLP4k9U9SBzgrXUOw3ai9xC5qEVYcjwPaXSsiL54VWaTSqVbExKSj"
    "Ym+ZKNLXw72BG5sLYoZRbFhUxpy468pB7ZlUY2f5oTvlse7uKKpLTUEKBuuy5pi6ChHrVK"
    "hVv09Z2oCryPe6jo6rsWRznxmUnU1nAkRIZgV3TpXV+dkQwhWRHZjJT28nQBnoplrr8AL7"
    "mae094h7ezShbdzNerXIrXZIFHXHgmqfFI1KQVl3msEo2eP6AP/LKEjE5dF0RyY4CwqO0A"
    "a/h0CD6vkIXh52+CM++Qw7yn8BBdxqC5XPEL41FGMTV0+cn5/OenoL6I/woG5yf+lE+jbU"
    "oj/C1CwPBfFP8RtQn95E+jL5/BgbgPvKAC6RGJU36vL95fTo3bm5tZ1TP5yrYhkJWzPHM7"
    "xfdl22YLZxB/jUBQF8bowphu2NeelkjowpjXqPUqhTHRDKXKbGTENK8xeobX6FN1TGsw15"
    "/0mhPrSSXnFbfXKS/llFfgxeax/v7u5kORzYgEsjMENhn4H7AxbSwbM/rHwneCLwnMfWwz"
    "7NBD8bx/voAyBEDlysjinrH6ooPc6t+eFIQhE/FQpKW6u/rNC/I84nEQLUmmtzDsSAvpRF"
    "k+AxkilIjbqw7inOAAM+lN7MywDa1VLEZSaAATZsZYHL+rYi2O3xWbC3Evs++URxbYRobq"
    "/l5ZucGh3cguX3HCTLXOPy02PBPSwKHwEWSP0MMCAYnnUewHSoX38gk7hv7LOH+7FfZuBf"
    "V+Vd1J0+Szc5r+1vR3z4AV5zYoH9adFtKw6qoCFVOvqwp6UFUgsRE1oDvsfZPSZrFT5RrB"
    "NjiSWo14e5ziQg0Wt2h7P44o8Wlxybj2AFLKhxtCpY2eqXXYCjmEYQ5fTIkm+yhsRB1C/u"
    "C/fIdhO2wbtHgyTBvilS6C0EUQHTFaPaXDdRHEa9R6lSIIhpmtlJ/dCAyQlNdbQfedmY/c"
    "DUUDtpUaoPHqr7HKz1FpR1FRyzlhnfbttK77UddB3PC03j7WdGTCMJWPKSOqP6Uuf0qpYF"
    "rhg8rKDY8frn+xpkWcnVyQrZj+lrr8LWWyZRVTTxkpzUZKSDPN8zbG80ZpOVVGMienSUlN"
    "ojcKrGZ7NdvbA3TV2d7YAagB3op0b19HbsZVqjByN7NUe+D2ddxmJ/RO0enxoSkSRj1xnk"
    "oxqY4TjWrl1T+mJp9o691fc2z7Mxy5nIzX3LbmtrthRHrKcmpu+zVqvQq3XbSxeqERLdxU"
    "XacRxBVbTF95OIuXu2wE9LLn1CdTy8oXf84IgzIWFJl4Be0CjiwhltVKKHcYyfdwwJfo4P"
    "3F+eX19Org6GQcZvO5KnDo9sbKOMmVbjxCZog/XxHjpNhrxHiiBrE6uq8VWKXBu4t10Kah"
    "Krqm73nIMSUph5LVtgmZFisULq/umpr0MmRqFS61mErt6UlPlgcXrB2A9U7ZvS5OxJT6Ow"
    "WhKUFdHtCdkDOfaXAh3kXDCTGt3y7r1xT0gW3vlkHMyGpNd1nTuhxleBUTQ0RWl0y8rpKJ"
    "vsJbVjNxy6317eX57KWY53PixHRxjnre3BuXcc9mslWzi7o1zdwNwzvWNPMrIhw1zfwatV"
    "6FZtZLqJteQt39rc1fKKZuIkup0+7Np91FhSt38h6Q0pkIaal6sB70yRPB1lE77A26FdMp"
    "uu5MvHl/KygU38XdSglqHXdZxxYyRRnZLlrOiGo9d1nPOt2u0+19QFan23W6vQ/wtppuT7"
    "tkPBr0JAmRs0j2xkEzwv9zG5zOKj3hLVLTXbKzXk7NOTV9UWQmthBIqIkUPsXcREonjZIT"
    "mmRok2QIohhP+YSdjNggkmQtHLHTmWCza9gPKQrBrsqXFLYe4AdUfyrOp9zk8CnOkXw+xQ"
    "CnpQZQcpyGeVLJTk1K7NQkb6f4S/ir4FCvJTyenKrALRHVg7vC4MYrcSC0C3n3KtYjJTVA"
    "oBvhAl1roYx0UmaAexg2QrnqdFxT6bioUkwxHZeWqgfZ3kdHOhnXZjJOJVmUH+95RcSJoK"
    "pJu0RHvRrplVN26W+8Sspur6rXO/iIrJ8xWo9kuaXNzXFpbkk0Mx7jds8ll0ZTIHz6v1AQ"
    "CIKgH2DDJ+IzcBCaOzoGlHhsDBbYZsjjPy3kUMye3vBLxANzwpbAtDF3VOnhKKOBRh4g3R"
    "LKj3YK49En8b1w4AYYZjeG0kkxXXnbicmgpzWYuvL2NWq9SuVt0vRWjQWTMkOMuWvf0F6V"
    "Xhgwr3BUKdI+Kom0j/KRduST5CEuO0Z+I6J31krZqlp21uK+oRKfFrUfXHq6/kRp5HCrjP"
    "WESDfGunjsYMZ6FPgokQRbkRZHvEO8aOOpPtb7Y7p55xzSZ4TYCDoFUV9KMIP3nEs2Bfjm"
    "SruD/Ozm5io1yM8us0tWfro+u+DwZ3bq0seJtJfBDlhZJVQTEhpRnbt+4ULSOHO3J7QDP4"
    "ch8c3uTwfUl7T+0afLO3+e/NNzuetcm3FZCtvlrQ2abV4hkz33yDrMNf+C5kA8FCS7AQds"
    "iUD2XYBww96MAVk7yALzJ0AcFKSsZansBp6gizi7la9GjuUSrFYWlZQZZpqlYp6lNNGSy7"
    "TEsBlLSJXqR3KCeu3ts6G+ezw5tdSqdDYSAxzTjZQkQ1+tDipuP0B8G0nN6qLVtsrNNGtb"
    "jH4/+bsqrK0NKeOet2mK6E1d9RJxvca7O3RtXt86JadTcl1GVKfkdEquy7B2NCX3PZmPJF"
    "k4cXlclnj7b9SgStGogxkgC0BtsgZr4j0AtoQMUN97xI+IAghMj8fm3wDThnyat7iAhTx+"
    "2UZQ9OghrgFkjQHxgMX9KWndaBPPqLKh63b/NM93gn1cdQpOl4x2wjINOPjQJaND03qVkt"
    "EHDqlKMiduP8CUWQM5X/hkEyjBt7i8KyGiy7tS31A95V2W7yLjASlWeCWlalkw2yGqo5nN"
    "QfqxaS5v6iOrqdHddBUdZAytXCaBudAFToq0l+b4utOOcCJQ4/raAdSsWHvAnkx6gmwUyC"
    "k6llupATqV/XUiJcQFMR94AOA7DMuO2C1nLTKymrLogabnSg5USmh4G440wrUHZB7yPCLJ"
    "Axef9JCWGgLUZR9PE8c9LLCD6XKnPEhGVBuyrhmyHJ/1MvzAL8R7QN53CHpsjiAbSbiCbJ"
    "NxGW+wDhoby1TrZ0mEGwcBj6yBizwQ9jAGaw9zP9YB6yW2EcCMiuQ//+8KPiDgekQogIID"
    "irxH5H31XzKnX4Wih+7TmzyH0Mwj9qjYfdm1ux0K+mucskr2Y0VoF68/Iabdfm1D5TZ0ij"
    "xsLmWmM7pTajHhto3e/rk1C9QwbcnnCxqtVqlq3xMiAyQ0jieTKpndyaQ4syvuZZKOrtKW"
    "wFHzAaLb0OYXDpOWV5dtfrERaZ8xepmJsjZu6EUnsy//B32Xsg4="
)
