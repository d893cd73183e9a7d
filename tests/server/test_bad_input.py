"""Input no database stores is a clear 4xx on both databases, never a 500 after half the work.

Each class of input an outside tester (and schemathesis on PostgreSQL) turned into a 500:
NUL and lone surrogates in text (PostgreSQL refuses them), numbers past int4, times with no
UTC value or past what the services can add to, JSON nested too deep or too large.
"""

from __future__ import annotations

import json

import pytest

from server.customers.models import Customer
from server.request_guard import MAX_JSON_BYTES, MAX_JSON_DEPTH
from server.tasks.models import Task
from server.views.models import SavedView

HUGE = 99_999_999_999  # past int4 (2147483647)
LINE = {"description": "ייעוץ", "quantity": 1, "unit_price": 100}


async def customer_id(client, headers) -> int:
    response = await client.post("/api/crm/customers", json={"name": "דנה", "phone": "0541234567"}, headers=headers)
    return (await response.get_json())["id"]


async def task_id(client, headers) -> int:
    response = await client.post("/api/crm/tasks", json={"title": "להתקשר", "due_at": "2030-01-01T09:00:00+02:00"},
                                 headers=headers)
    return (await response.get_json())["id"]


def assert_validation_error(response, body) -> None:
    assert response.status_code == 422, body
    assert body["error"]["code"] == "validation_error", body


# --- text: NUL and lone surrogates --------------------------------------------------------

BODIES = [
    ("post", "/api/crm/customers", lambda bad, ids: {"name": bad}),
    ("post", "/api/crm/customers", lambda bad, ids: {"name": "דנה", "email": f"a{bad}@example.com"}),
    ("patch", "/api/crm/customers/{customer}", lambda bad, ids: {"notes": bad}),
    ("post", "/api/crm/tasks", lambda bad, ids: {"title": bad, "due_at": "2030-01-01T09:00:00Z"}),
    ("patch", "/api/crm/tasks/{task}", lambda bad, ids: {"title": "x", "ignored": {"deep": [bad]}}),
    ("post", "/api/crm/invoices", lambda bad, ids: {"customer_id": ids["customer"], "lines": [
        {**LINE, "description": bad}]}),
    ("post", "/api/crm/contracts", lambda bad, ids: {"customer_id": ids["customer"], "title": bad, "body": "b"}),
    ("post", "/api/crm/views", lambda bad, ids: {"resource": "customers", "name": "n", "filters": {bad: 1}}),
    ("post", "/api/crm/views", lambda bad, ids: {"resource": "customers", "name": "n", "columns": [bad]}),
    ("patch", "/api/business", lambda bad, ids: {"address": bad}),
    ("post", "/api/push/subscriptions", lambda bad, ids: {"endpoint": f"https://push.example.com/{bad}",
                                                           "keys": {"p256dh": "a" * 30, "auth": "b" * 10}}),
    ("post", "/auth/login", lambda bad, ids: {"email": f"a{bad}@example.com", "password": bad}),
]


@pytest.mark.both_databases
@pytest.mark.parametrize("bad", ["a\x00b", "a\ud800b"], ids=["nul", "lone-surrogate"])
async def test_unstorable_text_in_a_json_body_is_422_and_writes_nothing(client, auth_headers, bad):
    ids = {"customer": await customer_id(client, auth_headers), "task": await task_id(client, auth_headers)}
    counts = (await Customer.all().count(), await Task.all().count(), await SavedView.all().count())
    for method, path, body in BODIES:
        # json.dumps escapes both (\u0000, \ud800): exactly what a client's JSON carries.
        response = await client.open(path.format(**ids), method=method.upper(), headers={
            **auth_headers, "Content-Type": "application/json"}, data=json.dumps(body(bad, ids)))
        answer = await response.get_json()
        assert_validation_error(response, answer)
        assert answer["error"]["details"]["fields"][0]["loc"][0] == "body", (path, answer)
    assert (await Customer.all().count(), await Task.all().count(), await SavedView.all().count()) == counts
    customer = await Customer.get(id=ids["customer"])
    assert customer.notes == "" and "\x00" not in customer.name


