"""The invoices tab's allocation state (contract 19): the Hebrew reason by `allocation_error.code`,
the number once given, "לנסות שוב" while it waits, and `invoice:updated` shown as it comes.

Most states are written straight to the server's database (in production the Tax Authority's
answers come through the `invoice.allocate` job); one test issues a B2B invoice from the form
and waits for the job's own outcome."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import httpx
import pytest

from desktop.api import Api
from desktop.views.card import CustomerCard
from desktop.views.card.invoices import NEXT, allocation_reason, allocation_text
from server.invoices.models import Invoice
from tests.conftest import PASSWORD

ADMIN = "allocation-admin@example.com"
TIMEOUT = 15_000
PHONES = itertools.count()
WAITING = "ממתינה למספר הקצאה"
REASONS = {
    "unreachable": "רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית",
    "no_credentials": "לא הוגדרו פרטי התחברות לרשות המסים",
    "unauthorized": "רשות המסים דחתה את פרטי ההתחברות",
    "missing_business_tax_id": "חסר מספר עוסק של העסק בהגדרות",
}


# -- the words, without a server -------------------------------------------------------------
@pytest.mark.parametrize("code", sorted(REASONS))
def test_each_reason_reads_in_hebrew(app, code):
    error = {"code": code, "message": "server words"}
    assert allocation_reason(error) == REASONS[code]
    invoice = {"status": "awaiting_allocation", "allocation_status": "pending", "allocation_error": error}
    assert allocation_text(invoice) == f"{WAITING}: {REASONS[code]}"


def test_a_refusal_quotes_the_tax_authority_and_a_number_is_shown(app):
    refused = {"status": "draft", "allocation_status": "refused",
               "allocation_error": {"code": "refused", "message": "מספר העוסק של הקונה אינו פעיל"}}
    assert allocation_text(refused) == "רשות המסים סירבה: מספר העוסק של הקונה אינו פעיל"
    assert allocation_text({"status": "issued", "allocation_status": "allocated",
                            "allocation_number": "123456789"}) == "מספר הקצאה: 123456789"
    assert allocation_text({"status": "awaiting_allocation", "allocation_status": "pending",
                            "allocation_error": None}) == WAITING
    assert allocation_text({"status": "issued", "allocation_status": "not_required"}) == ""
    assert NEXT["awaiting_allocation"] == {"cancelled"}  # never paid while it waits


# -- against the server --------------------------------------------------------------------
@pytest.fixture(scope="module")
def shop(live_server):
    live_server.seed({"name": "משרד ההקצאות", "phone": "+97235550202",
                      "users": [{"email": ADMIN, "password": PASSWORD, "role": "admin"}]})
    token = live_server.login(ADMIN, PASSWORD)["access_token"]
    client = httpx.Client(base_url=live_server.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    yield SimpleNamespace(live=live_server, client=client)
    client.close()


@pytest.fixture
def api(shop):
    client = Api(shop.live.base_url)
    user = client.login(ADMIN, PASSWORD)
    yield SimpleNamespace(api=client, user=user)
    client.close()


@pytest.fixture
def invoice(shop) -> dict:
    """An issued invoice of a new customer, then put in the state a test writes."""
    customer = shop.client.post("/api/crm/customers", json={"name": "חברת הקצאה בע״מ",
                                                           "phone": f"058-73{next(PHONES):05d}"})
    assert customer.status_code == 201, customer.text
    response = shop.client.post("/api/crm/invoices", json={
        "customer_id": customer.json()["id"], "status": "issued",
        "lines": [{"description": "ייעוץ", "quantity": "1", "unit_price": "1000"}]})
    assert response.status_code == 201, response.text
    return response.json()


def set_state(shop, invoice: dict, **fields) -> dict:
    async def write() -> None:
        await Invoice.filter(id=invoice["id"]).update(**fields)
    shop.live.run(write)
    return shop.client.get(f"/api/crm/invoices/{invoice['id']}").json()


AWAITING = {"status": "awaiting_allocation", "allocation_status": "pending", "issued_at": None,
            "allocation_error": {"code": "unreachable", "message": "רשות המסים אינה זמינה"}}


@pytest.fixture
def open_card(qtbot, tasks, api):
    def opener(customer_id: int) -> CustomerCard:
        card = CustomerCard(api.api, tasks, customer_id, user=api.user)
        qtbot.addWidget(card)
        card.show()
        qtbot.waitUntil(lambda: all(tab.loaded_once for tab in card.all_tabs), timeout=TIMEOUT)
        card.show_tab(card.invoices)
        return card
    return opener


def test_an_awaiting_invoice_shows_why_and_offers_a_retry(shop, invoice, open_card):
    set_state(shop, invoice, **AWAITING)
    card = open_card(invoice["customer_id"])
    tab = card.invoices
    tab.table.setCurrentCell(0, 0)
    assert tab.table.item(0, 3).text() == WAITING and tab.table.item(0, 4).text() == "טרם התקבל"
    assert tab.allocation_label.text() == f"{WAITING}: {REASONS['unreachable']}"
    assert tab.retry_button.isVisible() and tab.retry_button.text() == "לנסות שוב"
    assert {s: b.isEnabled() for s, b in tab.action_buttons.items()} == {"issued": False, "paid": False,
                                                                         "cancelled": True}


def test_invoice_updated_shows_the_number_as_it_comes(qtbot, shop, invoice, open_card):
    set_state(shop, invoice, **AWAITING)
    card = open_card(invoice["customer_id"])
    tab = card.invoices
    tab.table.setCurrentCell(0, 0)
    allocated = set_state(shop, invoice, status="issued", allocation_status="allocated",
                          allocation_number="300123456", allocation_error=None)
    with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
        assert card.on_event("invoice:updated", {"invoice": allocated})
    assert tab.table.item(0, 4).text() == "300123456"
    assert tab.allocation_label.text() == "מספר הקצאה: 300123456"
    assert not tab.retry_button.isVisible()
    assert tab.table.item(0, 3).text() == "הופקה" and tab.paid_button.isEnabled()


def test_a_refusal_comes_back_as_a_draft_with_the_tax_authoritys_words(qtbot, shop, invoice, open_card):
    set_state(shop, invoice, **AWAITING)
    card = open_card(invoice["customer_id"])
    refused = set_state(shop, invoice, status="draft", allocation_status="refused",
                        allocation_error={"code": "refused", "message": "הקונה אינו עוסק רשום"})
    with qtbot.waitSignal(card.invoices.loaded, timeout=TIMEOUT):
        card.on_event("invoice:updated", {"invoice": refused})
    tab = card.invoices
    tab.table.setCurrentCell(0, 0)
    assert tab.allocation_label.text() == "רשות המסים סירבה: הקונה אינו עוסק רשום"
    assert tab.table.item(0, 4).text() == "סורבה" and not tab.retry_button.isVisible()
    assert tab.issue_button.isEnabled()  # a draft again: fixed and issued anew


def test_the_realtime_bridge_listens_for_invoice_updates():
    from desktop.realtime import EVENTS

    assert "invoice:updated" in EVENTS


def test_retry_asks_the_tax_authority_again(qtbot, shop, invoice, open_card):
    set_state(shop, invoice, **AWAITING)
    card = open_card(invoice["customer_id"])
    tab = card.invoices
    tab.table.setCurrentCell(0, 0)
    tab.retry_button.click()
    qtbot.waitUntil(lambda: tab.retry_button.isEnabled() and tab.notice.text() != "פונה לרשות המסים…",
                    timeout=30_000)
    assert tab.notice.text() == "הבקשה נשלחה שוב לרשות המסים."
    assert tab.allocation_label.text().startswith(WAITING)  # no Tax Authority here: still waiting, and why


def test_a_retry_of_an_invoice_no_longer_waiting_says_so(qtbot, shop, invoice, open_card):
    set_state(shop, invoice, **AWAITING)
    card = open_card(invoice["customer_id"])
    tab = card.invoices
    tab.table.setCurrentCell(0, 0)
    set_state(shop, invoice, status="issued", allocation_status="allocated", allocation_number="1",
              allocation_error=None)
    tab.retry_button.click()
    qtbot.waitUntil(lambda: tab.notice.text() == "החשבונית כבר אינה ממתינה למספר הקצאה.", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.table.item(0, 4).text() == "1", timeout=TIMEOUT)


def test_the_card_follows_invoice_updated_over_the_live_connection(qtbot, shop, invoice, api, open_card):
    """The server's own `invoice:updated` (a payment filed elsewhere, here over HTTP) reaches the
    open card through the Socket.IO bridge, and its row changes without the agent reloading."""
    from desktop.realtime import RealtimeBridge

    card = open_card(invoice["customer_id"])
    tab = card.invoices
    assert tab.table.item(0, 3).text() == "הופקה"
    bridge = RealtimeBridge(api.api)
    bridge.event.connect(card.on_event)
    try:
        with qtbot.waitSignal(bridge.connected_changed, timeout=10_000, check_params_cb=lambda up: up):
            bridge.start()
        with qtbot.waitSignal(bridge.event, timeout=TIMEOUT,
                              check_params_cb=lambda name, _payload: name == "invoice:updated"):
            response = shop.client.patch(f"/api/crm/invoices/{invoice['id']}", json={"status": "paid"})
            assert response.status_code == 200, response.text
        qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "שולמה", timeout=TIMEOUT)
    finally:
        bridge.stop()


def test_issuing_a_b2b_invoice_waits_and_the_jobs_reason_arrives_live(qtbot, shop, api, open_card):
    """The whole flow on the real server: an invoice to a company above the threshold is issued
    from the tab's form, the server holds it for its number, and the `invoice.allocate` job's
    outcome (this business has no tax id of its own) comes in by `invoice:updated`."""
    from desktop.realtime import RealtimeBridge

    customer = shop.client.post("/api/crm/customers", json={"name": "חברה בע״מ", "tax_id": "516179157",
                                                           "phone": f"058-73{next(PHONES):05d}"})
    assert customer.status_code == 201, customer.text
    card = open_card(customer.json()["id"])
    tab = card.invoices
    bridge = RealtimeBridge(api.api)
    bridge.event.connect(card.on_event)
    try:
        with qtbot.waitSignal(bridge.connected_changed, timeout=10_000, check_params_cb=lambda up: up):
            bridge.start()
        tab.form.show()
        tab.set_line(0, "דמי ניהול שנתיים", "1", "24000")
        tab.status.setCurrentIndex(tab.status.findData("issued"))
        tab.create_button.click()
        qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=TIMEOUT)
        assert tab.table.item(0, 3).text() == WAITING
        assert "ממתינה למספר הקצאה מרשות המסים" in tab.notice.text()
        tab.table.setCurrentCell(0, 0)
        qtbot.waitUntil(lambda: tab.allocation_label.text() == f"{WAITING}: {REASONS['missing_business_tax_id']}",
                        timeout=30_000)
        assert tab.retry_button.isVisible()
    finally:
        bridge.stop()
