"""deploy/nginx.conf whole, as production runs it: Debian's nginx with TLS (a throwaway
certificate for agentlocator.example.com) in front of two `server.main` processes sharing
a database and Redis (tests/nginx.py `NginxSite`, tests/e2e/live.py). Checked from outside,
as browsers, Twilio, the desktop app and deploy/smoke.sh reach it.

The servers start once for the module. It runs on one database, PostgreSQL where it runs (the
production set-up): nothing nginx does depends on the dialect, and a second set-up would
double the module's time.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import ssl
import subprocess
import sys
import uuid
from dataclasses import dataclass

import httpx
import pytest
import requests
import socketio
from requests.adapters import HTTPAdapter

from server.request_guard import MAX_JSON_BYTES
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BACKENDS, BUSINESS_PHONE, PASSWORD, ROOT
from tests.e2e.live import Live, wait_until
from tests.fake_twilio_numbers import FakeTwilioNumbers, stale
from tests.nginx import PUBLIC_NAME, NginxSite
from tests.server.test_contracts import png_url
from tests.twilio_helpers import call_params, signed_form

PUBLIC = f"https://{PUBLIC_NAME}"  # PUBLIC_HOST as Twilio and browsers know it
EMAIL = "site@agentlocator.test"
HSTS = "max-age=31536000; includeSubDomains"  # once: the app's, or nginx's where the app sent none
LOGS = ("server-a", "server-b")  # one log per process: which one holds a socket
REDIS = os.environ.get("REDIS_URL")  # `make test` sets it when Redis answers: events cross processes


@dataclass
class Site:
    proxy: NginxSite
    live: Live
    token: str

    def tls(self) -> ssl.SSLContext:
        """Verification on, against the throwaway certificate only."""
        return ssl.create_default_context(cafile=str(self.proxy.cert))

    def https(self, source: str = "127.0.0.1") -> httpx.Client:
        """A client of the HTTPS site from `source` (any 127.x address is this machine's)."""
        transport = httpx.HTTPTransport(verify=self.tls(), local_address=source)
        return httpx.Client(base_url=self.proxy.base_url, transport=transport, headers={"Host": PUBLIC_NAME},
                            timeout=15)

    def auth(self) -> dict:
        return {"Authorization": f"Bearer {self.token}"}

    def process_holding(self, sid: str) -> list[str]:
        """The processes whose log says they took this socket."""
        return [name for name in LOGS if f"socket {sid} connected" in self.live.log(name)]


@pytest.fixture(scope="module")
def site(databases, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("site")
    first = Live.on(databases, workdir, BACKENDS[-1], RUN_WORKER="0", PUBLIC_HOST=PUBLIC_NAME,
                    **({"REDIS_URL": REDIS} if REDIS else {}))
    first.seed({"name": "Site", "phone": BUSINESS_PHONE,
                "users": [{"email": EMAIL, "password": PASSWORD, "role": "admin"}]})
    second = first.sharing()
    try:
        # nginx stops first: its idle upstream connections would hold each server's stop for its
        # whole graceful_timeout (10 s).
        with NginxSite(workdir, [first.port, second.port]) as proxy:
            for live, name in zip((first, second), LOGS, strict=True):
                live.start_server(log_name=name)
            wait_until(proxy.listening, what="nginx to listen")
            site = Site(proxy=proxy, live=first, token="")
            with site.https() as http:
                login = http.post("/auth/login", json={"email": EMAIL, "password": PASSWORD})
            assert login.status_code == 200, login.text
            site.token = login.json()["access_token"]
            yield site
    finally:
        first.stop()


# --- HTTPS only --------------------------------------------------------------------------

def test_plain_http_is_redirected_to_the_public_https_url_with_path_and_query(site):
    plain = f"http://127.0.0.1:{site.proxy.http_port}"
    for host in (PUBLIC_NAME, "evil.example"):  # the name in the site, never the caller's Host
        answer = httpx.get(f"{plain}/crm/customers?page=2&q=%D7%A9", headers={"Host": host})
        assert answer.status_code == 301
        assert answer.headers["Location"] == f"{PUBLIC}/crm/customers?page=2&q=%D7%A9"
    posted = httpx.post(f"{plain}/webhook/incoming_call", headers={"Host": PUBLIC_NAME}, data={"CallSid": "CA1"})
    assert posted.status_code == 301 and posted.headers["Location"] == f"{PUBLIC}/webhook/incoming_call"
    assert "Strict-Transport-Security" not in posted.headers  # HSTS means something over HTTPS only


def test_the_acme_challenge_is_served_from_its_root_not_redirected(site):
    challenge = site.proxy.acme_root / ".well-known" / "acme-challenge"
    challenge.mkdir(parents=True, exist_ok=True)
    (challenge / "token-abc").write_text("token-abc.key-authorisation")
    base = f"http://127.0.0.1:{site.proxy.http_port}/.well-known/acme-challenge"
    found = httpx.get(f"{base}/token-abc", headers={"Host": PUBLIC_NAME})
    assert found.status_code == 200 and found.text == "token-abc.key-authorisation"
    assert found.headers["Content-Type"] == "text/plain"
    assert httpx.get(f"{base}/no-such-token", headers={"Host": PUBLIC_NAME}).status_code == 404


# --- Twilio behind the proxy -------------------------------------------------------------

def test_a_twilio_signed_webhook_validates_behind_the_proxy_and_others_are_refused(site):
    with site.https() as http:
        path, body, headers = signed_form(PUBLIC, "/webhook/incoming_call", call_params(f"CA{uuid.uuid4().hex}"))
        signed = http.post(path, content=body, headers=headers)
        assert signed.status_code == 200, signed.text
        assert signed.headers["Content-Type"].startswith("text/xml")
        assert f"<Play>{PUBLIC}/server/static/voice_responses/welcome.mp3</Play>" in signed.text
        assert "<Record" in signed.text
        assert signed.headers.get_list("Strict-Transport-Security") == [HSTS]

        unsigned = http.post(path, content=body, headers={"Content-Type": headers["Content-Type"]})
        assert unsigned.status_code == 403

        # Twilio's signature for the same request sent to another host is not ours.
        _, _, elsewhere = signed_form("https://other.example.com", "/webhook/incoming_call",
                                      call_params(f"CA{uuid.uuid4().hex}"))
        assert http.post(path, content=body, headers=elsewhere).status_code == 403


# --- Socket.IO at /ws --------------------------------------------------------------------

def _incoming_call(site: Site) -> str:
    """A call through nginx, as Twilio makes one (each socket of the business hears call:new); its sid."""
    call_sid = f"CA{uuid.uuid4().hex}"
    with site.https() as http:
        path, body, headers = signed_form(PUBLIC, "/webhook/incoming_call", call_params(call_sid))
        assert http.post(path, content=body, headers=headers).status_code == 200
    return call_sid


def test_ws_upgrades_to_a_websocket_over_tls(site):
    request = (f"GET /ws/?EIO=4&transport=websocket HTTP/1.1\r\nHost: {PUBLIC_NAME}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\n"
               f"Sec-WebSocket-Version: 13\r\nOrigin: {PUBLIC}\r\n\r\n")
    with socket.create_connection(("127.0.0.1", site.proxy.port), timeout=10) as raw, \
            site.tls().wrap_socket(raw, server_hostname=PUBLIC_NAME) as tls:
        tls.sendall(request.encode())
        status_line = tls.recv(4096).split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.1 101")  # Hypercorn sends no reason phrase

    client = socketio.Client(reconnection=False, http_session=_trusting(site),
                             websocket_extra_options={"origin": PUBLIC})  # as a browser on the site
    heard: list[str] = []
    client.on("call:new", lambda data: heard.append(data["call"]["call_sid"]))
    client.connect(site.proxy.base_url, socketio_path="ws", auth={"token": site.token}, transports=["websocket"],
                   wait_timeout=10)
    try:
        assert client.transport() == "websocket"
        call_sid = _incoming_call(site)
        if REDIS:  # without it an event reaches only the sockets of the process that published it
            wait_until(lambda: call_sid in heard, what="call:new over the websocket")
    finally:
        client.disconnect()


def _trusting(site: Site) -> requests.Session:
    """The session python-socketio's client makes its requests with: verifying against the
    throwaway certificate (python-engineio hands it to websocket-client too). Not from the
    environment: a REQUESTS_CA_BUNDLE there would win over `verify`."""
    session = requests.Session()
    session.trust_env = False
    session.verify = str(site.proxy.cert)
    return session


class _FromAddress(HTTPAdapter):
    """requests' connections from one loopback address: nginx's /ws upstream is hashed by it."""

    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self.address, 0), **kwargs)


