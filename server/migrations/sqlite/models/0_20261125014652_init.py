from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "business" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "timezone" VARCHAR(64) NOT NULL
);
CREATE TABLE IF NOT EXISTS "phone_number" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "e164" VARCHAR(20) NOT NULL UNIQUE,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE
) /* A Twilio number; the number called (`To`) tells which business a call is for. */;
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
CREATE TABLE IF NOT EXISTS "customer" (
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "phone" VARCHAR(20),
    "email" VARCHAR(254),
    "status" VARCHAR(32) NOT NULL,
    "last_contact_at" TIMESTAMP,
    "business_id" INT NOT NULL REFERENCES "business" ("id") ON DELETE CASCADE,
    "owner_id" INT REFERENCES "user" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_customer_busines_f83ba5" UNIQUE ("business_id", "phone")
);
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
    "eJztXW1z0zgQ/isefyozvR4tTWG4m5tJe+UotAlDw8HQYYxiK4mujhQkuaHH5b+f5Njxe7"
    "DT2LFdfSKVdv3yrLR6dlcyP/QpsaDNDk4dhjBkTH+p/dAxmELxI9G3r+lgNgt6ZAMHQ9sV"
    "HoalhoxTYHLRPgI2g6LJgsykaMYRwaIVO7YtG4kpBBEeB00ORt8caHAyhnwCqei4+SKaEb"
    "bgd8j8P2e3xghB24o8LrLkvd12g9/P3LYLzF+5gvJuQ8MktjPFgfDsnk8IXkkjzGXrGGJI"
    "AYfy8pw68vHl03lv6r/R8kkDkeUjhnQsOAKOzUOvOzSCNt0wev2BcX0+MAy9AEAmwRJc8a"
    "hLY43lI/xydHj8/PjFs5PjF0LEfcxVy/PF8tYBMEtFF57eQF+4/YCDpYSLcQCqSaFEwgA8"
    "Ce6fooejKUxHOKoZQ9ryVA/8H3HcfZTXAe83BMgHo60K6MULWn1s33smX4Pz4OLq/HrQvX"
    "onbzdl7Jvt4tcdnMueI7f1Pta6d/JEthMxkZYzbHUR7ePF4LUm/9Q+93vnLryE8TF17xjI"
    "DT7r8pmAw4mBydwAVmh0+q0+akIysLozsza0elRTWb0uVvcxCpnde/rA6u6/CXufTQBNt7"
    "UvH7OyQKuJdp2C74YN8ZhPpPd8+nSNYf/uvj973X2/J6Ri1up5XUfLvkUEXzni/yW4EMZh"
    "nepw1rsMgV/fQOowYMOpXgnmJ8c5ID85zkRcdi0Wkh6MbkNrmWwYAvN2DqhlRHoCy8wErt"
    "DAznQIKUua59RTf/X2PbSB+5ZJc3hs6Z28VM+9UgNnwcIff35rmp9w2INR+sDaC4/pME6m"
    "D4bozLtMa2ECtv1QiMQl2gSPdFXkiGQ5r2TX9GgabwEYjN1XkveWd0rxSylBXsxtZcd5YV"
    "eZK9bTu9pgjmxEtKXSb5oI7LzfmhwE0NL2vg7I1ycah2JIaPMJMieaH09qwBXSENNGhB7o"
    "MYS3f3UVgaoItCGOpKGxiIpAH6PV80Sg8PDkuEh05MtvJzLarRuNxZ+5ws810Wc8+PRXPK"
    "PQIhXT+vlq1YT5s4UFKxFlJoFOovyKUIjG+C28d8G+EE8FsJkW2qdk3hsGchbHFc0UzFfc"
    "KT7ABAbizSFfzvvu9Vn3z3N9kR3Cl8mY3Rg1hSr7sWs2R3ZYTm6s6iB1mtSKhT4mPqJY6G"
    "O0ei4WOgXILkRDfYX28dBOnqS8kMpmop3jOBWtf51Jr6biUUqVaQYYmxNBfiaATYrAnFBs"
    "Y12v08k1njtrxnMnjjgldqHx7MtXOJ4Fw11yuvIhPjzJgfBh3L0HAMuuKL6IGYJEo7sUkE"
    "+JwBLgDG4b1ouBPRSKZaHtu+vywqo0aE/7/cvIAnt6MYhh/OHq9Fxg70IvhNAyzPLJr8oV"
    "lBNWqFxBPXIFu6zQeq9Td8RLrUCu4ErJqYShzM6rmGGpreZWbiJT0a1x6l9UwkUlXOroLx"
    "saequEy2O0utp4WoOUwKTgrtOVwkYI14zslF1ZrThdWG90y8gXitCHOylcPRvhQKPCHIst"
    "/HM1KZZnRzlAfnaUibHsikJsA8ZlOMAFo95g8U1R38IKXLOR3twFN8mzVIZnu3FMgCyZi9"
    "cvBmtYZSNMazZRVNKsaUmzxADeArY5j3jUbOzmhTU8ZyOYigfQeh8uL3NmIis7BNEQnMvN"
    "QEqo0rKPHoRrMo++RJk7um7ik1VMMerlNITozSr/mdKtkpMqOVmLid3QNJVKTj5Gq+dJTk"
    "rXb7A0N5qdfwjrtG5P2HbOaYchthCFps9y8mIcUaowzYPwkDi4sZmehiTTJEYSpoaiPKJk"
    "GjokmxfqmFrrNjxu33VIv10Y5oiSAvmnIIcCjYLEJ6rZQuLTXKKT5LeWQ0H6KpwZMIZVVO"
    "oymQ0WFIVQS9yxKINMKG6lVthqFhlARuGUcGg4tFBZNku/fVXaTq5NBp01mww6yU0GAXwb"
    "+JF0ZeVR1nmUGeCFznckNdXIzjWyxd3w8tmScA/g94whHdVqA9TruM75p0GE5viA7l11Pz"
    "2JUJ3Lfu8vXzxkgLPL/mkm7kbxqDVVuUKuj70dVE08cIPF6pcCdvZYXym0IJiqepSrrRhl"
    "LZWxcllOZGNaioOoDRlF/Mb2N2SET708EN72nViKoxubvYW3ZpS5/eANGeopuw9k8/66zQ"
    "f/eAI5vrQozMU1MtKYTebanNBbjU8A15hD79AddD93SAGbvNRMG6AptISCBalotiGQV6RQ"
    "mAFa+xqhmgWBlfa9xVLukWd3RMDjqIPVrge166E+7qmh9W+16+ExWj3ProdbhAvlq335Fh"
    "7J2n6megbubQJS8H1z3e9lnMgKVOITCZlc+0+zESst5tN/HznY3WuhDR1kc4TZgbztHzuI"
    "wSVE62PweLgdmxzyAvEY3IKWM4PGLbwvMuajWm0r0JRyErEhu0+EqAMr2uKz/fQd4BxOZz"
    "wF5kwKHFapLpf0tNZEOBSoCXttAGpcrTpgOw0B1ovjCvLKQKuFnLK5HDIZOtjEvBX838E8"
    "7YD0T46UxnTVedIGWHpYiD9FlNpQII0t7LkI1OEaAnWYJFDuSWtIKUlJB2fX56JabYC66i"
    "rdCGHEJhulQWKqypHVzZElSlu7KQ98JPQW0tcQUD6EgOsppYK4yP66ssHcFTYmEemdfJF+"
    "t9/3qVFMvcUlITtNzyDchFWH1BStVj4q3Ud1IUXmJM01eT1rPRIIZNT/jFGZByq5KngHKS"
    "t4dC+k0sJ6QSnfGJeTqgDCnngL0S0lqpKfrvI+kJ63IBNSqb4gs5uFcmull50uZov/ATkb"
    "9Fc="
)
