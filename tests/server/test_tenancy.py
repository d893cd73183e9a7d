"""The tenant wall: every route that takes an id, walked with another business's ids.

The routes come from the app's own URL map, so a route added later is walked too; a route
whose id parameter this file does not know fails the test until it is added here.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from server.auth.service import create_user
from server.businesses.models import PhoneNumber
from server.businesses.service import create_business
from server.calls.models import Call
from server.contracts.models import Contract, Signature
from server.customers.models import Customer
from server.invoices.models import Invoice
from server.messages.models import Message
from server.tasks.models import Task
from server.tenancy import MAX_ID, scoped
from server.views.models import SavedView

# Public by design: Twilio's greeting files (per business id, as Twilio fetches them).
PUBLIC_ID_ROUTES = {"/server/static/voice_responses/<int:business_id>/greeting.mp3",
                    "/server/static/voice_responses/<int:business_id>/closed.mp3",
                    "/server/static/voice_responses/<int:business_id>/notice.mp3",
                    "/crm/customers/<int:customer_id>"}  # the web app's page: the same HTML for every id
MODELS = {"customer_id": Customer, "call_id": Call, "task_id": Task, "invoice_id": Invoice,
          "contract_id": Contract, "signature_id": Signature, "view_id": SavedView, "message_id": Message,
          "number_id": PhoneNumber}
BODIES = {"PATCH": {"notes": "x", "name": "x", "title": "x"}, "POST": {"minutes": 5}, "PUT": {}}


async def foreign_rows() -> tuple[dict, dict]:
    """(id by route parameter, row snapshots) for a second business with one of everything."""
    other = await create_business(name="עסק מתחרה", phone="+97235550999")
    stranger = await create_user(business_id=other.id, email="stranger@other.example", password="long-enough-pass")
    customer = await Customer.create(business=other, name="לקוח זר", phone="+972529998877")
    now = datetime.now(UTC)
    call = await Call.create(business=other, customer=customer, call_sid="CA" + "f" * 32, started_at=now,
                             recording_sid="RE" + "f" * 32, recording_path="recordings/x.mp3")
    task = await Task.create(business=other, title="משימה זרה", customer=customer, assignee=stranger,
                             due_at=now + timedelta(hours=1))
    invoice = await Invoice.create(business=other, customer=customer, number=1, lines=[], subtotal=Decimal(0),
                                   vat_rate=Decimal(18), vat=Decimal(0), total=Decimal(0))
    contract = await Contract.create(business=other, customer=customer, title="חוזה", body="גוף",
                                     sign_token="t" * 43, status="signed", signed_at=now)
    signature = await Signature.create(business=other, contract=contract, signer_name="זר", signed_at=now,
                                       ip="10.0.0.1", document_sha256="0" * 64, image_path="signatures/x.png")
    view = await SavedView.create(business=other, user=stranger, resource="customers", name="שלי")
    message = await Message.create(business=other, customer=customer, message_sid="MM" + "f" * 32,
                                   direction="inbound", body="סוד", media=[{"content_type": "image/jpeg",
                                                                            "path": "whatsapp/x.jpg"}])
    ids = {"customer_id": customer.id, "call_id": call.id, "task_id": task.id, "invoice_id": invoice.id,
           "contract_id": contract.id, "signature_id": signature.id, "user_id": stranger.id, "view_id": view.id,
           "message_id": message.id, "number_id": (await PhoneNumber.get(business_id=other.id)).id}
    snapshots = {name: await model.get(id=ids[name]).values() for name, model in MODELS.items()}
    return ids, snapshots


def id_routes(app) -> list[tuple[str, object, list[str]]]:
    routes = []
    for rule in app.url_map.iter_rules():
        params = [name for name, converter in rule._converters.items() if converter.__class__.__name__ == "DatabaseId"]
        if not params or rule.rule in PUBLIC_ID_ROUTES:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((method, rule, params))
    return routes


def path_for(app, rule, params: list[str], ids: dict, *, missing: bool = False) -> str:
    """The rule's URL with the foreign row's id (or an id no row has), 1 for sub-numbers."""
    values = {name: (MAX_ID - 1 if missing else ids[name]) if name in ids else 1 for name in params}
    return app.url_map.bind("localhost").build(rule.endpoint, values)


async def test_every_route_answers_for_another_business_as_for_no_row_and_changes_nothing(app, client, auth_headers):
    """A foreign id gets exactly the answer an id that names no row gets (404, or the same 422
    for a body that route would refuse anyway): the wall leaks neither data nor existence."""
    ids, before = await foreign_rows()
    routes = id_routes(app)
    assert len(routes) >= 25, routes  # the matrix really walks the API
    failures, not_found = [], 0
    for method, rule, params in routes:
        assert params[0] in ids, f"{rule.rule}: teach this test the parameter {params[0]!r}"
        body = BODIES.get(method)
        kwargs = {"json": body} if body is not None else {}
        foreign = await client.open(path_for(app, rule, params, ids), method=method, headers=auth_headers, **kwargs)
        nobody = await client.open(path_for(app, rule, params, ids, missing=True), method=method,
                                   headers=auth_headers, **kwargs)
        not_found += foreign.status_code == 404
        if foreign.status_code != nobody.status_code or foreign.status_code not in (404, 422):
            failures.append((method, rule.rule, foreign.status_code, nobody.status_code,
                             (await foreign.get_data(as_text=True))[:120]))
    assert failures == []
    assert not_found >= len(routes) * 3 // 4  # most requests reach the lookup, not just body validation
    for name, snapshot in before.items():
        current = await MODELS[name].get(id=ids[name]).values()
        assert current == snapshot, f"{name} changed through another business's login"


@pytest.mark.parametrize("path, field", [
    ("/api/crm/tasks", "customer_id"), ("/api/crm/invoices", "customer_id"), ("/api/crm/contracts", "customer_id"),
    ("/api/crm/calls", "customer_id"), ("/api/crm/signatures", "contract_id"), ("/api/crm/messages", "customer_id"),
])
async def test_lists_filtered_by_a_foreign_id_are_empty(client, auth_headers, path, field):
    ids, _ = await foreign_rows()
    response = await client.get(path, query_string={field: ids[field]}, headers=auth_headers)
    assert response.status_code == 200
    assert (await response.get_json())["total"] == 0


async def test_creating_against_foreign_rows_is_404(client, auth_headers):
    ids, _ = await foreign_rows()
    soon = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    attempts = [
        ("/api/crm/tasks", {"title": "x", "due_at": soon, "customer_id": ids["customer_id"]}),
        ("/api/crm/tasks", {"title": "x", "due_at": soon, "assignee_id": ids["user_id"]}),
        ("/api/crm/invoices", {"customer_id": ids["customer_id"],
                               "lines": [{"description": "x", "quantity": 1, "unit_price": 1}]}),
        ("/api/crm/contracts", {"customer_id": ids["customer_id"], "title": "x", "body": "y"}),
        ("/api/crm/customers", {"name": "x", "owner_id": ids["user_id"]}),
    ]
    for path, body in attempts:
        response = await client.post(path, json=body, headers=auth_headers)
        assert response.status_code == 404, (path, body, await response.get_data(as_text=True))


async def test_tenant_headers_from_the_client_are_ignored(client, auth_headers):
    ids, _ = await foreign_rows()
    headers = {**auth_headers, "X-Tenant-ID": "2", "X-Business-ID": "2"}
    response = await client.get(f"/api/crm/customers/{ids['customer_id']}", headers=headers)
    assert response.status_code == 404


@pytest.mark.both_databases
async def test_ids_past_the_database_range_name_nothing(client, auth_headers):
    """A body's or a filter's id past int4 is refused by the schema (server/schemas.DbId); the
    wall itself still names no row for one (a service called with it finds nothing)."""
    huge = 10**24
    created = await client.post("/api/crm/contracts", json={"customer_id": huge, "title": "x", "body": "y"},
                                headers=auth_headers)
    assert created.status_code == 422
    listed = await client.get("/api/crm/calls", query_string={"customer_id": str(huge)}, headers=auth_headers)
    assert listed.status_code == 422
    assert await scoped(Customer, 1, id=huge).count() == 0
