"""The calls API: login, the list shape, tenancy, recordings."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from server.auth.refresh import start_family
from server.auth.service import create_user
from server.auth.tokens import AUDIENCE, ISSUER
from server.businesses.service import create_business
from server.calls.models import Call
from tests.conftest import PASSWORD, login


async def add_calls(business, count: int, prefix: str = "CA") -> list[Call]:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    return [await Call.create(business=business, call_sid=f"{prefix}{i:032d}", from_number=f"+97254000{i:04d}",
                              started_at=start + timedelta(minutes=i), duration=i) for i in range(count)]


@pytest.mark.both_databases
async def test_list_is_paged_newest_first(client, business, auth_headers):
    await add_calls(business, 30)
    response = await client.get("/api/crm/calls?page=2&limit=25", headers=auth_headers)
    body = await response.get_json()
    assert (body["page"], body["pages"], body["total"], len(body["results"])) == (2, 2, 30, 5)
    assert [c["duration"] for c in body["results"]] == [4, 3, 2, 1, 0]
    ascending = await (await client.get("/api/crm/calls?sort=duration&limit=3", headers=auth_headers)).get_json()
    assert [c["duration"] for c in ascending["results"]] == [0, 1, 2]


@pytest.mark.parametrize("query", ["page=0", "limit=201", "limit=abc", "sort=password", "sort=-business_id",
                                   "customer_id=-1"])
async def test_bad_list_parameters_are_422_json(client, business, auth_headers, query):
    response = await client.get(f"/api/crm/calls?{query}", headers=auth_headers)
    assert response.status_code == 422
    assert "code" in (await response.get_json())["error"]


async def test_other_business_is_invisible(client, business, auth_headers):
    mine = await add_calls(business, 2)
    other = await create_business(name="עסק אחר", phone="+97235550199")
    theirs = await add_calls(other, 3, prefix="CB")
    body = await (await client.get("/api/crm/calls", headers=auth_headers)).get_json()
    assert sorted(c["id"] for c in body["results"]) == sorted(c.id for c in mine)
    for path in (f"/api/crm/calls/{theirs[0].id}", f"/api/crm/calls/{theirs[0].id}/recording"):
        response = await client.get(path, headers=auth_headers)
        assert response.status_code == 404


async def test_call_without_recording_is_404(client, business, auth_headers):
    (call,) = await add_calls(business, 1)
    response = await client.get(f"/api/crm/calls/{call.id}/recording", headers=auth_headers)
    assert response.status_code == 404 and (await response.get_json())["error"]["code"] == "no_recording"


async def test_a_recording_path_outside_media_root_is_never_served(client, settings, business, auth_headers):
    """A row naming a file outside MEDIA_ROOT (written before the SIDs were checked) is a 404."""
    (settings.media_root.parent / "secret.mp3").write_bytes(b"not yours")
    (call,) = await add_calls(business, 1)
    for path in ("../secret.mp3", str(settings.media_root.parent / "secret.mp3")):
        call.recording_path = path
        await call.save()
        response = await client.get(f"/api/crm/calls/{call.id}/recording", headers=auth_headers)
        assert response.status_code == 404 and (await response.get_json())["error"]["code"] == "no_recording"


async def test_login_failures_are_one_generic_answer(client, user):
    wrong = await client.post("/auth/login", json={"email": user.email, "password": "nope-nope-nope"})
    unknown = await client.post("/auth/login", json={"email": "nobody@example.com", "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert await wrong.get_json() == await unknown.get_json() == {
        "error": {"code": "login_failed", "message": "wrong email or password"}}


async def test_login_accepts_any_email_case_and_answers_user(client, user):
    response = await client.post("/auth/login", json={"email": "  AGENT@Example.com ", "password": PASSWORD})
    body = await response.get_json()
    assert body["user"] == {"id": user.id, "email": user.email, "name": "סוכנת", "role": "admin",
                            "business_id": user.business_id}
    me = await client.get("/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert (await me.get_json())["user"]["id"] == user.id


def forged(settings, user, sid: str = "no-such-session", **changes) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": str(user.id), "business_id": user.business_id,
              "iat": now, "exp": now + 600, "sid": sid}
    claims.update(changes)
    claims = {name: value for name, value in claims.items() if value is not None}  # None: left out
    algorithm = claims.pop("alg", "HS256")
    key = claims.pop("key", settings.jwt_secret)
    return jwt.encode(claims, key if algorithm != "none" else None, algorithm=algorithm)


@pytest.fixture
async def session(user) -> str:
    """A live session (refresh family) of the user, as a login starts one."""
    return (await start_family(user=user, client="web")).family_id


@pytest.mark.parametrize("changes", [
    {"alg": "none"}, {"aud": "someone-else"}, {"iss": "elsewhere"}, {"exp": 1000},
    {"key": "not-our-secret-0123456789abcdef-xyz"}, {"business_id": 999},
    {"sid": "not-a-session-of-ours"}, {"sid": None}, {"sub": "x"},
])
async def test_bad_tokens_are_401(client, settings, user, session, changes):
    token = forged(settings, user, **{"sid": session, **changes})
    response = await client.get("/api/crm/calls", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert (await response.get_json())["error"]["code"] == "invalid_token"


async def test_a_good_forged_token_shape_is_accepted(client, settings, user, session):
    # The same construction with nothing wrong passes, so the 401s above test the one change.
    token = forged(settings, user, sid=session)
    response = await client.get("/api/crm/calls", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


async def test_no_token_and_disabled_user_are_401(client, business, user):
    assert (await client.get("/api/crm/calls")).status_code == 401
    other = await create_user(business_id=business.id, email="gone@example.com", password=PASSWORD)
    headers = await login(client, other.email)
    other.is_active = False
    await other.save()
    assert (await client.get("/api/crm/calls", headers=headers)).status_code == 401
