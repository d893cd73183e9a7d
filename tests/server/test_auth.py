"""Accounts: refresh rotation and reuse, the refresh cookie, logout, the login brake, hashing."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime, timedelta

import pytest

from server.auth import throttle
from server.auth.models import LoginAttempt, RefreshToken
from server.auth.passwords import hash_password
from tests.conftest import PASSWORD, PUBLIC_HOST

ORIGIN = {"Origin": PUBLIC_HOST}


async def desktop_login(client, email: str, password: str = PASSWORD, **kwargs):
    return await client.post("/auth/login", json={"email": email, "password": password, "client": "desktop"},
                             **kwargs)


async def refresh_body(client, token: str):
    return await client.post("/auth/refresh", json={"refresh_token": token})


def set_cookie(response) -> str:
    (cookie,) = [v for v in response.headers.getlist("Set-Cookie") if v.startswith("al_refresh=")]
    return cookie


def cookie_value(response) -> str:
    return set_cookie(response).split(";", 1)[0].split("=", 1)[1]


async def test_login_answers_access_token_user_and_cookie(client, user):
    response = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
    body = await response.get_json()
    assert response.status_code == 200
    assert body["token_type"] == "bearer" and body["access_token"] and body["user"]["id"] == user.id
    assert "refresh_token" not in body  # a web client gets it only as a cookie
    cookie = set_cookie(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/auth" in cookie
    assert "Secure" in cookie  # PUBLIC_HOST is https in the tests
    max_age = int(re.search(r"Max-Age=(\d+)", cookie).group(1))
    assert 29 * 86400 < max_age <= 30 * 86400
    row = await RefreshToken.get(user_id=user.id)
    assert row.token_hash != cookie_value(response) and len(row.token_hash) == 64  # stored as SHA-256


async def test_cookie_is_not_secure_on_plain_http_development(app, client, user):
    settings = app.config["SETTINGS"]
    app.config["SETTINGS"] = settings.with_overrides(public_host="http://localhost:5000")
    try:
        response = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
        assert "Secure" not in set_cookie(response)
        app.config["SETTINGS"] = settings.with_overrides(public_host="http://localhost:5000", app_env="production")
        response = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
        assert "Secure" in set_cookie(response)
    finally:
        app.config["SETTINGS"] = settings


class Captured(logging.Handler):
    """Log records of one logger (caplog is off under `-p no:logging`)."""

    def __init__(self, name: str) -> None:
        super().__init__(logging.WARNING)
        self.logger, self.records = logging.getLogger(name), []

    def emit(self, record) -> None:
        self.records.append(record)

    def __enter__(self):
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self)


async def test_rotation_then_replay_revokes_the_family(client, user):
    r1 = (await (await desktop_login(client, user.email)).get_json())["refresh_token"]
    first = await refresh_body(client, r1)
    r2 = (await first.get_json())["refresh_token"]
    second = await refresh_body(client, r2)
    body = await second.get_json()
    r3 = body["refresh_token"]
    assert first.status_code == second.status_code == 200 and len({r1, r2, r3}) == 3
    assert body["access_token"] and body["user"]["id"] == user.id
    with Captured("agentlocator.auth") as captured:
        replay = await refresh_body(client, r1)
    assert replay.status_code == 401
    assert (await replay.get_json())["error"]["code"] == "invalid_refresh_token"
    assert (await refresh_body(client, r2)).status_code == 401
    assert (await refresh_body(client, r3)).status_code == 401  # the newest died with its family
    (record,) = [r for r in captured.records if "reuse" in r.getMessage()]
    family = (await RefreshToken.get(user_id=user.id, used_at__isnull=True)).family_id
    assert str(user.id) in record.getMessage() and family in record.getMessage()
    assert r1 not in record.getMessage() and r3 not in record.getMessage()


async def test_rotation_keeps_the_family_expiry(client, user):
    r1 = (await (await desktop_login(client, user.email)).get_json())["refresh_token"]
    await refresh_body(client, r1)
    rows = await RefreshToken.filter(user_id=user.id).order_by("id")
    assert len(rows) == 2 and rows[0].family_id == rows[1].family_id
    assert rows[0].expires_at == rows[1].expires_at and rows[0].replaced_by_id == rows[1].id


@pytest.mark.both_databases
async def test_concurrent_refreshes_of_one_token_one_wins(client, user):
    r1 = (await (await desktop_login(client, user.email)).get_json())["refresh_token"]
    answers = await asyncio.gather(refresh_body(client, r1), refresh_body(client, r1))
    assert sorted(a.status_code for a in answers) == [200, 401]
    # The loser counts as reuse: the winner's new token is dead too.
    winner = next(a for a in answers if a.status_code == 200)
    assert (await refresh_body(client, (await winner.get_json())["refresh_token"])).status_code == 401


async def test_cookie_flow_rotates_and_checks_origin(client, user):
    await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
    evil = await client.post("/auth/refresh", headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403
    null = await client.post("/auth/refresh", headers={"Origin": "null"})
    assert null.status_code == 403
    ok = await client.post("/auth/refresh", headers=ORIGIN)
    assert ok.status_code == 200 and "refresh_token" not in await ok.get_json()
    assert set_cookie(ok)  # rotated into a new cookie
    again = await client.post("/auth/refresh")  # no Origin header (a non-browser client): allowed
    assert again.status_code == 200


async def test_cors_origin_may_use_the_cookie(app, client, user):
    app.config["SETTINGS"] = app.config["SETTINGS"].with_overrides(cors_origins=("https://crm.example.com",))
    await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
    response = await client.post("/auth/refresh", headers={"Origin": "https://crm.example.com"})
    assert response.status_code == 200


async def test_refresh_without_a_token_is_401(client, user):
    assert (await client.post("/auth/refresh")).status_code == 401
    assert (await refresh_body(client, "made-up")).status_code == 401
    assert (await client.post("/auth/refresh", json={"refresh_token": 5})).status_code == 422


async def test_logout_revokes_and_clears_the_cookie(client, user):
    login = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
    token = cookie_value(login)
    response = await client.post("/auth/logout", headers=ORIGIN)
    assert response.status_code == 204
    cleared = set_cookie(response)
    assert "Max-Age=0" in cleared or "expires=Thu, 01 Jan 1970" in cleared.lower().replace("Expires", "expires")
    assert (await refresh_body(client, token)).status_code == 401
    assert (await client.post("/auth/refresh")).status_code == 401


async def test_desktop_logout_with_body(client, user):
    r1 = (await (await desktop_login(client, user.email)).get_json())["refresh_token"]
    assert (await client.post("/auth/logout", json={"refresh_token": r1})).status_code == 204
    assert (await refresh_body(client, r1)).status_code == 401


async def test_absolute_expiry(client, user):
    r1 = (await (await desktop_login(client, user.email)).get_json())["refresh_token"]
    await RefreshToken.filter(user_id=user.id).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    assert (await refresh_body(client, r1)).status_code == 401


async def test_disabled_user_cannot_refresh(client, user):
    r1 = (await (await desktop_login(client, user.email)).get_json())["refresh_token"]
    user.is_active = False
    await user.save()
    assert (await refresh_body(client, r1)).status_code == 401


async def test_me(client, auth_headers, user):
    response = await client.get("/auth/me", headers=auth_headers)
    assert (await response.get_json())["user"]["email"] == user.email
    assert (await client.get("/auth/me")).status_code == 401


async def test_unknown_user_and_wrong_password_look_the_same(client, user):
    wrong = await client.post("/auth/login", json={"email": user.email, "password": "wrong-password-1"})
    unknown = await client.post("/auth/login", json={"email": "nobody@example.com", "password": "wrong-password-1"})
    assert wrong.status_code == unknown.status_code == 401
    assert await wrong.get_data() == await unknown.get_data()
    assert "Set-Cookie" not in wrong.headers and "Set-Cookie" not in unknown.headers


def at(ip: str) -> dict:
    return {"scope_base": {"client": (ip, 1234)}}


async def fail(client, email: str, ip: str):
    return await client.post("/auth/login", json={"email": email, "password": "wrong-password-1"}, **at(ip))


def assert_throttled(response, most: int = 15 * 60):
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= most


async def test_eleventh_failure_is_429_with_retry_after(client, user):
    for _ in range(10):
        assert (await fail(client, user.email, "10.0.0.5")).status_code == 401
    response = await fail(client, user.email, "10.0.0.5")
    assert_throttled(response)
    assert (await response.get_json())["error"]["code"] == "too_many_attempts"
    # The right password does not get through either while locked.
    locked = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD}, **at("10.0.0.5"))
    assert locked.status_code == 429


async def test_per_account_even_when_the_ip_rotates(client, user):
    """ASVS 2.2.1 / SECURITY 22: at most 100 failures an hour per account, so attempt 101 is
    throttled from any address (this replaces the old 10-from-anywhere lock, which let one
    guesser lock the owner out everywhere)."""
    for i in range(throttle.ACCOUNT_LIMIT):
        assert (await fail(client, user.email, f"10.1.{i // 9}.{i % 9}")).status_code == 401
    assert_throttled(await fail(client, user.email, "10.2.0.1"), most=60 * 60)
    locked = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD}, **at("10.2.0.2"))
    assert locked.status_code == 429
    # An account nobody attacked still logs in from a fresh IP.
    assert (await fail(client, "other@example.com", "10.2.0.3")).status_code == 401


async def test_a_guesser_on_one_address_does_not_lock_the_owner_out_elsewhere(client, user):
    for _ in range(throttle.LIMIT):
        assert (await fail(client, user.email, "10.9.9.9")).status_code == 401
    assert_throttled(await fail(client, user.email, "10.9.9.9"))
    owner = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD}, **at("10.8.8.8"))
    assert owner.status_code == 200
    assert (await fail(client, user.email, "10.9.9.9")).status_code == 429  # the guesser is still braked


async def test_an_ipv6_subscribers_whole_64_is_one_address(client, user):
    for i in range(throttle.LIMIT):
        assert (await fail(client, user.email, f"2001:db8:0:1::{i + 1:x}")).status_code == 401
    assert_throttled(await fail(client, f"x{user.email}", "2001:db8:0:1:ffff:ffff:ffff:ffff"))
    assert (await fail(client, user.email, "2001:db8:0:2::1")).status_code == 401  # another /64


@pytest.mark.both_databases
async def test_parallel_guesses_get_no_more_than_the_limit_of_password_checks(client, user):
    """Thirty wrong passwords at once from one address: a count taken before any was recorded
    let all of them through to the password check; the reservation lets through exactly LIMIT."""
    answers = await asyncio.gather(*(fail(client, user.email, "10.7.7.7") for _ in range(30)))
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [401] * throttle.LIMIT + [429] * (30 - throttle.LIMIT)
    assert await LoginAttempt.filter(email=user.email).count() == throttle.LIMIT  # the 429s left no row
    for answer in answers:
        if answer.status_code == 429:
            assert_throttled(answer)


async def test_per_ip_even_when_the_email_rotates(client, user):
    for i in range(10):
        assert (await fail(client, f"user{i}@example.com", "10.0.0.9")).status_code == 401
    assert_throttled(await fail(client, "user99@example.com", "10.0.0.9"))
    ok = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD}, **at("10.0.0.10"))
    assert ok.status_code == 200


@pytest.mark.both_databases
async def test_retry_after_counts_down_from_the_oldest_failure(client, user):
    for _ in range(10):
        await fail(client, user.email, "10.0.0.5")
    # The oldest failure is 14 minutes old: a minute (or so) is left.
    oldest = await LoginAttempt.filter(email=user.email).order_by("id").first()
    oldest.at = datetime.now(UTC) - timedelta(minutes=14)
    await oldest.save()
    response = await fail(client, user.email, "10.0.0.5")
    assert_throttled(response)
    assert 50 <= int(response.headers["Retry-After"]) <= 61
    # Once it leaves the window the account may try again.
    oldest.at = datetime.now(UTC) - timedelta(minutes=16)
    await oldest.save()
    assert (await fail(client, user.email, "10.0.0.5")).status_code == 401


async def test_success_does_not_erase_other_ips_failures(client, user):
    for i in range(9):
        await fail(client, user.email, f"10.0.3.{i}")
    for _ in range(3):
        await fail(client, user.email, "10.0.4.1")
    ok = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD}, **at("10.0.4.1"))
    assert ok.status_code == 200
    # Its own address's failures are forgiven; the other addresses' still count for the account.
    assert sorted(await LoginAttempt.filter(email=user.email).values_list("ip", flat=True)) == sorted(
        f"10.0.3.{i}" for i in range(9))


@pytest.mark.production_hashing
async def test_argon2id_hash_parameters():
    encoded = await hash_password("some password")
    match = re.match(r"^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$", encoded)
    assert match, encoded
    memory_kib, time_cost, parallelism = map(int, match.groups())
    assert memory_kib >= 19 * 1024 and time_cost >= 2 and parallelism >= 1


@pytest.mark.parametrize("body", [{"email": "a@b.c"}, {"email": "a@b.c", "password": "x", "client": "phone"}])
async def test_bad_login_bodies_are_422(client, body):
    assert (await client.post("/auth/login", json=body)).status_code == 422


# --- ending a session ends its access tokens ------------------------------------------------

def bearer(body: dict) -> dict:
    return {"Authorization": f"Bearer {body['access_token']}"}


async def me_status(client, headers: dict) -> int:
    return (await client.get("/auth/me", headers=headers)).status_code


async def test_logout_ends_the_sessions_access_tokens_at_once(app, client, user):
    login = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
    first = bearer(await login.get_json())
    second = bearer(await (await client.post("/auth/refresh", headers=ORIGIN)).get_json())  # same session
    other = bearer(await (await desktop_login(app.test_client(), user.email)).get_json())  # another browser
    assert {await me_status(client, h) for h in (first, second, other)} == {200}
    assert (await client.post("/auth/logout", headers=ORIGIN)).status_code == 204
    assert await me_status(client, first) == await me_status(client, second) == 401
    assert await me_status(client, other) == 200  # the other session goes on


async def test_desktop_logout_ends_its_access_token(client, user):
    body = await (await desktop_login(client, user.email)).get_json()
    assert (await client.post("/auth/logout", json={"refresh_token": body["refresh_token"]})).status_code == 204
    response = await client.get("/auth/me", headers=bearer(body))
    assert response.status_code == 401 and (await response.get_json())["error"]["code"] == "invalid_token"


async def test_a_new_password_ends_every_session_and_its_access_tokens(client, user, business):
    from server.auth.service import create_user

    agent = await create_user(business_id=business.id, email="agent2@example.com", password=PASSWORD)
    sessions = [bearer(await (await desktop_login(client, agent.email)).get_json()) for _ in range(2)]
    admin = bearer(await (await desktop_login(client, user.email)).get_json())
    changed = await client.patch(f"/api/crm/users/{agent.id}", headers=admin, json={"password": "a-new-password-42"})
    assert changed.status_code == 200
    assert [await me_status(client, h) for h in sessions] == [401, 401]
    assert await me_status(client, admin) == 200


async def test_a_stolen_refresh_token_replayed_ends_the_access_tokens_too(client, user):
    body = await (await desktop_login(client, user.email)).get_json()
    rotated = await (await refresh_body(client, body["refresh_token"])).get_json()
    assert await me_status(client, bearer(rotated)) == 200
    assert (await refresh_body(client, body["refresh_token"])).status_code == 401  # the replay
    assert await me_status(client, bearer(rotated)) == await me_status(client, bearer(body)) == 401


async def test_an_access_token_without_a_session_is_refused(client, settings, user):
    from server.auth.tokens import issue_access_token

    token = issue_access_token(user_id=user.id, business_id=user.business_id, role="admin",
                               session_id="0" * 32, settings=settings)
    assert await me_status(client, {"Authorization": f"Bearer {token}"}) == 401


# --- development without PUBLIC_HOST (`make run`) --------------------------------------------

@pytest.fixture
def bare_development(app):
    """The app as `make run` configures it: development, no PUBLIC_HOST, no CORS_ORIGINS."""
    app.config["SETTINGS"] = app.config["SETTINGS"].with_overrides(public_host="", cors_origins=(),
                                                                   twilio_auth_token="")
    return app


@pytest.mark.parametrize("host", ["127.0.0.1:5000", "localhost:5000", "localhost"])
async def test_development_browsers_own_origin_may_refresh_and_log_out(bare_development, client, user, host):
    own = {"Origin": f"http://{host}", "Host": host}
    login = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD}, headers=own)
    refreshed = await client.post("/auth/refresh", headers=own)
    assert refreshed.status_code == 200, await refreshed.get_data(as_text=True)
    access = bearer(await refreshed.get_json())
    assert (await client.post("/auth/logout", headers=own)).status_code == 204
    assert (await refresh_body(client, cookie_value(login))).status_code == 401
    assert await me_status(client, access) == 401


@pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:5001", "https://127.0.0.1:5000", "null"])
async def test_development_still_refuses_other_origins(bare_development, client, user, origin):
    await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
    for path in ("/auth/refresh", "/auth/logout"):
        response = await client.post(path, headers={"Origin": origin, "Host": "127.0.0.1:5000"})
        assert response.status_code == 403 and (await response.get_json())["error"]["code"] == "bad_origin"


async def test_production_keeps_the_exact_origin_rule(app, client, user):
    """No Host-derived origin in production, even should PUBLIC_HOST name another host."""
    await client.post("/auth/login", json={"email": user.email, "password": PASSWORD})
    app.config["SETTINGS"] = app.config["SETTINGS"].with_overrides(app_env="production")
    spoofed = await client.post("/auth/refresh", headers={"Origin": "http://127.0.0.1:5000", "Host": "127.0.0.1:5000"})
    assert spoofed.status_code == 403
    assert (await client.post("/auth/refresh", headers=ORIGIN)).status_code == 200
