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
    "eJztXWtz2zYW/SsYfVlnRuuNFcvttDs7IzvOxq0fmVhpO812WIiELKwpQCVAK243/30Bih"
    "TfNCmRNAnjSxuTuCR1Lh4X51xe/jVYUgvZ7PDUZZggxgbfgb8GBC6R+Efq3BAM4GoVnpEH"
    "OJzZXuNZtNWMcQeaXByfQ5shcchCzHTwimNKxFHi2rY8SE3REJO78JBL8B8uMji9Q3yBHH"
    "Hi82/iMCYW+oJY8Ofq3phjZFuxx8WWvLd33OCPK+/YBeHvvIbybjPDpLa7JGHj1SNfULJt"
    "jQmXR+8QQQ7kSF6eO658fPl0/i8NftHmScMmm0eM2FhoDl2bR37uzAiPDQzj+mZq3J5PDW"
    "NQASCTEgmueNSNs+7kI/x9dHT8zfG3b06OvxVNvMfcHvnm6+bWITAbQw+e6+ngq3cecrhp"
    "4WEcgmo6SCJhQJ4G9604w/ESZSMct0wgbfmmh8E/krgHKBcBHxwIkQ97WxvQix9o3RD70X"
    "d5Ac7Ti6vz2+nk6oO83ZKxP2wPv8n0XJ4ZeUcfE0cPTl7J41QMpM0I214E/HwxfQ/kn+DX"
    "m+tzD17K+J3j3TFsN/11IJ8JupwahK4NaEV6Z3A0QE20DL3urqwdvR631F7vitcDjCJu95"
    "8+9Lr3/5S/zxbQyfZ10D7hZYFWH/26hF8MG5E7vpCz5+vXBY79afLx7P3k44FolfDWtX9q"
    "tDn3NYav7PF/UlIJ46hNezgPJgzDf/yAHJdBGy0HrWB+clwC8pPjXMTlqQTg4vJZUUEB3F"
    "uLFsFuB95RuR5d0KGz4TXuxY+rjvHWrEWgTbpcQfLYV7zFTO74EXZZrCMmynXoN6Xm6DcF"
    "c/Sb9By9WlScoLcGyuFbfwdGS4jtKuBuDdQDd1xmtROt8uEdp9a7B8gNiUdG0I5MvIR2Ns"
    "pRs2TEvrE79O2bAv3o24ZAL8D47fnZxdXk8mA8HHkYi0AccxRF/zjVgTF5oNhEBkN/VOEa"
    "4lZPkw51wfq6qa5cA+kgaZz5fYRzkAdm0LxfQ8cyYmcSs7NB3OUMORnr4Klv/u7Hj8iG3q"
    "9K4+2zWh/kpa69K/Vwt/I16GPB0UHGfs5le6P0iakLj+kyTpd7Q3TmX0ZZmKBt7wuRuISq"
    "8HDI7veEZyouoSo8/tq3J0IXm6uoCpI46+kl+w4z/zKqwsTwHYHcdfbtTbfBdZQFCj4gy3"
    "jAaL0vUvJCP4nrqIrUymULg7mz7R32jSrF9W4jl1MJNxmg0xHNC9nTp5ajZfIIJPDO+0ny"
    "3vJOGdF4hgSdCNbzVejoBqGUEj2YgOka25iCjdH3gC+Q/28gQx9kgYPfp/T3V4AjEQiB9Q"
    "KbCxCo3QB6jQBmYE6dw0EC4fqvrvVxrY/3ZCLpqVKq9fGX6PUy+jg6OjmuxF777eshr593"
    "Gm1YGQhWvEy5NneRSli1R6x2fMFKcatpoNMov6MOEhujH9GjB/aFeCpIzCxRICMvsGcg58"
    "W44rAD19vYKdnBBAbil6ONSnA2uT2bvD0ffM0nrpuMmC/pHSYTztFyxbNC5tj5wpjZli3F"
    "ghQ2fTJofgexDF09SzYEJnWJ8D1YiagWmt5fAJLN3xcfAKeA2XQNLLomYAUZW1PHAneuAF"
    "Y4KR001371p4Pmz6HUKFZmcfLzAK+Cv3RE3WZE3QeRuL2VtgmZeNOzy8K7aa0gtvXnm1Xf"
    "Dii7Dehv2L/Z7VWQp5tc5T+iufghiym9RyRrlY+dL1zlnU1LsQgGTZ+mxgigKyi6E/CNgW"
    "c8BIyLWNECVOzyAGQAcwZu30/+PhqfHIJzaC6Ay4QN5aK7yrNgjfkCE9kuTZDVf4//kDlc"
    "Yvvxe7ASF0SEi1sB6LeVV0QA3omOKu74IO7FPE5uvaA2AhtDcOA9gzw+56807dbBIEHvF+"
    "tFOkR2MwQqpk3HjJoKFZ6P73gzKpNoOsrPMx2lUqflBGMsIFtUgTlupRytVH9AZtoYkYyg"
    "LB/i0KLFlNM1mg1aQfjopATCR8lYK0RYnoojLHPMDBG7VEM5bqVccm8jmelaacpHv5+aQx"
    "mlCX1ZYXG1Hbwet1TQ6z3xcu4WMzGN7qQmsjqHtd8ftX/r96+DVjY0hbNm2aF17pYlbbjT"
    "rqVjrq1707LZye8yguKWehB1eRB5UWOl0ROx0Jv9p8Vh13/bY09hWLGXRoYJUTjSqbokCH"
    "uoZ1DEgTfyqeHA7bpsT68G8rCAH9WbxXzo1d0s6rRE1bxeKi3xmRMmOsQgN5Iu0f2ySK0V"
    "hGigKFKQsVVZDEkZKpiiMhqPS/XncUF/HicRd6hdqT8H7Vvsz1tpoI+SCGaGCKLxQwbIp1"
    "RgCUlObBu1S4A9E4ZNoR1M1+2yD6c3N5exBfb0YprA+NPV6bnAPlGdI83+6GQAnTzeQZ5g"
    "z+TxKLsZSd3a8wXVZMKYItg/c2GPbpK+unDFPp3I50Hag6mPnUhXGtCVBurHrUmafDurZ1"
    "Dl0Rk/ny43o61qpcw/xyKsTWXJ31JvKiXiioBuEH957y0lTsf53JxGcfovp5ENGZfO4uL3"
    "FrcUwR93WdBAM/+a+e/EfNNTDlgz/y/R62WY/+4z0+0xpY1w0+0Wg+7YBkCxatDdRrcJ4S"
    "oMw8oiHFq0SPbbYn5uh+uv/z2ejJi4yuKbYa5TELuz4KbjLP0JhuZfdCGUZ1X4nKIvOVvD"
    "rYEC+BYNlvNfprFxEqB4cDX55VVsrFzeXP87aB5B/ezy5jS5RlDXMSvFOKFFi3AvIXE3nx"
    "/o4yqhBcqmEv/pmlTNCY+a6HcptOZbZVquR/NNdeAasC2Zc9+xvlsW1uiYjWEqHgBcf7q8"
    "LCekt/cpg57g/EyCcB/R0R8yKCOa6w8Z5MHUqKYpJ6UsPdOfrAq0zKBFk6/+ZOmDjq85eP"
    "JhoKhmnNbioRYPOzGweyojafHwJXq9jHgop36DVavzFbVR7uWh+stPWdhBZhDqlMU4ZtQi"
    "xYbJjLqkt0pMT8QuiZGEqacozx26jHxepyzUCTMFePrGP11Pd4A5ZqRBfhLkyEajYuATt1"
    "Qw8OlvoJOOby3XgdmrcO6GMWqiRYKsgksmdSxxx6oRZMqwllwepaPIEDIHLSlHhutUSpvK"
    "s1cvi2pcKh1hXJCOME6nI4Tw7TCPZBvrGaVoRllBXqkQQNpS9+xSPVvcjWyeLQ13frZN3E"
    "oFqNvOuQkRNKrvWjONW4z1iZ/h3MfKDDqzrMVerpOemloqE3JZSWQTVjoG0alPVeaN+lOf"
    "ou/R7gmveqUakugmRm/lJKgm0w+8rJ+M9IMgGyg//YAHLdpOP/DjJktYBkkIkDHR5xAqbJ"
    "RwQ0T19k6HRiJywAK+gCGMXiO3ESOU/in+cgnH9qat1+LRMG2IlzoZQidDdGTW6qksrpMh"
    "XqLXyyRDcMyrFUXcGij4LrV+q6vve28/3Kg4gYVWCk5e/Z2s0mtUPFCs6OWUsX7juNO+7k"
    "deE11t6kn2lBaObsOqDKaEqR5KXR5Ksc10hQGVtFNB82o6UdCiZKcQJDTTY6nLYynBlpWk"
    "nhJWWt3R1czb1M18Wq7qNxhTdlo706Jko8BqUVKLkj1At5womRU21ACv4l+ZTIRKJXrudp"
    "VqD9y+9tvkgt4pOT2oEZGhqEfKR+SL6jjSqMHy5P6bRun65E9o5NlivNa2tbbdjUmkpyqn"
    "1rZfotfLaNt575HmTqK575BqGkEeseXylYbzh9ub62w8twbJcYNNDv4HbMwag3Xwz7lLvG"
    "oCYOZim2PCDuX9/tWUVlOApAQoNmRSSndS1E6MBXmBVP1Sd8Yph1kqKDLxEto5GlnELOmV"
    "jd2hb9/DDl/gg7fnZxdXk8uDo+PhKPFdxcAZx6nUjQfIDfnzK2IcNXuJGI+rQVwd3ZcKbK"
    "XOu8vsoKeGsuiaruMgYmZQDgVFhCI2LWYoXFzeNrXoJcTUMlpqvpTa08I2lgPnvf1ks05O"
    "bDE5ETPm7rQJjRnq9IDubDnTTMMK4l08HDHT/u2yf00pH9j2bgxiwlZ7usue1uko6mVMqI"
    "isTpl4WSkTfYW3KGfio5itP16cTZ9Led7W3c+qJR+pyV9QTz7aqtmXurXM3I2Jd6hl5hck"
    "OGqZ+SV6vYzMrF+hbvoV6hm1Moj2fJIyaK8Evm2zlJp2b552lxmuIsi7R5U+kBC30p+hSM"
    "CcUeYckV0+Th0x0xRddxbedLzlJYrvVMU+aqh93GUfW8iUaWS7eDlhqv3cZT9rul3T7X1A"
    "VtPtmm7vA7yt0u3xkEzsBp0MQiT4EO4NQVMq/vP053Bvoxfr5dKc/TncCspECEGGNBHDJ1"
    "+biPmkUXFCiwxtigzeLsYxvD9T6BbTCBEzJUiyOJMwKkVCjgpIyFGahOzMZrNr2Ku0C8Gr"
    "KiNp01rBAVQ/FecyMeWIJY5kDJ98gONWCqQct/BxI/EQ7lIymGwBR+OTKnBnmOrOXaJz46"
    "Xoo5U/3xW3UhDoRrTAlTWvjHTURsEaho1IrpqOa4qO8zPFKtJxcat6kO397kiTcW2ScVXI"
    "onR/TzsiIILKknaRC/Wqp5em7OJjvAxlt1fW6y18QNZPGK0HWdzS9uSwkFuSzYyHoN1T5N"
    "JgAmRM/zcGPEPgXQfY8JG6HBxspjs2BIw6fAjm2ObIEX9aiDDMH1+JQ9QBM8oXwLSxCFTZ"
    "4SDhgUZukFkSyvUrhYndJ3WdTcf1MEwWhtKkmM687cRi0NMcTJ15+xK9XibzNjr1lt0LRm"
    "1U3HPXXtC+qrygsK5wVGqnfVSw0z5K77T9mCQNcX5drYiJrqwVm6tqqawlYsNKeprfXjl6"
    "un6i1A+4q/T1iEk3+rq8rTJ93d/4VBIJQpMWezyhjl94qo/5/phtnzmF9CmlNoIkZ9cXM0"
    "zgPROWTQG+PdJuJz+9ubmMdfLTi+QrK5+uTs8F/IlKXfpzIu0x2J4qWwnViIVGVHPXz5xI"
    "GjB3e0Kr+HcYImN2fzmgPtL6g8sWt+4s+tNT3HWqzbCIwl6J1gZLNi/BZM8cut5wzT+jGZ"
    "A3BdHLgAO+QCD5LECGYa+GgK4JssDsEVCCPMo6i8pu4A46ibNbfDUi1oriamlRURs1aZaS"
    "PEsh0ZJiWgLYjAVklfJHUob63dsnt/qr0fjEqpals7VQsE83kpIM3Wp5UEF7BfFthJrVSa"
    "ttpZtp1TYf/X7qd2VUWxsyLiJv05S7t+quzzDX73h3R65N+1tTcpqS6zKimpLTlFyXYe0o"
    "JfcDnQ0yWDh5eFhEvP3Xb1AmaZRgDugcMJuuwZo694AvIAfMdR7wA2IAAtMRe/PvgGlDsc"
    "xbwsBCjjhsIyiv6CDhAWQNAXWAJeKpzLzRJu5RpqBrWD/NcYlXx1VTcDpltBMzk8KbD50y"
    "qprXy6SM3gtIq5A5QXsFKbMGOF/4aFOYgW9+elfERKd3xcZQPeldlrtCxj2qmOEVtarlhd"
    "kOSR3NFAfpR9Fc0dRFVlO9u+ksOsg5Wq54Bsy5IXDUpD2a43WnA+HIRk34awdQk2btATvu"
    "CbD+Pq5iXBlaKRhT9jeGzNAtqHkv4n+XcJz1hd1i0SJhqxWLHnh6Vil+ihmpV2+kEand0/"
    "KQ49AMGjj/Qw9xKxWgLho8TXztYY4JZoudaJCEqZ7IujaRpeSs55EHfqbOPXLeI+jwGYJ8"
    "kCEVJJsMi2SDtdfYWMRaP0tV0+d9NbZDe+oal4SCcqcI7RJVR8x0WK3nqOw5aoIcbC6ypi"
    "b/TOGMBMM2urpyazNQw6rgA3KY/zJI2fk9YqKgXjAaj8sQp+NxPnEqzyU4vVWlirt+cwXR"
    "bai2BOGZ2ctFtSW2Ju0LMs+zUNYmvTzrYvb1/wJovHU="
)
