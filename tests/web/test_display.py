"""Display rules in the browser: a customer's phone and status read in the web table and card
exactly as in the CSV and the PDF, the server's words (server/phones.py, server/labels.py)."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect
from pypdf import PdfReader

from server.labels import label
from server.phones import national
from tests.web.conftest import needs_browser, sign_in

pytestmark = needs_browser


def test_phone_and_status_read_the_same_in_the_table_the_card_the_csv_and_the_pdf(seeded, browser):
    dana = seeded.api("GET", f"/api/crm/customers/{seeded.ids['customer_id']}")  # a mobile, a lead
    office = seeded.api("POST", "/api/crm/customers", 201, json={  # a Tel Aviv landline
        "name": "משרד ברק", "phone": "03-5550123", "status": "active"})
    expected = {dana["name"]: ("054-123-4567", label("customer_status", "lead")),
                office["name"]: ("03-555-0123", label("customer_status", "active"))}
    for customer in (dana, office):
        assert (customer["phone_display"], customer["status_label"]) == expected[customer["name"]]
        assert customer["phone_display"] == national(customer["phone"])

    exported = seeded.http.get("/api/crm/customers/export.csv")
    header, *rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    in_csv = {row[header.index("שם")]: (row[header.index("טלפון")], row[header.index("סטטוס")]) for row in rows}
    for customer in (dana, office):
        assert in_csv[customer["name"]] == expected[customer["name"]]
        invoice = seeded.api("POST", "/api/crm/invoices", 201, json={
            "customer_id": customer["id"], "status": "issued",
            "lines": [{"description": "ייעוץ", "quantity": 1, "unit_price": "100"}]})
        pdf = seeded.http.get(invoice["pdf_url"])
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
        assert expected[customer["name"]][0] in text and label("invoice_status", "issued") in text

    page = sign_in(browser, seeded, f"{seeded.base_url}/crm/customers")
    headings = page.locator("thead th")
    expect(headings.first).to_be_visible()
    titles = [text.strip() for text in headings.all_inner_texts()]
    phone_at, status_at = titles.index("טלפון") + 1, titles.index("סטטוס") + 1
    for customer in (dana, office):
        phone, status = expected[customer["name"]]
        row = page.locator("tbody tr", has=page.get_by_role("link", name=customer["name"], exact=True))
        expect(row.locator(f"td:nth-child({phone_at})")).to_have_text(phone)  # the web table
        expect(row.locator(f"td:nth-child({status_at})")).to_have_text(status)

        page.goto(seeded.card(customer["id"]))
        expect(page.locator(".card-head")).to_contain_text(phone)  # the card's header
        expect(page.locator(".card-head .badge")).to_have_text(status)
        expect(page.get_by_role("tabpanel").locator(".details")).to_contain_text(phone)  # its details
        page.goto(f"{seeded.base_url}/crm/customers")
    page.context.close()
