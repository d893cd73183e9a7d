"""Sessions against real Hypercorn processes: the development server as `make run` starts it
(no PUBLIC_HOST, no CORS_ORIGINS) keeps a browser's session on its own origin and ends it at
logout, sockets included; and the login brake holds against parallel guesses."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import socketio

from server.auth import throttle
from tests.conftest import BACKENDS, PASSWORD
from tests.e2e.live import Live

EMAIL = "dana@example.com"
# `make run`: development, and neither PUBLIC_HOST nor CORS_ORIGINS (nor a Twilio token, which
# would need PUBLIC_HOST). An empty value is an unset one.
BARE_DEVELOPMENT = {"APP_ENV": "development", "PUBLIC_HOST": "", "CORS_ORIGINS": "", "TWILIO_AUTH_TOKEN": ""}


def seeded(live: Live) -> Live:
    live.seed({"name": "משרד", "phone": "+97235550100", "users": [{"email": EMAIL, "password": PASSWORD}]})
    return live


@pytest.fixture(scope="module")
def dev(databases, tmp_path_factory):
    live = seeded(Live.on(databases, tmp_path_factory.mktemp("dev-sessions"), **BARE_DEVELOPMENT))
    live.start_server()
    yield live
    live.stop()


async def socket_for(live: Live, token: str) -> tuple[socketio.AsyncClient, asyncio.Event]:
    client, gone = socketio.AsyncClient(reconnection=False), asyncio.Event()
    client.on("disconnect", lambda *reason: gone.set())
    await client.connect(live.base_url, socketio_path="ws", transports=["websocket"], auth={"token": token},
                         wait_timeout=10)
    return client, gone


async def test_a_browser_on_the_servers_own_origin_keeps_and_ends_its_session(dev):
    own = {"Origin": dev.base_url}  # what a browser sends from the page this server served
    async with httpx.AsyncClient(base_url=dev.base_url, headers=own, timeout=10) as browser:
        login = await browser.post("/auth/login", json={"email": EMAIL, "password": PASSWORD})
        assert login.status_code == 200 and "al_refresh" in browser.cookies
        # A reload or a deep link: the page asks for a new access token with its cookie.
        refreshed = await browser.post("/auth/refresh")
        assert refreshed.status_code == 200, refreshed.text
        access = {"Authorization": f"Bearer {refreshed.json()['access_token']}"}
        assert (await browser.get("/auth/me", headers=access)).status_code == 200
        again = await browser.post("/auth/refresh")  # token expiry, 15 minutes on: still signed in
        assert again.status_code == 200
        access = {"Authorization": f"Bearer {again.json()['access_token']}"}
        cookie = browser.cookies["al_refresh"]

        socket, gone = await socket_for(dev, again.json()["access_token"])
        try:
            assert (await browser.post("/auth/logout")).status_code == 204
            await asyncio.wait_for(gone.wait(), 10)  # the session's socket is closed by the server
        finally:
            if socket.connected:
                await socket.disconnect()

        assert (await browser.get("/auth/me", headers=access)).status_code == 401
        dead = await browser.post("/auth/refresh", headers={"Cookie": f"al_refresh={cookie}"})  # kept anyway
        assert dead.status_code == 401
        with pytest.raises(socketio.exceptions.ConnectionError):
            await socket_for(dev, again.json()["access_token"])


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://localhost:1"])
async def test_another_origin_still_may_not_use_the_cookie(dev, origin):
    async with httpx.AsyncClient(base_url=dev.base_url, timeout=10) as browser:
        assert (await browser.post("/auth/login", json={"email": EMAIL, "password": PASSWORD})).status_code == 200
        for path in ("/auth/refresh", "/auth/logout"):
            response = await browser.post(path, headers={"Origin": origin})
            assert response.status_code == 403 and response.json()["error"]["code"] == "bad_origin"
        assert (await browser.post("/auth/refresh", headers={"Origin": dev.base_url})).status_code == 200


@pytest.fixture(params=BACKENDS)
def braked(request, databases, tmp_path):
    """A server of its own: the brake it is tested on would lock out 127.0.0.1 for the others."""
    live = seeded(Live.on(databases, tmp_path, request.param))
    live.start_server()
    yield live
    live.stop()


async def test_parallel_wrong_guesses_get_no_more_than_the_limit_of_password_checks(braked):
    async with httpx.AsyncClient(base_url=braked.base_url, timeout=30) as http:
        answers = await asyncio.gather(*(http.post("/auth/login", json={"email": EMAIL, "password": f"guess-{i}"})
                                         for i in range(30)))
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [401] * throttle.LIMIT + [429] * (30 - throttle.LIMIT)
    assert all(1 <= int(a.headers["Retry-After"]) <= 15 * 60 for a in answers if a.status_code == 429)
