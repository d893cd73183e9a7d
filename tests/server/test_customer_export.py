"""A customer's export: one zip with summary.pdf, customer.json in the API's shapes, and the
stored recordings and media as stored; admins only, the business's own customers only, audited,
and the temporary zip gone after the download."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from server.audit.models import AuditEvent
from server.auth.service import create_user
from server.businesses.service import create_business
from server.customers.models import Customer
from tests.conftest import PASSWORD, login
from tests.server.privacy_records import AUDIO, IMAGE, PDF_DOC, customer_dana, history, now


@pytest.fixture
async def dana(business):
    return await customer_dana(business)


@pytest.fixture
async def records(app, settings, business, user, dana):
    return await history(business, settings.media_root, dana, user)


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """The temporary files this process makes, in a folder of the test's own."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


async def _export(client, headers, customer_id: int):
    return await client.get(f"/api/crm/customers/{customer_id}/export.zip", headers=headers)


async def test_the_zip_holds_the_summary_the_records_and_the_files(client, auth_headers, business, dana, records,
                                                                   private_tmp):
    response = await _export(client, auth_headers, dana.id)
    assert response.status_code == 200, await response.get_data(as_text=True)
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"].startswith(f'attachment; filename="customer-{dana.id}-')
    archive = zipfile.ZipFile(io.BytesIO(await response.get_data()))
    message = records["message"]
    assert sorted(archive.namelist()) == sorted([
        "summary.pdf", "customer.json", f"recordings/call-{records['call'].id}.mp3",
        f"media/message-{message.id}-1.jpg", f"media/message-{message.id}-2.pdf",
    ])
    # The files exactly as stored.
    assert archive.read(f"recordings/call-{records['call'].id}.mp3") == AUDIO
    assert archive.read(f"media/message-{message.id}-1.jpg") == IMAGE
    assert archive.read(f"media/message-{message.id}-2.pdf") == PDF_DOC

    document = json.loads(archive.read("customer.json"))
    assert list(document) == ["exported_at", "business", "customer", "calls", "messages", "tasks", "invoices",
                              "contracts", "signatures"]
    assert datetime.fromisoformat(document["exported_at"]) > now() - timedelta(minutes=1)
    assert (document["business"]["name"], document["business"]["tax_id"]) == (business.name, business.tax_id)
    assert document["customer"] == (await (await client.get(f"/api/crm/customers/{dana.id}",
                                                             headers=auth_headers)).get_json())
    assert [call["id"] for call in document["calls"]] == [records["call"].id]  # not the other customer's
    assert document["calls"][0]["transcript"] == records["call"].transcript
    assert [m["id"] for m in document["messages"]] == [message.id, records["text"].id]
    assert document["messages"][0]["body"] == message.body
    assert [t["title"] for t in document["tasks"]] == [records["task"].title]
    assert [i["id"] for i in document["invoices"]] == [records["invoice"].id]
    assert [c["id"] for c in document["contracts"]] == [records["signed"].id, records["unsigned"].id]
    assert [s["contract_id"] for s in document["signatures"]] == [records["signed"].id]
    # The API's own shapes: a call reads as GET /api/crm/calls/<id> answers.
    single = await (await client.get(f"/api/crm/calls/{records['call'].id}", headers=auth_headers)).get_json()
    assert document["calls"][0] == single

    summary = archive.read("summary.pdf")
    assert summary.startswith(b"%PDF-")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(summary)).pages)
    assert "דנה לוי" in text and business.name in text
    assert "dana@example.com" in text and "039337423" in text

    assert list(private_tmp.iterdir()) == []  # the temporary zip is gone


async def test_the_export_is_audited_with_counts_only(client, auth_headers, user, dana, records, private_tmp):
    assert (await _export(client, auth_headers, dana.id)).status_code == 200
    events = await AuditEvent.filter(action="customer.export")
    assert [(e.user_id, e.target_type, e.target_id) for e in events] == [(user.id, "customer", dana.id)]
    assert events[0].details == {"calls": 1, "messages": 2, "tasks": 1, "invoices": 1, "contracts": 2,
                                 "signatures": 1, "recordings": 1, "media": 2}


async def test_an_erased_or_empty_customer_exports_too(client, auth_headers, business, private_tmp):
    nobody = await Customer.create(business=business, name="לקוח חדש")
    response = await _export(client, auth_headers, nobody.id)
    archive = zipfile.ZipFile(io.BytesIO(await response.get_data()))
    assert sorted(archive.namelist()) == ["customer.json", "summary.pdf"]
    assert json.loads(archive.read("customer.json"))["calls"] == []


async def test_agents_may_not_export(client, business, dana, records, private_tmp):
    await create_user(business_id=business.id, email="plain@example.com", password=PASSWORD, role="agent")
    response = await _export(client, await login(client, "plain@example.com"), dana.id)
    assert response.status_code == 403
    assert (await response.get_json())["error"]["code"] == "forbidden"
    assert await AuditEvent.filter(action="customer.export").count() == 0


async def test_another_business_customer_is_not_found(client, auth_headers, app, private_tmp):
    other = await create_business(name="עסק אחר", phone="+97235550999")
    theirs = await Customer.create(business=other, name="לקוח זר")
    response = await _export(client, auth_headers, theirs.id)
    assert response.status_code == 404
    assert (await response.get_json())["error"]["code"] == "not_found"
    assert (await _export(client, auth_headers, 2**31 - 1)).status_code == 404
    assert await AuditEvent.filter(action="customer.export").count() == 0
    assert list(private_tmp.iterdir()) == []


async def test_a_head_builds_nothing_and_is_no_export(client, auth_headers, dana):
    response = await client.head(f"/api/crm/customers/{dana.id}/export.zip", headers=auth_headers)
    assert (response.status_code, response.mimetype) == (200, "application/zip")
    assert not await AuditEvent.filter(action="customer.export").exists()
    assert (await client.head("/api/crm/customers/999999/export.zip", headers=auth_headers)).status_code == 404
