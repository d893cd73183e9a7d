from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "business" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL,
    "tax_id" VARCHAR(20) NOT NULL,
    "tax_id_kind" VARCHAR(20) NOT NULL,
    "address" VARCHAR(300) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "vat_rate" VARCHAR(40) NOT NULL,
    "invoice_seq" INT NOT NULL,
    "missed_call_followup" INT NOT NULL,
    "missed_call_template_sid" VARCHAR(64) NOT NULL,
    "on_duty_user_id" INT,
    "greeting_text" TEXT
);
CREATE TABLE IF NOT EXISTS "phone_number" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "e164" VARCHAR(20) NOT NULL UNIQUE,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE
) /* A Twilio number; the number called (`To`) tells which business a call is for. */;
CREATE TABLE IF NOT EXISTS "login_attempt" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "at" TIMESTAMP NOT NULL
) /* Failed logins, counted per account and per IP to slow down password guessing. */;
CREATE INDEX IF NOT EXISTS "idx_login_attem_email_eaa488" ON "login_attempt" ("email", "at");
CREATE INDEX IF NOT EXISTS "idx_login_attem_ip_fd19f8" ON "login_attempt" ("ip", "at");
CREATE TABLE IF NOT EXISTS "user" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "is_active" INT NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "refresh_token" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "business_id" INT NOT NULL,
    "family_id" VARCHAR(32) NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "client" VARCHAR(16) NOT NULL,
    "user_agent" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP,
    "replaced_by_id" INT,
    "revoked_at" TIMESTAMP,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* An opaque refresh token, stored only as its SHA-256. Each use rotates it within its */;
CREATE INDEX IF NOT EXISTS "idx_refresh_tok_family__1354e9" ON "refresh_token" ("family_id");
CREATE TABLE IF NOT EXISTS "customer" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(20),
    "email" VARCHAR(254),
    "status" VARCHAR(32) NOT NULL,
    "last_contact_at" TIMESTAMP,
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
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "call_sid" VARCHAR(64) NOT NULL UNIQUE,
    "direction" VARCHAR(32) NOT NULL,
    "status" VARCHAR(32) NOT NULL,
    "from_number" VARCHAR(64) NOT NULL,
    "to_number" VARCHAR(64) NOT NULL,
    "started_at" TIMESTAMP NOT NULL,
    "duration" INT,
    "recording_sid" VARCHAR(64) UNIQUE,
    "recording_remote_url" VARCHAR(500),
    "recording_duration" INT,
    "recording_path" VARCHAR(500),
    "transcript" TEXT,
    "transcript_status" VARCHAR(16) NOT NULL,
    "notes" TEXT NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_call_busines_f6593e" ON "call" ("business_id", "started_at");
