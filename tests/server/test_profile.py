"""PATCH /auth/me: a user changes their own name, phone (click-to-call rings it) and password.

A password change needs the current password, ends the user's other sessions and keeps the
one that asked; nothing else about the account (role, email, business) can change here."""

from __future__ import annotations

import pytest

from server.auth import throttle
from server.auth.models import User
from server.auth.passwords import verify_password
from server.auth.service import create_user
from tests.conftest import PASSWORD, login

NEW_PASSWORD = "a-brand-new-passphrase"


async def desktop_session(client, email: str, password: str = PASSWORD) -> tuple[dict, str]:
    response = await client.post("/auth/login", json={"email": email, "password": password, "client": "desktop"})
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    return {"Authorization": f"Bearer {body['access_token']}"}, body["refresh_token"]


@pytest.fixture
async def agent(business):
    return await create_user(business_id=business.id, email="plain@example.com", password=PASSWORD,
                             name="סוכן", role="agent")


async def patch_me(client, headers: dict, body: dict):
    response = await client.patch("/auth/me", json=body, headers=headers)
    return response.status_code, await response.get_json()


async def test_get_me_shows_the_own_phone(client, user, auth_headers):
    body = await (await client.get("/auth/me", headers=auth_headers)).get_json()
    assert body["user"]["phone"] == "" and body["user"]["phone_display"] == ""
    assert body["user"]["id"] == user.id and body["user"]["role"] == "admin"


@pytest.mark.both_databases
@pytest.mark.parametrize("typed", ["054-123-4567", "0541234567", "+972 54 123 4567", "972541234567"])
async def test_an_agent_sets_their_phone_in_any_israeli_format(client, agent, typed):
    headers = await login(client, agent.email)
    status, body = await patch_me(client, headers, {"phone": typed, "name": "  דני הסוכן "})
    assert status == 200, body
    assert body["user"]["phone"] == "+972541234567" and body["user"]["phone_display"] == "054-123-4567"
    assert body["user"]["name"] == "דני הסוכן" and body["user"]["role"] == "agent"
    stored = await User.get(id=agent.id)
    assert stored.phone == "+972541234567" and stored.name == "דני הסוכן"
    me = await (await client.get("/auth/me", headers=headers)).get_json()
    assert me == body  # the same shape as GET /auth/me


async def test_a_blank_phone_clears_it(client, agent):
    headers = await login(client, agent.email)
    await patch_me(client, headers, {"phone": "03-555-1234"})
    status, body = await patch_me(client, headers, {"phone": ""})
    assert status == 200 and body["user"]["phone"] == ""
    assert (await User.get(id=agent.id)).phone == ""


@pytest.mark.parametrize("bad", ["abc", "12", "050-12"])
async def test_a_bad_phone_is_422_and_nothing_changes(client, agent, bad):
    headers = await login(client, agent.email)
    status, body = await patch_me(client, headers, {"phone": bad, "name": "שם חדש"})
    assert status == 422 and body["error"]["code"] == "invalid_phone"
    stored = await User.get(id=agent.id)
    assert stored.phone == "" and stored.name == "סוכן"  # all or nothing


@pytest.mark.parametrize("body", [{"role": "admin"}, {"email": "x@example.com"}, {"business_id": 2},
                                  {"is_active": False}, {"name": ""}, {"name": None}, {"phone": 5}])
async def test_what_a_user_may_not_change_is_refused(client, agent, body):
    headers = await login(client, agent.email)
    status, answer = await patch_me(client, headers, body)
    assert status == 422 and answer["error"]["code"] == "validation_error"
    stored = await User.get(id=agent.id)
    assert (stored.role, stored.email, stored.is_active, stored.name) == ("agent", agent.email, True, "סוכן")


async def test_a_blank_name_after_trimming_is_refused(client, agent):
    status, body = await patch_me(client, await login(client, agent.email), {"name": "   "})
    assert status == 422 and body["error"]["code"] == "invalid_name"


async def test_patch_me_needs_a_login(client, agent):
    response = await client.patch("/auth/me", json={"name": "x"})
    assert response.status_code == 401


@pytest.mark.both_databases
async def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(client, agent):
    this, this_refresh = await desktop_session(client, agent.email)
    other, other_refresh = await desktop_session(client, agent.email)
    status, body = await patch_me(client, this, {"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert status == 200, body
    assert await verify_password((await User.get(id=agent.id)).password_hash, NEW_PASSWORD)
    # This session goes on: its access token and its refresh token.
    assert (await client.get("/auth/me", headers=this)).status_code == 200
    refreshed = await client.post("/auth/refresh", json={"refresh_token": this_refresh})
    assert refreshed.status_code == 200
    # The other one ended: its access token at once, and its refresh token.
    assert (await client.get("/auth/me", headers=other)).status_code == 401
    assert (await client.post("/auth/refresh", json={"refresh_token": other_refresh})).status_code == 401
    # The old password no longer logs in; the new one does.
    old = await client.post("/auth/login", json={"email": agent.email, "password": PASSWORD})
    assert old.status_code == 401
    await login(client, agent.email, NEW_PASSWORD)


async def test_a_wrong_current_password_is_403_and_changes_nothing(client, agent):
    this, _ = await desktop_session(client, agent.email)
    other, _ = await desktop_session(client, agent.email)
    status, body = await patch_me(client, this, {"current_password": "not-my-password", "new_password": NEW_PASSWORD,
                                                 "phone": "054-1234567"})
    assert status == 403 and body["error"]["code"] == "wrong_password"
    stored = await User.get(id=agent.id)
    assert await verify_password(stored.password_hash, PASSWORD) and stored.phone == ""
    assert (await client.get("/auth/me", headers=other)).status_code == 200  # no session ended


async def test_a_new_password_needs_the_current_one(client, agent):
    headers = await login(client, agent.email)
    status, body = await patch_me(client, headers, {"new_password": NEW_PASSWORD})
    assert status == 422 and body["error"]["code"] == "current_password_required"
    status, body = await patch_me(client, headers, {"current_password": PASSWORD})
    assert status == 422 and body["error"]["code"] == "new_password_required"


async def test_a_short_new_password_is_refused(client, agent):
    headers = await login(client, agent.email)
    status, body = await patch_me(client, headers, {"current_password": PASSWORD, "new_password": "short"})
    assert status == 422 and body["error"]["code"] == "weak_password"
    assert await verify_password((await User.get(id=agent.id)).password_hash, PASSWORD)


async def test_guessing_the_current_password_is_throttled(client, agent, monkeypatch):
    monkeypatch.setattr(throttle, "LIMIT", 3)
    headers = await login(client, agent.email)
    guess = {"current_password": "guess-guess", "new_password": NEW_PASSWORD}
    for _ in range(3):
        status, _body = await patch_me(client, headers, guess)
        assert status == 403
    response = await client.patch("/auth/me", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
                                  headers=headers)
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert (await response.get_json())["error"]["code"] == "too_many_attempts"
    assert await verify_password((await User.get(id=agent.id)).password_hash, PASSWORD)


async def test_the_admin_list_shows_the_phone_as_typed_nationally(client, user, auth_headers, agent):
    await patch_me(client, await login(client, agent.email), {"phone": "+97235551234"})
    body = await (await client.get("/api/crm/users?sort=email", headers=auth_headers)).get_json()
    row = next(u for u in body["results"] if u["id"] == agent.id)
    assert row["phone"] == "+97235551234" and row["phone_display"] == "03-555-1234"
