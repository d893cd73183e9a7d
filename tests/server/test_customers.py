"""The customers API: CRUD, search in Hebrew and in any phone format (the CSV export:
test_customers_export.py)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from urllib.parse import parse_qsl

import pytest

from server.auth.service import create_user
from server.businesses.service import create_business
from server.customers.models import Customer
from server.invoices.models import Invoice

PEOPLE = [("דנה כהן", "054-123-4567", "dana@example.com"), ("יוסי לוי", "052-765-4321", "yossi@example.co.il"),
          ("Dana Smith", "+1 415 555 0100", "smith@example.com"), ("משה דנון", "03-555-0123", None)]


async def add_people(client, headers) -> list[dict]:
    created = []
    for name, phone, email in PEOPLE:
        response = await client.post("/api/crm/customers", json={"name": name, "phone": phone, "email": email},
                                     headers=headers)
        assert response.status_code == 201, await response.get_data(as_text=True)
        created.append(await response.get_json())
    return created


async def names(client, headers, query: str) -> list[str]:
    response = await client.get("/api/crm/customers", query_string=dict(parse_qsl(query)), headers=headers)
    assert response.status_code == 200
    return sorted(c["name"] for c in (await response.get_json())["results"])


async def test_create_normalises_phone_and_reads_back(client, auth_headers):
    dana, *_ = await add_people(client, auth_headers)
    assert (dana["phone"], dana["phone_display"], dana["status"], dana["source"]) == (
        "+972541234567", "054-123-4567", "lead", "manual")
    read = await client.get(f"/api/crm/customers/{dana['id']}", headers=auth_headers)
    assert (await read.get_json())["name"] == "דנה כהן"


@pytest.mark.parametrize("query, expected", [
    ("q=דנה", ["דנה כהן"]),
    ("q=דנ", ["דנה כהן", "משה דנון"]),
    ("q=dana", ["Dana Smith", "דנה כהן"]),
    ("q=0541234567", ["דנה כהן"]),
    ("q=054-123", ["דנה כהן"]),
    ("q=%2B972%2054%20123%204567", ["דנה כהן"]),
    ("q=765-4321", ["יוסי לוי"]),
    ("q=example.co.il", ["יוסי לוי"]),
    ("q=אין כזה", []),
])
@pytest.mark.both_databases
async def test_search_in_hebrew_and_any_phone_format(client, auth_headers, query, expected):
    await add_people(client, auth_headers)
    assert await names(client, auth_headers, query) == expected


@pytest.mark.both_databases
async def test_sort_filter_and_page(client, auth_headers):
    await add_people(client, auth_headers)
    body = await (await client.get("/api/crm/customers?sort=name&limit=3", headers=auth_headers)).get_json()
    assert [c["name"] for c in body["results"]] == ["Dana Smith", "דנה כהן", "יוסי לוי"]
    assert (body["page"], body["pages"], body["total"]) == (1, 2, 4)
    customers = await Customer.all()
    await Customer.filter(id=customers[0].id).update(status="active")
    assert len(await names(client, auth_headers, "status=active")) == 1
    assert (await client.get("/api/crm/customers?status=vip", headers=auth_headers)).status_code == 422


@pytest.mark.both_databases
async def test_update_and_duplicate_phone(client, auth_headers):
    dana, yossi, *_ = await add_people(client, auth_headers)
    clash = await client.patch(f"/api/crm/customers/{yossi['id']}", json={"phone": "0541234567"}, headers=auth_headers)
    assert clash.status_code == 409
    assert (await clash.get_json())["error"]["details"] == {"customer_id": dana["id"]}
    renamed = await client.patch(f"/api/crm/customers/{dana['id']}", json={"name": "דנה כהן-לוי", "status": "active"},
                                 headers=auth_headers)
    assert (await renamed.get_json())["name"] == "דנה כהן-לוי"
    bad = await client.post("/api/crm/customers", json={"name": "x", "phone": "not a phone"}, headers=auth_headers)
    assert bad.status_code == 422


async def test_mass_assignment_is_ignored(client, auth_headers, business):
    other = await create_business(name="אחר", phone="+97235550188")
    response = await client.post("/api/crm/customers", headers=auth_headers, json={
        "name": "ניסיון", "business_id": other.id, "id": 999, "created_at": "2000-01-01T00:00:00Z"})
    body = await response.get_json()
    assert response.status_code == 201 and body["id"] != 999 and not body["created_at"].startswith("2000")
    assert (await Customer.get(id=body["id"])).business_id == business.id


async def test_owner_must_be_of_the_same_business(client, auth_headers, user):
    other = await create_business(name="אחר", phone="+97235550177")
    stranger = await create_user(business_id=other.id, email="s@other.com", password="long-enough-pass")
    foreign = await client.post("/api/crm/customers", json={"name": "x", "owner_id": stranger.id}, headers=auth_headers)
    assert foreign.status_code == 404
    mine = await client.post("/api/crm/customers", json={"name": "x", "owner_id": user.id}, headers=auth_headers)
    assert (await mine.get_json())["owner_id"] == user.id


@pytest.mark.both_databases
async def test_delete_and_refusal_when_invoiced(client, auth_headers, business):
    dana, yossi, *_ = await add_people(client, auth_headers)
    assert (await client.delete(f"/api/crm/customers/{yossi['id']}", headers=auth_headers)).status_code == 204
    assert (await client.get(f"/api/crm/customers/{yossi['id']}", headers=auth_headers)).status_code == 404
    await Invoice.create(business=business, customer_id=dana["id"], number=1, lines=[], subtotal=Decimal(0),
                         vat_rate=Decimal(18), vat=Decimal(0), total=Decimal(0))
    refused = await client.delete(f"/api/crm/customers/{dana['id']}", headers=auth_headers)
    assert refused.status_code == 409 and await Customer.exists(id=dana["id"])


@pytest.mark.both_databases
async def test_owner_filter_by_user_and_nobody_in_the_list_and_the_export(client, auth_headers, user):
    dana, yossi, *_ = await add_people(client, auth_headers)
    for customer in (dana, yossi):
        response = await client.patch(f"/api/crm/customers/{customer['id']}", json={"owner_id": user.id},
                                      headers=auth_headers)
        assert response.status_code == 200
    assert await names(client, auth_headers, f"owner_id={user.id}") == ["דנה כהן", "יוסי לוי"]
    unowned = await (await client.get("/api/crm/customers", query_string={"owner_id": "none"},
                                      headers=auth_headers)).get_json()
    assert sorted(c["name"] for c in unowned["results"]) == ["Dana Smith", "משה דנון"] and unowned["total"] == 2
    assert await names(client, auth_headers, "owner_id=none&q=משה") == ["משה דנון"]
    assert await names(client, auth_headers, f"owner_id={user.id}&q=משה") == []
    raw = await (await client.get("/api/crm/customers/export.csv", query_string={"owner_id": "none", "sort": "name"},
                                 headers=auth_headers)).get_data()
    assert [row[0] for row in list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[1:]] == ["Dana Smith", "משה דנון"]
    for bad in ("nobody", "0", "-1"):
        refused = await client.get("/api/crm/customers", query_string={"owner_id": bad}, headers=auth_headers)
        assert refused.status_code == 422, bad
        assert (await refused.get_json())["error"]["code"]


@pytest.mark.both_databases
async def test_a_run_of_digits_longer_than_any_phone_is_just_text(client, auth_headers):
    await add_people(client, auth_headers)
    assert await names(client, auth_headers, "q=" + "0" * 200) == []


async def test_changes_are_announced_to_the_business(client, auth_headers, business, monkeypatch):
    from server import realtime

    sent = []

    async def record(event, data, *, room, to_sid=None):
        sent.append((event, room, data["customer"]["name"], data["deleted"]))

    monkeypatch.setattr(realtime, "publish", record)
    created = await (await client.post("/api/crm/customers", json={"name": "רות"}, headers=auth_headers)).get_json()
    await client.patch(f"/api/crm/customers/{created['id']}", json={"name": "רות כהן"}, headers=auth_headers)
    await client.delete(f"/api/crm/customers/{created['id']}", headers=auth_headers)
    room = f"business:{business.id}"
    assert sent == [("customer:updated", room, "רות", False), ("customer:updated", room, "רות כהן", False),
                    ("customer:updated", room, "רות כהן", True)]
