"""Erasing a customer: what identifies the person goes (files too), what the law keeps stays
(invoices with their buyer, signed contracts, signatures); only with confirm; once (a second
request changes nothing); admins only; the business's own customers only; audited."""

from __future__ import annotations

import pytest

from server import realtime
from server.audit.models import AuditEvent
from server.auth.service import create_user
from server.businesses.service import create_business
from server.calls.models import Call
from server.contracts.models import Contract, Signature
from server.customers.models import Customer
from server.invoices.models import Invoice
from server.messages.models import Message
from server.privacy import files
from server.privacy.erasure import ERASED_CONTRACT_BODY
from server.privacy.retention import sweep
from server.tasks.models import Task
from tests.conftest import PASSWORD, login
from tests.server.privacy_records import customer_dana, history


@pytest.fixture
async def dana(business):
    return await customer_dana(business)


@pytest.fixture
async def records(app, settings, business, user, dana):
    return await history(business, settings.media_root, dana, user)


async def _erase(client, headers, customer_id: int, body: dict | None = None):
    return await client.post(f"/api/crm/customers/{customer_id}/erase", json=body if body is not None else
                             {"confirm": True}, headers=headers)


async def _found(client, headers, q: str) -> list[int]:
    page = await (await client.get("/api/crm/customers", query_string={"q": q}, headers=headers)).get_json()
    return [customer["id"] for customer in page["results"]]


def _stored(settings, relative: str | None) -> bool:
    return bool(relative) and (settings.media_root / relative).is_file()


async def test_erasure_removes_the_person_and_keeps_what_the_law_keeps(client, auth_headers, settings, business,
                                                                       dana, records, monkeypatch):
    kept = {"invoice": (await Invoice.filter(id=records["invoice"].id).values())[0],
            "signed": (await Contract.filter(id=records["signed"].id).values())[0],
            "signatures": await Signature.all().values(),
            "not_hers": (await Call.filter(id=records["not_hers"].id).values())[0]}
    sent = []

    async def publish(event, data, *, room, to_sid=None):
        sent.append((event, room, data.get("customer", {}).get("name")))

    monkeypatch.setattr(realtime, "publish", publish)
    assert await _found(client, auth_headers, "דנה") == [dana.id]
    response = await _erase(client, auth_headers, dana.id)
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    assert (body["id"], body["name"], body["phone"], body["email"], body["address"], body["notes"],
            body["tax_id"]) == (dana.id, "לקוח שנמחק", None, None, "", "", "")
    assert body["erased_at"] is not None
    assert ("customer:updated", f"business:{business.id}", "לקוח שנמחק") in sent
    for q in ("דנה", "054-123-4567", "dana@example.com"):  # nor is she found by what she was
        assert await _found(client, auth_headers, q) == [], q

    call = await Call.get(id=records["call"].id)
    assert (call.transcript, call.transcript_status, call.from_number, call.notes, call.recording_path) == (
        None, "purged", "", "", None)
    assert call.purged_at is not None and call.duration == records["call"].duration  # the row stays
    assert not _stored(settings, records["call"].recording_path)
    for original in (records["message"], records["text"]):
        message = await Message.get(id=original.id)
        assert (message.body, message.profile_name, message.sender_id, message.content_variables) == ("", "", "",
                                                                                                      None)
        assert message.purged_at is not None and message.direction == original.direction
        assert all(item["status"] == "purged" and "path" not in item for item in message.media)
    assert not any(_stored(settings, item["path"]) for item in records["message"].media)
    task = await Task.get(id=records["task"].id)
    assert (task.title, task.notes, task.due_at) == ("משימה של לקוח שנמחק", "", records["task"].due_at)
    assert (await Contract.get(id=records["unsigned"].id)).body == ERASED_CONTRACT_BODY
    pdf = await client.get(f"/api/crm/contracts/{records['unsigned'].id}/pdf", headers=auth_headers)
    assert (pdf.status_code, pdf.mimetype) == (200, "application/pdf")

    # Kept as they were: the invoice with its buyer, the signed contract, its signature, another customer's call.
    assert (await Invoice.filter(id=records["invoice"].id).values())[0] == kept["invoice"]
    assert kept["invoice"]["buyer_name"] == "דנה לוי"
    assert (await Contract.filter(id=records["signed"].id).values())[0] == kept["signed"]
    assert await Signature.all().values() == kept["signatures"]
    assert (await Call.filter(id=records["not_hers"].id).values())[0] == kept["not_hers"]
    assert _stored(settings, records["not_hers"].recording_path)

    events = await AuditEvent.filter(action="customer.erase")
    assert [(e.target_type, e.target_id) for e in events] == [("customer", dana.id)]
    assert events[0].details == {"calls": 1, "messages": 2, "tasks": 1, "contracts": 1, "recordings": 1,
                                 "media": 2}


