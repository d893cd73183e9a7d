"""Invoices: gapless numbers under concurrency, exact VAT, locked once issued, Hebrew PDF."""

from __future__ import annotations

import asyncio
import io

import pytest
from pypdf import PdfReader

from server.businesses.service import create_business
from server.customers.models import Customer

LINES = [
    {"description": "ייעוץ משפטי", "quantity": 3, "unit_price": "333.33"},
    {"description": "נסיעות", "quantity": "1.5", "unit_price": 10.05},
    {"description": "Printing A4", "quantity": 7, "unit_price": "0.99"},
]


@pytest.fixture
async def customer(business):
    return await Customer.create(business=business, name="ישראל ישראלי", phone="+972541234567",
                                 email="israel@example.com")


async def create(client, headers, customer_id, lines=None, **extra):
    return await client.post("/api/crm/invoices", headers=headers,
                             json={"customer_id": customer_id, "lines": lines or LINES, **extra})


@pytest.mark.both_databases
async def test_vat_math_is_exact_and_rounded_half_up(client, auth_headers, customer):
    response = await create(client, auth_headers, customer.id)
    assert response.status_code == 201
    invoice = await response.get_json()
    # 3 × 333.33 = 999.99; 1.5 × 10.05 = 15.075 → 15.08 (half up); 7 × 0.99 = 6.93
    assert [line["total"] for line in invoice["lines"]] == ["999.99", "15.08", "6.93"]
    assert invoice["subtotal"] == "1022.00"
    assert invoice["vat_rate"] == "18.00"
    assert invoice["vat"] == "183.96"
    assert invoice["total"] == "1205.96"
    assert (invoice["currency"], invoice["status"], invoice["number"]) == ("ILS", "draft", 1)
    assert invoice["issued_at"] is None


async def test_vat_rate_comes_from_the_business(client, auth_headers, business, customer):
    business.vat_rate = 17
    await business.save()
    invoice = await (await create(client, auth_headers, customer.id,
                                  lines=[{"description": "x", "quantity": 1, "unit_price": "0.50"}])).get_json()
    # 0.50 × 17% = 0.085 → 0.09 (half up, not banker's 0.08)
    assert (invoice["vat_rate"], invoice["vat"], invoice["total"]) == ("17.00", "0.09", "0.59")


@pytest.mark.both_databases
async def test_concurrent_creations_get_numbers_one_to_twenty(client, auth_headers, customer):
    responses = await asyncio.gather(*(
        create(client, auth_headers, customer.id, lines=[{"description": f"שורה {i}", "quantity": 1,
                                                          "unit_price": i}])
        for i in range(20)
    ))
    assert [r.status_code for r in responses] == [201] * 20
    numbers = sorted([(await r.get_json())["number"] for r in responses])
    assert numbers == list(range(1, 21))
    listed = await (await client.get("/api/crm/invoices?limit=200&sort=number", headers=auth_headers)).get_json()
    assert [i["number"] for i in listed["results"]] == list(range(1, 21)) and listed["total"] == 20


async def test_numbers_are_per_business(client, auth_headers, customer):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    other_customer = await Customer.create(business=other, name="לקוח אחר")
    from server.invoices.schemas import InvoiceLine
    from server.invoices.service import create_invoice

    await create_invoice(business_id=other.id, customer_id=other_customer.id,
                         lines=[InvoiceLine(description="x", quantity=1, unit_price=1)])
    invoice = await (await create(client, auth_headers, customer.id)).get_json()
    assert invoice["number"] == 1


async def test_status_moves_forward_and_issued_lines_are_locked(client, auth_headers, customer):
    invoice = await (await create(client, auth_headers, customer.id)).get_json()
    url = f"/api/crm/invoices/{invoice['id']}"
    edited = await client.patch(url, headers=auth_headers,
                                json={"lines": [{"description": "עריכה", "quantity": 2, "unit_price": 50}]})
    assert edited.status_code == 200 and (await edited.get_json())["total"] == "118.00"

    issued = await client.patch(url, headers=auth_headers, json={"status": "issued"})
    body = await issued.get_json()
    assert body["status"] == "issued" and body["issued_at"]

    locked = await client.patch(url, headers=auth_headers,
                                json={"lines": [{"description": "שינוי", "quantity": 1, "unit_price": 1}]})
    assert locked.status_code == 409
    assert (await locked.get_json())["error"]["code"] == "invoice_locked"
    back = await client.patch(url, headers=auth_headers, json={"status": "draft"})
    assert back.status_code == 409

    paid = await client.patch(url, headers=auth_headers, json={"status": "paid"})
    assert (await paid.get_json())["status"] == "paid"
    assert (await client.post(f"{url}/cancel", headers=auth_headers)).status_code == 409
    assert (await (await client.get(url, headers=auth_headers)).get_json())["total"] == "118.00"


async def test_cancel(client, auth_headers, customer):
    invoice = await (await create(client, auth_headers, customer.id, status="issued")).get_json()
    assert invoice["status"] == "issued" and invoice["issued_at"]
    response = await client.post(f"/api/crm/invoices/{invoice['id']}/cancel", headers=auth_headers)
    assert response.status_code == 200
    body = await response.get_json()
    assert body["status"] == "cancelled" and body["cancelled_at"]
    again = await client.patch(f"/api/crm/invoices/{invoice['id']}", headers=auth_headers, json={"status": "issued"})
    assert again.status_code == 409
    draft = await (await create(client, auth_headers, customer.id)).get_json()
    cancelled = await client.patch(f"/api/crm/invoices/{draft['id']}", headers=auth_headers,
                                   json={"status": "cancelled"})
    assert (await cancelled.get_json())["status"] == "cancelled"


