"""`server.cli backup DIR` / `restore DIR` on SQLite and PostgreSQL: a deployment with a
customer, a call and its recording, and a signed contract is backed up, then restored into
an empty deployment (a fresh migrated database and an empty media folder), where every row
and file is found again; a deployment that holds data is refused."""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from server.backups import table_counts
from server.businesses.service import create_business
from server.calls.models import Call
from server.config import Settings
from server.contracts.models import Contract, Signature
from server.contracts.service import create_contract, send_contract, sign
from server.customers.models import Customer
from server.customers.service import create_customer
from server.runtime import Runtime
from tests.server import test_cli
from tests.server.test_contracts import png_url

pytestmark = pytest.mark.both_databases
cli = test_cli.cli  # the command line as a user runs it: main(argv) with only the environment given
RECORDING = b"ID3" + bytes(range(256)) * 40  # stands in for an MP3: the bytes must come back alike


async def fill(database_url: str, media: Path) -> dict:
    """What a deployment holds: a business, two customers, a call with its recording, a
    signed contract (its signature image under MEDIA_ROOT)."""
    settings = Settings(database_url=database_url, media_root=media)
    async with Runtime.started(settings, run_migrations=False):
        business = await create_business(name="משרד הגיבוי", phone="+97235550177")
        customer = await create_customer(business_id=business.id, fields={"name": "דנה כהן", "phone": "+972541234567"})
        await create_customer(business_id=business.id, fields={"name": "יוסי לוי", "phone": "+972521234567"})
        (media / "recordings").mkdir(parents=True)
        (media / "recordings" / "RE1.mp3").write_bytes(RECORDING)
        await Call.create(business_id=business.id, customer_id=customer.id, call_sid="CA" + "1" * 32,
                          started_at=datetime.now(UTC), status="completed", recording_sid="RE" + "1" * 32,
                          recording_path="recordings/RE1.mp3")
        contract = await create_contract(business_id=business.id, customer_id=customer.id, title="הסכם שירות",
                                         body="הלקוח מתחייב לשלם.")
        contract = await send_contract(business_id=business.id, contract_id=contract.id)
        png = base64.b64decode(png_url().split(",", 1)[1])
        await sign(contract=contract, name="דנה כהן", png=png, ip="192.0.2.1", user_agent="test", media_root=media)
    return {"business": 1, "customers": 2}


async def found(database_url: str, media: Path) -> dict:
    settings = Settings(database_url=database_url, media_root=media)
    async with Runtime.started(settings, run_migrations=False):
        call = await Call.get(call_sid="CA" + "1" * 32)
        contract = await Contract.get()
        signature = await Signature.get(contract_id=contract.id)
        return {
            "customers": sorted(await Customer.all().values_list("name", flat=True)),
            "recording": (media / call.recording_path).read_bytes() == RECORDING,
            "contract": contract.status,
            "signature": (media / signature.image_path).is_file(),
        }


def test_backup_then_restore_into_an_empty_deployment_finds_everything(cli, database_url, databases, tmp_path):
    media = tmp_path / "media"  # the cli fixture's MEDIA_ROOT
    asyncio.run(fill(database_url, media))
    before = asyncio.run(table_counts(database_url))

    made = cli("backup", str(tmp_path / "backup"))
    assert made.returncode == 0, made.stderr
    assert "business 1, customer 2, call 1" in made.stdout and "contract 1, signature 1" in made.stdout
    folder = tmp_path / "backup"
    manifest = json.loads((folder / "manifest.json").read_text())
    files = sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())
    assert len(files) == 3  # the recording, the signature image, the signed PDF
    assert manifest["tables"] == before and manifest["media_files"] == len(files)
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in folder.iterdir())
    assert not list(tmp_path.glob(".backup.partial"))

    dialect = "sqlite" if database_url.startswith("sqlite://") else "postgres"
    (tmp_path / "empty").mkdir()
    empty_url = databases.fresh(dialect, tmp_path / "empty")  # a new deployment: migrated, no data
    empty_media = tmp_path / "empty" / "media"
    try:
        restored = cli("restore", str(folder), DATABASE_URL=empty_url, MEDIA_ROOT=str(empty_media))
        assert restored.returncode == 0, restored.stderr
        assert "business 1, customer 2, call 1" in restored.stdout
        assert asyncio.run(table_counts(empty_url)) == before
        assert sorted(str(p.relative_to(empty_media)) for p in empty_media.rglob("*") if p.is_file()) == files
        assert asyncio.run(found(empty_url, empty_media)) == {
            "customers": ["דנה כהן", "יוסי לוי"], "recording": True, "contract": "signed", "signature": True}

        again = cli("restore", str(folder), DATABASE_URL=empty_url, MEDIA_ROOT=str(empty_media))
        assert again.returncode == 2 and "already holds data (1 business)" in again.stderr
        forced = cli("restore", str(folder), "--force", DATABASE_URL=empty_url, MEDIA_ROOT=str(empty_media))
        assert forced.returncode == 0, forced.stderr
        assert asyncio.run(table_counts(empty_url)) == before
    finally:
        databases.discard(empty_url)


def test_a_backup_folder_is_never_overwritten_and_a_bad_one_is_refused(cli, tmp_path):
    (tmp_path / "taken").mkdir()
    assert cli("backup", str(tmp_path / "taken")).stderr.strip().startswith("error: ")
    refused = cli("restore", str(tmp_path / "nothing-here"))
    assert refused.returncode == 2 and "is not a backup folder" in refused.stderr
