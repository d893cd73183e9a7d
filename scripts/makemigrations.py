"""Regenerate the initial aerich migration of both dialects from the current models.

    .venv/bin/python scripts/makemigrations.py

Until the first production release the tables live in one initial migration per dialect
(`server/migrations/{sqlite,postgres}/models/0_*_init.py`), rebuilt from the models whenever
they change; nothing has been deployed that an edit could break.
Developers' own `make run` databases are, though: a column added to an existing table also
needs a hand-written migration that adds it where it is missing (2_*_greeting_text.py). The hand-written migrations
after it (what aerich cannot express: search indexes, triggers, counts) are kept as they are. The PostgreSQL one needs a
server: `MAKEMIGRATIONS_PG` (default postgres://postgres@127.0.0.1:5432/postgres) is used to
create a scratch database.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from server.db import MIGRATIONS_ROOT, forget_prepared_sql, tortoise_config  # noqa: E402

SCRATCH = "agentlocator_makemigrations"


async def generate(url: str, location: Path) -> None:
    from aerich import Command
    from tortoise import Tortoise

    # Keep the file's name across rebuilds: databases record the migrations they applied by name.
    previous = sorted((location / "models").glob("0_*_init.py"))
    # The hand-written migrations after it (search indexes, triggers, counts) are kept as they are.
    kept = {path.name: path.read_text() for path in (location / "models").glob("[1-9]*_*.py")}
    shutil.rmtree(location, ignore_errors=True)
    forget_prepared_sql()
    command = Command(tortoise_config=tortoise_config(url), app="models", location=str(location))
    await command.init_db(safe=True)
    await Tortoise.close_connections()
    (generated,) = (location / "models").glob("0_*_init.py")
    # aerich escapes "/" in SQLite's table comments (a model's docstring) as "\\/" inside a plain
    # string literal: an invalid escape, a SyntaxWarning each time the migration is imported.
    generated.write_text(generated.read_text().replace("\\/", "/"))
    if previous:
        generated.rename(previous[0])
    for name, text in kept.items():
        (location / "models" / name).write_text(text)


async def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        await generate(f"sqlite://{scratch}/scratch.sqlite3", MIGRATIONS_ROOT / "sqlite")
    admin_url = os.environ.get("MAKEMIGRATIONS_PG", "postgres://postgres@127.0.0.1:5432/postgres")
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}"')
        await admin.execute(f'CREATE DATABASE "{SCRATCH}"')
    finally:
        await admin.close()
    base = admin_url.rsplit("/", 1)[0]
    await generate(f"{base}/{SCRATCH}", MIGRATIONS_ROOT / "postgres")
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}"')
    finally:
        await admin.close()
    for path in sorted(MIGRATIONS_ROOT.rglob("*.py")):
        print(path.relative_to(MIGRATIONS_ROOT.parent.parent))


if __name__ == "__main__":
    asyncio.run(main())