async def test_delete_is_refused_so_numbers_have_no_gaps(client, auth_headers, customer):
    invoice = await (await create(client, auth_headers, customer.id)).get_json()
    response = await client.delete(f"/api/crm/invoices/{invoice['id']}", headers=auth_headers)
    assert response.status_code == 409
    assert "cancel" in (await response.get_json())["error"]["message"]
    assert (await client.get(f"/api/crm/invoices/{invoice['id']}", headers=auth_headers)).status_code == 200


async def test_other_business_customer_and_invoice_are_404(client, auth_headers, customer):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    theirs = await Customer.create(business=other, name="לקוח זר")
    response = await create(client, auth_headers, theirs.id)
    assert response.status_code == 404
    from server.invoices.models import Invoice

    foreign = await Invoice.create(business=other, customer=theirs, number=1, lines=[], subtotal=0, vat_rate=18,
                                   vat=0, total=0)
    for method, suffix in (("get", ""), ("patch", ""), ("delete", ""), ("get", "/pdf"), ("post", "/cancel")):
        kwargs = {"json": {"notes": "x"}} if method == "patch" else {}
        answer = await getattr(client, method)(f"/api/crm/invoices/{foreign.id}{suffix}", headers=auth_headers,
                                                **kwargs)
        assert answer.status_code == 404, (method, suffix)
    listed = await (await client.get("/api/crm/invoices", headers=auth_headers)).get_json()
    assert listed["total"] == 0


async def test_mass_assignment_is_ignored(client, auth_headers, business, customer):
    invoice = await (await create(client, auth_headers, customer.id, number=999, business_id=12345,
                                  total="1.00", vat_rate="0")).get_json()
    assert (invoice["number"], invoice["vat_rate"], invoice["total"]) == (1, "18.00", "1205.96")
    patched = await (await client.patch(f"/api/crm/invoices/{invoice['id']}", headers=auth_headers,
                                        json={"number": 7, "total": "0", "business_id": 2})).get_json()
    assert (patched["number"], patched["total"]) == (1, "1205.96")


@pytest.mark.parametrize("lines", [
    [],
    [{"description": "", "quantity": 1, "unit_price": 1}],
    [{"description": "x" * 301, "quantity": 1, "unit_price": 1}],
    [{"description": "x", "quantity": 0, "unit_price": 1}],
    [{"description": "x", "quantity": -1, "unit_price": 1}],
    [{"description": "x", "quantity": 1, "unit_price": -0.01}],
    [{"description": "x", "quantity": 1, "unit_price": "1.005"}],
    [{"description": "x", "quantity": "NaN", "unit_price": 1}],
    [{"description": "x", "quantity": 1, "unit_price": "abc"}],
    [{"description": "x", "quantity": 1}],
    [{"description": "x", "quantity": 1, "unit_price": 1}] * 201,
])
async def test_bad_lines_are_422(client, auth_headers, customer, lines):
    response = await client.post("/api/crm/invoices", headers=auth_headers,
                                 json={"customer_id": customer.id, "lines": lines})
    assert response.status_code == 422


@pytest.mark.parametrize("query", ["page=0", "limit=201", "sort=business_id", "sort=-secret", "status=lost"])
async def test_bad_list_parameters_are_422(client, auth_headers, query):
    assert (await client.get(f"/api/crm/invoices?{query}", headers=auth_headers)).status_code == 422


@pytest.mark.both_databases
async def test_list_filters(client, auth_headers, business, customer):
    second = await Customer.create(business=business, name="דנה כהן")
    await create(client, auth_headers, customer.id)
    await create(client, auth_headers, second.id, status="issued")
    get = client.get
    by_status = await (await get("/api/crm/invoices?status=issued", headers=auth_headers)).get_json()
    assert [i["customer_id"] for i in by_status["results"]] == [second.id]
    by_customer = await (await get(f"/api/crm/invoices?customer_id={customer.id}", headers=auth_headers)).get_json()
    assert [i["number"] for i in by_customer["results"]] == [1]
    by_name = await (await get("/api/crm/invoices", query_string={"q": "דנה"}, headers=auth_headers)).get_json()
    assert [i["number"] for i in by_name["results"]] == [2]
    by_number = await (await get("/api/crm/invoices?q=1", headers=auth_headers)).get_json()
    assert [i["number"] for i in by_number["results"]] == [1]


async def test_pdf_is_hebrew_and_carries_the_number(client, auth_headers, customer):
    for _ in range(2):
        invoice = await (await create(client, auth_headers, customer.id, status="issued")).get_json()
    response = await client.get(f"/api/crm/invoices/{invoice['id']}/pdf", headers=auth_headers)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == 'inline; filename="invoice-2.pdf"'
    data = await response.get_data()
    assert data.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "2" in text and "1,205.96" in text
    # pypdf gives right-to-left text in visual order; either way the name is there.
    assert "ישראל ישראלי" in text or "ילארשי לארשי" in text


async def test_login_required(client, customer):
    assert (await client.get("/api/crm/invoices")).status_code == 401
    assert (await client.post("/api/crm/invoices", json={"customer_id": customer.id, "lines": LINES})).status_code \
        == 401
