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
    "invoice_seq" INT NOT NULL
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
CREATE INDEX IF NOT EXISTS "idx_customer_busines_1bfc69" ON "customer" ("business_id", "name");
CREATE INDEX IF NOT EXISTS "idx_customer_busines_7c993d" ON "customer" ("business_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_customer_busines_c37ebd" ON "customer" ("business_id", "last_contact_at");
CREATE INDEX IF NOT EXISTS "idx_customer_busines_081a55" ON "customer" ("business_id", "status");
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
    "done_at" TIMESTAMP,
    "assignee_id" INT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "created_by_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    "customer_id" INT REFERENCES "customer" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_task_busines_1b6b2f" ON "task" ("business_id", "status", "due_at");
CREATE INDEX IF NOT EXISTS "idx_task_assigne_30a7c0" ON "task" ("assignee_id", "status", "due_at");
CREATE INDEX IF NOT EXISTS "idx_task_custome_8f752a" ON "task" ("customer_id", "created_at");
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
    "eJztXW1zo7YW/isaf7nZGTd3443TTnvnzjjZ7N20eelsvG2neztUBjnWDZZcJOJN2/3vV8"
    "Jg3gQBGwgQfWk3oAfwc4R09Jyjw1+DJbWQzQ5PXYYJYmzwLfhrQOASiX+kzg3BAK5W4Rl5"
    "gMOZ7TWeRVvNGHegycXxObQZEocsxEwHrzimRBwlrm3Lg9QUDTG5Cw+5BP/hIoPTO8QXyB"
    "EnPv0mDmNioc+IBX+u7o05RrYVe1xsyXt7xw3+uPKOXRD+zmso7zYzTGq7SxI2Xj3yBSXb"
    "1phwefQOEeRAjuTluePKx5dP5//S4BdtnjRssnnECMZCc+jaPPJzZ0Z4bGAY1zdT4/Z8ah"
    "iDEgSZlEhyxaNujHUnH+Gr0dHx18ffvDk5/kY08R5ze+TrL5tbh8RsgB4919PBF+885HDT"
    "wuM4JNV0kGTCgDxN7ltxhuMlUjMcRyaYtnzoYfCPJO8By3nEBwdC5sPe1gT14gdaN8R+9E"
    "2ew/P04ur8djq5+lHebsnYH7bH32R6Ls+MvKOPiaMHJ6/kcSpepM0btr0I+Pli+h7IP8Gv"
    "N9fnHr2U8TvHu2PYbvrrQD4TdDk1CF0b0Ir0zuBowJpoGVrdXVk7Wj2O1FZvi9UDjiJm95"
    "8+tLr3/5S9zxbQUds6aJ+wsmCri3Zdws+GjcgdX8jR8/XrHMP+NPlw9n7y4UC0Sljr2j81"
    "2pz7EuNX9vg/KSnFcRTTHM+DCcPwn98jx2XQRstBI5yfHBeg/OQ4k3F5KkG4uLzKK8ihe4"
    "tokOxm6B0V69E5HVpNr3Evflx5jrewBok26XIFyWNX+RYjueN72EW5jkB616HfFBqj3+SM"
    "0W/SY/RqUXKA3gJ6x2/1HRgtIbbLkLsF9I/ccZHZTrTKpnecmu8eIDckHwqnHZl4CW01y1"
    "FY0mPf4A59fF2kH31TE+k5HL89P7u4mlwejIcjj2PhiGOOouwfpzowJg8Um8hg6I8yWkMc"
    "9bToUBWtr+vqyhWIDlLGmd9HNAd5YAbN+zV0LCN2JjE6G8RdzpCjmAdPffi7Hz4gG3q/Ks"
    "23r2r9KC917V2pg6uVL0EfC44OFOs5l+3N0kfWX3pMl3G63JuiM/8yvaUJ2va+FIlL9JUe"
    "Dtn9nvRMxSX6So8/9+3J0MXmKn0lSZz14iX7vmb+ZfpKE8N3BHLX2bc33QbX6S1R8AFZxg"
    "NG632Zkhf6SVynT0xJR5OOaJbrmT61HC2TRyCBd95PkveWd1J4lYpQasLpzI6mRh3dQhHV"
    "wQRM19jGFGxA3wG+QP6/gZzCkQUOfp/S318BjsSEDtYLbC5AELUF0GsEMANz6hwOEgxXf3"
    "Ud59Vx3o4MJB2N+Ok470u0epE4Lzo6OS6lwvrtqxFhn3cYrVnhDmY8Zdgxc5JKoJoTCFs+"
    "YaU0wjTRaZbfUQcJB/8H9OiRfSGeChJTJW4r8ts6RnKWjysOO3C99Z2SHUxwIH452qjdZ5"
    "Pbs8nb88GXbAG2To/5kt5hMuEcLVdc5TLHzuf6zLZsKSaksOmTTvM7iKXr6iHZEJjUJcL2"
    "YCW8Wmh6fwFINn9f/Ag4Bcyma2DRNQEryNiaOha4cwWxwkhpp7nyqz/tNH8KQ2ZiZhYnPw"
    "3wKvhLe9RNetRdCHY2N9PWEe7c9Oyi9G5a95Db6vOmyi8HersM6K7bv1ntlQiz1jnLf0Bz"
    "8UMWU3qPiGqWj53PneWdTUsxCQZNn5bGCKArKLoT8MHAAw8B48JXtAAVqzwAGcCcgdv3k6"
    "9G45NDcA7NBXCZwFAuuqs8C9aYLzCR7dICWfX3+C+ZwyW2H78DK3FBRLi4FYB+W3lFBOCd"
    "6Kjijg/iXszT5NYLaiOwAYID7xnk8Tl/pWW3FjoJer1YLdMhs5tXoGT6bwxUl6vwfHrHm1"
    "GRhMlRdr7kKJUCLAcYYwHZogzNcVTvZKXqHTLTxogonLJsikNEg6mTazQbNMLw0UkBho+S"
    "vlbIsDwVZ1jmShnCdynHchzVuyTVWjKsdaQpm/1uxhyKRJrQ5xUWV9vB6nFkD63eEStnLj"
    "ETw+hO0URW5Wvt90dt3+rt66CVDU1hrJnatc5csqSBO61aWmbaqhctm5X8Lm9QHKlfoja/"
    "RJ7XWOrtiSD0Yv/p4LDr71rYMzDcs80Pw0RQONKp2hQQ9lhXSMSBNbKl4cDsuvxMp17kYY"
    "4+qheL2dT3d7Go0xL7ZvVCaYnPnDDRIgW5lnSJ9pf3aaywQQ3FfYKMrdLBkBSwhykqo/G4"
    "UH8e5/TncZJxh9ql+nPQvsH+vA0NdDEkgpkhnGj8oCD5lAouIcnwbaO4BNkzAayL7WC4bl"
    "Z9OL25uYxNsKcX0wTHH69OzwX3iSoTafVHJwPo5PEW6gR7Jo9H1c1I6taeO1OTCWM94f6Z"
    "C1S0U/TVBRj26US+DtIcTV3sRHrH/HPtmN+OTgrJNzpyZcu+ZrRVpdLvp5insKn091tqx0"
    "1ifvR+g7fzJnEiokiqTtuQcck9F4+f1UZ4I9xleiePFqFbMmR0VI7UIvRLtHoREbr9Imlz"
    "ol0tMmmz9XVb5ov2rMBuu9mtI4biO2AlGA4RDerOthifm5Gdq99SkvSDS06+CrjOhmvPhJ"
    "v2s3RV+/r3XBDKVUUTp+hzxtJwC+gBv3kvy/kv09h7ErB4cDX55VXsXbm8uf5P0DzC+tnl"
    "zWlyjqCuY5bycUJEg3QvIXE3Fd27OEvoWFldOeh0TcqmJ0chOq1fhx/LDMvVhB9THbgCbg"
    "umf7es7xalNfrOxjgVDwCuP15eFovpNlcdviM8P1Nssovs6NrwReK3ujZ8Fk21hiXloKQK"
    "SfqDVU44MmhR5y4UVWTQiQYXg6Co4rQOHurgYSte7I6GkXTw8CVavUjwUA79BitXciqK6d"
    "0+luorIVnYQWbg6hTlOAZqUGLDZEZd0tlITEeCXZIjSVNHWZ47dBn50ktRqhOwHuj0tX8N"
    "nO5AcwykSX6S5MhCo6TjE0f20PHprqOT9m8t14HqWThzwRiF6CCBqvaPSR1L3LGsB5kCVp"
    "LL02svMqTMQUvKkeE6pdKmsvD9y6IaF0pHGOekI4zT6QghfTuMI2qwHlHyRpQV5KX2pKeR"
    "umcX6tnibmTzbGm6s7Nt4qg+UN10zk3IoFF+1aoEN+jrEz/DuYtFAnRmWYO9XCc91TVVJs"
    "JlBZlNoLQPolOfyowb1ac+RbfC7klv/6oGJNlNvL2lk6DqTD/wsn4U6QdBNlB2+gEPWjSd"
    "fuD7TZZABkkIkDHR5xDKbZQwQ3SXtM5U0JkKrRhSOhqz1pkKL9HqRTIVOObliudtAT3c6K"
    "y3XHV9Yez7EyUHsBDVw8Gru4NVeo5ihNI/xUzjEq7a3v5EXDkJ1tuBW23rbiQd0dWm7mBH"
    "NVssLraLz5eA6lepza+SRclO02II0/Zts30T8kpBOSSB0uEAXYm5yUCLLxWV/X5cCqeDLT"
    "qKVSuxOoqlo1gdYLdYFEvlNlRAb8+/kJdwlQr03O0s1Ry5Xe23yQm9VfHXoKiAIgQbqTeQ"
    "HYXFkUY1lqT2t6aka1LnBFV1WWkdb237AN3RyJuOt75EqxeJt2ZtPMwcRDM3HWoZQR6x5f"
    "SVpvP725trNZ9bQPK9wSYHfwMbs9poHfxr7hJv+zmYudjmmLBDeb9/P0P0VRKUH31NBloT"
    "74K8QKrgpTvjlENVZA6ZeAntjLhNBJa0ygZ36OM72OFzbPD2/OzianJ5cHQ8HCW+CRcY4z"
    "iVTvAAuSF/fkmOo7CXyPG4HMXl2X2pxJbqvLuMDnpoKMqu6ToOIqZCcsipOhPBNBg1v7i8"
    "rWvSS6R0FUnoyk7n6mglFMuB885+blYnzDWYMIcZc3dahMaAOj2gPUvOtNKwgngXC0dg2r"
    "5ttq8pwwe2vZuCmMBqS7fZ0jodpX8ZE31kVqdMvKyUia7Sm5cz8UGM1h8uzqbPFXneFmpX"
    "FR+PFHHPKUAebVXvLmAdZm7HwDvUYeYXFHDUYeaXaPUiYWa9rbfubb0zaimE9myRMmjfC3"
    "6bVim17F6/7C4zXIWTd49KVdSPo/R3CxI0K+piI7LL14wjMC3RtWfiTftbXqL4TmXPo0Bt"
    "4zbb2EKmTCPbxcoJqLZzm+2s5XYtt3eBWS23a7m9C/Q2KrfHXTKxGnQUgkjw5dQbgqZU/O"
    "fp76feRi/WyalZ/f3UEpGJkAJFaCLGT3ZsImaTWoMTOsjQZJDBW8U4hvdnit18GSEC64VI"
    "FlcSRoVEyFGOCDlKi5CtWWy2jfs+rULwqsybtGndwxeoeinOZWLIEVMcUbw+2QTHUT1IOW"
    "7gazjiIdylVDDZAo7GJ2XoVkB15y7QufFS9NHS33uKo3pIdC2xwJU1L810FNOHDz01EXLV"
    "clxdcpyfKVZSjoujqmG286sjLcY1KcaVEYvS/T1tiEAIKiraRS7UqZ5eWLKLv+NFJLu9sl"
    "5v4QOyfsJoPVBpS9uTw1xtSTYzHoJ2T4lLgwmQPv0/GPCAwLsOsOEjdTk42Ax3bAgYdfgQ"
    "zLHNkSP+tBBhmD++EoeoA2aUL4BpY+GossNBwgK13EBZEsr1K4WJ1Sd1nU3H9ThMFobSop"
    "jOvG3FZNDRHEydefsSrV4k8zY69BZdC0YxfVxzj4qsBUfZS8FRqkRAyfBCj+MKR4VW2kc5"
    "K+2j9Erb90nSFGfX1YpAdGWt2FhVSWUt4RuWiqf57XsnT1cvlPoOd5m+HoG0o6/L2/amr/"
    "sLn1JBghDS6OfaHb/wVBfz/THbPnOK6VNKbQRJxqovBkzwPRPIugjfHmm2k5/e3FzGOvnp"
    "RXLLyser03NBf6JSl/6cSHMKtheVLcVqBKEZ1dr1MyeSBsrdntT2/DsMkXd2/3BAdaL193"
    "Q2UMjV8vAwT6j+n9+giEJNMAd0DphN12BNnXvAF5AD5joP+AExAIHpQLb4Fpg2xEtkCYCF"
    "HHFYzOPyig4SFkDWEFAHWAhaSpG6jnsUqR4RbtZ0XKI/+K716faMTB1VKrU+/RKtXkSfvh"
    "eUlllaB+17KJ1WryWt4KNNoYLfbC0pAtFaUg1akuWukHGPSspJUVQl2XktqmlQz06EblTo"
    "EE1dZNXVu+uW7CDnaLniCpqzP/IbgTQnc7xutSMcWagJe+1AahLWHLHjjhDrr+NK+pUhqo"
    "c+ZXd9yPTSwabmvfD/XcKx6nMeuUZOYnUJjA5YWvUd0+ypPQbq3+aGWlIubMi4gRyHKmTg"
    "7KpycVQfqG66tNwcE8wWO8kgCageyNo2kKXCWc8THviZOvfIeY+gw2cIKgs6J5sM88IGa6"
    "+xsYi1fpYSCs+bh9eiNXWFU0JObQWEdvGqIzDtVusxSj1GTZCDzYVqaPLP5I5IMGyjS7k0"
    "NgLVHBV8QA7zSyEVHd8jkB7GC0bjcRHhdDzOFk7luYSmtypV3sNv3kN2a0pkJ1xZ3yMvkX"
    "0LaT4g8zwTZWWhl2edzL78H3o097Q="
)
