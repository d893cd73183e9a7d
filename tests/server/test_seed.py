"""Demo and bulk data: `seed-demo` once, with everything in the one business; `seed-bulk` fast and
believable, and the search indexes still right after a bulk load rebuilt them."""

from __future__ import annotations

import argparse
import re

import pytest
from tortoise import Tortoise

from server import bulk, cli, demo
from tests.conftest import login

pytestmark = [pytest.mark.usefixtures("app"), pytest.mark.both_databases]  # bulk loads and counts are per dialect


async def _count_by_business(model) -> dict:
    rows = await model.all().values_list("business_id", flat=True)
    return {business_id: rows.count(business_id) for business_id in set(rows)}


async def test_seed_demo_once_with_everything_in_one_business(settings, client):
    from server.auth.models import User
    from server.calls.models import Call
    from server.contracts.models import Contract, Signature
    from server.customers.models import Customer
    from server.invoices.models import Invoice
    from server.tasks.models import Task

    first = await cli._seed_demo(settings, argparse.Namespace())
    assert first.startswith("demo business created")
    assert (await cli._seed_demo(settings, argparse.Namespace())).startswith("demo business exists")

    business_id = int(re.search(r"\d+", first).group())
    expected = {User: 2, Customer: 40, Call: 60, Task: 25, Invoice: 8, Contract: 4, Signature: 1}
    for model, count in expected.items():
        assert await _count_by_business(model) == {business_id: count}, model.__name__

    invoices = await Invoice.all().order_by("number")
    assert [i.number for i in invoices] == list(range(1, 9))
    assert {i.status for i in invoices} == {"draft", "issued", "paid", "cancelled"}
    assert {c.status for c in await Contract.all()} == {"draft", "sent", "signed"}
    tasks = await Task.all()
    assert {t.status for t in tasks} == {"open", "done"}
    recorded = await Call.filter(recording_path__not_isnull=True)
    assert recorded and all(c.transcript_status == "done" and c.transcript for c in recorded)
    welcome = demo.WELCOME.read_bytes()
    assert all((settings.media_root / c.recording_path).read_bytes() == welcome for c in recorded)
    customers = await Customer.all()
    assert len({c.phone for c in customers}) == 40 and all(c.phone.startswith("+9725") for c in customers)

    headers = await login(client, cli.DEMO_EMAIL, cli.DEMO_DEV_PASSWORD)
    listed = await (await client.get("/api/crm/customers?limit=5", headers=headers)).get_json()
    assert listed["total"] == 40
    recording = await client.get(f"/api/crm/calls/{recorded[0].id}/recording", headers=headers)
    assert recording.status_code == 200


@pytest.mark.parametrize("rebuild", [False, True], ids=["rows", "rebuilt-indexes"])
async def test_seed_bulk(settings, monkeypatch, rebuild):
    from server.calls.models import Call
    from server.contracts.models import Contract
    from server.customers.models import Customer
    from server.customers.service import customers_query
    from server.invoices.models import Invoice
    from server.tasks.models import Task

    if rebuild:  # take the drop-indexes-and-rebuild path of big loads with a small one
        monkeypatch.setattr(bulk, "REBUILD_FROM", 100)
    out = await bulk.seed_bulk(database_url=settings.database_url, customers=500, timeline_events=40)
    assert "rows/s" in out
    business_id = int(re.search(r"business: (\d+)", out).group(1))

    customers = await Customer.filter(business_id=business_id)
    assert len(customers) == 500
    assert len({c.phone for c in customers}) == 500
    assert all(re.fullmatch(r"\+9725\d{8}", c.phone) for c in customers)
    assert 0 < sum(c.email is not None for c in customers) < 500
    assert {c.status for c in customers} == {"lead", "active", "inactive"}
    assert all(re.search("[א-ת]", c.name) for c in customers)

    first = min(c.id for c in customers)
    sources = [Call, Task, Invoice, Contract]
    if Tortoise.apps["models"].get("Message"):  # WhatsApp, once its domain is installed
        sources.append(Tortoise.apps["models"]["Message"])
    counts = [await model.filter(customer_id=first).count() for model in sources]
    assert sum(counts) == 40 and min(counts) == 40 // len(sources)
    numbers = await Invoice.filter(business_id=business_id).order_by("number").values_list("number", flat=True)
    assert numbers == list(range(1, counts[2] + 1))

    # Search answers exactly what a scan would, through whichever index the load rebuilt.
    fragment = customers[0].name.split()[-1]
    assert await customers_query(business_id=business_id, q=fragment).count() == sum(
        fragment in c.name for c in customers)
    local = "0" + customers[1].phone[4:9]
    assert await customers_query(business_id=business_id, q=local).count() == sum(
        customers[1].phone[4:9] in c.phone[4:] for c in customers)

    # A second load into the same business adds customers without reusing a number.
    await bulk.seed_bulk(database_url=settings.database_url, customers=100, business_id=business_id)
    assert await Customer.filter(business_id=business_id).count() == 600
    # Rows added afterwards are found too (the triggers are back on SQLite).
    new = await Customer.create(business_id=business_id, name="זאב ז'בוטינסקי", phone="+972501112233")
    assert [c.id for c in await customers_query(business_id=business_id, q="בוטינס")] == [new.id]


async def test_kept_counts_and_deep_pages_match_the_table(settings, monkeypatch):
    from server import pagination
    from server.customers.models import Customer
    from server.customers.service import customers_count, customers_query, delete_customer, update_customer

    out = await bulk.seed_bulk(database_url=settings.database_url, customers=120)
    business_id = int(re.search(r"business: (\d+)", out).group(1))
    other = (await bulk.seed_bulk(database_url=settings.database_url, customers=7)).split()[1]
    some = await Customer.filter(business_id=business_id).order_by("id").limit(3)
    await update_customer(business_id=business_id, customer_id=some[0].id,
                          fields={"status": "inactive" if some[0].status != "inactive" else "lead"})
    await Customer.filter(business_id=business_id, id=some[1].id).update(last_contact_at=some[1].created_at)
    await delete_customer(business_id=business_id, customer_id=some[2].id)
    await Customer.filter(business_id=int(other)).delete()

    for status in (None, "lead", "active", "inactive"):
        count = customers_count(business_id=business_id, status=status)
        assert await count() == await customers_query(business_id=business_id, status=status).count()
    assert await customers_count(business_id=int(other))() == 0
    assert customers_count(business_id=business_id, q="כהן") is None

    async def page(number):
        return await pagination.paginated(
            customers_query(business_id=business_id), page=number, limit=25, serialize=lambda c: c.id,
            order_by=pagination.ordering("name", allowed=("name",), default="name"))

    plain = [await page(n) for n in (1, 3, 5)]
    monkeypatch.setattr(pagination, "DEFERRED_FROM", 1)
    assert [await page(n) for n in (1, 3, 5)] == plain
    assert plain[2]["results"] and len(plain[2]["results"]) == 119 - 100