@pytest.mark.both_databases
async def test_text_that_only_looks_odd_is_stored(client, auth_headers):
    """A surrogate pair is one character (an emoji); control characters other than NUL, and
    U+FFFD, are text both databases store."""
    name = "דנה \U0001F600 \x01\x1f \ufffd"
    response = await client.post("/api/crm/customers", data=json.dumps({"name": name}), headers={
        **auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 201, await response.get_data(as_text=True)
    assert (await Customer.get(id=(await response.get_json())["id"])).name == name


@pytest.mark.both_databases
@pytest.mark.parametrize("path", [
    "/api/crm/customers?q=a%00b", "/api/crm/customers?source=%00", "/api/crm/customers/export.csv?q=a%00b",
    "/api/crm/calls?status=a%00b", "/api/crm/messages?status=%00", "/api/crm/signatures?q=%00j",
    "/api/crm/tasks?q=a%00&status=open", "/api/crm/customers?a%00b=1", "/api/crm/users?q=%00",
])
async def test_nul_in_a_query_is_422(client, auth_headers, path):
    response = await client.get(path, headers=auth_headers)
    answer = await response.get_json()
    assert_validation_error(response, answer)
    assert answer["error"]["details"]["fields"][0]["loc"][0] == "query"


@pytest.mark.both_databases
async def test_nul_in_a_path_is_422(client, auth_headers):
    for method in ("GET", "POST"):
        response = await client.open("/sign/abc%00def", method=method, json={"name": "דנה", "signature_png": "x" * 40})
        assert_validation_error(response, await response.get_json())
    response = await client.get("/api/crm/customers/1%00", headers=auth_headers)
    assert response.status_code in (404, 422)


# --- numbers past int4 --------------------------------------------------------------------

@pytest.mark.both_databases
async def test_ids_past_int4_in_a_body_are_422(client, auth_headers):
    ids = {"customer": await customer_id(client, auth_headers), "task": await task_id(client, auth_headers)}
    cases = [
        ("post", "/api/crm/customers", {"name": "x", "owner_id": HUGE}),
        ("post", "/api/crm/tasks", {"title": "x", "due_at": "2030-01-01T09:00:00Z", "customer_id": HUGE}),
        ("post", "/api/crm/tasks", {"title": "x", "due_at": "2030-01-01T09:00:00Z", "assignee_id": 2**31}),
        ("patch", f"/api/crm/tasks/{ids['task']}", {"customer_id": HUGE}),
        ("post", "/api/crm/invoices", {"customer_id": HUGE, "lines": [LINE]}),
        ("post", "/api/crm/contracts", {"customer_id": HUGE, "title": "t", "body": "b"}),
        ("patch", "/api/business", {"on_duty_user_id": HUGE}),
        ("post", f"/api/crm/tasks/{ids['task']}/snooze", {"minutes": HUGE}),
        ("post", "/api/crm/invoices", {"customer_id": ids["customer"], "lines": [{**LINE, "quantity": 10**30}]}),
    ]
    for method, path, body in cases:
        response = await client.open(path, method=method.upper(), json=body, headers=auth_headers)
        assert_validation_error(response, await response.get_json())
    assert await Customer.all().count() == 1 and await Task.all().count() == 1


@pytest.mark.both_databases
@pytest.mark.parametrize("query", [
    f"customers?owner_id={HUGE}", f"customers/export.csv?owner_id={HUGE}", f"calls?customer_id={HUGE}",
    f"messages?customer_id={HUGE}", f"tasks?assignee_id={HUGE}", f"invoices?customer_id={HUGE}",
    f"contracts?customer_id={HUGE}", f"signatures?contract_id={HUGE}", f"customers?page={HUGE}",
    f"customers?limit={HUGE}", "customers?owner_id=49790101413741704305614782464",
])
async def test_ids_past_int4_in_a_query_are_422(client, auth_headers, query):
    response = await client.get(f"/api/crm/{query}", headers=auth_headers)
    assert_validation_error(response, await response.get_json())


@pytest.mark.both_databases
async def test_ids_past_int4_in_a_path_or_cursor_are_4xx(client, auth_headers):
    customer = await customer_id(client, auth_headers)
    for path in (f"/api/crm/customers/{HUGE}", f"/api/crm/customers/{HUGE}/timeline", f"/api/crm/tasks/{HUGE}"):
        assert (await client.get(path, headers=auth_headers)).status_code == 404, path
    cursor = await client.get(f"/api/crm/customers/{customer}/timeline",
                              query_string={"before": f"2026-01-01T00:00:00+00:00|call:{HUGE}"}, headers=auth_headers)
    assert cursor.status_code == 422


# --- times --------------------------------------------------------------------------------

# No UTC value at all, the calendar's last second, and far outside what a call center means.
EDGE_TIMES = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+00:00",
              "0001-01-01T00:00:00+00:00", "1000-01-01T00:00:00+00:00", "2200-01-01T00:00:00+00:00"]


@pytest.mark.both_databases
@pytest.mark.parametrize("at", EDGE_TIMES)
async def test_times_outside_what_the_api_stores_are_422(client, auth_headers, at):
    customer, task = await customer_id(client, auth_headers), await task_id(client, auth_headers)
    before = await Task.get(id=task)
    for method, path, body in [
        ("post", "/api/crm/tasks", {"title": "x", "due_at": at}),
        ("patch", f"/api/crm/tasks/{task}", {"due_at": at}),
        ("post", f"/api/crm/tasks/{task}/snooze", {"until": at}),
    ]:
        response = await client.open(path, method=method.upper(), json=body, headers=auth_headers)
        assert_validation_error(response, await response.get_json())
    listed = await client.get("/api/crm/tasks", query_string={"due_before": at}, headers=auth_headers)
    assert_validation_error(listed, await listed.get_json())
    timeline = await client.get(f"/api/crm/customers/{customer}/timeline", query_string={"before": at},
                                headers=auth_headers)
    assert timeline.status_code == 422
    after = await Task.get(id=task)
    assert (after.due_at, after.snoozed_until, await Task.all().count()) == (before.due_at, before.snoozed_until, 1)


@pytest.mark.both_databases
async def test_times_within_the_range_still_work(client, auth_headers):
    task = await task_id(client, auth_headers)
    for at in ("1900-01-01T00:00:00+00:00", "2199-12-31T23:59:59+00:00", "2199-12-31T09:00:00-14:00"):
        response = await client.patch(f"/api/crm/tasks/{task}", json={"due_at": at}, headers=auth_headers)
        assert response.status_code == 200, await response.get_data(as_text=True)
    listed = await client.get("/api/crm/tasks", query_string={"due_before": "2199-12-31T00:00:00+00:00"},
                              headers=auth_headers)
    assert listed.status_code == 200


# --- JSON shape ---------------------------------------------------------------------------

@pytest.mark.both_databases
@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 900, 100_000])
async def test_json_nested_too_deep_is_400(client, auth_headers, depth):
    filters = "[" * depth + "]" * depth
    body = '{"resource": "customers", "name": "deep", "filters": {"a": ' + filters + "}}"
    response = await client.post("/api/crm/views", data=body, headers={
        **auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert (await response.get_json())["error"]["code"] == "too_deeply_nested"
    assert await SavedView.all().count() == 0


@pytest.mark.both_databases
async def test_json_as_deep_as_allowed_is_read(client, auth_headers):
    nested: dict = {}
    for _ in range(MAX_JSON_DEPTH - 2):  # the body and the filters object are two levels
        nested = {"a": nested}
    response = await client.post("/api/crm/views", json={"resource": "customers", "name": "ok", "filters": nested},
                                 headers=auth_headers)
    assert response.status_code == 201, await response.get_data(as_text=True)


@pytest.mark.parametrize("size", [MAX_JSON_BYTES + 1, 11 * 1024 * 1024])
async def test_a_huge_json_body_is_413(client, auth_headers, size):
    body = json.dumps({"name": "x" * size})
    response = await client.post("/api/crm/customers", data=body, headers={
        **auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert "error" in await response.get_json()
    assert await Customer.all().count() == 0
