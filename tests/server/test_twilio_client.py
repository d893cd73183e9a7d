"""The one Twilio REST client (server/telephony/client.py) against local fakes that speak
Twilio's wire protocol: what it sends, and how a refusal and an outage come out, for calls,
messages and media. No app and no database: the client needs only its Settings."""

from __future__ import annotations

import json
import socket
import threading

import httpx
import pytest

from server.config import Settings
from server.jobs.errors import PermanentJobError
from server.telephony import client
from server.telephony.client import (
    TwilioRefusedError,
    TwilioUnavailableError,
    create_call,
    download_media,
    send_message,
)
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN
from tests.fake_twilio_calls import FakeTwilioCalls
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.fakes import FakeServer

EVENTS = ("initiated", "ringing", "answered", "completed")


def settings_for(base_url: str, token: str = AUTH_TOKEN) -> Settings:
    return Settings(twilio_account_sid=ACCOUNT_SID, twilio_auth_token=token, twilio_api_base=base_url)


async def place(settings: Settings) -> dict:
    return await create_call(settings=settings, to="+972541110000", from_="+97235550100",
                             url="https://agentlocator.example.com/webhook/outbound_call?call=1",
                             status_callback="https://agentlocator.example.com/webhook/call_status",
                             status_events=EVENTS)


async def send(settings: Settings) -> dict:
    return await send_message(settings=settings, to="whatsapp:+972541234567", from_="whatsapp:+97235550100",
                              status_callback="https://agentlocator.example.com/webhook/whatsapp_status",
                              body="שלום")


