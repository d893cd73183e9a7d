"""An open card follows what happens elsewhere, with no reload: a contract signed by the customer
on the public /sign page shows "נחתם" on the Contracts tab, an invoice marked paid by another
client shows "שולמה" on the Invoices tab (the labels of server/labels.json), and the Tasks tab
marks an overdue task (באיחור) and lists it first. Screenshots: live-card-contracts,
live-card-invoices, card-tasks-overdue-desktop/-phone (see `shots`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import expect

from server.labels import label
from tests.server.test_contracts import png_url
from tests.web.conftest import needs_browser, sign_in

pytestmark = needs_browser


def open_tab(page, name: str):
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")
    return page.get_by_role("tabpanel")


def no_reload(page) -> None:
    """Mark this document: the mark is gone if anything reloads the page."""
    page.evaluate("window.__sameDocument = true")


def still_same_document(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def test_a_contract_signed_on_the_public_page_shows_signed_on_the_open_card(seeded, browser, shots):
    dana = seeded.ids["customer_id"]
    contract = seeded.api("POST", "/api/crm/contracts", 201, json={
        "customer_id": dana, "title": "הסכם בלעדיות לדירה ברחוב הרצל", "body": "1. הסוכנות תשווק את הדירה."})
    contract = seeded.api("POST", f"/api/crm/contracts/{contract['id']}/send")

    page = sign_in(browser, seeded, seeded.card(tab="contracts"))
    panel = page.get_by_role("tabpanel")
    row = panel.get_by_test_id("contract").filter(has_text=contract["title"])
    expect(row).to_contain_text(label("contract_status", "sent"))
    no_reload(page)

    # The customer signs on the public page, with no login: another client altogether.
    token = contract["sign_url"].rsplit("/", 1)[1]
    signed = httpx.post(f"{seeded.base_url}/sign/{token}", timeout=10,
                        content=json.dumps({"name": "דנה כהן", "signature_png": png_url()}),
                        headers={"Content-Type": "application/json"})
    assert signed.status_code == 200, signed.text

    expect(row).to_contain_text(label("contract_status", "signed"), timeout=10_000)
    expect(row).to_contain_text("דנה כהן")  # the signature's line, from the signatures query
    assert label("contract_status", "signed") == "נחתם" and still_same_document(page)
    shots(page, "live-card-contracts")

    # The timeline follows too, dating the contract by its signature: it is the newest item.
    panel = open_tab(page, "ציר זמן")
    expect(panel.locator("li").first).to_contain_text(contract["title"])
    page.context.close()


def test_an_invoice_paid_elsewhere_shows_paid_on_the_open_card(seeded, browser, shots):
    dana = seeded.ids["customer_id"]
    invoice = seeded.api("POST", "/api/crm/invoices", 201, json={
        "customer_id": dana, "status": "issued",
        "lines": [{"description": "דמי תיווך", "quantity": 1, "unit_price": "7200"}]})

    page = sign_in(browser, seeded, seeded.card(tab="invoices"))
    row = page.get_by_role("tabpanel").get_by_test_id("invoice").filter(has_text=str(invoice["number"]))
    expect(row).to_contain_text(label("invoice_status", "issued"))
    no_reload(page)

    seeded.api("PATCH", f"/api/crm/invoices/{invoice['id']}", json={"status": "paid"})  # another client
    expect(row).to_contain_text(label("invoice_status", "paid"), timeout=10_000)
    assert label("invoice_status", "paid") == "שולמה" and still_same_document(page)
    shots(page, "live-card-invoices")
    page.context.close()


def test_the_tasks_tab_marks_overdue_tasks_and_lists_them_first(seeded, browser, shots):
    # Assigned to a colleague: their alert goes to them, so nothing covers this agent's card.
    colleague = seeded.api("POST", "/api/crm/users", 201, json={
        "email": "colleague@example.com", "password": "x" * 16, "name": "רון", "role": "agent"})
    customer = seeded.ids["quiet_id"]
    now = datetime.now(UTC)
    for title, due in (("לשלוח ליוסי הצעה", now + timedelta(days=1)), ("לחזור ליוסי", now - timedelta(days=2))):
        seeded.api("POST", "/api/crm/tasks", 201, json={"title": title, "due_at": due.isoformat(),
                                                        "customer_id": customer, "assignee_id": colleague["id"]})

    page = sign_in(browser, seeded, seeded.card(customer, tab="tasks"))
    page.set_viewport_size({"width": 1440, "height": 900})
    tasks = page.get_by_role("tabpanel").get_by_test_id("task")
    expect(tasks).to_have_count(2)
    expect(tasks.first).to_contain_text("לחזור ליוסי")
    expect(tasks.first.locator(".badge", has_text="באיחור")).to_be_visible()
    assert tasks.first.locator(".badge", has_text="באיחור").get_attribute("title") == "באיחור של יומיים"
    expect(tasks.nth(1).locator(".badge", has_text="באיחור")).to_have_count(0)
    expect(tasks.first).to_have_class("task open overdue")
    shots(page, "card-tasks-overdue-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(tasks.first.locator(".badge", has_text="באיחור")).to_be_visible()
    shots(page, "card-tasks-overdue-phone")
    page.context.close()
