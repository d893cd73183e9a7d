"""Display rules on the desktop: its label table is the server's word for word, and a customer's
phone and statuses read the same in the customers table, the card, the CSV and the PDF.

The customers live in a business of their own on the session's live server, so the other
desktop tests still see exactly their CUSTOMERS (invoices are never deleted)."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import httpx
import pytest
from pypdf import PdfReader

from desktop import display
from desktop.api import Api, Session
from desktop.views.main_window import MainWindow
from server import labels
from server.phones import national
from tests.conftest import PASSWORD

EMAIL = "display@example.com"
TIMEOUT = 15_000
# (name, as typed, as every place must show it): a mobile and a Tel Aviv landline.
PEOPLE = (("נגה ברק", "0582164241", "058-216-4241"), ("משרד ברק", "03-5550123", "03-555-0123"))


def test_the_desktop_label_table_is_the_servers():
    assert display.LABELS == labels.LABELS  # same kinds, values, words and order
    assert display.label("invoice_status", "issued") == labels.label("invoice_status", "issued")
    assert display.label("call_status", "brand-new") == "brand-new"
    assert display.options("customer_status") == [(labels.LABELS["customer_status"][v], v)
                                                  for v in ("lead", "active", "inactive")]


def test_counts_read_as_hebrew_says_them():
    forms = {"one": "לקוח אחד", "many": "{0} לקוחות"}
    assert display.count_text(1, **forms) == "לקוח אחד"  # not "1 לקוחות"
    assert display.count_text(2, **forms) == "2 לקוחות"
    assert display.count_text(0, **forms) == "0 לקוחות"
    assert display.count_text(0, **forms, none="אין לקוחות") == "אין לקוחות"
    assert display.count_text(1_000_000, **forms) == "1,000,000 לקוחות"
    assert display.count_text(1234, one="יוצא לקוח אחד אל {path}", many="יוצאו {0} לקוחות אל {path}",
                              path="/tmp/a.csv") == "יוצאו 1,234 לקוחות אל /tmp/a.csv"


def test_ltr_isolates_and_the_card_still_imports_it():
    from desktop.views.card import base

    assert display.ltr("/tmp/לקוחות.csv") == "\u2066/tmp/לקוחות.csv\u2069"  # LRI … PDI
    assert display.ltr(None) == display.ltr("") == ""
    assert base.ltr is display.ltr


@pytest.fixture(scope="module")
def shop(live_server):
    live_server.seed({"name": "משרד התצוגה", "phone": "+97235550199",
                      "users": [{"email": EMAIL, "password": PASSWORD, "role": "admin"}]})
    token = live_server.login(EMAIL, PASSWORD)["access_token"]
    with httpx.Client(base_url=live_server.base_url, headers={"Authorization": f"Bearer {token}"},
                      timeout=10) as http:
        def post(path: str, body: dict) -> dict:
            response = http.post(path, json=body)
            assert response.status_code == 201, response.text
            return response.json()

        people = {}
        for name, typed, _shown in PEOPLE:
            customer = post("/api/crm/customers", {"name": name, "phone": typed, "status": "active"})
            invoice = post("/api/crm/invoices", {"customer_id": customer["id"], "status": "issued", "lines": [
                {"description": "ייעוץ", "quantity": 1, "unit_price": "100"}]})
            people[name] = SimpleNamespace(customer=customer, invoice=invoice)
        exported = http.get("/api/crm/customers/export.csv")
        header, *rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
        csv_rows = {row[header.index("שם")]: dict(zip(header, row, strict=True)) for row in rows}
        pdf_text = {}
        for name, made in people.items():
            pdf = http.get(f"/api/crm/invoices/{made.invoice['id']}/pdf")
            assert pdf.status_code == 200
            pdf_text[name] = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    yield SimpleNamespace(people=people, csv=csv_rows, pdf=pdf_text)


@pytest.fixture
def window(qtbot, tasks, live_server, shop):
    api = Api(live_server.base_url)
    api.login(EMAIL, PASSWORD)
    window = MainWindow(Session(api=api, user={"email": EMAIL}), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.total == len(PEOPLE) and window.model.is_loaded(len(PEOPLE) - 1),
                    timeout=TIMEOUT)
    yield window
    api.close()


def column(window, key: str) -> int:
    return next(i for i, c in enumerate(window.model.columns) if c.key == key)


def test_a_phone_reads_the_same_in_the_table_the_card_the_csv_and_the_pdf(qtbot, window, shop):
    rows = {window.model.row(r)["name"]: r for r in range(window.model.rowCount())}
    for name, _typed, shown in PEOPLE:
        customer = shop.people[name].customer
        assert customer["phone_display"] == national(customer["phone"]) == shown

        index = window.model.index(rows[name], column(window, "phone"))
        assert index.data() == shown  # the customers table

        card = window.open_card(customer["id"], window.model.row(rows[name]))
        qtbot.waitUntil(lambda card=card: all(tab.loaded_once for tab in card.all_tabs), timeout=TIMEOUT)
        assert card.overview.phone.text() == shown  # the card's details
        assert shown in card.subtitle.text()  # and its header

        assert shop.csv[name]["טלפון"] == shown
        assert shown in shop.pdf[name]
        card.close()


def test_each_status_reads_as_the_servers_label_everywhere(qtbot, window, shop):
    name = PEOPLE[0][0]
    active = labels.label("customer_status", "active")
    issued = labels.label("invoice_status", "issued")
    row = next(r for r in range(window.model.rowCount()) if window.model.row(r)["name"] == name)
    assert window.model.index(row, column(window, "status")).data() == active  # the customers table
    assert shop.csv[name]["סטטוס"] == active  # the CSV
    assert issued in shop.pdf[name]  # the PDF

    card = window.open_card(shop.people[name].customer["id"], window.model.row(row))
    qtbot.waitUntil(lambda: all(tab.loaded_once for tab in card.all_tabs), timeout=TIMEOUT)
    assert card.overview.status.currentText() == active  # the edit form's choices: desktop/display.py
    assert card.invoices.table.item(0, 3).text() == issued  # the invoices tab
    card.close()
