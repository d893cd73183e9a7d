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
    "on_duty_user_id" INT
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
    "status" VARCHAR(16) NOT NULL,
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
    "eJztXW1z47YR/isYfalvRnVjneXeJJ3OyD6ncWqfM7byMr3L8CAStlBThEKCVpz0/nsBvo"
    "hvIE1IJE3C+JKcSCxIPwsudvdZAH+OVsRCtnd46nvYQZ43+hr8OXLgCrF/FO6NwQiu18kd"
    "foHChR00XqRbLTzqQpOy63fQ9hC7ZCHPdPGaYuKwq45v2/wiMVlD7Nwnl3wH/+Yjg5J7RJ"
    "fIZTc+/souY8dCvyMv/rl+MO4wsq3M62KLPzu4btCndXDtwqHfBg350xaGSWx/5SSN1090"
    "SZxta+xQfvUeOciFFPHuqevz1+dvF/2l8V8UvmnSJHzFlIyF7qBv09SfuzCSayPD+HA9N2"
    "7P54YxkgDIJA4Hl71qqKx7/gp/nRwd//343duT43esSfCa2yt//xI+OgEmFAzg+TAffQnu"
    "QwrDFgHGCaimizgSBqRFcN+zOxSvkBjhrGQOaSsSPYz/kcc9RrkK+PhCgnwy2rqAnv2B1r"
    "VjP0Uqr8B5fnF1fjufXf3AH7fyvN/sAL/Z/JzfmQRXn3JXD07e8OuEfUjhF7btBPx8Mf8O"
    "8J/gP9cfzgN4iUfv3eCJSbv5f0b8naBPieGQjQGt1OiMr8aosZaJ1v21taPWs5Ja633Reo"
    "xRSu3R2ydaD/5f0PfZErpiXcftc1pmaA1Rryv4u2Ej554uufX86qsKxf40uzn7bnZzwFrl"
    "tPUhujUJ733J4MtH/B/EkcI4LdMdzqOZh+Hfvkeu70EbrUadYH5yXAPyk+NSxPmtHOCse5"
    "FXUAH3VqJDsLuBd1JvRFcMaDG8xgP74+Qx3op1CLRJVmvoPA0Vb2bJ3cjDrot1SkS5Af22"
    "lo1+W2Gj3xZt9HopaaC3Asrh2/wARiuIbRlwtwLqgTutM9uxVuXwTgvz3SOkBsdD4LQjE6"
    "+gLUY5LZb32EO5w0i+LdCP3rUEegXG78/PLq5mlwfT8STAmDnimKI0+seFAYydR4JNZHjo"
    "N5lcQ1bq+aRDU7B+1dZQbiTpkEo0Yc9jMaMJbdu4I7ZNNv66iO8pITaCjhjjsi5yYC9YH2"
    "2hvb3S7Tg+vb6+zASYpxfznM348er0/ObgKDfMq/VA0WptM4QMT86DrupDOSvefMjC4LF8"
    "+mT4HnKFsUuplRFI7mRpovxQb+LyBmwNTxnfPaTym/zCApoPG+haRuZOzhM0HH+1QK7A5z"
    "6NxL/99w1iY5z/VUXEowz6D7yrD0FPA8yMfIlHWnx1JMgd8VG3J0o/eurCY/oeJau9ITqL"
    "ulEWJjZr7AsR60JVeFYslIf3aE+ErsJeVAWJQu9hT4TmrAtV4YmCkT0Rugh7URUkdjcgsP"
    "e1RVE3qsLk4XsHUt/ddzTdxv0oCxR8ZDHRI0abfZHiHf3E+lEVqbXvLQ3PX2yfsK/rzfq7"
    "TXWnEm48iiETUhbXFG+tJqv8FegwV8CKns2fJAhZBDVBuYimvCwoHUUFLZ8rDRrNwHyDbU"
    "xAKPQNoEsU/Rtw/xBZ4ODznHx+Ayhi3iLYLLG5BHH5EYBBI4A9cEfcw1EO4eZ71wVLumBp"
    "IIZkoKUrumDpNWq9TsESOjo5lqITo/bN5KFf1oy2TNXGM55cDjon1R3T1fMJq5CALgJdRP"
    "lb4iIWGP0bPQVgX7C3go4pYmkFhdoDA7nMx2WXXbjZ+k75AcY5D2SjkM86m92ezd6fj76U"
    "Z/fb9JgvyT12ZpRzXlTkMmfuV/rMNm/JJqSk6bNO87cQc9c1kPTGwCS+w3QP1syrhWbwC0"
    "An/H3xA6AEeDbZAItsHLCGnrchrgXufQYsU1LRaW689+ed5o9J7QebmdnNjyO8jn9pj7pL"
    "j3oIVTvdzbRt1O1gQbVDObxYVNigArbNs+ny4YCyYcBw3f4w2pPg8Nuc5W/QHftDlnPygB"
    "zRLJ+5XznLu2FLNgnGTZ9PjTmArCEbTiASBoHwGHiU+YoWICzKA9ADmHrg9rvZXyfTk0Nw"
    "Ds0l8D0mQygbrvwu2GC6xA5vV0yQNf+MT84dXGH76RuwZh0ih7JHARi15T0iAO/ZQGVPfG"
    "TP8oKc3GZJbARCQXAQvAO/fkff6LRbD50EHS+2VRwZfgKS61gyQm25Ci+X73g7qVP5Pykv"
    "/J8U1rJwA2MsobeUgTkrpVxaqXmHzLQxcgROWTnEiUSH1aMbtBh1gvDRSQ2Ej/K+VoIwv5"
    "VFOCj/ZL6LHMpZKeXqdFtZKqSZpnL0h8k51GGa0O9rzHrbQetZSQW1PhAtl4aYOTO6E5vo"
    "NflZ96wUXyX9umhtQ5MpayF2rUtDlqKgXmVRDFrCSH6XLygrqT+iPn9E8ouU9l2c1Lcpr2"
    "Vy2I+WxOxJDCu2smacI4VTg6pPhHCAuiBFHGujPDUcq13vozaoD3lckR/VwWI59OoGi7os"
    "UTWt1ypLfOGCiR5lkFspl+j/PnWd7dDTwi51ccWWNBlSEFSwRGUyndYaz9OK8TzNI+4SW2"
    "o8x+07HM9bamCIlAj2DOZE40cByJV7ymTkOtxIJjbXg91HRm+ipivzBxKz6cr8flTmp1PH"
    "qbq4PVf/5qvxFMH+hbeW6WdGvd7WKYYnrIxoZ/+UIQKlt0+p/tqibFx3MA1xEOn9LvR+F8"
    "3j1iZZs53+BIRNemosJ23MdKtGiZuPGVc0jJV+LayXyzlgcdKL/QpWz+VuZ1mFkkbZJHRJ"
    "Ixt6lCuLsr+3uiXzkqnvxQ00/6T5p17Ym4EyEZp/eo1ar8M/9Z8f6S5f3wpD0m16s2cBgG"
    "KHRPQb3Tbo08QNq4twItFhft5m9rmbHH3zq8kEPrHM5CsQ14Ww/Zlwi36WPpmp/eVWDqGi"
    "fWbn6PeS0HAroAC+VR/L+S/zzHcSo3hwNfvlTeZbubz+8K+4eQr1s8vr0/wcQXzXlPJxEo"
    "kO4V5Bxw9PJRriLKGZ3LaWn5CNI318SkpEr+jR5LiMWW6GHC8M4Aawrbnyo2djty6s6W82"
    "gyl7AfDhx8vLehUH3Z06MhCchcz5fgBp0vz1ssH6yJEaIOkjR16G9+WGW8T5Rga9gu+NW7"
    "S5SE/EoboRLxNQrDHrLLitCVZNsPbiwx4o1aYJ1teo9ToEa3C4reS5uGkZ5Zb5Nb9RnIVd"
    "ZMauTl2MM0IdpiGxsyC+M1i2aiCEIMeIwzRQlO9cskodhFUX6pyYAlxG26aD221pmDNCGu"
    "RnQU4FGpKOT1ZSQcdnuI5O0b+1fBeKZ+HSgDEtookU0dZoJnEt9kRZD7Ig2Ei9k9JeZAKZ"
    "i1aEIsN3pUrLyuTVqzSb1irZmFaUbEyLJRsJfDvYEbGwtihVFmUNqdSWHUVJPbJrjWz2NC"
    "d8tyLc5RVJWSkVoO66LilB0JCPWoXCHfr6TlQFPsQ9VHT1XYejXBeGtTVV5uiymsjmpLQP"
    "osvDZOxG8+Vh6bXGe8Kr3r4feXRzX690oVib5QdxWZSgAiFVMVVehLBKNXr++Djw8xJSb7"
    "Zeg0huDBDmlQdgA58OwecVsjD8/HVwIhtyqPsUHvFKKTSXK3ZhPMoppoEuPzmf//wUVL+w"
    "X8Hg/MSe8mmUBNzhbx6ghP/y8B9Rm9CL+zT68hkc8PvADepjHhE/g/bq/P3FzLi5vp7XPT"
    "GuapG8qNjimdsZNirfNl/WgdhrBIK6bEOXbfTDvg6UwNdlG69R63XKNqIZSjbvnhPTWffR"
    "M1n3IdVudAZz8ymZBbGeZDIycXudkJFOyARebBHr72+vP5TZjEggP0Ngk4L/ARt7rWVjRv"
    "+4853gSwILH9sUO94hf94/X0AZHKBqZeRxz1l93kFhbepAypWQiVgo0lFVWPPmBbkucRmI"
    "lmAZcGnYkRXSibJiBjJEKBW31x3EBUEV+KMO9g1IQmsZi5EWUmDCzBmLybs61mLyrtxc8H"
    "u5XZFccodtZMjuPpWXUw7tVvagihNmslXoWTH1TEgLR5ZHkD1CF3MEBJ5HuR8oFN7LJ+wZ"
    "+i/j/O1WdpoI6t2U+pOmKWbnNP2t6e+BActPFZA+SjorpGHVVQUypl5XFQygqkBgIxpAV+"
    "1dfbJmsVflGsEmLYJajXjzlvJCDRq36Hq3iCjxaTHJuPYAeh4bbghVNnqm1iERcgjFDL6Y"
    "Ek33UdrIcwj5g/3yHYrtsG3Q4skwbYhXughCF0H0xGgNlA7XRRCvUet1iiAoprZUfnYroC"
    "AprzcqHjozH7kbkgYskVLQeA3XWBXnqKyjKKnlgrBO+/Za18Oo6yDr8CzZIdZ05MIwmY8p"
    "J6o/pT5/SplgWuKDysupxw83v6+TRZydXJBETH9Lff6WctmymqmnnJRmIwWkmeZ5W+N5o7"
    "ScLCNZkNOkpCbRWwVWs72a7R0AuvJsb+wANABvTbp3qCM35yrVGLnbWao7cIc6bvMTeq/o"
    "9PhIDwGjnjrto5xUx6lGjfLqHzOTT7Qx7K8Ftv0ZjlxMxmtuW3Pb/TAiA2U5Nbf9GrVeh9"
    "su2/a71IiWbvmt0wj8is2nryKc5ctdtgJ62XPmk2lk5Yu/oIRCEQuKTLyCdglHlhLLayWU"
    "O4zkBzjgK3Tw/vzs4mp2eXB0PA6z+UwVOHR7Y2UcF0o3HiE1+J8viXFa7DViPJWDWB7d1w"
    "qs1ODdxTpo01AXXdN3XeSYgpRDxWrblEyHFQoXl7dtTXo5MrUOl1pOpQ70HCLLhXe0G4D1"
    "Ps6DLk7EnufvFIRmBHV5QH9CzmKmYQ3xLhpOiWn99lm/JqcPbHu3DGJOVmu6z5rW5SjqVU"
    "yoiKwumXhdJRNDhbeqZuKGWeubi7P5SzHPZ8SJ6eIC9by9N67ins10q3YXdWuauR+Gd6xp"
    "5ldEOGqa+TVqvQ7NrJdQt72Euv9bm79QTN1GllKn3dtPu/MKV+bkPSCpMxGyUs1grfTJE8"
    "HWUTvsDZqI6RRdfybeor8VFIrv4m5lBLWO+6xjC5m8jGwXLedEtZ77rGedbtfp9iEgq9Pt"
    "Ot0+BHg7TbdnXTIWDbqChMhpJHvtoDlh/7kJTmcVnvAWqek23dkgp+aCmr5IMhMJBAJqIo"
    "NPOTeR0Umr5IQmGbokGYIoxpU+YScnpkSSrIMjdnoTbPYNe5WiELyW+ZLC1gp+QM2n4nyP"
    "mRw2xTmCz6cc4KyUAiXHWZintezUtMJOTYt2ir2EvwoO9VrCyfREBm6BqB7cNQY3XvEDod"
    "eQdS9jPTJSCgLdChe4tu6kkU7LKLiHYSuUq07HtZWOiyrFJNNxWalmkB18dKSTcV0m42SS"
    "RcXxXlREnAiqm7RLdTSokV47ZZf9xuuk7Paqer2Fj8j6CaPNSJRb2t4cV+aWeDPjMW73XH"
    "JpNAPcp/+LBwJBEPQDbPhEfAoOQnPnjYFHXDoGd9imyGU/LeR4mD69YZeICxaELoFpY+ao"
    "eoejnAZaeYBwSyg/2imMRZ/Ed8OBG2CY3xhKJ8V05W0vJoOB1mDqytvXqPU6lbdp01s3Fk"
    "zLqBhzN76hvSy9oDCvcFQr0j6qiLSPipF25JMUIa46Rn4ronfWytiqRnbWYr6hFJ8WtVcu"
    "Pd18ojRyuGXGekqkH2OdP1aZsR4FPlIkQSLS4Yh3iBttPDXEen/sbd+5gPQpITaCTknUlx"
    "HM4b1gkm0Bvr3S7SA/vb6+zAzy04v8kpUfr07PGfy5nbr0cSLdZbADVlYK1ZSERlTnrl+4"
    "kDTO3O0JreLnMKS+2f3pgOaS1j/43vLWX6T/9ELuutBmXJXCXrPWhpdvXiOTvXDJJsw1/4"
    "wWgD8UpLsBB3SJQP5dAHfD3owB2TjIAosnQBwUpKxFqewWnqCLOPuVr0aOtSZYriwqLaNm"
    "mqVmnqUy0VLItMSwGUvoSdWPFAT12ttnQ/31ZHpiyVXpbCUUHNOtlCRDX64OKm6vIL6tpG"
    "Z10WpX5WaatS1Hf5j8XR3W1oYeZZ63afLoTV71AnG9xrs/dG1R3zolp1NyfUZUp+R0Sq7P"
    "sPY0Jfc9WYwEWTh+eVyVePtv1KBO0aiDKSB3wLPJBmyI+wDoElLg+e4jfkQegMB0WWz+NT"
    "BtyKZ5iwlYyGWXbQR5jy5iGkDWGBAXWMyfEtaNtvGMOhu6Jvunub4T7OOqU3C6ZLQXlknh"
    "4EOXjKqm9Tolow8MUplkTtxewZRZCzlf+GQTKMC3vLwrJaLLuzLfUDPlXZa/RsYDkqzwSk"
    "s1smC2R1RHO5uDDGPTXNbUR1Zbo7vtKjpIKVqtqQDmUhc4LdJdmuOrXjvCqUCN6WsHUPNi"
    "3QE7HQiwURwn6VcmUgr6lMP1IQW8BTEfmP/vOxSLTtitJi1yspqxGICmF1L+U0ZIvf1GWq"
    "HaAy4PuS4RpIHLD3rISqkAddXH08ZpD3fYwd5ypzRITlQbsr4ZsgKd9TL0wM/EfUDudwi6"
    "dIEgHQmognyTcRVtsAkaG8tM6xfZ1fRll8b2KKZucEqo2O4UoV286pSYdqu1jRLbqBlysb"
    "kUmaboTqVFgkkbvbtyZxaoZVbwEbletBikrn1PiSjIF0ym0zqJ0+m0PHHK7+VyemupHXej"
    "5gqi29LeEg4VVi9X7S2xFemekHmZibIx6uVFJ7Mv/wdvd40q"
)
