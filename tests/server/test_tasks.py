"""Tasks: defaults, tenancy, snooze, done, reopen, filters and sorts."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from server.auth.service import create_user
from server.businesses.service import create_business
from server.config import Settings
from server.customers.models import Customer
from server.runtime import Runtime
from server.tasks import scheduler
from server.tasks.models import Task

SOON = datetime.now(UTC) + timedelta(hours=1)


def iso(value: datetime) -> str:
    return value.isoformat()


async def post_task(client, headers, **body) -> dict:
    body.setdefault("title", "להתקשר לדנה")
    body.setdefault("due_at", iso(SOON))
    response = await client.post("/api/crm/tasks", json=body, headers=headers)
    assert response.status_code == 201, await response.get_data(as_text=True)
    return await response.get_json()


@pytest.fixture
async def other_business():
    return await create_business(name="עסק אחר", phone="+97235550199")


async def test_create_defaults_to_the_creator_and_reads_back(client, business, user, auth_headers):
    customer = await Customer.create(business=business, name="דנה כהן", phone="+972541234567")
    task = await post_task(client, auth_headers, customer_id=customer.id, notes="לגבי החוזה")
    assert task["assignee_id"] == user.id
    assert (task["status"], task["done_at"], task["snoozed_until"]) == ("open", None, None)
    assert task["fires_at"] == task["due_at"]
    assert datetime.fromisoformat(task["due_at"]) == SOON
    read = await (await client.get(f"/api/crm/tasks/{task['id']}", headers=auth_headers)).get_json()
    assert read == task


async def test_assignee_in_the_business(client, business, user, auth_headers):
    colleague = await create_user(business_id=business.id, email="b@example.com", password="x" * 12)
    task = await post_task(client, auth_headers, assignee_id=colleague.id)
    assert task["assignee_id"] == colleague.id


async def test_foreign_customer_or_assignee_is_404(client, business, auth_headers, other_business):
    theirs = await Customer.create(business=other_business, name="זר", phone="+972541111111")
    stranger = await create_user(business_id=other_business.id, email="z@example.com", password="x" * 12)
    for body in ({"customer_id": theirs.id}, {"assignee_id": stranger.id}, {"customer_id": 999999}):
        response = await client.post("/api/crm/tasks", json={"title": "t", "due_at": iso(SOON), **body},
                                     headers=auth_headers)
        assert response.status_code == 404, body
    task = await post_task(client, auth_headers)
    for body in ({"customer_id": theirs.id}, {"assignee_id": stranger.id}):
        response = await client.patch(f"/api/crm/tasks/{task['id']}", json=body, headers=auth_headers)
        assert response.status_code == 404, body
    assert await Task.filter(customer_id=theirs.id).count() == 0


async def test_other_business_task_is_404_everywhere(client, business, auth_headers, other_business):
    stranger = await create_user(business_id=other_business.id, email="z@example.com", password="x" * 12)
    theirs = await Task.create(business=other_business, title="סוד", assignee=stranger, due_at=SOON)
    for method, path, body in (("get", "", None), ("patch", "", {"title": "x"}), ("delete", "", None),
                               ("post", "/done", None), ("post", "/snooze", {"minutes": 5})):
        response = await getattr(client, method)(f"/api/crm/tasks/{theirs.id}{path}", json=body,
                                                 headers=auth_headers)
        assert response.status_code == 404, (method, path)
    listed = await (await client.get("/api/crm/tasks", headers=auth_headers)).get_json()
    assert listed["total"] == 0
    assert (await Task.get(id=theirs.id)).title == "סוד"


async def test_missing_zone_or_title_is_422(client, business, auth_headers):
    for body in ({"title": "t", "due_at": "2030-01-01T10:00:00"}, {"due_at": iso(SOON)},
                 {"title": "", "due_at": iso(SOON)}):
        response = await client.post("/api/crm/tasks", json=body, headers=auth_headers)
        assert response.status_code == 422, body


async def test_snooze_by_minutes_and_until_rearms(client, business, auth_headers):
    task = await post_task(client, auth_headers)
    await Task.filter(id=task["id"]).update(notified_at=datetime.now(UTC))
    before = datetime.now(UTC)
    response = await client.post(f"/api/crm/tasks/{task['id']}/snooze", json={"minutes": 15}, headers=auth_headers)
    body = await response.get_json()
    assert response.status_code == 200
    until = datetime.fromisoformat(body["snoozed_until"])
    assert before + timedelta(minutes=15) <= until <= datetime.now(UTC) + timedelta(minutes=15)
    assert body["fires_at"] == body["snoozed_until"] and body["due_at"] == task["due_at"]
    assert (await Task.get(id=task["id"])).notified_at is None

    later = datetime.now(UTC) + timedelta(days=2)
    response = await client.post(f"/api/crm/tasks/{task['id']}/snooze", json={"until": iso(later)},
                                 headers=auth_headers)
    assert datetime.fromisoformat((await response.get_json())["snoozed_until"]) == later


@pytest.mark.parametrize("body", [{}, {"minutes": 5, "until": (datetime.now(UTC) + timedelta(hours=1)).isoformat()},
                                  {"until": "2020-01-01T00:00:00+00:00"}, {"minutes": 0}, {"minutes": 10081},
                                  {"until": "soon"}])
async def test_bad_snooze_is_422(client, business, auth_headers, body):
    task = await post_task(client, auth_headers)
    response = await client.post(f"/api/crm/tasks/{task['id']}/snooze", json=body, headers=auth_headers)
    assert response.status_code == 422
    assert (await Task.get(id=task["id"])).snoozed_until is None


async def test_done_is_idempotent_and_reopen_clears(client, business, auth_headers):
    task = await post_task(client, auth_headers)
    first = await (await client.post(f"/api/crm/tasks/{task['id']}/done", headers=auth_headers)).get_json()
    assert first["status"] == "done" and first["done_at"]
    again = await client.post(f"/api/crm/tasks/{task['id']}/done", headers=auth_headers)
    assert again.status_code == 200 and (await again.get_json())["done_at"] == first["done_at"]
    snooze = await client.post(f"/api/crm/tasks/{task['id']}/snooze", json={"minutes": 5}, headers=auth_headers)
    assert snooze.status_code == 409

    await Task.filter(id=task["id"]).update(notified_at=datetime.now(UTC))
    reopened = await client.patch(f"/api/crm/tasks/{task['id']}", json={"status": "open"}, headers=auth_headers)
    body = await reopened.get_json()
    assert (body["status"], body["done_at"]) == ("open", None)
    assert (await Task.get(id=task["id"])).notified_at is None


async def test_new_due_at_clears_snooze_and_notified(client, business, auth_headers):
    task = await post_task(client, auth_headers)
    await client.post(f"/api/crm/tasks/{task['id']}/snooze", json={"minutes": 30}, headers=auth_headers)
    await Task.filter(id=task["id"]).update(notified_at=datetime.now(UTC))
    same = await client.patch(f"/api/crm/tasks/{task['id']}", json={"due_at": task["due_at"], "title": "חדש"},
                              headers=auth_headers)
    assert (await same.get_json())["snoozed_until"] is not None  # an unchanged due time keeps the snooze
    new_due = SOON + timedelta(days=1)
    body = await (await client.patch(f"/api/crm/tasks/{task['id']}", json={"due_at": iso(new_due)},
                                     headers=auth_headers)).get_json()
    assert (body["snoozed_until"], body["title"]) == (None, "חדש")
    assert body["fires_at"] == body["due_at"] and datetime.fromisoformat(body["due_at"]) == new_due
    assert (await Task.get(id=task["id"])).notified_at is None


async def test_patch_ignores_unknown_fields_and_unlinks_customer(client, business, user, auth_headers,
                                                                  other_business):
    customer = await Customer.create(business=business, name="דנה", phone="+972541234567")
    task = await post_task(client, auth_headers, customer_id=customer.id)
    response = await client.patch(f"/api/crm/tasks/{task['id']}",
                                  json={"customer_id": None, "business_id": other_business.id, "done_at": None},
                                  headers=auth_headers)
    assert (await response.get_json())["customer_id"] is None
    assert (await Task.get(id=task["id"])).business_id == business.id
    bad = await client.patch(f"/api/crm/tasks/{task['id']}", json={"title": None}, headers=auth_headers)
    assert bad.status_code == 422


async def test_delete(client, business, auth_headers):
    task = await post_task(client, auth_headers)
    assert (await client.delete(f"/api/crm/tasks/{task['id']}", headers=auth_headers)).status_code == 204
    assert (await client.get(f"/api/crm/tasks/{task['id']}", headers=auth_headers)).status_code == 404


@pytest.mark.both_databases
async def test_filters_and_sorts(client, business, user, auth_headers):
    colleague = await create_user(business_id=business.id, email="b@example.com", password="x" * 12)
    customer = await Customer.create(business=business, name="דנה", phone="+972541234567")
    base = datetime(2030, 5, 1, 9, tzinfo=UTC)
    a = await post_task(client, auth_headers, title="בגד", due_at=iso(base + timedelta(hours=3)),
                        customer_id=customer.id)
    b = await post_task(client, auth_headers, title="אלף", due_at=iso(base + timedelta(hours=1)),
                        assignee_id=colleague.id, notes="חוזה שכירות")
    c = await post_task(client, auth_headers, title="גמל", due_at=iso(base + timedelta(hours=2)))
    await client.post(f"/api/crm/tasks/{c['id']}/done", headers=auth_headers)

    async def ids(query: str = "", **params) -> list[int]:
        response = await client.get(f"/api/crm/tasks?{query}" if query else "/api/crm/tasks",
                                    query_string=params or None, headers=auth_headers)
        assert response.status_code == 200, await response.get_data(as_text=True)
        return [t["id"] for t in (await response.get_json())["results"]]

    assert await ids("") == [b["id"], c["id"], a["id"]]  # due_at ascending by default
    assert await ids("sort=-due_at") == [a["id"], c["id"], b["id"]]
    assert await ids("sort=title") == [b["id"], a["id"], c["id"]]
    assert await ids("sort=-created_at") == [c["id"], b["id"], a["id"]]
    assert await ids("sort=status") == [c["id"], a["id"], b["id"]]  # done < open, then id
    assert await ids("status=done") == [c["id"]]
    assert await ids("status=open&sort=due_at") == [b["id"], a["id"]]
    assert await ids(f"customer_id={customer.id}") == [a["id"]]
    assert await ids(f"assignee_id={colleague.id}") == [b["id"]]
    assert await ids("mine=true") == [c["id"], a["id"]]
    assert await ids(q="שכירות") == [b["id"]]
    assert await ids(q="גמל") == [c["id"]]
    cutoff = (base + timedelta(hours=2, minutes=30)).isoformat()
    assert await ids(due_before=cutoff) == [b["id"], c["id"]]
    # A snoozed task falls due at its snooze time.
    await Task.filter(id=b["id"]).update(snoozed_until=base + timedelta(hours=5))
    assert await ids(due_before=cutoff) == [c["id"]]


@pytest.mark.parametrize("query", ["sort=notes", "sort=-business_id", "status=maybe", "limit=500", "mine=perhaps",
                                   "due_before=tomorrow", "assignee_id=0"])
async def test_bad_list_parameters_are_422(client, business, auth_headers, query):
    response = await client.get(f"/api/crm/tasks?{query}", headers=auth_headers)
    assert response.status_code == 422
    assert "code" in (await response.get_json())["error"]


async def test_login_required(client, business):
    assert (await client.get("/api/crm/tasks")).status_code == 401


async def test_changes_are_announced_to_the_business(client, business, auth_headers, monkeypatch):
    from server import realtime

    sent = []

    async def record(event, data, *, room, to_sid=None):
        sent.append((event, room, data["task"]["status"], data["task"]["snoozed_until"] is not None, data["deleted"]))

    monkeypatch.setattr(realtime, "publish", record)
    task = await post_task(client, auth_headers, title="להתקשר לדנה")
    assert (await client.post(f"/api/crm/tasks/{task['id']}/snooze", json={"minutes": 15},
                              headers=auth_headers)).status_code == 200
    assert (await client.post(f"/api/crm/tasks/{task['id']}/done", headers=auth_headers)).status_code == 200
    assert (await client.delete(f"/api/crm/tasks/{task['id']}", headers=auth_headers)).status_code == 204
    room = f"business:{business.id}"
    assert sent == [("task:updated", room, "open", False, False), ("task:updated", room, "open", True, False),
                    ("task:updated", room, "done", True, False), ("task:updated", room, "done", True, True)]


async def test_the_task_clock_looks_again_soon_after_a_failed_pass(monkeypatch):
    passes: list[str] = []
    second_pass = asyncio.Event()

    async def flaky_fire_due():
        passes.append("pass")
        if len(passes) == 1:
            raise RuntimeError("database is locked")
        second_pass.set()
        return []

    async def nothing_due():
        return None

    monkeypatch.setattr(scheduler, "fire_due", flaky_fire_due)
    monkeypatch.setattr(scheduler, "next_due_at", nothing_due)
    clock = scheduler.TaskClock()
    with Runtime(Settings()).activated():  # a clock runs under a runtime; this one needs no database
        clock.start()
    try:
        # MAX_SLEEP (30 s) would exceed this bound; RETRY_AFTER_FAILURE (1 s) does not.
        await asyncio.wait_for(second_pass.wait(), timeout=scheduler.MAX_SLEEP / 3)
    finally:
        await clock.stop()
    assert passes == ["pass", "pass"]
