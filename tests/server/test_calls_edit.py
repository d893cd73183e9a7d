"""PATCH /api/crm/calls/<id>: notes, and relinking the call to another customer."""

from __future__ import annotations

from datetime import UTC, datetime

from server.businesses.service import create_business
from server.calls.models import Call
from server.customers.models import Customer


async def make_call(business, customer=None, sid="CA" + "1" * 32) -> Call:
    return await Call.create(business=business, customer=customer, call_sid=sid, from_number="+972541234567",
                             started_at=datetime(2026, 11, 1, tzinfo=UTC), transcript="שלום")


async def test_notes_and_relink(client, business, auth_headers):
    first = await Customer.create(business=business, name="דנה", phone="+972541234567")
    second = await Customer.create(business=business, name="יוסי", phone="+972541234568")
    call = await make_call(business, first)
    response = await client.patch(f"/api/crm/calls/{call.id}", json={"notes": "ביקש הצעת מחיר"},
                                  headers=auth_headers)
    body = await response.get_json()
    assert response.status_code == 200
    assert (body["notes"], body["customer_id"], body["transcript"]) == ("ביקש הצעת מחיר", first.id, "שלום")
    body = await (await client.patch(f"/api/crm/calls/{call.id}", json={"customer_id": second.id},
                                     headers=auth_headers)).get_json()
    assert (body["notes"], body["customer_id"]) == ("ביקש הצעת מחיר", second.id)
    body = await (await client.patch(f"/api/crm/calls/{call.id}", json={"customer_id": None},
                                     headers=auth_headers)).get_json()
    assert body["customer_id"] is None
    assert (await Call.get(id=call.id)).customer_id is None


async def test_foreign_customer_or_call_is_404(client, business, auth_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    theirs = await Customer.create(business=other, name="זר", phone="+972541111111")
    mine = await Customer.create(business=business, name="דנה", phone="+972541234567")
    call = await make_call(business, mine)
    their_call = await make_call(other, theirs, sid="CA" + "2" * 32)
    response = await client.patch(f"/api/crm/calls/{call.id}", json={"customer_id": theirs.id}, headers=auth_headers)
    assert response.status_code == 404
    assert (await Call.get(id=call.id)).customer_id == mine.id
    response = await client.patch(f"/api/crm/calls/{their_call.id}", json={"notes": "x"}, headers=auth_headers)
    assert response.status_code == 404
    assert (await Call.get(id=their_call.id)).notes == ""


async def test_only_allowed_fields_change(client, business, auth_headers):
    call = await make_call(business)
    response = await client.patch(f"/api/crm/calls/{call.id}", headers=auth_headers, json={
        "transcript": "זיוף", "business_id": 999, "status": "completed", "notes": "ok"})
    assert response.status_code == 200
    stored = await Call.get(id=call.id)
    assert (stored.transcript, stored.business_id, stored.status, stored.notes) == ("שלום", business.id, "ringing",
                                                                                  "ok")
    for body in ({"notes": None}, {"customer_id": 0}, {"notes": "x" * 10_001}):
        response = await client.patch(f"/api/crm/calls/{call.id}", json=body, headers=auth_headers)
        assert response.status_code == 422, body
    assert (await client.patch(f"/api/crm/calls/{call.id}", json={"notes": "x"})).status_code == 401
