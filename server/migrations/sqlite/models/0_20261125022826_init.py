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
    "on_duty_user_id" INT
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
);
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
    "o8x+07HM9bamCIlAj2DOZE40cByJV7ymTkOtxIJjbXg91HRhcD6OLxHuYJ9iweT2c3U6Vb"
    "ey5QzReMKYL9C+9+0s+kb73dPQxPSN63s8XHEIHSO3xUf21Rwqg7mIY4iPSWDHpLhuZxa5"
    "NP2E5/Ak4hPTWW8wpmulWj3MLHjCsa7on8a2FJV84Bi/My7FewwCt3O5v4LmmUzZOWNLKh"
    "R7myKPt7q1syL5n6XtxAUySaIumFvRloslxTJK9R63Uokv6n8LtLKbeSxO/2GIOeBQCKnW"
    "PQb3TbYPgSN6wuwolEh6yIzexzN6RI8wueBD6xzOQrENe1mv2ZcIt+lj48qP0VQQ6hoq1Q"
    "5+j3ktBwK6AAvlUfy/kv88x3EqN4cDX75U3mW7m8/vCvuHkK9bPL69P8HEF815TycRKJDu"
    "FeQccPD84Z4iyhmdy2VkiQjSN9wkdKRC860eS4jFluhhwvDOAGsK25OKFnY7curOlvNoMp"
    "ewHw4cfLy3oVB90djDEQnIXM+X4AadL89bLB+lSMGiDpUzFehvflhlvE+UYGvYLvjVu0uY"
    "5MxKG6ES8TUKwx6yy4rQlWTbD24sMeKNWmCdbXqPU6BGtw/qrk0a1pGeVWojW/l5mFXWTG"
    "rk5djDNCHaYhsbMgvjNYtmoghCDHiMM0UJTvXLJKndVUF+qcmAJcRtumg9ttaZgzQhrkZ0"
    "FOBRqSjk9WUkHHZ7iOTtG/tXwXimfh0oAxLaKJFNHuXSZxLfZEWQ+yINhIvZPSXmQCmYtW"
    "hCLDd6VKy8rk1as0m9Yq2ZhWlGxMiyUbCXw72BGxsLYoVRZlDanUrhJFST2ya41s9jQnfL"
    "ci3OUVSVkpFaDuui4pQdCQj1qFwh36+k5UBT7EbT509V2Ho1wXhrU1VebosprI5qS0D6LL"
    "w2TsRvPlYem1xnvCq96+H3l0c1+vdKFYm+UHcVmUoAIhVTFVXoSwSjV6/oQz8PMSUm+2Xo"
    "NIbgwQ5pUHYAOfDsHnFbIw/Px1cGgYcqj7FJ5CSik0lyt2YTzKKaaBLj85n//8FFS/sF/B"
    "4PzEnvJplATc4W8eoIT/8vAfUZvQi/s0+vIZHPD7wA3qYx4RPyb16vz9xcy4ub6e1z3UrG"
    "qRvKjY4pnbGTYq3zZf1oHYawSCumxDl230w74OlMDXZRuvUet1yjaiGUo2754T01n30TNZ"
    "9yHVbnQGc/MpmQWxnmQyMnF7nZCRTsgEXmwR6+9vrz+U2YxIID9DYJOC/wEbe61lY0b/uP"
    "Od4EsCCx/bFDveIX/eP19AGRygamXkcc9Zfd5BYW3qQMqVkIlYKNJRVVjz5gW5LnEZiJZg"
    "GXBp2JEV0omyYgYyRCgVt9cdxAVBFfijDvYNSEJrGYuRFlJgwswZi8m7OtZi8q7cXPB7uV"
    "2RXHKHbWTI7j6Vl1MO7Vb2oIoTZrJV6Fkx9UxIC6dqR5A9QhdzBASeR7kfKBTeyyfsGfov"
    "4/ztVnaaCOrdlPqTpilm5zT9renvgQHLTxWQPu04K6Rh1VUFMqZeVxUMoKpAYCMaQFftXX"
    "2yZrFX5RrBJi2CWo1485byQg0at+h6t4go8Wkxybj2AHoeG24IVTZ6ptYhEXIIxQy+mBJN"
    "91HayHMI+YP98h2K7bBt0OLJMG2IV7oIQhdB9MRoDZQO10UQr1HrdYogKKa2VH52K6AgKa"
    "83Kh46Mx+5G5IGLJFS0HgN11gV56isoyip5YKwTvv2WtfDqOsg6/As2SHWdOTCMJmPKSeq"
    "P6U+f0qZYFrig8rLqccPN7+vk0WcnVyQREx/S33+lnLZspqpp5yUZiMFpJnmeVvjeaO0nC"
    "wjWZDTpKQm0VsFVrO9mu0dALrybG/sADQAb026d6gjN+cq1Ri521mqO3CHOm7zE3qv6PT4"
    "SA8Bo5467aOcVMepRo3y6h8zk0+0MeyvBbb9GY5cTMZrbltz2/0wIgNlOTW3/Rq1XofbLt"
    "v2u9SIlm75rdMI/IrNp68inOXLXbYCetlz5pNpZOWLv6CEQhELiky8gnYJR5YSy2sllDuM"
    "5Ac44Ct08P787OJqdnlwdDwOs/lMFTh0e2NlHBdKNx4hNfifL4lxWuw1YjyVg1ge3dcKrN"
    "Tg3cU6aNNQF13Td13kmIKUQ8Vq25RMhxUKF5e3bU16OTK1DpdaTqUO9Bwiy4V3tBuA9T7O"
    "gy5OxJ7n7xSEZgR1eUB/Qs5ipmEN8S4aTolp/fZZvyanD2x7twxiTlZrus+a1uUo6lVMqI"
    "isLpl4XSUTQ4W3qmbihlnrm4uz+Usxz2fEieniAvW8vTeu4p7NdKt2F3VrmrkfhnesaeZX"
    "RDhqmvk1ar0OzayXULe9hLr/W5u/UEzdRpZSp93bT7vzClfm5D0gqTMRslLNYK30yRPB1l"
    "E77A2aiOkUXX8m3qK/FRSK7+JuZQS1jvusYwuZvIxsFy3nRLWe+6xnnW7X6fYhIKvT7Trd"
    "PgR4O023Z10yFg26goTIaSR77aA5Yf+5CU5nFZ7wFqnpNt3ZIKfmgpq+SDITCQQCaiKDTz"
    "k3kdFJq+SEJhm6JBmCKMaVPmEnJ6ZEkqyDI3Z6E2z2DXuVohC8lvmSwtYKfkDNp+J8j5kc"
    "NsU5gs+nHOCslAIlx1mYp7Xs1LTCTk2Ldoq9hL8KDvVawsn0RAZugage3DUGN17xA6HXkH"
    "UvYz0yUgoC3QoXuLbupJFOyyi4h2ErlKtOx7WVjosqxSTTcVmpZpAdfHSkk3FdJuNkkkXF"
    "8V5URJwIqpu0S3U0qJFeO2WX/cbrpOz2qnq9hY/I+gmjzUiUW9reHFfmlngz4zFu91xyaT"
    "QD3Kf/iwcCQRD0A2z4RHwKDkJz542BR1w6BnfYpshlPy3keJg+vWGXiAsWhC6BaWPmqHqH"
    "o5wGWnmAcEsoP9opjEWfxHfDgRtgmN8YSifFdOVtLyaDgdZg6srb16j1OpW3adNbNxZMy6"
    "gYcze+ob0svaAwr3BUK9I+qoi0j4qRduSTFCGuOkZ+K6J31srYqkZ21mK+oRSfFrVXLj3d"
    "fKI0crhlxnpKpB9jnT9WmbEeBT5SJEEi0uGId4gbbTw1xHp/7G3fuYD0KSE2gk5J1JcRzO"
    "G9YJJtAb690u0gP72+vswM8tOL/JKVH69Ozxn8uZ269HEi3WWwA1ZWCtWUhEZU565fuJA0"
    "ztztCa3i5zCkvtn96YDmktY/+N7y1l+k//RC7rrQZlyVwl6z1oaXb14jk71wySbMNf+MFo"
    "A/FKS7AQd0iUD+XQB3w96MAdk4yAKLJ0AcFKSsRansFp6gizj7la9GjrUmWK4sKi2jZpql"
    "Zp6lMtFSyLTEsBlL6EnVjxQE9drbZ0P99WR6YslV6WwlFBzTrZQkQ1+uDipuryC+raRmdd"
    "FqV+VmmrUtR3+Y/F0d1taGHmWet2ny6E1e9QJxvca7P3RtUd86JadTcn1GVKfkdEquz7D2"
    "NCX3PVmMBFk4fnlclXj7b9SgTtGogykgd8CzyQZsiPsA6BJS4PnuI35EHoDAdFls/jUwbc"
    "imeYsJWMhll20EeY8uYhpA1hgQF1jMnxLWjbbxjDobuib7p7m+E+zjqlNwumS0F5ZJ4eBD"
    "l4yqpvU6JaMPDFKZZE7cXsGUWQs5X/hkEyjAt7y8KyWiy7sy31Az5V2Wv0bGA5Ks8EpLNb"
    "JgtkdURzubgwxj01zW1EdWW6O77So6SClarakA5lIXOC3SXZrjq147wqlAjelrB1DzYt0B"
    "Ox0IsFEcJ+lXJlIK+pTD9SEFvAUxH5j/7zsUi07YrSYtcrKasRiAphdS/lNGSL39Rlqh2g"
    "MuD7kuEaSByw96yEqpAHXVx9PGaQ932MHecqc0SE5UG7K+GbICnfUy9MDPxH1A7ncIunSB"
    "IB0JqIJ8k3EVbbAJGhvLTOsX2dX0ZZfG9iimbnBKqNjuFKFdvOqUmHartY0S26gZcrG5FJ"
    "mm6E6lRYJJG727cmcWqGVW8BG5XrQYpK59T4koyBdMptM6idPptDxxyu/lcnprqR13o+YK"
    "otvS3hIOFVYvV+0tsRXpnpB5mYmyMerlRSezL/8HhKwfbQ=="
)
