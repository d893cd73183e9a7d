"""The web tier as deploy/ runs it: `python -m server.main` processes, one per port, behind
Debian's nginx with the deployment's own configuration (tests/nginx.py).

- A process stops within seconds of SIGTERM with Socket.IO clients on both transports
  connected (Hypercorn alone waited for them to leave), and the clients come back by
  themselves when it is up again.
- `kill -9` of one of two processes: nginx sends every request to the other at once, webhooks
  included, and a socket that was on the dead process reconnects to the living one.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid

import httpx
import pytest
import socketio

from tests.conftest import BACKENDS, BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live, wait_until
from tests.nginx import Nginx
from tests.twilio_helpers import call_params, signed_form

EMAIL = "tier@agentlocator.test"
STOP_DEADLINE = 10.0  # the deployment's promise (deploy/hypercorn.toml, TimeoutStopSec)


class Socket:
    """A python-socketio client as the desktop app holds one, counting its connections."""

    def __init__(self, base_url: str, token: str, transport: str) -> None:
        self.client = socketio.Client(reconnection=True, reconnection_delay=0.2, reconnection_delay_max=1)
        self.connections = 0
        self.calls: list[str] = []
        self.client.on("connect", self._connected)
        self.client.on("call:new", lambda data: self.calls.append(data["call"]["call_sid"]))
        self.client.connect(base_url, socketio_path="ws", auth={"token": token}, transports=[transport],
                            wait_timeout=10)

    def _connected(self) -> None:
        self.connections += 1

    def close(self) -> None:
        self.client.disconnect()


def _seeded(live: Live) -> Live:
    live.seed({"name": "Tier", "phone": BUSINESS_PHONE, "users": [{"email": EMAIL, "password": PASSWORD,
                                                                    "role": "admin"}]})
    return live


def test_a_stop_takes_seconds_with_sockets_connected_and_they_come_back(databases, tmp_path):
    live = _seeded(Live.on(databases, tmp_path, RUN_WORKER="0"))
    sockets: list[Socket] = []
    try:
        server = live.start_server()
        token = live.login(EMAIL, PASSWORD)["access_token"]
        sockets += [Socket(live.base_url, token, "websocket"), Socket(live.base_url, token, "polling")]
        assert [s.client.transport() for s in sockets] == ["websocket", "polling"]
        started = time.monotonic()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=STOP_DEADLINE)  # Hypercorn alone: minutes, until the clients leave
        took = time.monotonic() - started
        assert server.returncode == 0, live.log("server")
        print(f"stopped in {took:.2f} s with a websocket and a polling client connected")

        live.start_server()
        wait_until(lambda: all(s.connections == 2 and s.client.connected for s in sockets), timeout=30,
                   what="both sockets to reconnect to the restarted server")
        print(f"reconnected {time.monotonic() - started:.2f} s after the stop began")
    finally:
        live.stop()  # first: a polling client's own disconnect would wait out its long poll
        for s in sockets:
            s.close()


@pytest.mark.parametrize("dialect", [BACKENDS[-1]])  # PostgreSQL where it runs: the production setup
def test_one_process_killed_the_other_answers_through_nginx(databases, tmp_path, dialect):
    redis = {"REDIS_URL": os.environ["REDIS_URL"]} if os.environ.get("REDIS_URL") else {}
    first = _seeded(Live.on(databases, tmp_path, dialect, RUN_WORKER="0", **redis))
    second = first.sharing()
    with Nginx(tmp_path, [first.port, second.port]) as proxy:
        try:
            doomed = first.start_server(PUBLIC_HOST=proxy.base_url)
            second.start_server(PUBLIC_HOST=proxy.base_url)
            wait_until(proxy.listening, what="nginx to listen")
            http = httpx.Client(base_url=proxy.base_url, timeout=10)
            login = http.post("/auth/login", json={"email": EMAIL, "password": PASSWORD})
            assert login.status_code == 200, login.text
            token = login.json()["access_token"]
            socket = Socket(proxy.base_url, token, "websocket")
            lock = threading.Lock()
            try:
                os.killpg(doomed.pid, signal.SIGKILL)
                doomed.wait()
                statuses = []

                def webhook(call_sid: str) -> None:
                    path, body, headers = signed_form(proxy.base_url, "/webhook/incoming_call", call_params(call_sid))
                    with httpx.Client(base_url=proxy.base_url, timeout=10) as own:
                        status = own.post(path, content=body, headers=headers).status_code
                    with lock:
                        statuses.append(status)

                sids = [f"CA{uuid.uuid4().hex}" for _ in range(30)]
                for sid in sids[:4]:  # one by one first: nginx's turn reaches the dead process
                    webhook(sid)
                threads = [threading.Thread(target=webhook, args=(sid,)) for sid in sids[4:]]
                for thread in threads:
                    thread.start()
                reads = [http.get("/api/crm/calls", headers={"Authorization": f"Bearer {token}"}).status_code
                         for _ in range(20)]
                for thread in threads:
                    thread.join()
                assert statuses == [200] * len(sids), statuses
                assert reads == [200] * len(reads), reads

                # The socket lives on the process left (reconnected there if it was on the dead one)
                # and hears what that process publishes.
                wait_until(lambda: socket.client.connected, timeout=30, what="the socket to be connected")
                last = f"CA{uuid.uuid4().hex}"
                path, body, headers = signed_form(proxy.base_url, "/webhook/incoming_call", call_params(last))
                assert http.post(path, content=body, headers=headers).status_code == 200
                wait_until(lambda: last in socket.calls, timeout=15, what="call:new on the reconnected socket")
                listed = http.get("/api/crm/calls", params={"limit": 100},
                                  headers={"Authorization": f"Bearer {token}"}).json()
                assert {c["call_sid"] for c in listed["results"]} >= {*sids, last}
                assert listed["total"] == len(sids) + 1  # each call once, however many tries it took
            finally:
                socket.close()
                http.close()
        finally:
            first.stop()