async def test_a_second_erasure_changes_nothing(client, auth_headers, dana, records):
    first = await (await _erase(client, auth_headers, dana.id)).get_json()
    before = {model: await model.all().order_by("id").values() for model in (Customer, Call, Message, Task, Contract)}
    again = await _erase(client, auth_headers, dana.id)
    assert again.status_code == 200
    assert await again.get_json() == first
    assert {model: await model.all().order_by("id").values() for model in before} == before
    assert await AuditEvent.filter(action="customer.erase").count() == 1


@pytest.mark.parametrize("body", [{}, {"confirm": False}])
async def test_erasure_needs_confirm(client, auth_headers, dana, records, body):
    response = await _erase(client, auth_headers, dana.id, body)
    assert response.status_code == 422
    assert (await response.get_json())["error"]["code"] == "confirm_required"
    assert (await Customer.get(id=dana.id)).name == "דנה לוי"
    assert (await Call.get(id=records["call"].id)).transcript is not None
    assert await AuditEvent.filter(action="customer.erase").count() == 0


async def test_a_confirm_that_is_not_a_boolean_is_refused(client, auth_headers, dana):
    response = await _erase(client, auth_headers, dana.id, {"confirm": "yes"})
    assert response.status_code == 422 and (await Customer.get(id=dana.id)).erased_at is None


async def test_agents_may_not_erase(client, business, dana):
    await create_user(business_id=business.id, email="plain@example.com", password=PASSWORD, role="agent")
    response = await _erase(client, await login(client, "plain@example.com"), dana.id)
    assert response.status_code == 403 and (await response.get_json())["error"]["code"] == "forbidden"
    assert (await Customer.get(id=dana.id)).erased_at is None


async def test_another_business_customer_is_not_found(client, auth_headers, app):
    other = await create_business(name="עסק אחר", phone="+97235550999")
    theirs = await Customer.create(business=other, name="לקוח זר", phone="+972529998877")
    response = await _erase(client, auth_headers, theirs.id)
    assert response.status_code == 404 and (await response.get_json())["error"]["code"] == "not_found"
    assert (await Customer.get(id=theirs.id)).name == "לקוח זר"


async def test_files_that_could_not_be_deleted_go_with_the_next_sweep(client, auth_headers, settings, dana, records,
                                                                      monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(files, "delete_file", lambda root, relative: False)  # a read-only disk
        assert (await _erase(client, auth_headers, dana.id)).status_code == 200
    # The personal data in the rows is gone at once; the rows still name the files left.
    call = await Call.get(id=records["call"].id)
    assert call.transcript is None and call.recording_path == records["call"].recording_path
    assert _stored(settings, call.recording_path)
    message = await Message.get(id=records["message"].id)
    assert message.body == "" and message.purged_at is None

    counts = await sweep(media_root=settings.media_root)  # recent: gone only because she was erased
    assert (counts.recordings, counts.media) == (1, 2)
    assert (await Call.get(id=call.id)).recording_path is None and not _stored(settings, call.recording_path)
    assert (await Message.get(id=message.id)).purged_at is not None
    assert not any(_stored(settings, item["path"]) for item in records["message"].media)
    assert _stored(settings, records["not_hers"].recording_path)  # another customer's, recent: kept


async def test_a_recording_or_media_still_queued_is_not_fetched_after_the_erasure(client, auth_headers, settings,
                                                                                  business, dana):
    from server.calls.recordings import fetch_recording, transcribe_recording
    from server.jobs.models import Job
    from server.messages.media import fetch_media, media_entry

    # Twilio's recording and attachment arrived, their downloads are queued (the API host does not answer).
    call = await Call.create(business=business, customer=dana, call_sid="CA" + "7" * 32, started_at=dana.created_at,
                             recording_sid="RE" + "7" * 32, recording_remote_url="http://127.0.0.1:9/Recordings/RE7",
                             transcript_status="pending")
    message = await Message.create(business=business, customer=dana, message_sid="MM" + "7" * 32,
                                   direction="inbound", media=[media_entry("http://127.0.0.1:9/Media/ME7",
                                                                           "image/jpeg")])
    assert (await _erase(client, auth_headers, dana.id)).status_code == 200
    for handler, payload in ((fetch_recording, {"call_id": call.id}), (transcribe_recording, {"call_id": call.id}),
                             (fetch_media, {"message_id": message.id})):
        await handler(Job(kind="x", payload=payload, attempts=1, max_attempts=5), settings=settings)  # no error
    call = await Call.get(id=call.id)
    assert (call.recording_path, call.transcript, call.transcript_status) == (None, None, "purged")
    assert [item["status"] for item in (await Message.get(id=message.id)).media] == ["purged"]
    assert not settings.media_root.exists() or not any(p.is_file() for p in settings.media_root.rglob("*"))
