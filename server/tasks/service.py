"""Tasks: what an agent has to do, and when.

`notified_at` is when `task:due` went out for the current due time; every change of that time
(a new `due_at`, a snooze, reopening) clears it, so the alert fires once per due time. The
effective due time is `snoozed_until` when set, else `due_at` (`fires_at` in the JSON).
`alert_dismissed_at` is when the agent put that alert away (Esc / "סגירה"): a dismissed alert
is never replayed to a socket that connects later; the same changes clear it, so the next due
time alerts again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.expressions import Q

from server import realtime, runtime
from server.auth.models import User
from server.calls.models import Call
from server.customers.models import Customer
from server.errors import APIError
from server.labels import label
from server.phones import national
from server.tasks.models import Task
from server.tenancy import owned, scoped


def _rearm() -> None:
    """Wake this process's task clock: a due time may have moved closer."""
    runtime.current().notify(runtime.TASKS_CHANGED)


def fires_at(task: Task) -> datetime:
    return task.snoozed_until or task.due_at


def is_overdue(task: Task, now: datetime | None = None) -> bool:
    return task.status == "open" and fires_at(task) < (now or datetime.now(UTC))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


async def with_call(task: Task) -> Task:
    """`task` with its call read, for a call-back's JSON (`call`)."""
    if task.call_id and not isinstance(task.call, Call):
        await task.fetch_related("call")
    return task


def _call_summary(task: Task) -> dict | None:
    """A call-back's call, as its task shows it (read by `with_call` or a prefetch)."""
    call = task.call if task.call_id else None
    if not isinstance(call, Call):
        return None
    return {"id": call.id, "started_at": call.started_at.isoformat(), "from_number": call.from_number,
            "from_number_display": national(call.from_number), "handling": call.handling,
            "duration": call.duration,
            "recording_url": f"/api/crm/calls/{call.id}/recording" if call.recording_path else None,
            "transcript": call.transcript, "transcript_status": call.transcript_status}


def task_json(task: Task) -> dict:
    return {
        "id": task.id,
        "title": task.title,
        "notes": task.notes,
        "customer_id": task.customer_id,
        "assignee_id": task.assignee_id,
        "created_by_id": task.created_by_id,
        "due_at": _iso(task.due_at),
        "snoozed_until": _iso(task.snoozed_until),
        "fires_at": _iso(fires_at(task)),
        "overdue": is_overdue(task),
        "alert_dismissed_at": _iso(task.alert_dismissed_at),
        "status": task.status,
        "status_label": label("task_status", task.status),
        "done_at": _iso(task.done_at),
        "kind": task.kind,
        "call_id": task.call_id,
        "call": _call_summary(task),
        "escalated_at": _iso(task.escalated_at),
        "created_at": _iso(task.created_at),
        "updated_at": _iso(task.updated_at),
    }


def tasks_query(*, business_id: int, status: str | None = None, customer_id: int | None = None,
                assignee_id: int | None = None, due_before: datetime | None = None, q: str | None = None,
                kind: str | None = None):
    query = scoped(Task, business_id, status=status, customer_id=customer_id, assignee_id=assignee_id, kind=kind)
    if due_before is not None:
        query = query.filter(Q(snoozed_until__isnull=True, due_at__lt=due_before) | Q(snoozed_until__lt=due_before))
    if q:
        query = query.filter(Q(title__icontains=q) | Q(notes__icontains=q))
    return query.prefetch_related("call")


async def get_task(*, business_id: int, task_id: int) -> Task:
    return await with_call(await owned(Task, task_id, business_id=business_id, what="task"))


async def _check_links(*, business_id: int, customer_id: int | None, assignee_id: int | None) -> None:
    if customer_id is not None:
        await owned(Customer, customer_id, business_id=business_id, what="customer")
    if assignee_id is not None:
        await owned(User, assignee_id, business_id=business_id, what="user")


