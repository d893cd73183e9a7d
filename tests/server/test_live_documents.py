"""An open card follows documents changed elsewhere: `contract:updated` and `invoice:updated`
reach the business's real Socket.IO sockets (a contract signed on the public page, an invoice
paid by another agent), and not another business's."""

from __future__ import annotations

import httpx
import pytest
import socketio

from server.auth.service import create_user
from server.businesses.service import create_business
from server.customers.models import Customer
from tests.conftest import BUSINESS_PHONE, PASSWORD
from tests.hypercorn_served import hypercorn_served
from tests.server.test_contracts import png_url
from tests.waiting import eventually

EVENTS = ("contract:updated", "invoice:updated")


async def _listening(base_url: str, email: str, heard: list) -> tuple[socketio.AsyncClient, str]:
    async with httpx.AsyncClient(base_url=base_url) as http:
        token = (await http.post("/auth/login", json={"email": email, "password": PASSWORD})).json()["access_token"]
    socket = socketio.AsyncClient(reconnection=False)
    for name in EVENTS:
        socket.on(name, lambda data, name=name: heard.append((name, data)))
    await socket.connect(base_url, socketio_path="ws", transports=["websocket"], auth={"token": token},
                         wait_timeout=10)
    return socket, token


@pytest.fixture
async def served(settings):
    """(an agent's httpx client, what the agent's socket heard, what a rival business's heard,
    the customer)."""
    from server.app import create_app

    quart_app = create_app(settings=settings)
    async with hypercorn_served(quart_app) as port:
        with quart_app.extensions["runtime"].activated():
            business = await create_business(name="משרד", phone=BUSINESS_PHONE)
            await create_user(business_id=business.id, email="docs@example.com", password=PASSWORD)
            rival = await create_business(name="מתחרה", phone="+97235550199")
            await create_user(business_id=rival.id, email="rival@example.com", password=PASSWORD)
            customer = await Customer.create(business=business, name="דנה כהן", phone="+972541234567")
        base_url = f"http://127.0.0.1:{port}"
        heard: list[tuple[str, dict]] = []
        overheard: list[tuple[str, dict]] = []
        socket, token = await _listening(base_url, "docs@example.com", heard)
        rival_socket, _ = await _listening(base_url, "rival@example.com", overheard)
        try:
            async with httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {token}"}) as http:
                yield http, heard, overheard, customer
        finally:
            await socket.disconnect()
            await rival_socket.disconnect()


def _of(heard: list, event: str, **match):
    key = event.split(":")[0]
    return [data for name, data in heard if name == event
            and all(data[key].get(field) == value for field, value in match.items())]


@pytest.mark.both_databases
async def test_a_contract_signed_on_the_public_page_reaches_the_business(served):
    http, heard, overheard, customer = served
    created = http.post("/api/crm/contracts", json={"customer_id": customer.id, "title": "הסכם", "body": "גוף"})
    contract = (await created).json()
    (draft,) = await eventually(lambda: _of(heard, "contract:updated", id=contract["id"]), what="the draft's event")
    assert (draft["contract"]["status"], draft["deleted"]) == ("draft", False)
    sent = (await http.post(f"/api/crm/contracts/{contract['id']}/send")).json()
    await eventually(lambda: _of(heard, "contract:updated", id=contract["id"], status="sent"), what="sent")

    token = sent["sign_url"].rsplit("/", 1)[1]
    async with httpx.AsyncClient(base_url=str(http.base_url)) as outsider:  # the customer: no login
        response = await outsider.post(f"/sign/{token}", json={"name": "דנה כהן", "signature_png": png_url()})
    assert response.status_code == 200, response.text
    (signed,) = await eventually(lambda: _of(heard, "contract:updated", id=contract["id"], status="signed"),
                                 what="the signature's contract:updated")
    assert signed["contract"]["status_label"] == "נחתם"
    assert signed["contract"]["signed_at"] == signed["contract"]["happened_at"] == response.json()["signed_at"]
    assert signed["contract"]["customer_id"] == customer.id and signed["deleted"] is False

    other = (await http.post("/api/crm/contracts", json={"customer_id": customer.id, "title": "טיוטה",
                                                         "body": "גוף"})).json()
    assert (await http.delete(f"/api/crm/contracts/{other['id']}")).status_code == 204
    (gone,) = await eventually(lambda: [d for d in _of(heard, "contract:updated", id=other["id"]) if d["deleted"]],
                               what="the deletion's event")
    assert gone["contract"]["id"] == other["id"]
    assert overheard == []


@pytest.mark.both_databases
async def test_an_invoice_paid_elsewhere_reaches_the_business(served):
    http, heard, overheard, customer = served
    lines = [{"description": "ייעוץ", "quantity": "1", "unit_price": "100.00"}]
    invoice = (await http.post("/api/crm/invoices", json={"customer_id": customer.id, "lines": lines,
                                                          "status": "issued"})).json()
    (issued,) = await eventually(lambda: _of(heard, "invoice:updated", id=invoice["id"]), what="the new invoice")
    assert issued["invoice"]["status"] == "issued"
    paid = await http.patch(f"/api/crm/invoices/{invoice['id']}", json={"status": "paid"})
    assert paid.status_code == 200, paid.text
    (event,) = await eventually(lambda: _of(heard, "invoice:updated", id=invoice["id"], status="paid"),
                                what="the payment's invoice:updated")
    assert event["invoice"]["status_label"] == paid.json()["status_label"]
    assert event["invoice"]["paid_at"] == event["invoice"]["happened_at"] == paid.json()["paid_at"]
    assert event["invoice"]["customer_id"] == customer.id

    draft = (await http.post("/api/crm/invoices", json={"customer_id": customer.id, "lines": lines})).json()
    assert (await http.post(f"/api/crm/invoices/{draft['id']}/cancel")).status_code == 200
    await eventually(lambda: _of(heard, "invoice:updated", id=draft["id"], status="cancelled"), what="the cancel")
    assert overheard == []