class PollingClient:
    """A long-polling Socket.IO client from `address`, recording the status of every HTTP
    request it makes: an "Invalid session" (a request that reached the other process) is a 400."""

    def __init__(self, site: Site, address: str) -> None:
        session = _trusting(site)
        session.mount("https://", _FromAddress(address))
        self.statuses: list[int] = []
        session.hooks["response"].append(lambda response, *args, **kwargs: self.statuses.append(response.status_code))
        self.heard: list[str] = []
        self.disconnects = 0
        self.client = socketio.Client(reconnection=False, http_session=session)
        self.client.on("call:new", lambda data: self.heard.append(data["call"]["call_sid"]))
        self.client.on("disconnect", self._disconnected)
        self.client.connect(site.proxy.base_url, socketio_path="ws", auth={"token": site.token},
                            transports=["polling"], wait_timeout=10)
        self.sid = self.client.get_sid()

    def _disconnected(self, *args) -> None:
        self.disconnects += 1

    def send_noise(self, times: int) -> None:
        """`times` more POSTs, one by one (an event no handler takes: the server drops it)."""
        for i in range(times):
            before = len(self.statuses)
            self.client.emit("noise", i)
            wait_until(lambda before=before: len(self.statuses) > before, what="the POST to be answered")

    def close(self) -> None:
        """Leave (Engine.IO's CLOSE) without waiting for the long poll in flight: python-socketio's
        own disconnect() waits for it to come back, 30 s here."""
        self.client.eio.disconnect(abort=True)


