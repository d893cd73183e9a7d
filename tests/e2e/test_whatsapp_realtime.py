"""wa:message and wa:status over Socket.IO, from signed webhooks to a live Hypercorn server;
another business's socket hears none of it."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import socketio

from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.twilio_helpers import signed_form


@pytest.fixture
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture
def live(databases, tmp_path, twilio):
    server = Live.on(databases, tmp_path, APP_ENV="development", TWILIO_API_BASE=twilio.base_url)
    server.seed({"name": "משרד", "phone": BUSINESS_PHONE,
                 "users": [{"email": "agent@example.com", "password": PASSWORD}]},
                {"name": "מתחרה", "phone": "+97235550999",
                 "users": [{"email": "other@example.com", "password": PASSWORD}]})
    server.start_server()
    yield server
    server.stop()


async def login(live: Live, email: str) -> str:
    async with httpx.AsyncClient(base_url=live.base_url) as http:
        return (await http.post("/auth/login", json={"email": email, "password": PASSWORD})).json()["access_token"]


async def listener(live: Live, token: str) -> tuple[socketio.AsyncClient, list, asyncio.Queue]:
    events: list = []
    arrived: asyncio.Queue = asyncio.Queue()
    client = socketio.AsyncClient(reconnection=False)
    for name in ("wa:message", "wa:status"):
        async def record(data, name=name):
            events.append((name, data))
            await arrived.put((name, data))
        client.on(name, record)
    await client.connect(live.base_url, socketio_path="ws", transports=["websocket"], auth={"token": token},
                         wait_timeout=10)
    return client, events, arrived


async def post_signed(live: Live, path: str, params: dict) -> httpx.Response:
    full_path, body, headers = signed_form(live.base_url, path, params)
    async with httpx.AsyncClient(base_url=live.base_url) as http:
        return await http.post(full_path, content=body, headers=headers)


async def next_event(arrived: asyncio.Queue, wanted: str, status: str | None = None) -> dict:
    while True:
        name, data = await asyncio.wait_for(arrived.get(), 10)
        if name == wanted and (status is None or data["message"]["status"] == status):
            return data["message"]


async def test_inbound_reply_and_status_reach_the_business_only(live, twilio):
    token = await login(live, "agent@example.com")
    mine, _, arrived = await listener(live, token)
    rival, rival_events, _ = await listener(live, await login(live, "other@example.com"))
    try:
        params = {"AccountSid": ACCOUNT_SID, "MessageSid": "SM" + "1" * 32, "From": "whatsapp:+972541234567",
                  "To": f"whatsapp:{BUSINESS_PHONE}", "Body": "שלום מהלקוחה", "NumMedia": "0",
                  "ProfileName": "דנה", "WaId": "972541234567"}
        response = await post_signed(live, "/webhook/whatsapp", params)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/xml")
        received = await next_event(arrived, "wa:message")
        assert (received["message_sid"], received["body"]) == ("SM" + "1" * 32, "שלום מהלקוחה")

        async with httpx.AsyncClient(base_url=live.base_url, headers={"Authorization": f"Bearer {token}"}) as http:
            sent = await http.post(f"/api/crm/customers/{received['customer_id']}/whatsapp", json={"body": "היי דנה"})
        assert sent.status_code == 202, sent.text
        queued = await next_event(arrived, "wa:status", "queued")  # the in-process worker sent it
        assert queued["id"] == sent.json()["id"] and twilio.sent[0]["Body"] == "היי דנה"

        callback = {"AccountSid": ACCOUNT_SID, "MessageSid": queued["message_sid"], "MessageStatus": "delivered"}
        assert (await post_signed(live, "/webhook/whatsapp_status", callback)).status_code == 204
        assert (await next_event(arrived, "wa:status", "delivered"))["id"] == queued["id"]
        assert rival_events == []
    finally:
        await mine.disconnect()
        await rival.disconnect()
