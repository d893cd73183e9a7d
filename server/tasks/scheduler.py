"""The task-due alarm clock: `task:due` to the assignee within a second of the task's due
time (or snooze time), exactly once per due time, from however many server processes.

Each pass claims every due, un-notified open task with ONE conditional UPDATE that stamps
`notified_at` and a claim token: whichever process's UPDATE reaches a row first owns its alert,
so two processes never both send it. Between passes the clock sleeps until the next due time,
or until a task changes under its runtime (`TASKS_CHANGED`), or at most `MAX_SLEEP` (tasks
changed by another process or the command line).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q

from server import realtime, runtime
from server.background import wind_down
from server.customers.models import Customer
from server.customers.service import customer_json
from server.push.service import enqueue_task_due_pushes
from server.tasks.models import Task
from server.tasks.service import task_json, with_call

log = logging.getLogger("agentlocator.scheduler")

MAX_SLEEP = 30.0
# A failed pass (a locked or restarting database) is tried again this soon, not after MAX_SLEEP.
RETRY_AFTER_FAILURE = 1.0
EMIT_BATCH = 50
# A connect replays at most this many alerts, the oldest first: a user with thousands of
# unacknowledged alerts (an imported backlog) must not get thousands of emits per reconnect.
REPLAY_MAX = 200


def _due(at: datetime) -> Q:
    return Q(snoozed_until__isnull=True, due_at__lte=at) | Q(snoozed_until__lte=at)


async def alert_payload(task: Task, customers: dict[int, Customer]) -> dict:
    customer = customers.get(task.customer_id) if task.customer_id else None
    return {"task": task_json(await with_call(task)), "customer": customer_json(customer) if customer else None}


async def _customers_of(tasks: list[Task]) -> dict[int, Customer]:
    ids = {t.customer_id for t in tasks if t.customer_id}
    return {c.id: c for c in await Customer.filter(id__in=ids)} if ids else {}


async def fire_due(now: datetime | None = None) -> list[Task]:
    """Claim and announce every task due by `now`; returns the tasks this call announced."""
    now = now or datetime.now(UTC)
    claim = secrets.token_hex(16)
    claimed = await Task.filter(_due(now), status="open", notified_at__isnull=True,
                                alert_dismissed_at__isnull=True).update(
        notified_at=now, notify_claim=claim)
    if not claimed:
        return []
    tasks = await Task.filter(notify_claim=claim)
    customers = await _customers_of(tasks)
    alerts = [(realtime.user_room(task.assignee_id), await alert_payload(task, customers)) for task in tasks]
    # Sent concurrently: with Redis each emit waits for its own publish round trip, and a
    # thousand of those one after another took 2.6 s (bench/realtime.py).
    for start in range(0, len(alerts), EMIT_BATCH):
        await asyncio.gather(*(realtime.publish("task:due", payload, room=room)
                               for room, payload in alerts[start:start + EMIT_BATCH]))
    await enqueue_task_due_pushes(tasks)
    late = [(now - (t.snoozed_until or t.due_at)).total_seconds() for t in tasks]
    log.info("task:due sent for %d task(s), up to %.3f s after due", len(tasks), max(late))
    return tasks


async def next_due_at() -> datetime | None:
    """The earliest time an open, un-notified, undismissed task falls due."""
    pending = Task.filter(status="open", notified_at__isnull=True, alert_dismissed_at__isnull=True)
    snoozed = await pending.filter(snoozed_until__isnull=False).order_by("snoozed_until").first()
    plain = await pending.filter(snoozed_until__isnull=True).order_by("due_at").first()
    times = [t for t in ((snoozed.snoozed_until if snoozed else None), (plain.due_at if plain else None)) if t]
    return min(times) if times else None


async def replay_pending(sid: str, user) -> None:
    """A socket that connects gets every alert of its user that fired and was never put away:
    not done, not snoozed past now, not dismissed, however long ago it fired (a client that
    was off for a week still shows it, once: putting it away ends the replays). Marked
    `replay: true`; clients key alerts by task id and `fires_at`, so a replay never shows the
    same alert twice."""
    now = datetime.now(UTC)
    tasks = await Task.filter(_due(now), assignee_id=user.id, status="open", notified_at__isnull=False,
                              alert_dismissed_at__isnull=True).order_by("due_at", "id").limit(REPLAY_MAX)
    customers = await _customers_of(tasks)
    for task in tasks:
        payload = await alert_payload(task, customers)
        payload["replay"] = True
        await realtime.publish("task:due", payload, room=realtime.user_room(user.id), to_sid=sid)


class TaskClock:
    def __init__(self) -> None:
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def wake(self) -> None:
        self._wakeup.set()

    def start(self) -> None:
        """Runs under the current runtime, woken by the task changes made in it."""
        self._unsubscribe = runtime.current().subscribe(runtime.TASKS_CHANGED, self.wake)
        self._task = asyncio.create_task(self._run(), name="task-clock")

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._stopping = True
        self._wakeup.set()
        if self._task:
            await wind_down([self._task])

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                await fire_due()
                upcoming = await next_due_at()
            except Exception:  # noqa: BLE001 - the database may be restarting or locked: look again soon
                log.exception("task clock pass failed")
                upcoming = datetime.now(UTC) + timedelta(seconds=RETRY_AFTER_FAILURE)
            if self._stopping:
                return
            delay = MAX_SLEEP
            if upcoming is not None:
                delay = min(MAX_SLEEP, max(0.0, (upcoming - datetime.now(UTC)).total_seconds()))
            try:
                await asyncio.wait_for(self._wakeup.wait(), delay)
            except TimeoutError:
                pass