def test_polling_clients_stay_on_one_process_each_with_two_behind_nginx(site):
    clients: list[PollingClient] = []
    try:
        # Callers from different addresses until both processes hold some (the hash spreads them).
        for n in range(2, 40):
            clients.append(PollingClient(site, f"127.0.0.{n}"))
            wait_until(lambda: site.process_holding(clients[-1].sid), what="the connect line in a server's log")
            held = {name for c in clients for name in site.process_holding(c.sid)}
            if len(clients) >= 4 and held == set(LOGS):
                break
        assert held == set(LOGS), "every client landed on one process: the test proves nothing"

        for client in clients:
            client.send_noise(10)
        call_sid = _incoming_call(site)
        if REDIS:
            wait_until(lambda: all(call_sid in c.heard for c in clients), what="call:new on every polling client")

        for client in clients:
            assert client.client.transport() == "polling"
            assert len(client.statuses) >= 12, client.statuses  # handshake, connect, 10 POSTs, polls
            assert set(client.statuses) == {200}, client.statuses  # never "Invalid session" (400)
            assert client.client.connected and client.disconnects == 0
            assert len(site.process_holding(client.sid)) == 1
        print(f"{len(clients)} polling clients, {sum(len(c.statuses) for c in clients)} requests, all 200; "
              f"per process: {[sum(name in site.process_holding(c.sid) for c in clients) for name in LOGS]}")
    finally:
        for client in clients:
            client.close()


# --- The greeting ------------------------------------------------------------------------

def test_the_greeting_is_audio_mpeg_with_range_requests(site):
    welcome = (ROOT / "server" / "static" / "voice_responses" / "welcome.mp3").read_bytes()
    path = "/server/static/voice_responses/welcome.mp3"
    with site.https() as http:
        head = http.head(path)
        full = http.get(path)
        part = http.get(path, headers={"Range": "bytes=0-99"})
    assert head.status_code == 200 and head.headers["Content-Type"] == "audio/mpeg"
    assert full.status_code == 200 and full.headers["Content-Type"] == "audio/mpeg" and full.content == welcome
    assert part.status_code == 206 and part.headers["Content-Type"] == "audio/mpeg"
    assert part.headers["Content-Range"] == f"bytes 0-99/{len(welcome)}"
    assert part.content == welcome[:100]


