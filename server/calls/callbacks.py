"""Call-backs of a ring_agents business: every missed or after-hours call gets one task on its
customer for the on-duty user, due `callback_minutes` after the call (after the next opening
when it came in closed); it is done when an agent's click-to-call reaches the customer, and
raised to the admins when still open `callback_minutes` after it fell due.

One task per call is the database's to keep (a unique task.call_id): Twilio's retries of the
same webhook find it there and make nothing.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import realtime
from server.auth.models import User
from server.businesses.models import Business
from server.calls.models import Call
from server.config import Settings
from server.customers.models import Customer
from server.customers.service import customer_json
from server.jobs import queue
from server.messages.followup import on_duty_agent
from server.phones import national
from server.push.service import enqueue_user_pushes
from server.tasks.models import Task
from server.tasks.service import announce, create_task, task_json, with_call

log = logging.getLogger("agentlocator.calls")

def _caller(call: Call, customer: Customer | None) -> str:
    if customer and customer.name:
        return customer.name
    return national(call.from_number) if call.from_number else "מספר חסוי"


async def ensure_callback(*, call: Call, due_at: datetime, callback_minutes: int) -> Task | None:
    """The call's call-back task, made once; None when the business has nobody to give it to."""
    existing = await Task.get_or_none(call_id=call.id)
    if existing is not None:
        return existing
    business = await Business.get(id=call.business_id)
    agent = await on_duty_agent(business)
    if agent is None:
        log.warning("business %s has no active admin or on-duty agent for the call-back of %s",
                    business.id, call.call_sid)
        return None
    customer = await Customer.get_or_none(id=call.customer_id) if call.customer_id else None
    reason = "מחוץ לשעות הפעילות" if call.handling == "closed" else "שיחה שלא נענתה"
    try:
        async with in_transaction() as connection:
            task = await create_task(business_id=call.business_id, creator_id=agent.id, assignee_id=agent.id,
                                     title=f"להתקשר בחזרה ל{_caller(call, customer)}", due_at=due_at,
                                     customer_id=call.customer_id, call=call, using_db=connection,
                                     notes=f"{reason} מ-{_caller(call, None)}")
            await queue.enqueue("callback.escalate", {"task_id": task.id}, dedupe_key=f"callback-escalate:{call.id}",
                                run_at=due_at + timedelta(minutes=callback_minutes), using_db=connection)
    except IntegrityError:
        return await Task.get_or_none(call_id=call.id)  # a retry running beside this one won
    return task


async def escalate(job, *, settings: Settings) -> None:
    """The `callback.escalate` job: a call-back still open is raised to every active admin
    (Socket.IO `callback:overdue` to each admin's room, and a Web Push), once."""
    task = await Task.get_or_none(id=job.payload.get("task_id"))
    if task is None or task.status != "open":
        return
    now = datetime.now(UTC)
    if not await Task.filter(id=task.id, status="open", escalated_at__isnull=True).update(escalated_at=now):
        return
    task.escalated_at = now
    await with_call(task)
    customer = await Customer.get_or_none(id=task.customer_id) if task.customer_id else None
    admins = await User.filter(business_id=task.business_id, role="admin", is_active=True).values_list("id", flat=True)
    shown = task_json(task)
    payload = {"task": shown, "customer": customer_json(customer) if customer else None, "call": shown["call"]}
    for admin_id in admins:
        await realtime.publish("callback:overdue", payload, room=realtime.user_room(admin_id))
    await enqueue_user_pushes(list(admins), {
        "title": "התקשרות חזרה באיחור", "body": task.title, "tag": f"callback-{task.id}",
        "url": f"/crm/customers/{task.customer_id}" if task.customer_id else "/tasks", "task_id": task.id,
    }, key=f"callback-overdue:{task.id}")
    await announce(task)


async def reached(*, call: Call) -> int:
    """An agent's click-to-call (`call`, outbound) reached its customer: the customer's open
    call-backs are done, and their calls called back by that agent. How many were closed."""
    if not call.customer_id:
        return 0
    now = datetime.now(UTC)
    tasks = await Task.filter(business_id=call.business_id, customer_id=call.customer_id, kind="callback",
                              status="open")
    for task in tasks:
        if await Task.filter(id=task.id, status="open").update(status="done", done_at=now, updated_at=now):
            if task.call_id:
                await Call.filter(id=task.call_id, called_back_at__isnull=True).update(
                    called_back_at=now, called_back_by_id=call.placed_by_id, updated_at=now)
            await announce(await Task.get(id=task.id))
    return len(tasks)
