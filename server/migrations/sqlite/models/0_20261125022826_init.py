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
    "Jg3gQBGwgQfWk3oAP4OUI6ep6jw1+DJbWQzQ5PXYYJYmzwLfhrQOASiX+kzg3BAK5W4Rl5"
    "gMOZ7TWeRVvNGHegycXxObQZEocsxEwHrzimRBwlrm3Lg9QUDTG5Cw+5BP/hIoPTO8QXyB"
    "EnPv0mDmNioc+IBX+u7o05RrYVe1xsyXt7xw3+uPKOXRD+zmso7zYzTGq7SxI2Xj3yBSXb"
    "1phwefQOEeRAjuTluePKx5dP5//S4BdtnjRssnnEiI2F5tC1eeTnzozw2MAwrm+mxu351D"
    "AGJQAyKZHgikfdOOtOPsJXo6Pjr4+/eXNy/I1o4j3m9sjXXza3DoHZGHrwXE8HX7zzkMNN"
    "Cw/jEFTTQRIJA/I0uG/FGY6XSI1w3DKBtOWbHgb/SOIeoJwHfHAgRD7sbU1AL36gdUPsR9"
    "/lOThPL67Ob6eTqx/l7ZaM/WF7+E2m5/LMyDv6mDh6cPJKHqfiRdq8YduLgJ8vpu+B/BP8"
    "enN97sFLGb9zvDuG7aa/DuQzQZdTg9C1Aa1I7wyOBqiJlqHX3ZW1o9fjltrrbfF6gFHE7f"
    "7Th173/p/y99kCOmpfB+0TXhZoddGvS/jZsBG54ws5er5+nePYnyYfzt5PPhyIVglvXfun"
    "RptzX2L4yh7/JyWlMI7aNIfzYMIw/Of3yHEZtNFy0AjmJ8cFID85zkRcnkoALi6vigpy4N"
    "5aNAh2M/COivXonA6thte4Fz+uPMZbswaBNulyBcljV/EWI7njR9hFsY6Y9K5Dvyk0Rr/J"
    "GaPfpMfo1aLkAL016B2+1XdgtITYLgPu1qB/4I6LzHaiVTa849R89wC5IfFQBO3IxEtoq1"
    "GOmiUj9o3doW9fF+hH39QEeg7Gb8/PLq4mlwfj4cjDWATimKMo+sepDozJA8UmMhj6owzX"
    "ELd6mnSoCtbXdXXlCkgHSePM7yOcgzwwg+b9GjqWETuTGJ0N4i5nyFHMg6e++bsfPiAber"
    "8qjbfPav0oL3XtXamDq5UvQR8Ljg4U6zmX7Y3SR9ZfeEyXcbrcG6Iz/zK9hQna9r4QiUv0"
    "FR4O2f2e8EzFJfoKjz/37YnQxeYqfQVJnPX0kn1fM/8yfYWJ4TsCuevs25tug+v0Fij4gC"
    "zjAaP1vkjJC/0krtMnpGSgSUc0K/RMn1qOlskjkMA77yfJe8s7KaJKhZSaCDqz1dRooFtI"
    "UR1MwHSNbUzBxug7wBfI/zeQUziywMHvU/r7K8CRmNDBeoHNBQhUWwC9RgAzMKfO4SCBcP"
    "VX1zqv1nk7MpB0VPHTOu9L9HoRnRcdnRyXYmH99tWQsM87jNbMcAcznlJ2zJykElbNEYQt"
    "n7BSHGEa6DTK76iDRID/A3r0wL4QTwWJqSK3FfltHQM5K8YVhx243sZOyQ4mMBC/HG3Y7r"
    "PJ7dnk7fngSzYBW2fEfEnvMJlwjpYrrgqZY+dzY2ZbthQTUtj0yaD5HcQydPUs2RCY1CXC"
    "92Alolpoen8BSDZ/X/wIOAXMpmtg0TUBK8jYmjoWuHMFsMJJ6aC58qs/HTR/CiUzMTOLk5"
    "8GeBX8pSPqJiPqLoidzc20dcidm55dFN5N6x5iW33eVPnlQG+XAd0N+zervRIya52z/Ac0"
    "Fz9kMaX3iKhm+dj53Fne2bQUk2DQ9GlqjAC6gqI7Ad8YeMZDwLiIFS1AxSoPQAYwZ+D2/e"
    "Sr0fjkEJxDcwFcJmwoF91VngVrzBeYyHZpgqz6e/yXzOES24/fgZW4ICJc3ApAv628IgLw"
    "TnRUcccHcS/mcXLrBbUR2BiCA+8Z5PE5f6VptxYGCXq9WC3SIbKbV6Bk+m/MqK5Q4fn4jj"
    "ejIgmTo+x8yVEqBVgOMMYCskUZmONWvaOVqg/ITBsjogjKsiEOLRpMnVyj2aARhI9OCiB8"
    "lIy1QoTlqTjCMlfKELFLOZTjVr1LUq0lw1orTdnod1NzKKI0oc8rLK62g9fjlj30eke8nL"
    "nETAyjO6mJrMrX2u+P2r/V+9dBKxuawlkzdWiduWRJG+60ammZa6tetGxW8ru8QXFL/RK1"
    "+SXyosZSb0/EQi/2nxaHXX/Xwp7CcM82PwwTonCkU7VJEPZQV1DEgTeyqeHA7br8TKde5G"
    "EOP6oXi9nQ93exqNMS++b1QmmJz5ww0SIGuZZ0ifaX92mssEENxX2CjK3SYkjKsIcpKqPx"
    "uFB/Huf053EScYfapfpz0L7B/ryVBrooiWBmiCAaPyhAPqUCS0gyYtuoXQLsmTCsC+1guG"
    "6WfTi9ubmMTbCnF9MExh+vTs8F9okqE2n2RycD6OTxFvIEeyaPR9nNSOrWnjtTkwljPcH+"
    "mQtUtJP01QUY9ulEPg/SHExd7ER6x/xz7Zjfjk4Kyjc6cmXTvma0VaXU76dYpLCp9Pdbas"
    "dNYn4Mls3iL2//TeJ0nJfMaBSnsTIa2ZBx6Swufm9+SxHEcJcFDTSDrRnsVow3HeUyNYP9"
    "Er1ehMFuP8PaHONXC8fabHHelgWyPavO22506xBgwjCsKMKhRYOktS3G52Y46+r3oyhi4j"
    "KTr8Jcp9K1Z8JNx1m6JH79GzYI5aqKi1P0OWNpuDXoAb55L8v5L9PYexKgeHA1+eVV7F25"
    "vLn+T9A8gvrZ5c1pco6grmOWinFCiwbhXkLibsrBd3GW0EJbXQnsdE3K5jZHTfSeAK1dlh"
    "mWq9EuUx24AmwL5o63rO8WhTX6zsYwFQ8Arj9eXhYThJsrLd8RnJ9J2OwiOrqwfBHxVxeW"
    "z4KpVk1TDkoqPdMfrHK0zKBFnVtYVPqg42sOnnwYKKqK01o81OJhK17sjspIWjx8iV4vIh"
    "7Kod9g5epVRW16twmm+jJKFnaQGYQ6RTGOGTVIsWEyoy7prBLTEbFLYiRh6ijKc4cuI5+J"
    "KQp1wqwHPH3tnxKnO8AcM9IgPwlyZKFRMvCJW/Yw8OluoJOOby3XgepZOHPBGDXRIoGqcJ"
    "BJHUvcsWwEmTKsJJen11FkCJmDlpQjw3VKpU1l2fcvi2pcKB1hnJOOME6nI4Tw7TCOqI31"
    "iJI3oqwgL7WhPW2pe3ahni3uRjbPloY7O9smbtUHqJvOuQkRNMqvWpXGDcb6xM9w7mKFAZ"
    "1Z1mAv10lPdU2VCbmsILIJKx2D6NSnMuNG9alP0X20e8Lbv5IDSXQTb2/pJKg60w+8rB9F"
    "+kGQDZSdfsCDFk2nH/hxkyUsgyQEyJjocwjlNkq4IaJ660wFnanQjiGlo5q1zlR4iV4vkq"
    "nAMS9XeW9r0MONznrLVdcXxn48UXIAC616OHh1d7BKz1GMUPqnmGlcwlXb25/QlZPGejtw"
    "q33djaQjutoULewoZ4vFxXaJ+RKm+lVq86tkUbLTtBiaaf+22b8JeqUgHZKw0nKALuPcpN"
    "DiU0VlPz6XstNii1axagVWq1haxeoAusVULFXYUAG8Pf+8XiJUKtBzt7NUc+B2td8mJ/RW"
    "6a9BUQGFBBupN5CtwuJIoxrrWftbU9IFrXNE1ezi0lpv1XprOwaRjipvWm99iV4vordmbT"
    "zMHEQzNx1qGkEeseX0lYbz+9ubazWeW4Pke4NNDv4GNma1wTr419wl3vZzMHOxzTFhh/J+"
    "/34G9VUClK++JoXWxLsgL5AqeOnOOOVQpcwhEy+hnaHbRMySXtnYHfr2HezwOT54e352cT"
    "W5PDg6Ho4SH5QLnHGcSid4gNyQP78kxlGzl4jxuBzE5dF9qcCW6ry7jA56aCiKruk6DiKm"
    "gnLIqToTsWlQNb+4vK1r0kukdBVJ6MpO5+poJRTLgfPOfqtWJ8w1mDCHGXN3WoTGDHV6QH"
    "uWnGmmYQXxLh6OmGn/ttm/ppQPbHs3BjFhqz3dZk/rdJT+ZUz0EVmdMvGyUia6Cm9ezsQH"
    "MVp/uDibPpfyvC3Urio+HininlOAPNqq3l3AWmZux8A71DLzCxIctcz8Er1eRGbW23rr3t"
    "Y7o5aCaM8mKYP2vcC3aZZS0+710+4yw1UEefeoVEX9uJX+bkECZkVdbER2+ZpxxExTdO2Z"
    "eNPxlpcovlPZ86ih9nGbfWwhU6aR7eLlhKn2c5v9rOl2Tbd3AVlNt2u6vQvwNkq3x0MysR"
    "p0FIRI8OXUG4KmVPzn6e+n3kYv1smpWf391BLKRAiBQpqI4ZOtTcR8Uqs4oUWGJkUGbxXj"
    "GN6fKXTzaYSIWS9IsjiTMCpEQo5ySMhRmoRszWKzbdj3aRWCV2XepE3rHr5A1VNxLhNDjp"
    "jiiOL1yQY4btWDlOMGvoYjHsJdSgaTLeBofFIGboWp7twFOjdeij5a+ntPcaseAl2LFriy"
    "5qWRjtr04UNPTUiumo6ri47zM8VK0nFxq2qQ7fzqSJNxTZJxZciidH9POyIggoqSdpELda"
    "qnF6bs4u94Ecpur6zXW/iArJ8wWg9U3NL25DCXW5LNjIeg3VPk0mACZEz/DwY8Q+BdB9jw"
    "kbocHGyGOzYEjDp8CObY5sgRf1qIMMwfX4lD1AEzyhfAtLEIVNnhIOGBWm6gLAnl+pXCxO"
    "qTus6m43oYJgtDaVJMZ962YjLoaA6mzrx9iV4vknkbHXqLrgWjNn1cc4+KrAVH2UvBUapE"
    "QEl5oce6wlGhlfZRzkr7KL3S9mOSNMTZdbUiJrqyVmysqqSylogNS+lpfvve0dPVE6V+wF"
    "2mr0dM2tHX5W1709f9hU8pkSA0afRz7Y5feKqL+f6YbZ85hfQppTaCJGPVFzNM4D0TlnUB"
    "vj3SbCc/vbm5jHXy04vklpWPV6fnAv5EpS79OZHmGGxPlS2FasRCI6q562dOJA2Yuz2h7f"
    "l3GCLv7P5yQHWk9fd0NlDQ1fLwMI+o/p/foAhDTTAHdA6YTddgTZ17wBeQA+Y6D/gBMQCB"
    "6UC2+BaYNsRLZAkDCznisJjH5RUdJDyArCGgDrAQtJQkdR33KFI9Itys6bhEf/Bd89PtGZ"
    "k6ylRqfvoler0IP30vIC2ztA7a95A6rZ5LWsFHm0IFvtlcUsREc0k1cEmWu0LGPSpJJ0Wt"
    "KsnOa1FNg3p2InSjQodo6iKrrt5dN2UHOUfLFVfAnP2R34hJczTH61YHwpGFmvDXDqAmzZ"
    "oDdtwRYP11XMm4MrTqYUzZ3RgyvXSwqXkv4n+XcKz6nEeuk5O2ugRGBzyt+o5p9tQeM+rf"
    "5oZaUi5syLiBHIcqaODsqnJxqz5A3XRpuTkmmC12okESpnoga9tAlpKznkce+Jk698h5j6"
    "DDZwgqCzonmwzzZIO119hYxFo/SwmF583Da9GausIpIae2AkK7RNURMx1W6zFKPUZNkIPN"
    "hWpo8s/kjkgwbKNLuTQ2AtWsCj4gh/mlkIqO7xGTHuoFo/G4CHE6HmcTp/JcgtNblSrv4T"
    "fvIbo1JbITrqzvkZfIvjVpXpB5nomyMunlWSezL/8HYX0JHw=="
)
