"""Web Push: subscriptions, and sending `task:due` to the browsers of a task's assignee.

Sends run as jobs (`push.send`, one per subscription), so a slow or failing push service
never delays the realtime alert, and each subscription retries on its own.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from datetime import UTC, datetime
from ipaddress import ip_address
from urllib.parse import urlsplit

import httpx
from py_vapid import VapidException
from pywebpush import WebPusher, WebPushException
from tortoise.exceptions import IntegrityError

from server import outbound
from server.config import Settings
from server.errors import APIError
from server.jobs import queue
from server.jobs.errors import PermanentJobError
from server.push import vapid
from server.push.models import PushSubscription

log = logging.getLogger("agentlocator.push")
TTL_SECONDS = 60 * 60  # a task alert still matters for an hour to a device that is offline now
VAPID_SECONDS = 12 * 60 * 60  # the VAPID token's life (RFC 8292 allows up to 24 h; pywebpush's own choice)
PUSH_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _hash(endpoint: str) -> str:
    return hashlib.sha256(endpoint.encode()).hexdigest()


# A push service is a public host with a name under a real top-level domain. This refuses
# numeric spellings of an address (`2130706433`, `0x7f.1`, `127.1`: one label, or a last
# label of digits), single-label intranet names and the suffixes of private networks. It is
# the early, cheap answer; the address a send actually connects to is checked at send time
# (server/outbound.py), which is what makes a name that resolves to 10.x harmless.
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
PRIVATE_SUFFIXES = (".local", ".internal", ".localhost", ".localdomain", ".lan", ".home.arpa", ".intranet",
                    ".corp", ".home")


def _invalid(message: str) -> APIError:
    return APIError(422, "invalid_endpoint", message)


def check_endpoint(endpoint: str, settings: Settings) -> None:
    """https to a named public host only, so nobody can make the server post to their own
    targets (plain http to this machine is allowed in development, for local push services)."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").rstrip(".").lower()
        parts.port  # noqa: B018 - raises ValueError for a port that is not one
        httpx.URL(endpoint)  # what the send will parse
    except (ValueError, httpx.InvalidURL):
        raise _invalid("a push endpoint must be an https URL") from None
    if parts.scheme == "http" and host in LOCAL_HOSTS and not settings.production:
        return
    if parts.scheme != "https" or not host or parts.username or parts.password:
        raise _invalid("a push endpoint must be an https URL")
    try:
        ip_address(host)
    except ValueError:
        pass
    else:
        raise _invalid("a push endpoint must name its host, not an IP address")
    if "." not in host or not _TLD.match(host.rsplit(".", 1)[1]):
        raise _invalid("a push endpoint must name its host, not an IP address")
    if host in LOCAL_HOSTS or host.endswith(PRIVATE_SUFFIXES):
        raise _invalid("a push endpoint must be a public push service")


async def subscribe(*, user, endpoint: str, p256dh: str, auth: str, user_agent: str,
                    settings: Settings) -> PushSubscription:
    """The caller's subscription for `endpoint`, new or with its keys renewed.

    An endpoint belongs to the user who subscribed it first: posting someone else's is a 409,
    and their row stays exactly as it was. Moving it (as before) let anyone who learned an
    endpoint silence its owner's alerts, and sharing it per user would let another business
    push its own notifications into that browser. A browser that meets the 409 (one shared by
    two users) unsubscribes and subscribes again, which gives it a fresh endpoint.
    """
    check_endpoint(endpoint, settings)
    digest = _hash(endpoint)
    keys = {"p256dh": p256dh, "auth": auth, "user_agent": user_agent[:300]}
    row = await PushSubscription.get_or_none(endpoint_hash=digest)
    if row is None:
        try:
            return await PushSubscription.create(business_id=user.business_id, user_id=user.id, endpoint=endpoint,
                                                 endpoint_hash=digest, **keys)
        except IntegrityError:  # subscribed by a concurrent request a moment ago
            row = await PushSubscription.get(endpoint_hash=digest)
    if row.user_id != user.id:
        raise APIError(409, "endpoint_taken", "this push endpoint is subscribed by another user; "
                                              "unsubscribe in the browser and subscribe again")
    # The owner re-posting (a renewed key pair): only their own row, by id and owner.
    await PushSubscription.filter(id=row.id, user_id=user.id).update(**keys)
    await row.refresh_from_db()
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