# --- Caching and HSTS --------------------------------------------------------------------

ASSET = "<a hashed asset of the build>"


def _hashed_asset() -> str:
    index = (ROOT / "web" / "dist" / "index.html").read_text()  # `make test` builds it first
    return re.search(r'"(/assets/[^"]+-[A-Za-z0-9_-]{8}\.js)"', index).group(1)


@pytest.mark.parametrize(("path", "cache_control"), [
    ("/", "no-store"), ("/index.html", "no-store"), ("/crm/customers", "no-store"), ("/crm/customers/1", "no-store"),
    ("/sw.js", "no-cache"), (ASSET, "public, max-age=31536000, immutable"),
    # Any other app path is the app (its own 404 page), and the icons pass with the app's caching.
    ("/settings", "no-store"), ("/crm/customers/abc", "no-store"), ("/favicon.svg", "public, max-age=86400"),
    ("/brand.css", "no-cache"),
])
def test_the_web_app_is_cached_as_each_part_needs(site, path, cache_control):
    path = _hashed_asset() if path == ASSET else path
    with site.https() as http:
        answer = http.get(path)
    assert answer.status_code == 200
    assert answer.headers.get_list("Cache-Control") == [cache_control]
    assert answer.headers.get_list("Strict-Transport-Security") == [HSTS]


def test_every_https_answer_carries_hsts_errors_included(site):
    with site.https() as http:
        answers = {
            "api": http.get("/api/health"),
            "unauthorised": http.get("/api/crm/customers"),
            "not found": http.get("/api/no-such-thing"),
            "missing asset": http.get("/assets/no-such-file-00000000.js"),
            "forbidden webhook": http.post("/webhook/call_status", data={"CallSid": "CA1"}),
            "too large": http.post("/api/crm/customers", content=b"x" * (10 * 1024 * 1024 + 1)),
        }
    assert {name: a.status_code for name, a in answers.items()} == {
        "api": 200, "unauthorised": 401, "not found": 404, "missing asset": 404, "forbidden webhook": 403,
        "too large": 413}
    assert {name: a.headers.get_list("Strict-Transport-Security") for name, a in answers.items()} == \
        dict.fromkeys(answers, [HSTS])
    assert "immutable" not in answers["missing asset"].headers.get("Cache-Control", "")  # no 404 kept a year


# --- The body size limit -----------------------------------------------------------------

def test_a_body_over_the_limit_is_refused_by_nginx_in_the_apps_error_shape(site):
    with site.https() as http:
        too_large = http.post("/api/crm/customers", headers=site.auth(), content=b"{" + b" " * (10 * 1024 * 1024))
        # Typed as JSON and within the app's own JSON limit (1 MiB), so the app reads it whole: a body
        # it answered without reading made Hypercorn close the connection while nginx was still
        # sending it, and nginx answered 502 (seen once, on a loaded machine).
        within = http.post("/api/crm/customers", headers={**site.auth(), "Content-Type": "application/json"},
                           content=b"{" + b" " * (MAX_JSON_BYTES - 1))
    assert too_large.status_code == 413
    assert too_large.headers["Content-Type"] == "application/json"
    assert too_large.json()["error"]["code"] == "too_large" and too_large.json()["error"]["message"]
    assert within.status_code in (400, 422) and "error" in within.json()  # reached the app, which read it


# --- The caller's address ----------------------------------------------------------------

