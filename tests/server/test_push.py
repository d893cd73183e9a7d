"""Web Push: only https endpoints on a named host are taken (the server posts to them), and a
send connects only to a public address; an endpoint belongs to the user who subscribed it.
The push service is a local fake that checks VAPID and decrypts (tests/fakes.py)."""

from __future__ import annotations

import asyncio
import hashlib

import pytest

from server.auth.service import create_user
from server.businesses.service import create_business
from server.config import Settings
from server.errors import APIError
from server.jobs.errors import PermanentJobError
from server.jobs.models import Job
from server.push import vapid
from server.push.models import PushSubscription
from server.push.service import check_endpoint, send_push
from tests.conftest import PASSWORD, login
from tests.fakes import FakePushService

PRODUCTION = Settings(app_env="production")
REFUSED = ["http://push.example.com/x", "https://10.0.0.1/x", "https://localhost/x", "ftp://push.example.com/x",
           "https://[::1]/x", "https://user:pw@push.example.com/x", "https://printer.local/x", "http://127.0.0.1/x"]


@pytest.mark.parametrize("endpoint", REFUSED)
def test_push_endpoint_must_be_https_to_a_named_host(endpoint):
    with pytest.raises(APIError) as refused:
        check_endpoint(endpoint, PRODUCTION)
    assert (refused.value.status, refused.value.code) == (422, "invalid_endpoint")


def test_a_push_services_endpoint_is_taken_and_local_http_only_in_development():
    check_endpoint("https://fcm.googleapis.com/fcm/send/abc", PRODUCTION)
    check_endpoint("http://127.0.0.1:8765/push/1", Settings())  # a local push service while developing


async def test_the_api_refuses_a_bad_endpoint_with_422(client, auth_headers):
    keys = {"p256dh": "B" * 87, "auth": "A" * 22}
    response = await client.post("/api/push/subscriptions", headers=auth_headers,
                                 json={"endpoint": "https://10.0.0.1/x", "keys": keys})
    assert response.status_code == 422
    assert (await response.get_json())["error"]["code"] == "invalid_endpoint"
    assert (await (await client.get("/api/push/subscriptions", headers=auth_headers)).get_json())["total"] == 0


NUMERIC_SPELLINGS = ["https://2130706433/x", "https://0x7f.1/x", "https://127.1/x", "https://0x7f000001/x",
                     "https://[::ffff:127.0.0.1]/x", "https://intranet/x", "https://printer.lan/x",
                     "https://localhost./x", "https://10.0.0.1./x", "https://push.example.1/x",
                     "https://push.example.com:99999/x", "https://[::1/x"]


@pytest.mark.parametrize("endpoint", NUMERIC_SPELLINGS)
def test_numeric_spellings_and_private_names_are_refused_at_subscribe_time(endpoint):
    with pytest.raises(APIError) as refused:
        check_endpoint(endpoint, PRODUCTION)
    assert (refused.value.status, refused.value.code) == (422, "invalid_endpoint")


# --- sending ----------------------------------------------------------------------------------

KEYS = vapid.generate()


@pytest.fixture
def push_settings(settings):
    return settings.with_overrides(vapid_public_key=KEYS[0], vapid_private_key=KEYS[1],
                                   vapid_subject="mailto:ops@example.com")


@pytest.fixture
def fake_push():
    with FakePushService() as push:
        yield push


async def stored_subscription(user, subscription: dict, endpoint: str | None = None) -> PushSubscription:
    """A row as the API would have stored it (or, with `endpoint`, as an older check let through)."""
    endpoint = endpoint or subscription["endpoint"]
    return await PushSubscription.create(business_id=user.business_id, user_id=user.id, endpoint=endpoint,
                                         endpoint_hash=hashlib.sha256(endpoint.encode()).hexdigest(),
                                         p256dh=subscription["keys"]["p256dh"], auth=subscription["keys"]["auth"])


def push_job(row: PushSubscription) -> Job:
    return Job(kind="push.send", payload={"subscription_id": row.id, "message": {"title": "משימה", "task_id": 7}})


async def test_a_push_is_encrypted_signed_and_delivered(app, push_settings, user, fake_push):
    row = await stored_subscription(user, fake_push.subscription())
    await send_push(push_job(row), settings=push_settings)
    assert fake_push.messages == [{"title": "משימה", "task_id": 7}]  # the fake decrypted it, VAPID checked
    headers = fake_push.headers[0]
    assert (headers["content-encoding"], headers["urgency"], headers["ttl"]) == ("aes128gcm", "high", "3600")
    assert (await PushSubscription.get(id=row.id)).last_success_at is not None