CREATE INDEX IF NOT EXISTS "idx_call_custome_da532a" ON "call" ("customer_id", "started_at");
CREATE TABLE IF NOT EXISTS "message" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "message_sid" VARCHAR(64) UNIQUE,
    "direction" VARCHAR(16) NOT NULL,
    "body" TEXT NOT NULL,
    "media" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "error_code" INT,
    "error_message" VARCHAR(300),
    "sender_id" VARCHAR(128) NOT NULL,
    "profile_name" VARCHAR(200) NOT NULL,
    "content_sid" VARCHAR(64),
    "content_variables" JSON,
    "status_at" TIMESTAMP,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE SET NULL,
    "sent_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL
) /* A WhatsApp message, either way. `media`: one entry per attachment, */;
CREATE INDEX IF NOT EXISTS "idx_message_busines_3b9945" ON "message" ("business_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_message_custome_578039" ON "message" ("customer_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_message_custome_da0332" ON "message" ("customer_id", "direction", "created_at");
CREATE INDEX IF NOT EXISTS "idx_message_busines_c37c88" ON "message" ("business_id", "sender_id");
CREATE TABLE IF NOT EXISTS "task" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "notes" TEXT NOT NULL,
    "due_at" TIMESTAMP NOT NULL,
    "snoozed_until" TIMESTAMP,
    "status" VARCHAR(16) NOT NULL,
    "notified_at" TIMESTAMP,
    "notify_claim" VARCHAR(32),
    "done_at" TIMESTAMP,
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
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" INT NOT NULL,
    "lines" JSON NOT NULL,
    "subtotal" VARCHAR(40) NOT NULL,
    "vat_rate" VARCHAR(40) NOT NULL,
    "vat" VARCHAR(40) NOT NULL,
    "total" VARCHAR(40) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "notes" TEXT NOT NULL,
    "issued_at" TIMESTAMP,
    "paid_at" TIMESTAMP,
    "cancelled_at" TIMESTAMP,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_invoice_busines_3f0b28" UNIQUE ("business_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_invoice_custome_bc436e" ON "invoice" ("customer_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_invoice_busines_c01460" ON "invoice" ("business_id", "status");
CREATE TABLE IF NOT EXISTS "contract" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "sign_token" VARCHAR(64) NOT NULL UNIQUE,
    "sent_at" TIMESTAMP,
    "signed_at" TIMESTAMP,
    "declined_at" TIMESTAMP,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "customer_id" INT NOT NULL REFERENCES "customer" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_contract_custome_45f086" ON "contract" ("customer_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_contract_busines_9f0d3e" ON "contract" ("business_id", "status");
CREATE TABLE IF NOT EXISTS "signature" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "signer_name" VARCHAR(200) NOT NULL,
    "signed_at" TIMESTAMP NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(500) NOT NULL,
    "document_sha256" VARCHAR(64) NOT NULL,
    "image_path" VARCHAR(300) NOT NULL,
    "pdf_path" VARCHAR(300),
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "contract_id" INT NOT NULL UNIQUE REFERENCES "contract" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "saved_view" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "resource" VARCHAR(32) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "columns" JSON NOT NULL,
    "sort" VARCHAR(64) NOT NULL,
    "filters" JSON NOT NULL,
    "density" VARCHAR(16) NOT NULL,
    "is_default" INT NOT NULL,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_saved_view_user_id_965aeb" UNIQUE ("user_id", "resource", "name")
) /* A user's saved table layout (columns, sort, filters, density), for both clients. */;
CREATE TABLE IF NOT EXISTS "push_subscription" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "endpoint" VARCHAR(1000) NOT NULL,
    "endpoint_hash" VARCHAR(64) NOT NULL UNIQUE,
    "p256dh" VARCHAR(200) NOT NULL,
    "auth" VARCHAR(100) NOT NULL,
    "user_agent" VARCHAR(300) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "last_success_at" TIMESTAMP,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE
) /* A browser's Web Push subscription (the PushSubscription JSON), owned by one user. */;
CREATE TABLE IF NOT EXISTS "job" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "payload" JSON NOT NULL,
    "dedupe_key" VARCHAR(200) UNIQUE,
    "status" VARCHAR(16) NOT NULL,
    "attempts" INT NOT NULL,
    "max_attempts" INT NOT NULL,
    "run_at" TIMESTAMP NOT NULL,
    "locked_until" TIMESTAMP,
    "locked_by" VARCHAR(100),
    "last_error" TEXT,
    "finished_at" TIMESTAMP
) /* A unit of slow work that survives a crash: claimed under a lease, retried, or dead. */;
CREATE INDEX IF NOT EXISTS "idx_job_status_920a13" ON "job" ("status", "run_at");
CREATE TABLE IF NOT EXISTS "worker_heartbeat" (
    "name" VARCHAR(100) NOT NULL PRIMARY KEY,
    "seen_at" TIMESTAMP NOT NULL
) /* One row per worker, written while its slots make progress (server/jobs/worker.py). */;
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
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
    "hVv09Z2oCryPe6jo6rsWR7kuDGtqqszQZRWRzUhpH0SXh6nYjfrLw5JrjfeEd3j7fmTRzX"
    "y9yoViTZYfxGVRkgqERMVUcRHCKtHo+ePjwC9LyOjUdUEkNwYIi8oDsIZPh+DzClkYfv4m"
    "OJENOcx7Co94ZQyayxW/MB5lFFNDl5+cz39+Cqpf+K9gcH7iT/k02gbc4W8RoIT/oviPqE"
    "3oxX0affkMDsR94AX1MY9InEF7ffH+cmrc3tzMqp4YV7ZIXlZs8cztFBuVbZst60D8NQJB"
    "Xbahyza6YV97SuDrso3XqPUqZRvRDKWad8+I6az76Jmse59qN1qDuf6UzJxYTyoZmbi9Ts"
    "goJ2QCLzaP9fd3Nx+KbEYkkJ0hsMnA/4CNaWPZmNE/Fr4TfElg7mObYYceiuf98wWUIQAq"
    "V0YW94zVFx3k1qb2pFwJmYiHIi1VhdVvXpDnEY+DaEmWAReGHWkhnSjLZyBDhBJxe9VBnB"
    "McAn/Uwr4B29BaxWIkhQYwYWaMxfG7Ktbi+F2xuRD3MrsieWSBbWSo7j6VlRsc2o3sQRUn"
    "zFSr0NNiwzMhDRxZHkH2CD0sEJB4HsV+oFR4L5+wY+i/jPO3W9npVlDvptSdNE0+O6fpb0"
    "1/9wxYcaqA8lHSaSENq64qUDH1uqqgB1UFEhtRA7rD3tUnbRY7Va4RbNIiqdWIN28pLtRg"
    "cYu2d4uIEp8Wl4xrDyClfLghVNromVqHrZBDGObwxZRoso/CRtQh5A/+y3cYtsO2QYsnw7"
    "QhXukiCF0E0RGj1VM6XBdBvEatVymCYJjZSvnZjcAASXm9UXHfmfnI3VA0YFupARqv/hqr"
    "/ByVdhQVtZwT1mnfTuu6H3UdxA3Pku1jTUcmDFP5mDKi+lPq8qeUCqYVPqis3PD44fr3db"
    "KIs5MLshXT31KXv6VMtqxi6ikjpdlICWmmed7GeN4oLafKSObkNCmpSfRGgdVsr2Z7e4Cu"
    "OtsbOwA1wFuR7u3ryM24ShVG7maWag/cvo7b7ITeKTo9PtJDwqgnTvsoJtVxolGtvPrH1O"
    "QTbQz7a45tf4Yjl5PxmtvW3HY3jEhPWU7Nbb9GrVfhtou2/S40ooVbfus0grhii+krD2fx"
    "cpeNgF72nPpkaln54s8ZYVDGgiITr6BdwJElxLJaCeUOI/keDvgSHby/OL+8nl4dHJ2Mw2"
    "w+VwUO3d5YGSe50o1HyAzx5ytinBR7jRhP1CBWR/e1Aqs0eHexDto0VEXX9D0POaYk5VCy"
    "2jYh02KFwuXVXVOTXoZMrcKlFlOpPT2HyPLggrUDsN7HudfFiZhSf6cgNCWoywO6E3LmMw"
    "0uxLtoOCGm9dtl/ZqCPrDt3TKIGVmt6S5rWpejDK9iYojI6pKJ11Uy0Vd4y2ombrm1vr08"
    "n70U83xOnJguzlHPm3vjMu7ZTLZqdlG3ppm7YXjHmmZ+RYSjpplfo9ar0Mx6CXXTS6i7v7"
    "X5C8XUTWQpddq9+bS7qHDlTt4DUjoTIS1VD9aDPnki2Dpqh71Bt2I6RdediTfvbwWF4ru4"
    "WylBreMu69hCpigj20XLGVGt5y7rWafbdbq9D8jqdLtOt/cB3lbT7WmXjEeDniQhchbJ3j"
    "hoRvh/boPTWaUnvEVqukt21supOaemL4rMxBYCCTWRwqeYm0jppFFyQpMMbZIMQRTjKZ+w"
    "kxEbRJKshSN2OhNsdg37IUUh2FX5ksLWA/yA6k/F+ZSbHD7FOZLPpxjgtNQASo7TME8q2a"
    "lJiZ2a5O0Ufwl/FRzqtYTHk1MVuCWienBXGNx4JQ6EdiHvXsV6pKQGCHQjXKBrLZSRTsoM"
    "cA/DRihXnY5rKh0XVYoppuPSUvUg2/voSCfj2kzGqSSL8uM9r4g4EVQ1aZfoqFcjvXLKLv"
    "2NV0nZ7VX1egcfkfUzRuuRLLe0uTkuzS2JZsZj3O655NJoCoRP/xcKAkEQ9ANs+ER8Bg5C"
    "c0fHgBKPjcEC2wx5/KeFHIrZ0xt+iXhgTtgSmDbmjio9HGU00MgDpFtC+dFOYTz6JL4XDt"
    "wAw+zGUDoppitvOzEZ9LQGU1fevkatV6m8TZreqrFgUmaIMXftG9qr0gsD5hWOKkXaRyWR"
    "9lE+0o58kjzEZcfIb0T0zlopW1XLzlrcN1Ti06L2g0tP158ojRxulbGeEOnGWBePHcxYjw"
    "IfJZJgK9LiiHeIF2081cd6f0w375xD+owQG0GnIOpLCWbwnnPJpgDfXGl3kJ/d3FylBvnZ"
    "ZXbJyk/XZxcc/sxOXfo4kfYy2AErq4RqQkIjqnPXL1xIGmfu9oR24OcwJL7Z/emA+pLWP/"
    "p0eefPk396LnedazMuS2G7vLVBs80rZLLnHlmHueZf0ByIh4JkN+CALRHIvgsQbtibMSBr"
    "B1lg/gSIg4KUtSyV3cATdBFnt/LVyLFcgtXKopIyw0yzVMyzlCZacpmWGDZjCalS/UhOUK"
    "+9fTbUd48np5Zalc5GYoBjupGSZOir1UHF7QeIbyOpWV202la5mWZti9HvJ39XhbW1IWXc"
    "8zZNEb2pq14irtd4d4euzetbp+R0Sq7LiOqUnE7JdRnWjqbkvifzkSQLJy6PyxJv/40aVC"
    "kadTADZAGoTdZgTbwHwJaQAep7j/gRUQCB6fHY/Btg2pBP8xYXsJDHL9sIih49xDWArDEg"
    "HrC4PyWtG23iGVU2dN3un+b5TrCPq07B6ZLRTlimAQcfumR0aFqvUjL6wCFVSebE7QeYMm"
    "sg5wufbAIl+BaXdyVEdHlX6huqp7zL8l1kPCDFCq+kVC0LZjtEdTSzOUg/Ns3lTX1kNTW6"
    "m66ig4yhlcskMBe6wEmR9tIcX3faEU4EalxfO4CaFWsP2JNJT5CNAjlFx3IrNUCnsr9OpI"
    "S4IOYDDwB8h2HZEbvlrEVGVlMWPdD0XMmBSgkNb8ORRrj2gMxDnkckeeDikx7SUkOAuuzj"
    "aeK4hwV2MF3ulAfJiGpD1jVDluOzXoYf+IV4D8j7DkGPzRFkIwlXkG0yLuMN1kFjY5lq/S"
    "yJcOMg4JE1cJEHwh7GYO1h7sc6YL3ENgKYUZH85/9dwQcEXI8IBVBwQJH3iLyv/kvm9KtQ"
    "9NB9epPnEJp5xB4Vuy+7drdDQX+NU1bJfqwI7eL1J8S0269tqNyGTpGHzaXMdEZ3Si0m3L"
    "bR2z+3ZoEapi35fEGj1SpV7XtCZICExvFkUiWzO5kUZ3bFvUzS0VXaEjhqPkB0G9r8wmHS"
    "8uqyzS82Iu0zRi8zUdbGDb3oZPbl//H7QVg="
)
