"""The audit log: every sensitive action leaves exactly one row, the log is admins' to read and
export and nobody's to change (no route, and database triggers on both dialects), and roles
decide who may listen to recordings and export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from tortoise import connections

from server.audit.models import AuditEvent
from server.auth.service import create_user
from server.businesses.service import create_business
from server.calls.models import Call
from server.contracts.models import Contract
from server.customers.models import Customer
from server.invoices.models import Invoice
from tests.conftest import PASSWORD, login

MP3_BYTES = b"ID3" + b"\x00" * 64


@pytest.fixture
async def agent(business):
    return await create_user(business_id=business.id, email="agent2@example.com", password=PASSWORD, name="דנה")


@pytest.fixture
async def agent_headers(client, agent):
    return await login(client, agent.email)


@pytest.fixture
async def customer(business):
    return await Customer.create(business=business, name="ישראל ישראלי", phone="+972541112233")


@pytest.fixture
async def call(business, customer, settings):
    path = settings.media_root / "recordings" / "RE1.mp3"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(MP3_BYTES)
    return await Call.create(business=business, customer=customer, call_sid="CA" + "1" * 32,
                             started_at=datetime.now(UTC), recording_sid="RE" + "1" * 32,
                             recording_path="recordings/RE1.mp3")


async def events(**filters) -> list[AuditEvent]:
    return await AuditEvent.filter(**filters).order_by("id")


@pytest.mark.both_databases
async def test_each_audited_action_leaves_one_row(client, auth_headers, user, business, customer, call):
    line = {"description": "ייעוץ", "quantity": "1", "unit_price": "100.00", "total": "100.00"}
    invoice = await Invoice.create(business=business, customer=customer, number=1, lines=[line],
                                   subtotal=Decimal(100), vat_rate=Decimal(18), vat=Decimal(18), total=Decimal(118))
    contract = await Contract.create(business=business, customer=customer, title="חוזה", body="גוף",
                                     sign_token="s" * 43)
    other = await Customer.create(business=business, name="למחיקה")
    actions = [
        ("recording.listen", "call", call.id, client.get(f"/api/crm/calls/{call.id}/recording", headers=auth_headers)),
        ("invoice.pdf", "invoice", invoice.id, client.get(f"/api/crm/invoices/{invoice.id}/pdf", headers=auth_headers)),
        ("contract.pdf", "contract", contract.id,
         client.get(f"/api/crm/contracts/{contract.id}/pdf", headers=auth_headers)),
        ("customers.export_csv", "", None, client.get("/api/crm/customers/export.csv?status=lead",
                                                      headers=auth_headers)),
        ("customer.update", "customer", customer.id,
         client.patch(f"/api/crm/customers/{customer.id}", json={"notes": "התקשר שוב"}, headers=auth_headers)),
        ("customer.delete", "customer", other.id, client.delete(f"/api/crm/customers/{other.id}",
                                                                headers=auth_headers)),
        ("settings.update", "business", business.id,
         client.patch("/api/business", json={"retention_months": 12}, headers=auth_headers)),
        ("settings.recording_notice", "business", business.id,
         client.patch("/api/business", json={"recording_notice": False}, headers=auth_headers)),
    ]
    for action, target_type, target_id, request in actions:
        response = await request
        assert response.status_code in (200, 204), (action, await response.get_data(as_text=True))
        (row,) = await events(action=action)
        assert (row.business_id, row.user_id, row.user_email) == (business.id, user.id, user.email)
        assert (row.target_type, row.target_id) == (target_type, target_id)
        assert row.ip  # the test client's address
    assert (await events(action="customer.update"))[0].details == {"fields": ["notes"]}  # names, never values
    assert (await events(action="customers.export_csv"))[0].details == {"filters": {"status": "lead"}}
    assert (await events(action="settings.recording_notice"))[0].details == {"recording_notice": False}
    assert await AuditEvent.all().count() == len(actions)


async def test_a_player_fetching_ranges_is_one_listen(client, auth_headers, call):
    url = f"/api/crm/calls/{call.id}/recording"
    first = await client.get(url, headers={**auth_headers, "Range": "bytes=0-"})
    seek = await client.get(url, headers={**auth_headers, "Range": "bytes=30-"})
    assert (first.status_code, seek.status_code) == (206, 206)
    assert len(await events(action="recording.listen")) == 1


async def test_refused_and_failed_requests_leave_no_row(client, agent_headers, auth_headers, call):
    assert (await client.get("/api/crm/calls/999999/recording", headers=auth_headers)).status_code == 404
    assert (await client.patch(f"/api/crm/customers/{call.customer_id}", json={"phone": "not a phone"},
                               headers=auth_headers)).status_code == 422
    assert (await client.get("/api/crm/customers/export.csv", headers=agent_headers)).status_code == 403
    assert await AuditEvent.all().count() == 0


async def test_roles_decide_who_listens_and_exports(client, auth_headers, agent_headers, call):
    recording = f"/api/crm/calls/{call.id}/recording"
    me = (await (await client.get("/auth/me", headers=agent_headers)).get_json())["user"]
    assert (me["can_listen"], me["can_export"]) == (True, False)  # the defaults
    assert (await client.get(recording, headers=agent_headers)).status_code == 200
    refused = await client.get("/api/crm/customers/export.csv", headers=agent_headers)
    assert refused.status_code == 403
    assert (await refused.get_json())["error"]["code"] == "forbidden_export"

    changed = await client.patch("/api/business", json={"agents_can_listen": False, "agents_can_export": True},
                                 headers=auth_headers)
    assert changed.status_code == 200
    assert ((await changed.get_json())["agents_can_listen"], (await changed.get_json())["agents_can_export"]) == (
        False, True)
    refused = await client.get(recording, headers=agent_headers)
    assert refused.status_code == 403
    assert (await refused.get_json())["error"]["code"] == "forbidden_listen"
    assert (await client.get("/api/crm/customers/export.csv", headers=agent_headers)).status_code == 200
    me = (await (await client.get("/auth/me", headers=agent_headers)).get_json())["user"]
    assert (me["can_listen"], me["can_export"]) == (False, True)
    # Admins always may.
    assert (await client.get(recording, headers=auth_headers)).status_code == 200
    admin = (await (await client.get("/auth/me", headers=auth_headers)).get_json())["user"]
    assert (admin["can_listen"], admin["can_export"]) == (True, True)


async def test_admins_read_filter_and_export_the_log(client, auth_headers, agent_headers, user, agent, call):
    await client.get(f"/api/crm/calls/{call.id}/recording", headers=agent_headers)
    await client.patch(f"/api/crm/customers/{call.customer_id}", json={"name": "ישראל כהן"}, headers=auth_headers)
    page = await (await client.get("/api/audit?limit=10", headers=auth_headers)).get_json()
    assert (page["total"], page["page"], page["pages"]) == (2, 1, 1)
    newest, oldest = page["results"]
    assert (newest["action"], newest["action_label"], newest["user_name"]) == ("customer.update", "עדכון לקוח", "סוכנת")
    assert (oldest["action"], oldest["user_id"], oldest["user_email"], oldest["target_id"]) == (
        "recording.listen", agent.id, agent.email, call.id)
    only = await (await client.get(f"/api/audit?user_id={agent.id}", headers=auth_headers)).get_json()
    assert [item["action"] for item in only["results"]] == ["recording.listen"]
    by_action = await (await client.get("/api/audit?action=customer.update", headers=auth_headers)).get_json()
    assert by_action["total"] == 1
    later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert (await (await client.get("/api/audit", query_string={"since": later}, headers=auth_headers))
            .get_json())["total"] == 0
    assert (await client.get("/api/audit?action=nonsense", headers=auth_headers)).status_code == 422

    exported = await client.get("/api/audit/export.csv", headers=auth_headers)
    assert exported.status_code == 200
    assert exported.content_type.startswith("text/csv")
    text = await exported.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0][3] == "פעולה" and [row[3] for row in rows[1:]] == ["עדכון לקוח", "האזנה להקלטה"]
    (export_row,) = await events(action="audit.export")
    assert export_row.details == {"rows": 2}

    assert (await client.get("/api/audit", headers=agent_headers)).status_code == 403
    assert (await client.get("/api/audit/export.csv", headers=agent_headers)).status_code == 403


async def test_the_log_cannot_be_changed_through_the_api(client, auth_headers, call):
    await client.get(f"/api/crm/calls/{call.id}/recording", headers=auth_headers)
    (row,) = await events()
    for method, path in (("post", "/api/audit"), ("put", f"/api/audit/{row.id}"), ("patch", f"/api/audit/{row.id}"),
                         ("delete", f"/api/audit/{row.id}"), ("delete", "/api/audit")):
        response = await getattr(client, method)(path, json={"action": "x"}, headers=auth_headers)
        assert response.status_code in (404, 405), (method, path)
        assert "error" in await response.get_json()
    assert [(e.id, e.action) for e in await events()] == [(row.id, "recording.listen")]


@pytest.mark.both_databases
async def test_the_database_refuses_to_edit_or_delete_a_row(client, auth_headers, call):
    await client.get(f"/api/crm/calls/{call.id}/recording", headers=auth_headers)
    (row,) = await events()
    connection = connections.get("default")
    with pytest.raises(Exception, match="append-only"):
        await connection.execute_query('UPDATE "audit_event" SET "action" = \'x\' WHERE "id" = ' + str(row.id))
    with pytest.raises(Exception, match="append-only"):
        await connection.execute_query('DELETE FROM "audit_event" WHERE "id" = ' + str(row.id))
    with pytest.raises(Exception, match="append-only"):
        await AuditEvent.filter(id=row.id).update(details={"forged": True})
    assert (await AuditEvent.get(id=row.id)).action == "recording.listen"


async def test_another_business_never_sees_the_log(client, auth_headers, call):
    await client.get(f"/api/crm/calls/{call.id}/recording", headers=auth_headers)
    other = await create_business(name="עסק אחר", phone="+97235550998")
    await create_user(business_id=other.id, email="boss@other.example", password=PASSWORD, role="admin")
    other_headers = await login(client, "boss@other.example")
    page = await (await client.get("/api/audit", headers=other_headers)).get_json()
    assert page["total"] == 0
    text = await (await client.get("/api/audit/export.csv", headers=other_headers)).get_data(as_text=True)
    assert len(list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))) == 1  # the header only
