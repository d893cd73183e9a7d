"""Invoices' allocation numbers (מספר הקצאה, issue 19) on the card's Invoices tab, in a real
browser against a real server: each state in Hebrew (the wait and its reason by
`allocation_error.code`, a refusal with the Tax Authority's words, the number once given), never
a raw code; and the whole way live: an invoice issued while the Tax Authority is down waits and
says so, "לנסות שוב" asks again once it is back, and the number arrives by `invoice:updated`
without a reload. The Tax Authority is the project's local stand-in (tests/fake_tax_authority.py).
Screenshots: web-allocation-invoices-desktop.png / -phone.png.

`test_an_invoice_waits_then_gets_its_number_live` needs the `alloc` branch (the job, the
client module, POST .../allocate); the states test runs on the contract's JSON alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from server.invoices.models import Invoice
from tests.e2e.live import Live
from tests.fake_tax_authority import FakeTaxAuthority
from tests.web.conftest import VAPID_PRIVATE, VAPID_PUBLIC, Seeded, needs_browser, sign_in
from tests.web.seed import seed

pytestmark = needs_browser
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
BUYER_TAX_ID = "514820117"
BUSINESS_TAX_ID = "515000008"
LATIN = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, twilio):
    with FakeTaxAuthority() as authority:
        authority.mode = "fail"  # down until a test says otherwise
        live = Live.on(databases, tmp_path_factory.mktemp("web-allocation"), APP_ENV="development",
                       TWILIO_API_BASE=twilio.base_url, VAPID_PUBLIC_KEY=VAPID_PUBLIC,
                       VAPID_PRIVATE_KEY=VAPID_PRIVATE, VAPID_SUBJECT="mailto:ops@example.com",
                       **{key.upper(): value for key, value in authority.settings().items()})
        ids = live.run(lambda: seed(live.media_root))
        live.start_server()
        seeded = Seeded(live, ids)
        seeded.authority = authority
        seeded.api("PATCH", "/api/business", json={"tax_id": BUSINESS_TAX_ID})
        try:
            yield seeded
        finally:
            seeded.http.close()
            live.stop()


def _invoice(server: Seeded, customer_id: int, price: str, description: str) -> int:
    return server.api("POST", "/api/crm/invoices", 201, json={
        "customer_id": customer_id, "status": "draft",
        "lines": [{"description": description, "quantity": 1, "unit_price": price}]})["id"]


def _set(server: Seeded, invoice_id: int, **fields) -> None:
    """An allocation state as the job leaves it (the job itself is the `alloc` branch's)."""
    async def write():
        await Invoice.filter(id=invoice_id).update(**fields)
    server.live.run(write)


@pytest.fixture(scope="module")
def states(server):
    """A customer with four invoices, one per allocation state."""
    customer = server.api("POST", "/api/crm/customers", 201, json={
        "name": "חברת הבנייה בע\"מ", "phone": "+972507770001", "tax_id": BUYER_TAX_ID})["id"]
    waiting = _invoice(server, customer, "30000", "פיקוח בנייה — שלב א")
    down = _invoice(server, customer, "26000", "פיקוח בנייה — שלב ב")
    refused = _invoice(server, customer, "40000", "פיקוח בנייה — שלב ג")
    allocated = _invoice(server, customer, "50000", "ייעוץ הנדסי")
    _set(server, waiting, status="awaiting_allocation", allocation_status="pending",
         allocation_error={"code": "no_credentials", "message": "לא הוגדרו פרטי התחברות"})
    _set(server, down, status="awaiting_allocation", allocation_status="pending",
         allocation_error={"code": "unreachable", "message": "רשות המסים אינה זמינה"})
    _set(server, refused, status="draft", allocation_status="refused",
         allocation_error={"code": "refused", "message": "מספר העוסק של הלקוח אינו פעיל"})
    _set(server, allocated, status="issued", allocation_status="allocated", allocation_number="987654321")
    return customer, {"waiting": waiting, "down": down, "refused": refused, "allocated": allocated}


def _row(page, number: int):
    return page.get_by_test_id("invoice").filter(has=page.get_by_text(f"חשבונית {number}", exact=True))


@pytest.mark.parametrize("size", SIZES)
def test_each_allocation_state_in_hebrew(server, states, browser, shots, size):
    customer, ids = states
    numbers = {name: server.api("GET", f"/api/crm/invoices/{id_}")["number"] for name, id_ in ids.items()}
    page = sign_in(browser, server, server.card(customer, "invoices"))
    page.set_viewport_size(SIZES[size])

    waiting = _row(page, numbers["waiting"])
    expect(waiting.locator(".badge").first).to_have_text("ממתינה למספר הקצאה")
    expect(waiting.get_by_test_id("allocation-reason")).to_have_text("לא הוגדרו פרטי התחברות לרשות המסים (הגדרות)")
    expect(waiting.get_by_role("button", name="לנסות שוב")).to_be_visible()
    expect(waiting.get_by_role("button", name="סימון כשולמה")).to_have_count(0)  # not paid before it is issued
    expect(waiting.get_by_role("button", name="ביטול")).to_be_visible()  # but it may be cancelled

    down = _row(page, numbers["down"])
    expect(down.get_by_test_id("allocation-reason")).to_have_text("רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית")

    refused = _row(page, numbers["refused"])
    expect(refused.get_by_test_id("allocation-reason")).to_have_text("רשות המסים סירבה: מספר העוסק של הלקוח אינו פעיל")
    expect(refused.get_by_role("button", name="לנסות שוב")).to_have_count(0)
    expect(refused.get_by_role("button", name="הפקה")).to_be_visible()  # a draft again: fix and issue anew

    allocated = _row(page, numbers["allocated"])
    expect(allocated.get_by_test_id("allocation-number")).to_have_text("מספר הקצאה: 987654321")
    expect(allocated.get_by_role("button", name="לנסות שוב")).to_have_count(0)

    text = page.get_by_role("tabpanel").inner_text()
    assert not LATIN.search(text.replace("PDF", "")), text
    for code in ("no_credentials", "unreachable", "refused", "awaiting_allocation"):
        assert code not in text
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    shots(page, f"web-allocation-invoices-{size}", full_page=True)
    page.context.close()


def test_an_invoice_waits_then_gets_its_number_live(server, browser):
    customer = server.api("POST", "/api/crm/customers", 201, json={
        "name": "משרד אדריכלים בע\"מ", "phone": "+972507770002", "tax_id": BUYER_TAX_ID})["id"]
    invoice_id = _invoice(server, customer, "12000", "תכנון משרדים")
    number = server.api("GET", f"/api/crm/invoices/{invoice_id}")["number"]
    page = sign_in(browser, server, server.card(customer, "invoices"))
    row = _row(page, number)

    # Issued while the Tax Authority is down: it waits, and says why once the job has tried.
    row.get_by_role("button", name="הפקה").click()
    expect(row.locator(".badge").first).to_have_text("ממתינה למספר הקצאה")
    expect(row.get_by_test_id("allocation-reason")).to_have_text("רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית",
                                                                 timeout=20_000)

    # Back up: "לנסות שוב" asks now, and the number arrives by invoice:updated, no reload.
    server.authority.mode = "approve"
    number_given = str(server.authority.next_number)
    with page.expect_response(re.compile(rf"/api/crm/invoices/{invoice_id}/allocate$")) as answer:
        row.get_by_role("button", name="לנסות שוב").click()
    assert answer.value.ok, answer.value.text()
    expect(row.get_by_test_id("allocation-number")).to_have_text(f"מספר הקצאה: {number_given}", timeout=20_000)
    expect(row.locator(".badge").first).to_have_text("הופקה")
    assert server.api("GET", f"/api/crm/invoices/{invoice_id}")["allocation_number"] == number_given
    assert str(server.authority.approvals[-1].get("Customer_VAT_Number")) == BUYER_TAX_ID
    page.context.close()