@pytest.fixture
def calls():
    with FakeTwilioCalls(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture
def messages():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture(params=["call", "message"])
def create(request):
    """(the fake, the function creating one of its resources): each test runs for both APIs."""
    fake_type, function = (FakeTwilioCalls, place) if request.param == "call" else (FakeTwilioMessages, send)
    with fake_type(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake, function


def assert_safe(error: Exception) -> None:
    """Nothing secret and none of Twilio's own text (the fakes put the account SID and a docs
    link in it), not even in a chained exception: httpx's name the URL, and the URL the SID."""
    text = str(error)
    assert AUTH_TOKEN not in text and ACCOUNT_SID not in text and "twilio.com/docs" not in text
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)


def lower(headers: dict) -> dict:
    return {name.lower(): value for name, value in headers.items()}


async def test_a_call_is_created_with_twilios_form_and_the_accounts_auth(calls):
    answer = await place(settings_for(calls.base_url))
    assert answer["sid"] == f"CA{1:032x}" and answer["status"] == "queued"
    (form,) = calls.created
    assert form["Method"] == ["POST"] and form["StatusCallbackMethod"] == ["POST"]
    assert form["StatusCallbackEvent"] == list(EVENTS)  # repeated, as Twilio takes a list
    ((method, path, headers),) = calls.requests
    assert (method, path) == ("POST", f"/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json")
    assert lower(headers)["authorization"] == calls.expected_auth


async def test_a_message_is_created_with_a_body_or_a_template(messages):
    settings = settings_for(messages.base_url)
    assert (await send(settings))["sid"] == f"SM{1:032x}"
    await send_message(settings=settings, to="whatsapp:+972541234567", from_="whatsapp:+97235550100",
                       status_callback="", content_sid="HX" + "a" * 32, content_variables={"1": "דנה"})
    free, template = messages.sent
    assert free["Body"] == "שלום" and "ContentSid" not in free
    assert "Body" not in template and json.loads(template["ContentVariables"]) == {"1": "דנה"}


@pytest.mark.parametrize("status, code", [(400, 21215), (403, 20003), (404, None)])
async def test_a_4xx_is_a_refusal_with_twilios_code(create, status, code):
    fake, function = create
    fake.fail_with.append((status, code))
    with pytest.raises(TwilioRefusedError) as raised:
        await function(settings_for(fake.base_url))
    assert (raised.value.status, raised.value.code) == (status, code)
    assert_safe(raised.value)


async def test_wrong_credentials_are_a_refusal(create):
    fake, function = create
    with pytest.raises(TwilioRefusedError) as raised:
        await function(settings_for(fake.base_url, token="another-token"))
    assert (raised.value.status, raised.value.code) == (401, 20003)
    assert "another-token" not in str(raised.value)


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_429_and_5xx_are_an_outage(create, status):
    fake, function = create
    fake.fail_with.append((status, 20429 if status == 429 else None))
    with pytest.raises(TwilioUnavailableError) as raised:
        await function(settings_for(fake.base_url))
    assert raised.value.status == status
    assert_safe(raised.value)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("function", [place, send])
async def test_no_answer_at_all_is_an_outage(function):
    with pytest.raises(TwilioUnavailableError) as raised:
        await function(settings_for(f"http://127.0.0.1:{closed_port()}"))
    assert raised.value.status is None and raised.value.reason == "ConnectError"
    assert_safe(raised.value)


class Scripted(FakeServer):
    """Answers each request with the next of `answers`: (status, body, headers); a None answer
    holds the request until the test ends."""

    def __init__(self, *answers) -> None:
        super().__init__()
        self.answers = list(answers)
        self.released = threading.Event()

    def _answer(self, handler) -> None:
        answer = self.answers.pop(0)
        if answer is None:
            self.released.wait(30)
            return
        status, body, headers = answer
        handler.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    def handle_get(self, handler) -> None:
        self._answer(handler)

    def handle_post(self, handler, body: bytes) -> None:
        self._answer(handler)

    def __exit__(self, *exc):
        self.released.set()
        super().__exit__(*exc)


@pytest.mark.parametrize("function", [place, send])
async def test_a_timeout_is_an_outage(monkeypatch, function):
    monkeypatch.setattr(client, "API_TIMEOUT", httpx.Timeout(0.2))
    with Scripted(None) as stalled:
        with pytest.raises(TwilioUnavailableError) as raised:
            await function(settings_for(stalled.base_url))
    assert raised.value.reason == "ReadTimeout"


@pytest.mark.parametrize("answer", [
    (200, b"<html>captive portal</html>", {"Content-Type": "text/html"}),
    (201, b"{}", {"Content-Type": "application/json"}),
    (302, b"", {"Location": "https://elsewhere.example/"}),
])
async def test_an_answer_that_is_not_twilios_is_an_outage(answer):
    with Scripted(answer) as proxy:
        with pytest.raises(TwilioUnavailableError):
            await send(settings_for(proxy.base_url))


# --- media ---------------------------------------------------------------------------------

async def test_media_is_saved_whole(messages, tmp_path):
    url = messages.add_media("MM1", "ME1", "image/jpeg", b"\xff\xd8" + b"x" * 100_000)
    dest = tmp_path / "media" / "1.jpg"
    size = await download_media(url=url, dest=dest, settings=settings_for(messages.base_url))
    assert size == dest.stat().st_size == 100_002 and not dest.with_name("1.jpg.part").exists()


@pytest.mark.parametrize("url", ["https://evil.example/Media/ME1", "http://169.254.169.254/latest/meta-data", "",
                                 "not a url", "http://[::1/x", "{base}@evil.example/x", "{user}/Media/ME1"])
async def test_media_off_twilios_host_is_never_requested(messages, tmp_path, url):
    url = url.format(base=messages.base_url, user=messages.base_url.replace("//", "//someone:pw@"))
    with pytest.raises(PermanentJobError, match="not on the Twilio API host"):
        await download_media(url=url, dest=tmp_path / "x", settings=settings_for(messages.base_url))
    assert messages.requests == []


async def test_media_refusals(messages, tmp_path):
    settings = settings_for(messages.base_url)
    with pytest.raises(TwilioRefusedError) as missing:  # retried: Twilio may still be writing it
        await download_media(url=messages.media_url("MM1", "ME404"), dest=tmp_path / "a", settings=settings)
    assert (missing.value.status, missing.value.code) == (404, 20404)
    url = messages.add_media("MM1", "ME1", "image/jpeg", b"\xff\xd8")
    with pytest.raises(PermanentJobError, match="refused our credentials"):
        await download_media(url=url, dest=tmp_path / "b", settings=settings_for(messages.base_url, "wrong"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("answer, status", [((503, b"", {}), 503), ((429, b"", {}), 429)])
async def test_media_outage(tmp_path, answer, status):
    with Scripted(answer) as twilio:
        with pytest.raises(TwilioUnavailableError) as raised:
            await download_media(url=f"{twilio.base_url}/Media/ME1", dest=tmp_path / "a",
                                 settings=settings_for(twilio.base_url))
    assert raised.value.status == status and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("elsewhere", ["{other}/signed/RE1.mp3", "{other_localhost}/signed/RE1.mp3",
                                       "https://127.0.0.1:{other_port}/signed/RE1.mp3"])
async def test_a_redirect_off_twilios_hosts_is_refused_and_never_requested(tmp_path, elsewhere):
    """The media host (here the configured TWILIO_API_BASE, a local fake) redirects to another
    host: the download is a permanent failure and the other host hears nothing at all."""
    with Scripted((200, b"ID3 audio", {"Content-Type": "audio/mpeg"})) as storage:
        port = storage.httpd.server_address[1]
        location = elsewhere.format(other=storage.base_url, other_localhost=f"http://localhost:{port}", other_port=port)
        with Scripted((302, b"", {"Location": location})) as twilio:
            with pytest.raises(PermanentJobError, match="redirected off Twilio's hosts") as refused:
                await download_media(url=f"{twilio.base_url}/Recordings/RE1.mp3", dest=tmp_path / "RE1.mp3",
                                     settings=settings_for(twilio.base_url))
        assert len(twilio.requests) == 1
        assert storage.requests == []
    assert list(tmp_path.iterdir()) == []
    assert ACCOUNT_SID not in str(refused.value) and AUTH_TOKEN not in str(refused.value)


async def test_a_redirect_within_the_api_origin_is_followed_with_our_credentials(tmp_path):
    twilio = Scripted((302, b"", {"Location": "/signed/RE1.mp3"}), (200, b"ID3 audio", {"Content-Type": "audio/mpeg"}))
    with twilio:
        size = await download_media(url=f"{twilio.base_url}/Recordings/RE1.mp3", dest=tmp_path / "RE1.mp3",
                                    settings=settings_for(twilio.base_url))
    (_, first, to_first), (_, second, to_second) = twilio.requests
    assert size == 9 and (tmp_path / "RE1.mp3").read_bytes() == b"ID3 audio"
    assert (first, second) == ("/Recordings/RE1.mp3", "/signed/RE1.mp3")
    assert lower(to_first)["authorization"] == lower(to_second)["authorization"]


@pytest.mark.parametrize("url, allowed", [
    ("https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1.mp3", True),
    ("https://mms.twiliocdn.com/AC1/abc?Expires=1", True),
    ("https://media.us1.twilio.com/x", True),
    ("https://s3-external-1.amazonaws.com/media.twiliocdn.com/AC1/x", True),
    ("http://mms.twiliocdn.com/x", False),  # https only
    ("https://twilio.com.evil.example/x", False),
    ("https://eviltwilio.com/x", False),
    ("https://s3.amazonaws.com/anyones-bucket/x", False),
    ("https://169.254.169.254/latest/meta-data", False),
    ("http://127.0.0.1:9/elsewhere", True),  # the configured API origin itself
    ("http://127.0.0.1:10/elsewhere", False),
])
def test_which_hosts_a_media_download_may_be_redirected_to(url, allowed):
    assert client.media_hop_allowed(url, settings_for("http://127.0.0.1:9")) is allowed