async def create_task(*, business_id: int, creator_id: int, title: str, due_at: datetime, notes: str = "",
                      customer_id: int | None = None, assignee_id: int | None = None,
                      call: Call | None = None, using_db=None) -> Task:
    """A new open task. `call`: the missed call it is the call-back of (one task per call: a
    second raises IntegrityError)."""
    await _check_links(business_id=business_id, customer_id=customer_id, assignee_id=assignee_id)
    task = await Task.create(business_id=business_id, title=title, notes=notes, due_at=due_at,
                             customer_id=customer_id, assignee_id=assignee_id or creator_id,
                             created_by_id=creator_id, status="open", kind="callback" if call else "task",
                             call=call, using_db=using_db)
    _rearm()
    await announce(task)
    return task


async def update_task(*, business_id: int, task_id: int, changes: dict) -> Task:
    """Apply `changes` (only the allow-listed fields the client sent)."""
    task = await get_task(business_id=business_id, task_id=task_id)
    await _check_links(business_id=business_id, customer_id=changes.get("customer_id"),
                       assignee_id=changes.get("assignee_id"))
    for name in ("title", "notes", "customer_id", "assignee_id"):
        if name in changes:
            setattr(task, name, changes[name])
    if "due_at" in changes and changes["due_at"] != task.due_at:
        task.due_at = changes["due_at"]
        task.snoozed_until = None
        task.notified_at = task.alert_dismissed_at = None
    status = changes.get("status")
    if status == "done" and task.status != "done":
        task.status, task.done_at = "done", datetime.now(UTC)
    elif status == "open" and task.status != "open":
        task.status, task.done_at, task.notified_at, task.alert_dismissed_at = "open", None, None, None
    await task.save()
    _rearm()
    await announce(task)
    return task


async def delete_task(*, business_id: int, task_id: int) -> None:
    task = await get_task(business_id=business_id, task_id=task_id)
    await task.delete()
    await announce(task, deleted=True)


async def snooze_task(*, business_id: int, task_id: int, until: datetime) -> Task:
    """Re-arm the alert for `until`."""
    task = await get_task(business_id=business_id, task_id=task_id)
    if task.status == "done":
        raise APIError(409, "task_done", "a done task cannot be snoozed; reopen it first")
    task.snoozed_until, task.notified_at, task.alert_dismissed_at = until, None, None
    await task.save(update_fields=["snoozed_until", "notified_at", "alert_dismissed_at", "updated_at"])
    _rearm()
    await announce(task)
    return task


async def complete_task(*, business_id: int, task_id: int) -> Task:
    """Mark done; again on a done task changes nothing (the first done_at stays)."""
    await get_task(business_id=business_id, task_id=task_id)
    await scoped(Task, business_id).filter(id=task_id, status="open").update(
        status="done", done_at=datetime.now(UTC), updated_at=datetime.now(UTC))
    task = await get_task(business_id=business_id, task_id=task_id)
    await announce(task)
    return task


async def dismiss_task(*, business_id: int, task_id: int) -> Task:
    """Put the alert of the task's current due time away: no socket is sent it again (the
    next due time, after a snooze or a new due_at, is a new alert). Again changes nothing."""
    await get_task(business_id=business_id, task_id=task_id)
    now = datetime.now(UTC)
    if await scoped(Task, business_id).filter(id=task_id, alert_dismissed_at__isnull=True).update(
            alert_dismissed_at=now, updated_at=now):
        _rearm()  # a task dismissed before it fell due leaves the clock's queue
    task = await get_task(business_id=business_id, task_id=task_id)
    await announce(task)
    return task


async def announce(task: Task, *, deleted: bool = False) -> None:
    """`task:updated` to the task's business: another agent's open card or list shows the
    change without a reload (`task:due` stays the alert)."""
    await realtime.publish("task:updated", {"task": task_json(await with_call(task)), "deleted": deleted},
                           room=realtime.business_room(task.business_id))
