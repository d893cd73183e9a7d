"""The customer timeline: every source, newest first, paged back without gaps or repeats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from server.businesses.service import create_business
from server.calls.models import Call
from server.contracts.models import Contract
from server.customers.models import Customer
from server.invoices.models import Invoice
from server.messages.models import Message
from server.tasks.models import Task

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
async def customer(business):
    return await Customer.create(business=business, name="דנה כהן", phone="+972541234567")


async def add_call(business, customer, at: datetime, n: int, **fields) -> Call:
    return await Call.create(business=business, customer=customer, call_sid=f"CA{n:032d}", started_at=at, **fields)


async def add_task(business, customer, user, at: datetime, n: int) -> Task:
    task = await Task.create(business=business, customer=customer, assignee=user, title=f"לחזור ללקוחה {n}",
                             due_at=at + timedelta(days=1))
    await Task.filter(id=task.id).update(created_at=at)
    return task


async def add_invoice(business, customer, at: datetime, n: int) -> Invoice:
    invoice = await Invoice.create(business=business, customer=customer, number=1000 + n, subtotal=Decimal("1054.70"),
                                   vat_rate=Decimal("17.00"), vat=Decimal("179.30"), total=Decimal("1234.00"),
                                   lines=[{"description": "ייעוץ", "quantity": "1", "unit_price": "1054.70"}])
    await Invoice.filter(id=invoice.id).update(created_at=at, happened_at=at)
    return invoice


async def add_contract(business, customer, at: datetime, n: int, status: str = "draft") -> Contract:
    contract = await Contract.create(business=business, customer=customer, title=f"שכירות {n}", body="...",
                                     status=status, sign_token=f"token-{n}")
    await Contract.filter(id=contract.id).update(created_at=at, happened_at=at)
    return contract


async def get_timeline(client, headers, customer_id: int, **params):
    return await client.get(f"/api/crm/customers/{customer_id}/timeline", query_string=params or None,
                            headers=headers)


@pytest.mark.both_databases
async def test_sources_interleave_newest_first(client, business, user, customer, auth_headers):
    await add_call(business, customer, T0, 1, duration=21)
    await add_task(business, customer, user, T0 + timedelta(minutes=1), 1)
    await add_invoice(business, customer, T0 + timedelta(minutes=2), 42)
    await add_contract(business, customer, T0 + timedelta(minutes=3), 1, status="signed")
    await add_call(business, customer, T0 + timedelta(minutes=4), 2, direction="outbound-api", duration=75)
    other = await Customer.create(business=business, name="אחר", phone="+972541234568")
    await add_call(business, other, T0 + timedelta(minutes=5), 3)  # someone else's history

    for prefix in ("/api/customers", "/api/crm/customers"):
        response = await client.get(f"{prefix}/{customer.id}/timeline", headers=auth_headers)
        assert response.status_code == 200
        body = await response.get_json()
        assert [i["type"] for i in body["items"]] == ["call", "contract", "invoice", "task", "call"]
        assert body["next_before"] is None
    items = body["items"]
    assert [datetime.fromisoformat(i["at"]) for i in items] == [T0 + timedelta(minutes=m) for m in (4, 3, 2, 1, 0)]
    assert [i["title"] for i in items] == ["שיחה יוצאת · 1:15", "חוזה: שכירות 1 (נחתם)", "חשבונית 1042 · ₪ 1,234.00",
                                           "משימה: לחזור ללקוחה 1", "שיחה נכנסת · 0:21"]
    assert items[0]["data"]["call_sid"] == f"CA{2:032d}" and items[0]["data"]["id"] == items[0]["id"]
    assert items[3]["data"]["fires_at"] == items[3]["data"]["due_at"]
    assert items[2]["data"]["number"] == 1042


async def test_whatsapp_source_joins_the_merge(client, business, user, customer, auth_headers):
    message = await Message.create(business=business, customer=customer, message_sid="SM" + "1" * 32,
                                   direction="inbound", body="שלום, אפשר פרטים?")
    await Message.filter(id=message.id).update(created_at=T0 + timedelta(minutes=2))
    await add_task(business, customer, user, T0 + timedelta(minutes=3), 1)
    await add_invoice(business, customer, T0 + timedelta(minutes=1), 1)
    body = await (await get_timeline(client, auth_headers, customer.id)).get_json()
    assert [(i["type"], i["title"]) for i in body["items"]] == [
        ("task", "משימה: לחזור ללקוחה 1"), ("whatsapp", "וואטסאפ נכנס: שלום, אפשר פרטים?"),
        ("invoice", "חשבונית 1001 · ₪ 1,234.00")]
    assert body["items"][1]["data"]["message_sid"] == "SM" + "1" * 32


@pytest.mark.both_databases
async def test_paging_over_equal_timestamps_returns_each_item_once(client, business, user, customer, auth_headers):
    expected = set()
    for n in range(30):
        expected.add(("call", (await add_call(business, customer, T0, n)).id))
        expected.add(("task", (await add_task(business, customer, user, T0, n)).id))
        expected.add(("invoice", (await add_invoice(business, customer, T0, n)).id))
        expected.add(("contract", (await add_contract(business, customer, T0, n)).id))
    older = await add_call(business, customer, T0 - timedelta(seconds=1), 99)
    expected.add(("call", older.id))

    seen, before, pages = [], None, 0
    while True:
        params = {"limit": 7} | ({"before": before} if before else {})
        response = await get_timeline(client, auth_headers, customer.id, **params)
        assert response.status_code == 200, await response.get_data(as_text=True)
        body = await response.get_json()
        assert len(body["items"]) <= 7
        seen += [(i["type"], i["id"]) for i in body["items"]]
        pages += 1
        before = body["next_before"]
        if before is None:
            break
        assert pages < 50
    assert len(seen) == len(set(seen)) == 121
    assert set(seen) == expected
    assert seen[-1] == ("call", older.id)
    assert seen[:-1] == sorted(seen[:-1], key=lambda key: (key[0], key[1]), reverse=True)  # ties: type, then id

    # A plain ISO time means "strictly older than this instant".
    plain = await (await get_timeline(client, auth_headers, customer.id, before=T0.isoformat())).get_json()
    assert [(i["type"], i["id"]) for i in plain["items"]] == [("call", older.id)]
    zulu = await (await get_timeline(client, auth_headers, customer.id, limit=200,
                                     before=(T0 + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ"))).get_json()
    assert len(zulu["items"]) == 121 and zulu["next_before"] is None


async def test_foreign_customer_is_404(client, business, auth_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    theirs = await Customer.create(business=other, name="זר", phone="+972541111111")
    await add_call(other, theirs, T0, 1)
    for path in (f"/api/customers/{theirs.id}/timeline", f"/api/crm/customers/{theirs.id}/timeline",
                 "/api/crm/customers/999999/timeline"):
        response = await client.get(path, headers=auth_headers)
        assert response.status_code == 404
        assert (await response.get_json())["error"]["code"] == "not_found"


@pytest.mark.parametrize("params", [{"limit": 201}, {"limit": 0}, {"limit": "many"}, {"before": "yesterday"},
                                    {"before": "2026-11-01T09:00:00+00:00|sms:3"},
                                    {"before": "2026-11-01T09:00:00+00:00|call:x"}])
async def test_bad_parameters_are_422(client, business, customer, auth_headers, params):
    response = await get_timeline(client, auth_headers, customer.id, **params)
    assert response.status_code == 422
    assert "code" in (await response.get_json())["error"]


async def test_login_required(client, customer):
    assert (await client.get(f"/api/customers/{customer.id}/timeline")).status_code == 401


@pytest.mark.both_databases
async def test_documents_are_dated_by_what_happened_and_name_their_tab(client, business, user, customer,
                                                                        auth_headers, settings):
    """A contract drafted last week and signed today is today's news: dated by its signature,
    first on the page; an invoice paid today likewise, and a cancelled one by its cancelling."""
    from server.contracts import service as contracts
    from server.invoices.service import update_invoice

    today = datetime.now(UTC)
    last_week = today - timedelta(days=7)
    await add_call(business, customer, today - timedelta(hours=1), 1, duration=30)
    await add_task(business, customer, user, today - timedelta(hours=2), 1)
    contract = await add_contract(business, customer, last_week, 1)
    await contracts.send_contract(business_id=business.id, contract_id=contract.id)
    await Contract.filter(id=contract.id).update(sent_at=last_week, happened_at=last_week)  # sent last week too
    paid = await add_invoice(business, customer, last_week - timedelta(days=1), 7)
    cancelled = await add_invoice(business, customer, last_week - timedelta(days=2), 8)
    await update_invoice(business_id=business.id, invoice_id=cancelled.id, changes={"status": "cancelled"})
    await update_invoice(business_id=business.id, invoice_id=paid.id, changes={"status": "issued"})
    await update_invoice(business_id=business.id, invoice_id=paid.id, changes={"status": "paid"})
    # The signature, as the public page files it.
    await contracts.sign(contract=await Contract.get(id=contract.id), name="דנה כהן", png=b"\x89PNG", ip="127.0.0.1",
                         user_agent="test", media_root=settings.media_root)

    body = await (await get_timeline(client, auth_headers, customer.id)).get_json()
    items = body["items"]
    assert [(i["type"], i["id"]) for i in items[:3]] == [("contract", contract.id), ("invoice", paid.id),
                                                          ("invoice", cancelled.id)]
    signed = items[0]
    assert datetime.fromisoformat(signed["at"]) == datetime.fromisoformat(signed["data"]["signed_at"])
    assert today <= datetime.fromisoformat(signed["at"]) <= datetime.now(UTC)
    assert datetime.fromisoformat(signed["data"]["created_at"]) == last_week
    assert datetime.fromisoformat(items[1]["at"]) == datetime.fromisoformat(items[1]["data"]["paid_at"])
    assert datetime.fromisoformat(items[2]["at"]) == datetime.fromisoformat(items[2]["data"]["cancelled_at"])
    assert {i["type"]: i["tab"] for i in items} == {"contract": "contracts", "invoice": "invoices", "call": "calls",
                                                    "task": "tasks"}
    # Paging on the new dates: one item a page still walks every item once, in the same order.
    seen, before = [], None
    while True:
        page = await (await get_timeline(client, auth_headers, customer.id, limit=1,
                                         **({"before": before} if before else {}))).get_json()
        seen += [(i["type"], i["id"]) for i in page["items"]]
        if not (before := page["next_before"]):
            break
    assert seen == [(i["type"], i["id"]) for i in items]
