"""Web Push: subscriptions, and sending `task:due` to the browsers of a task's assignee.

Sends run as jobs (`push.send`, one per subscription), so a slow or failing push service
never delays the realtime alert, and each subscription retries on its own.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from ipaddress import ip_address
from urllib.parse import urlsplit

from pywebpush import WebPushException, webpush_async

from server.config import Settings
from server.errors import APIError
from server.jobs import queue
from server.jobs.errors import PermanentJobError
from server.push import vapid
from server.push.models import PushSubscription

log = logging.getLogger("agentlocator.push")
TTL_SECONDS = 60 * 60  # a task alert still matters for an hour to a device that is offline now
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _hash(endpoint: str) -> str:
    return hashlib.sha256(endpoint.encode()).hexdigest()


def check_endpoint(endpoint: str, settings: Settings) -> None:
    """https to a named host only, so nobody can make the server post to their own targets
    (plain http to this machine is allowed in development, for local push services)."""
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    if parts.scheme == "http" and host in LOCAL_HOSTS and not settings.production:
        return
    if parts.scheme != "https" or not host or parts.username or parts.password:
        raise APIError(422, "invalid_endpoint", "a push endpoint must be an https URL")
    try:
        ip_address(host)
    except ValueError:
        if host in LOCAL_HOSTS or host.endswith((".local", ".internal", ".localhost")):
            raise APIError(422, "invalid_endpoint", "a push endpoint must be a public push service") from None
        return
    raise APIError(422, "invalid_endpoint", "a push endpoint must name its host, not an IP address")


async def subscribe(*, user, endpoint: str, p256dh: str, auth: str, user_agent: str,
                    settings: Settings) -> PushSubscription:
    check_endpoint(endpoint, settings)
    row, _created = await PushSubscription.update_or_create(
        defaults={"business_id": user.business_id, "user_id": user.id, "endpoint": endpoint, "p256dh": p256dh,
                  "auth": auth, "user_agent": user_agent[:300]},
        endpoint_hash=_hash(endpoint),
    )
    return row


def subscription_json(row: PushSubscription) -> dict:
    return {"id": row.id, "endpoint": row.endpoint, "user_agent": row.user_agent,
            "created_at": row.created_at.isoformat(),
            "last_success_at": row.last_success_at.isoformat() if row.last_success_at else None}


async def unsubscribe(*, user, endpoint: str) -> bool:
    return bool(await PushSubscription.filter(endpoint_hash=_hash(endpoint), user_id=user.id).delete())


def task_message(task) -> dict:
    return {
        "title": "משימה לביצוע",
        "body": task.title,
        "tag": f"task-{task.id}",
        "url": f"/crm/customers/{task.customer_id}" if task.customer_id else "/crm/customers",
        "task_id": task.id,
        "fires_at": (task.snoozed_until or task.due_at).isoformat(),
    }


async def enqueue_task_due_pushes(tasks: list) -> int:
    """One `push.send` job per subscription of each task's assignee; returns how many."""
    by_user: dict[int, list] = {}
    for task in tasks:
        by_user.setdefault(task.assignee_id, []).append(task)
    if not by_user:
        return 0
    count = 0
    for subscription in await PushSubscription.filter(user_id__in=list(by_user)):
        for task in by_user[subscription.user_id]:
            message = task_message(task)
            await queue.enqueue("push.send", {"subscription_id": subscription.id, "message": message},
                                dedupe_key=f"push:{subscription.id}:{task.id}:{message['fires_at']}", max_attempts=6)
            count += 1
    return count


async def send_push(job, *, settings: Settings) -> None:
    """The `push.send` job: encrypt (aes128gcm) and post to the subscription's endpoint."""
    subscription = await PushSubscription.get_or_none(id=job.payload["subscription_id"])
    if subscription is None:
        return  # unsubscribed meanwhile
    keys = vapid.load(settings)
    if keys is None:
        raise PermanentJobError("Web Push is not configured (VAPID keys)")
    try:
        await webpush_async(
            subscription_info={"endpoint": subscription.endpoint,
                               "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}},
            data=json.dumps(job.payload["message"], ensure_ascii=False),
            vapid_private_key=keys.signer(),
            vapid_claims={"sub": keys.subject},  # fresh each send: webpush_async writes aud/exp into it
            content_encoding="aes128gcm",
            ttl=TTL_SECONDS,
            headers={"Urgency": "high"},
            timeout=15,
        )
    except WebPushException as error:
        status = error.response.status if error.response is not None else None
        if status in (404, 410):
            await subscription.delete()
            log.info("push subscription %s is gone (%s): removed", subscription.id, status)
            return
        if status == 429 or status is None or status >= 500:
            raise RuntimeError(f"push service answered {status}; will retry") from error
        raise PermanentJobError(f"push service refused the message ({status})") from error
    await PushSubscription.filter(id=subscription.id).update(last_success_at=datetime.now(UTC))