@pytest.mark.parametrize("spelling", ["127.1", "2130706433", "0x7f.1", "[::ffff:127.0.0.1]"])
async def test_a_stored_endpoint_that_resolves_to_loopback_is_never_posted_to(app, push_settings, user, fake_push,
                                                                             spelling):
    """Even in development, where http://127.0.0.1 itself is a local push service: trust goes
    by the name as written, and any other spelling is judged by the address it reaches."""
    port = fake_push.httpd.server_address[1]
    row = await stored_subscription(user, fake_push.subscription(), endpoint=f"http://{spelling}:{port}/push/1")
    with pytest.raises(PermanentJobError):
        await send_push(push_job(row), settings=push_settings)
    assert fake_push.requests == []


async def test_production_never_posts_to_loopback(app, push_settings, user, fake_push):
    row = await stored_subscription(user, fake_push.subscription())  # http://127.0.0.1:<port>/push/browser-1
    with pytest.raises(PermanentJobError, match="not a public address"):
        await send_push(push_job(row), settings=push_settings.with_overrides(app_env="production"))
    assert fake_push.requests == []


async def test_gone_removes_the_subscription_and_an_outage_keeps_it(app, push_settings, user, fake_push):
    row = await stored_subscription(user, fake_push.subscription())
    fake_push.status = 503
    with pytest.raises(RuntimeError, match="503"):
        await send_push(push_job(row), settings=push_settings)
    assert await PushSubscription.exists(id=row.id)
    fake_push.status = 410
    await send_push(push_job(row), settings=push_settings)
    assert not await PushSubscription.exists(id=row.id)


# --- whose subscription -----------------------------------------------------------------------

def body(endpoint: str, p256dh: str = "B" * 87, auth: str = "A" * 22) -> dict:
    return {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}


@pytest.fixture
async def rival(app):
    """A user of another business, with a session of their own."""
    other = await create_business(name="עסק מתחרה", phone="+97235550188")
    return await create_user(business_id=other.id, email="rival@example.com", password=PASSWORD)


@pytest.mark.both_databases
async def test_posting_someone_elses_endpoint_is_409_and_leaves_their_row(client, auth_headers, user, rival):
    endpoint = "https://fcm.googleapis.com/fcm/send/victim-browser"
    mine = await client.post("/api/push/subscriptions", headers=auth_headers, json=body(endpoint))
    assert mine.status_code == 201
    before = await PushSubscription.get(endpoint=endpoint)
    theirs = await client.post("/api/push/subscriptions", headers=await login(client, rival.email),
                               json=body(endpoint, p256dh="C" * 87, auth="D" * 22))
    assert theirs.status_code == 409
    assert (await theirs.get_json())["error"]["code"] == "endpoint_taken"
    after = await PushSubscription.get(endpoint=endpoint)
    assert (after.id, after.user_id, after.business_id, after.p256dh, after.auth) == (
        before.id, user.id, user.business_id, "B" * 87, "A" * 22)
    assert await PushSubscription.all().count() == 1


async def test_the_owner_reposting_renews_their_own_keys(client, auth_headers, user):
    endpoint = "https://updates.push.services.mozilla.com/wpush/v2/abc"
    first = await (await client.post("/api/push/subscriptions", headers=auth_headers, json=body(endpoint))).get_json()
    again = await client.post("/api/push/subscriptions", headers=auth_headers,
                              json=body(endpoint, p256dh="E" * 87, auth="F" * 22))
    assert again.status_code == 201 and (await again.get_json())["id"] == first["id"]
    row = await PushSubscription.get(id=first["id"])
    assert (row.user_id, row.p256dh, row.auth) == (user.id, "E" * 87, "F" * 22)


@pytest.mark.both_databases
async def test_two_users_racing_for_one_new_endpoint_one_wins(client, auth_headers, user, rival):
    endpoint = "https://fcm.googleapis.com/fcm/send/raced"
    rival_headers = await login(client, rival.email)
    answers = await asyncio.gather(*(client.post("/api/push/subscriptions", headers=h, json=body(endpoint))
                                     for h in (auth_headers, rival_headers) * 3))
    assert sorted({a.status_code for a in answers}) in ([201, 409], [201])
    (row,) = await PushSubscription.all()
    winner = [h for h, a in zip((auth_headers, rival_headers) * 3, answers, strict=True) if a.status_code == 201]
    assert all(h == winner[0] for h in winner)  # every 201 went to the one owner
    assert row.user_id in (user.id, rival.id)