def test_the_app_sees_the_callers_address_not_one_it_forges(site):
    with site.https() as staff:
        customer = staff.post("/api/crm/customers", headers=site.auth(),
                              json={"name": "דנה כהן", "phone": f"+97254{uuid.uuid4().int % 10**7:07d}"})
        assert customer.status_code == 201, customer.text
        customer = customer.json()
        contract = staff.post("/api/crm/contracts", headers=site.auth(),
                              json={"customer_id": customer["id"], "title": "הסכם", "body": "גוף"}).json()
        sent = staff.post(f"/api/crm/contracts/{contract['id']}/send", headers=site.auth()).json()
    assert sent["sign_url"].startswith(f"{PUBLIC}/sign/")
    with site.https(source="127.0.0.2") as signer:
        signed = signer.post(sent["sign_url"].removeprefix(PUBLIC), headers={"X-Forwarded-For": "6.6.6.6"},
                             json={"name": "דנה כהן", "signature_png": png_url()})
    assert signed.status_code in (200, 201), signed.text
    with site.https() as staff:
        listed = staff.get("/api/crm/signatures", params={"contract_id": contract["id"]}, headers=site.auth()).json()
    assert [s["ip"] for s in listed["results"]] == ["127.0.0.2"]


def test_a_forged_forwarded_address_does_not_escape_the_unsigned_webhook_throttle(site):
    # 30 unsigned requests a minute per address and process (server/telephony/signature.py): from
    # one address, two processes let at most 60 through, whatever X-Forwarded-For says.
    with site.https(source="127.0.0.3") as caller:
        statuses = [caller.post("/webhook/call_status", data={"CallSid": f"CA{n}"},
                                headers={"X-Forwarded-For": f"6.6.{n}.6"}).status_code for n in range(70)]
    assert set(statuses) == {403, 429}
    assert statuses.count(403) <= 60


# --- deploy/smoke.sh ---------------------------------------------------------------------

def test_smoke_script_passes_against_nginx(site):
    env = {**os.environ, "CURL_CA_BUNDLE": str(site.proxy.cert), "SMOKE_CONNECT_TO": f"127.0.0.1:{site.proxy.port}",
           "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "SMOKE_TO": BUSINESS_PHONE}
    result = subprocess.run([str(ROOT / "deploy" / "smoke.sh"), PUBLIC], env=env, capture_output=True, text=True,
                            timeout=120)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines == [f"PASS {name}" for name in (
        "welcome-mp3", "health", "x-revision", "incoming-call-unsigned", "recording-unsigned", "call-status-unsigned",
        "incoming-call-signed", "call-status-signed")]
    assert AUTH_TOKEN not in result.stdout + result.stderr


# --- make proof --------------------------------------------------------------------------

def test_make_proof_passes_against_nginx_and_writes_no_secret(site, tmp_path):
    """scripts/proof.py as an operator runs it after a deploy: the number set up first by
    twilio-configure (against the local Twilio stand-in), then every check of the report. The
    screenshots are left to `make proof` itself: Chromium and Qt add half a minute here."""
    with FakeTwilioNumbers(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio:
        stale(twilio, BUSINESS_PHONE)
        env = site.live.env(TWILIO_API_BASE=twilio.base_url, PROOF_URL=PUBLIC, PROOF_TO=BUSINESS_PHONE,
                            PROOF_CONNECT_TO=f"127.0.0.1:{site.proxy.port}", CURL_CA_BUNDLE=str(site.proxy.cert),
                            PROOF_EMAIL=EMAIL, PROOF_PASSWORD=PASSWORD, PROOF_TWILIO_NUMBER=BUSINESS_PHONE,
                            PROOF_OUT=str(tmp_path / "PROOF.md"), PROOF_SCREENSHOTS="0")
        configure = subprocess.run([sys.executable, "-m", "server.cli", "twilio-configure", "--number", BUSINESS_PHONE],
                                   env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert configure.returncode == 0, configure.stdout + configure.stderr
        result = subprocess.run([sys.executable, "scripts/proof.py"], env=env, cwd=ROOT, capture_output=True,
                                text=True, timeout=300)
    report = (tmp_path / "PROOF.md").read_text()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert "| PASS | Twilio webhooks (brief A1, A2, A4, G1): a fresh call: incoming_call, signed |" in report
    assert "| PASS | The Twilio number (brief A6): the number's webhooks point here, no fallback |" in report
    assert report.count("HTTP/2 403") == 3 and "<Hangup />" in report and '"total"' in report
    for secret in (AUTH_TOKEN, PASSWORD, site.token):
        assert secret not in report
