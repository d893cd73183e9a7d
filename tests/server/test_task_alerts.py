"""Task-due alerts that are put away stay away: dismiss on the server, replay of every alert
never acknowledged (however old) and of none that was dismissed, snoozed or done, a task that
fell due while the server was down firing once, and the overdue flag."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
import socketio

from server import realtime
from server.auth.service import create_user
from server.businesses.service import create_business
from server.customers.models import Customer
from server.tasks import scheduler
from server.tasks.models import Task
from tests.conftest import PASSWORD
from tests.hypercorn_served import hypercorn_served
from tests.waiting import eventually

pytestmark = pytest.mark.both_databases


@pytest.fixture
def published(monkeypatch) -> list[tuple[str, dict, str, str | None]]:
    """What the code under test publishes, instead of sending it."""
    sent: list[tuple[str, dict, str, str | None]] = []

    async def record(event, data, *, room, to_sid=None):
        sent.append((event, data, room, to_sid))

    monkeypatch.setattr(realtime, "publish", record)
    return sent


async def fired_task(business, user, title: str, due_at: datetime, **fields) -> Task:
    """A task whose alert went out when it fell due (as the clock stamps it)."""
    fields.setdefault("status", "open")
    fields.setdefault("notified_at", due_at)
    return await Task.create(business=business, assignee=user, title=title, due_at=due_at, **fields)


async def test_dismiss_changes_that_one_task_and_answers_it(client, business, user, auth_headers):
    now = datetime.now(UTC)
    task = await fired_task(business, user, "להתקשר לדנה", now - timedelta(minutes=5))
    neighbour = await fired_task(business, user, "לשלוח חוזה", now - timedelta(minutes=5))
    response = await client.post(f"/api/crm/tasks/{task.id}/dismiss", headers=auth_headers)
    assert response.status_code == 200
    body = await response.get_json()
    dismissed_at = datetime.fromisoformat(body["alert_dismissed_at"])
    assert now <= dismissed_at <= datetime.now(UTC)
    assert (body["id"], body["status"], body["overdue"]) == (task.id, "open", True)  # the task itself stays open
    assert (await Task.get(id=task.id)).alert_dismissed_at == dismissed_at
    assert (await Task.get(id=neighbour.id)).alert_dismissed_at is None
    # Again: nothing moves, the first dismissal stands.
    again = await (await client.post(f"/api/crm/tasks/{task.id}/dismiss", headers=auth_headers)).get_json()
    assert again["alert_dismissed_at"] == body["alert_dismissed_at"]


async def test_dismissing_another_business_task_is_404(client, business, auth_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    stranger = await create_user(business_id=other.id, email="z@example.com", password="x" * 12)
    theirs = await fired_task(other, stranger, "סוד", datetime.now(UTC) - timedelta(hours=1))
    response = await client.post(f"/api/crm/tasks/{theirs.id}/dismiss", headers=auth_headers)
    assert response.status_code == 404
    assert (await response.get_json())["error"]["code"] == "not_found"
    assert (await Task.get(id=theirs.id)).alert_dismissed_at is None
    assert (await client.post("/api/crm/tasks/999999/dismiss", headers=auth_headers)).status_code == 404
    assert (await client.post(f"/api/crm/tasks/{theirs.id}/dismiss")).status_code == 401


async def test_replay_skips_dismissed_snoozed_and_done_and_keeps_old_ones(client, business, user, auth_headers,
                                                                            published):
    now = datetime.now(UTC)
    week_old = await fired_task(business, user, "לפני שבוע", now - timedelta(days=7))
    pending = await fired_task(business, user, "לפני רגע", now - timedelta(minutes=1))
    dismissed = await fired_task(business, user, "נסגרה", now - timedelta(hours=2))
    snoozed = await fired_task(business, user, "נדחתה", now - timedelta(hours=2))
    done = await fired_task(business, user, "בוצעה", now - timedelta(hours=2))
    assert (await client.post(f"/api/crm/tasks/{dismissed.id}/dismiss", headers=auth_headers)).status_code == 200
    assert (await client.post(f"/api/crm/tasks/{snoozed.id}/snooze", json={"minutes": 15},
                              headers=auth_headers)).status_code == 200
    assert (await client.post(f"/api/crm/tasks/{done.id}/done", headers=auth_headers)).status_code == 200
    published.clear()

    await scheduler.replay_pending("sid-1", user)
    replayed = {data["task"]["id"]: (event, room, to_sid, data["replay"]) for event, data, room, to_sid in published}
    assert replayed == {week_old.id: ("task:due", f"user:{user.id}", "sid-1", True),
                        pending.id: ("task:due", f"user:{user.id}", "sid-1", True)}
    # Once put away, the week-old alert is never replayed again.
    assert (await client.post(f"/api/crm/tasks/{week_old.id}/dismiss", headers=auth_headers)).status_code == 200
    published.clear()
    await scheduler.replay_pending("sid-2", user)
    assert [data["task"]["id"] for _e, data, _r, _s in published] == [pending.id]


async def test_a_snooze_that_falls_due_is_a_new_alert_after_a_dismissal(client, business, user, auth_headers,
                                                                          published):
    now = datetime.now(UTC)
    task = await fired_task(business, user, "לחזור לדנה", now - timedelta(hours=1))
    assert (await client.post(f"/api/crm/tasks/{task.id}/dismiss", headers=auth_headers)).status_code == 200
    # Snoozed to a time that has come: the clock alerts again and replays that alert until it is put away.
    await Task.filter(id=task.id).update(snoozed_until=now - timedelta(seconds=1), notified_at=None,
                                         alert_dismissed_at=None)
    assert [t.id for t in await scheduler.fire_due()] == [task.id]
    published.clear()
    await scheduler.replay_pending("sid", user)
    assert [data["task"]["fires_at"] for _e, data, _r, _s in published] == [
        (now - timedelta(seconds=1)).isoformat()]
    # A snooze through the API clears the old dismissal too.
    assert (await client.post(f"/api/crm/tasks/{task.id}/dismiss", headers=auth_headers)).status_code == 200
    snoozed = await (await client.post(f"/api/crm/tasks/{task.id}/snooze", json={"minutes": 5},
                                       headers=auth_headers)).get_json()
    assert snoozed["alert_dismissed_at"] is None and snoozed["overdue"] is False


async def test_a_task_due_three_days_ago_fires_once(business, user, published):
    """Due while the server was down: the first pass announces it, later passes do not."""
    task = await Task.create(business=business, assignee=user, title="לפני שלושה ימים",
                             due_at=datetime.now(UTC) - timedelta(days=3), status="open")
    assert [t.id for t in await scheduler.fire_due()] == [task.id]
    assert await scheduler.fire_due() == []
    assert [(event, data["task"]["id"], room) for event, data, room, _sid in published] == [
        ("task:due", task.id, f"user:{user.id}")]
    assert await scheduler.next_due_at() is None


async def test_a_task_dismissed_before_it_fires_never_alerts(client, business, user, auth_headers, published):
    task = await Task.create(business=business, assignee=user, title="כבר טופל",
                             due_at=datetime.now(UTC) - timedelta(seconds=1), status="open")
    assert (await client.post(f"/api/crm/tasks/{task.id}/dismiss", headers=auth_headers)).status_code == 200
    assert await scheduler.fire_due() == []
    assert await scheduler.next_due_at() is None  # the clock does not wake for it again and again


async def test_overdue_is_open_and_past_its_fires_at(client, business, user, auth_headers):
    now = datetime.now(UTC)
    late = await fired_task(business, user, "באיחור", now - timedelta(days=2))
    coming = await Task.create(business=business, assignee=user, title="בקרוב", due_at=now + timedelta(hours=1))
    done = await fired_task(business, user, "בוצעה", now - timedelta(days=2), status="done", done_at=now)
    snoozed = await fired_task(business, user, "נדחתה", now - timedelta(days=2), snoozed_until=now + timedelta(hours=1))
    listed = await (await client.get("/api/crm/tasks", query_string={"limit": 50}, headers=auth_headers)).get_json()
    assert {t["id"]: t["overdue"] for t in listed["results"]} == {
        late.id: True, coming.id: False, done.id: False, snoozed.id: False}


async def test_an_old_unacknowledged_alert_reaches_a_real_socket_on_connect(settings):
    """Replay over Socket.IO: a task that fell due three days ago and was never put away."""
    from server.app import create_app

    quart_app = create_app(settings=settings)
    async with hypercorn_served(quart_app) as port:
        with quart_app.extensions["runtime"].activated():
            business = await create_business(name="משרד", phone="+97235550100")
            agent = await create_user(business_id=business.id, email="late@example.com", password=PASSWORD)
            customer = await Customer.create(business=business, name="דנה כהן", phone="+972541234567")
            old = await fired_task(business, agent, "לחזור לדנה", datetime.now(UTC) - timedelta(days=3),
                                   customer=customer)
        base_url = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=base_url) as http:
            token = (await http.post("/auth/login", json={"email": "late@example.com", "password": PASSWORD})
                     ).json()["access_token"]
            heard: list[dict] = []
            socket = socketio.AsyncClient(reconnection=False)
            socket.on("task:due", heard.append)
            await socket.connect(base_url, socketio_path="ws", transports=["websocket"], auth={"token": token},
                                 wait_timeout=10)
            try:
                (alert,) = await eventually(lambda: heard, what="the replayed task:due")
            finally:
                await socket.disconnect()
    assert alert["replay"] is True
    assert (alert["task"]["id"], alert["task"]["overdue"]) == (old.id, True)
    assert alert["customer"]["name"] == "דנה כהן"


async def test_a_connect_replays_at_most_replay_max_alerts_oldest_first(business, user, published, monkeypatch):
    monkeypatch.setattr(scheduler, "REPLAY_MAX", 2)
    now = datetime.now(UTC)
    tasks = [await fired_task(business, user, f"משימה {days}", now - timedelta(days=days)) for days in (1, 9, 5)]
    await scheduler.replay_pending("sid", user)
    assert [data["task"]["id"] for _e, data, _r, _s in published] == [tasks[1].id, tasks[2].id]