async def enqueue_user_pushes(user_ids: list[int], message: dict, *, key: str) -> int:
    """One `push.send` job per subscription of each user, for one event (`key` names it, so the
    event never pushes twice); returns how many."""
    count = 0
    for subscription in await PushSubscription.filter(user_id__in=user_ids) if user_ids else []:
        await queue.enqueue("push.send", {"subscription_id": subscription.id, "message": message},
                            dedupe_key=f"push:{subscription.id}:{key}", max_attempts=6)
        count += 1
    return count


def _trusted_push_hosts(settings: Settings) -> frozenset[str]:
    """In development, the local push services (plain http on this machine) may be reached; in
    production, only public addresses."""
    return frozenset() if settings.production else frozenset(LOCAL_HOSTS)


def _push_request(subscription: PushSubscription, message: dict, keys: vapid.VapidKeys) -> tuple[bytes, dict]:
    """The encrypted body (aes128gcm, RFC 8291) and headers of one push (RFC 8030, VAPID RFC 8292).

    pywebpush encrypts and signs; the request itself goes through our own httpx client
    (server/outbound.py), so the address it connects to is checked like every outbound fetch:
    pywebpush's `webpush_async` posts through aiohttp, which skips its resolver for IP
    literals and follows redirects. The claims are fresh on every send (a reused dict would
    carry one push service's `aud` to the next).
    """
    pusher = WebPusher({"endpoint": subscription.endpoint,
                        "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}})
    body = pusher.encode(json.dumps(message, ensure_ascii=False).encode(), "aes128gcm")["body"]
    parts = urlsplit(subscription.endpoint)
    claims = {"sub": keys.subject, "aud": f"{parts.scheme}://{parts.netloc}", "exp": int(time.time()) + VAPID_SECONDS}
    headers = {**keys.signer().sign(claims), "Content-Encoding": "aes128gcm",
               "Content-Type": "application/octet-stream", "TTL": str(TTL_SECONDS), "Urgency": "high"}
    return body, headers


async def send_push(job, *, settings: Settings) -> None:
    """The `push.send` job: encrypt (aes128gcm) and post to the subscription's endpoint."""
    subscription = await PushSubscription.get_or_none(id=job.payload["subscription_id"])
    if subscription is None:
        return  # unsubscribed meanwhile
    keys = vapid.load(settings)
    if keys is None:
        raise PermanentJobError("Web Push is not configured (VAPID keys)")
    try:
        body, headers = _push_request(subscription, job.payload["message"], keys)
    except (WebPushException, VapidException, ValueError) as error:
        # The browser's keys are not a P-256 point and a secret, or the endpoint's origin is no
        # VAPID audience (an IPv6 literal): no retry can mend either.
        raise PermanentJobError(f"push subscription {subscription.id} cannot be sent to: {error}") from None
    try:
        async with outbound.client(trusted_hosts=_trusted_push_hosts(settings), timeout=PUSH_TIMEOUT) as http:
            response = await http.post(subscription.endpoint, content=body, headers=headers)
    except outbound.BlockedAddressError as error:
        raise PermanentJobError(f"push subscription {subscription.id}: {error}") from None
    except httpx.InvalidURL:
        raise PermanentJobError(f"push subscription {subscription.id}'s endpoint is not a URL") from None
    except httpx.HTTPError as error:
        raise RuntimeError(f"push service unreachable ({type(error).__name__}); will retry") from None
    status = response.status_code
    if status in (404, 410):
        await subscription.delete()
        log.info("push subscription %s is gone (%s): removed", subscription.id, status)
        return
    if status == 429 or status >= 500:
        raise RuntimeError(f"push service answered {status}; will retry")
    if not 200 <= status < 300:  # 3xx included: a push service does not redirect, and we do not follow
        raise PermanentJobError(f"push service refused the message ({status})")
    await PushSubscription.filter(id=subscription.id).update(last_success_at=datetime.now(UTC))
