"""One Hebrew label table (server/labels.py): it covers every value the server sends, and the
API's `*_label` / `*_display` fields, the CSV, the PDF and the timeline all read from it."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import get_args

import pytest
from pypdf import PdfReader

from server import bulk, timeline
from server.audit.service import ACTIONS
from server.calls import outbound
from server.calls.models import OUTCOMES, TRANSCRIPT_STATUSES, Call
from server.calls.service import STATUS_ORDER as CALL_STATUSES
from server.contracts.schemas import ContractStatus
from server.customers.schemas import CustomerStatus
from server.invoices.models import ALLOCATION_STATUSES, INVOICE_STATUSES
from server.labels import LABELS, label
from server.messages.models import Message
from server.messages.service import FAILURES
from server.messages.service import STATUS_ORDER as MESSAGE_STATUSES
from server.phones import national
from server.tasks.schemas import TaskOut
from tests.conftest import BUSINESS_PHONE

HEBREW = range(0x0590, 0x0600)

# What the server writes into each field, read from the code that writes it.
SENT = {
    "customer_status": set(get_args(CustomerStatus)),
    "customer_source": {"manual", "call", "whatsapp", *bulk.SOURCES},
    "task_status": set(get_args(TaskOut.model_fields["status"].annotation)),
    "invoice_status": set(INVOICE_STATUSES),
    "allocation_status": set(ALLOCATION_STATUSES),
    "contract_status": set(get_args(ContractStatus)),
    "message_status": {*MESSAGE_STATUSES, *FAILURES, "received"},
    "call_status": set(CALL_STATUSES),
    "call_direction": {"inbound", outbound.DIRECTION},
    "transcript_status": set(TRANSCRIPT_STATUSES),
    "call_outcome": set(OUTCOMES),
    "timeline_type": set(timeline.SOURCE_TYPES),
    "audit_action": set(ACTIONS),
}


def test_every_value_the_server_sends_has_a_hebrew_label():
    assert set(LABELS) == set(SENT)
    for kind, values in SENT.items():
        assert values <= set(LABELS[kind]), (kind, values - set(LABELS[kind]))
        for value, text in LABELS[kind].items():
            assert any(ord(ch) in HEBREW for ch in text), (kind, value, text)


def test_an_unknown_value_is_shown_as_it_came():
    assert label("message_status", "brand-new-twilio-status") == "brand-new-twilio-status"
    assert label("invoice_status", "issued") == LABELS["invoice_status"]["issued"] != "issued"
    with pytest.raises(KeyError):
        label("no_such_kind", "x")  # a typo in the code, not a value to pass through


async def api(client, headers, method: str, path: str, expect: int = 200, **kwargs):
    response = await client.open(path, method=method, headers=headers, **kwargs)
    assert response.status_code == expect, await response.get_data(as_text=True)
    return await response.get_json()


@pytest.fixture
async def customer(client, auth_headers) -> dict:
    return await api(client, auth_headers, "POST", "/api/crm/customers", 201,
                     json={"name": "משה דנון", "phone": "03-555-0123", "status": "active"})


async def test_every_resource_carries_its_labels_and_display_forms(client, auth_headers, business, customer):
    assert (customer["phone_display"], customer["status_label"], customer["source_label"]) == (
        "03-555-0123", label("customer_status", "active"), label("customer_source", "manual"))

    now = datetime.now(UTC)
    await Call.create(business=business, customer_id=customer["id"], call_sid="CA" + "1" * 32, started_at=now,
                      direction="inbound", status="no-answer", from_number=customer["phone"],
                      to_number=BUSINESS_PHONE, transcript_status="unavailable")
    await Message.create(business=business, customer_id=customer["id"], direction="outbound", body="שלום",
                         status="undelivered")
    await api(client, auth_headers, "POST", "/api/crm/tasks", 201,
              json={"title": "לחזור", "due_at": now.isoformat(), "customer_id": customer["id"]})
    await api(client, auth_headers, "POST", "/api/crm/invoices", 201, json={
        "customer_id": customer["id"], "status": "issued",
        "lines": [{"description": "ייעוץ", "quantity": 1, "unit_price": "100"}]})
    contract = await api(client, auth_headers, "POST", "/api/crm/contracts", 201,
                         json={"customer_id": customer["id"], "title": "הסכם", "body": "גוף"})
    await api(client, auth_headers, "POST", f"/api/crm/contracts/{contract['id']}/send")

    def listed(resource: str):
        return api(client, auth_headers, "GET", f"/api/crm/{resource}", query_string={"customer_id": customer["id"]})

    (call,) = (await listed("calls"))["results"]
    assert (call["status_label"], call["direction_label"], call["transcript_status_label"]) == (
        label("call_status", "no-answer"), label("call_direction", "inbound"),
        label("transcript_status", "unavailable"))
    assert (call["from_number_display"], call["to_number_display"]) == ("03-555-0123", "03-555-0100")
    for resource, kind, status in (("messages", "message_status", "undelivered"), ("tasks", "task_status", "open"),
                                   ("invoices", "invoice_status", "issued"), ("contracts", "contract_status", "sent")):
        (row,) = (await listed(resource))["results"]
        assert (row["status"], row["status_label"]) == (status, label(kind, status)), resource

    items = (await api(client, auth_headers, "GET", f"/api/crm/customers/{customer['id']}/timeline"))["items"]
    assert {item["type"]: item["type_label"] for item in items} == {
        kind: label("timeline_type", kind) for kind in ("call", "whatsapp", "task", "invoice", "contract")}
    titles = {item["type"]: item["title"] for item in items}
    assert titles["contract"] == f"{label('timeline_type', 'contract')}: הסכם ({label('contract_status', 'sent')})"
    assert titles["call"] == f"{label('call_direction', 'inbound')} · {label('call_status', 'no-answer')}"


async def test_the_csv_and_the_pdf_show_the_apis_words(client, auth_headers, customer):
    mobile = await api(client, auth_headers, "POST", "/api/crm/customers", 201,
                       json={"name": "דנה כהן", "phone": "0541234567"})
    raw = await (await client.get("/api/crm/customers/export.csv", query_string={"columns": "name,phone,status,source"},
                                 headers=auth_headers)).get_data()
    header, *rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    exported = {row[header.index("שם")]: row for row in rows}
    for person in (customer, mobile):
        row = exported[person["name"]]
        assert row[header.index("טלפון")] == person["phone_display"] == national(person["phone"])
        assert row[header.index("סטטוס")] == person["status_label"]
        assert row[header.index("מקור")] == person["source_label"]
    assert mobile["phone_display"] == "054-123-4567" and customer["phone_display"] == "03-555-0123"

    for person in (customer, mobile):
        invoice = await api(client, auth_headers, "POST", "/api/crm/invoices", 201, json={
            "customer_id": person["id"], "status": "issued",
            "lines": [{"description": "ייעוץ", "quantity": 1, "unit_price": "100"}]})
        response = await client.get(f"/api/crm/invoices/{invoice['id']}/pdf", headers=auth_headers)
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(await response.get_data())).pages)
        assert person["phone_display"] in text
        assert invoice["status_label"] in text
