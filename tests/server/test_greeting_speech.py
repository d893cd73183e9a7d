"""Greetings from Hebrew text: Google Text-to-Speech against a local server speaking its wire
protocol (OAuth JWT grant + `v1/text:synthesize`), espeak-ng and lame for real, and the MP3
upload beside them. What callers hear is checked through the incoming-call TwiML."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from mutagen.mp3 import MP3

from server.auth.service import create_user
from server.businesses.models import Business
from server.businesses.service import greeting_file
from server.greetings.routes import MAX_UPLOAD_BYTES
from tests.conftest import PASSWORD, PUBLIC_HOST, ROOT, login
from tests.fakes import FakeGoogle
from tests.twilio_helpers import call_params, signed_form

WELCOME = ROOT / "server" / "static" / "voice_responses" / "welcome.mp3"
TEXT = "שלום, הגעתם למשרד בדיקות. השאירו הודעה אחרי הצליל ונחזור אליכם."


@pytest.fixture
def google():
    # Google's "speech" is a real MP3 that is not the default welcome's bytes reversed or
    # truncated: a test can tell exactly which file went live.
    with FakeGoogle(speech=WELCOME.read_bytes()) as fake:
        yield fake


@pytest.fixture
def settings(settings, request, tmp_path):
    """The suite's settings, pointed at the fake Google when the test asks for `google`."""
    if "google" in request.fixturenames:
        return settings.with_overrides(**request.getfixturevalue("google").settings(tmp_path))
    return settings


@pytest.fixture
def no_espeak(monkeypatch, tmp_path):
    """A server without the espeak-ng and lame packages."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def greeting_on_disk(settings, business) -> bytes | None:
    path = greeting_file(settings.media_root, business.id)
    return path.read_bytes() if path.exists() else None


async def played_url(client) -> str:
    """The greeting URL the incoming-call TwiML tells Twilio to play."""
    path, body, headers = signed_form(PUBLIC_HOST, "/webhook/incoming_call", call_params("CA" + "c" * 32))
    response = await client.post(path, data=body, headers=headers)
    assert response.status_code == 200 and response.content_type.startswith("text/xml")
    return ET.fromstring(await response.get_data()).find("Play").text


async def test_google_preview_is_the_rendered_mp3_and_stores_nothing(client, settings, business, auth_headers,
                                                                     google):
    response = await client.post("/api/business/greeting/preview", headers=auth_headers,
                                 json={"text": f"  {TEXT}\n"})
    assert response.status_code == 200, await response.get_data(as_text=True)
    assert response.mimetype == "audio/mpeg"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Greeting-Engine"] == "google"
    assert await response.get_data() == WELCOME.read_bytes()
    # The JWT grant: signed with the account's key (the fake verified it), for the scope TTS needs.
    (grant,) = google.grants
    assert grant["scope"] == "https://www.googleapis.com/auth/cloud-platform"
    assert grant["iss"] == "speech@agentlocator-test.iam.gserviceaccount.com"
    (sent,) = google.synthesize_bodies
    assert sent["input"] == {"text": TEXT}  # stripped
    assert sent["voice"] == {"languageCode": "he-IL", "name": "he-IL-Wavenet-A"}
    assert sent["audioConfig"]["audioEncoding"] == "MP3"
    assert greeting_on_disk(settings, business) is None
    assert (await Business.get(id=business.id)).greeting_text is None


@pytest.mark.both_databases
async def test_google_text_greeting_goes_live(client, settings, business, auth_headers, google):
    response = await client.put("/api/business/greeting/text", headers=auth_headers, json={"text": TEXT})
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    assert (body["greeting_engine"], body["tts_engine"], body["greeting_text"]) == ("google", "google", TEXT)
    assert body["greeting_duration"] == pytest.approx(MP3(WELCOME).info.length, abs=0.01)
    assert body["greeting_url"] == f"/server/static/voice_responses/{business.id}/greeting.mp3"
    assert greeting_on_disk(settings, business) == WELCOME.read_bytes()
    read = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert (read["greeting_text"], read["tts_engine"]) == (TEXT, "google")
    # A second render reuses the access token the first one got.
    await client.post("/api/business/greeting/preview", headers=auth_headers, json={"text": "שוב"})
    assert len(google.grants) == 1 and len(google.synthesize_bodies) == 2

    url = await played_url(client)
    assert url == f"{PUBLIC_HOST}/server/static/voice_responses/{business.id}/greeting.mp3"
    served = await client.get(url.removeprefix(PUBLIC_HOST))
    assert served.status_code == 200 and served.mimetype == "audio/mpeg"
    assert await served.get_data() == WELCOME.read_bytes()


@pytest.mark.both_databases
@pytest.mark.parametrize("failure", ["google_503", "not_mp3", "unreachable", "refused_grant"])
async def test_google_failure_is_502_and_the_old_greeting_stays(client, settings, business, auth_headers, google,
                                                               failure, tmp_path):
    first = await client.put("/api/business/greeting/text", headers=auth_headers, json={"text": "ברכה ראשונה"})
    assert first.status_code == 200
    if failure == "google_503":
        google.synthesize_status = 503
    elif failure == "not_mp3":
        google.speech = "זה לא קובץ קול".encode() * 50
    elif failure == "unreachable":
        google.httpd.shutdown()
        google.httpd.server_close()  # nothing listens on its port any more
    else:
        # The key is revoked: the token we hold stops working (401, so it is dropped) and the
        # grant made with the old key is refused (invalid_grant).
        google.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        google.token = "ya29.after-revocation"
    for path, method in (("/api/business/greeting/text", client.put), ("/api/business/greeting/preview", client.post)):
        response = await method(path, headers=auth_headers, json={"text": "ברכה שנייה"})
        assert response.status_code == 502, await response.get_data(as_text=True)
        error = (await response.get_json())["error"]
        assert error["code"] == "tts_failed"
        assert "PRIVATE KEY" not in error["message"] and FakeGoogle.TOKEN not in error["message"]
    assert greeting_on_disk(settings, business) == WELCOME.read_bytes()
    assert (await Business.get(id=business.id)).greeting_text == "ברכה ראשונה"


@pytest.mark.both_databases
async def test_espeak_renders_hebrew_when_google_is_not_configured(client, settings, business, auth_headers):
    before = (await (await client.get("/api/business", headers=auth_headers)).get_json())["updated_at"]
    preview = await client.post("/api/business/greeting/preview", headers=auth_headers, json={"text": TEXT})
    assert preview.status_code == 200, await preview.get_data(as_text=True)
    assert preview.headers["X-Greeting-Engine"] == "espeak-ng"
    assert greeting_on_disk(settings, business) is None

    response = await client.put("/api/business/greeting/text", headers=auth_headers, json={"text": TEXT})
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    assert (body["greeting_engine"], body["tts_engine"], body["greeting_text"]) == ("espeak-ng", "espeak-ng", TEXT)
    assert datetime.fromisoformat(body["updated_at"]) > datetime.fromisoformat(before)  # clients refresh on it
    path = greeting_file(settings.media_root, business.id)
    audio = MP3(path)
    # Mono, 16 kHz: what a phone line can carry (server/greetings/espeak.py says why not 8 kHz).
    assert (audio.info.channels, audio.info.sample_rate) == (1, 16000)
    assert audio.info.length > 2 and body["greeting_duration"] == pytest.approx(audio.info.length, abs=0.01)
    url = await played_url(client)
    assert url == f"{PUBLIC_HOST}/server/static/voice_responses/{business.id}/greeting.mp3"
    assert await (await client.get(url.removeprefix(PUBLIC_HOST))).get_data() == path.read_bytes()


async def test_text_that_reads_as_an_option_is_spoken_not_obeyed(client, business, auth_headers):
    response = await client.post("/api/business/greeting/preview", headers=auth_headers,
                                 json={"text": "--help -w /tmp/x.wav"})
    assert response.status_code == 200 and MP3(io.BytesIO(await response.get_data())).info.length > 0


async def test_without_google_or_espeak_it_is_503(client, settings, business, auth_headers, no_espeak):
    await client.put("/api/business/greeting", headers={**auth_headers, "Content-Type": "audio/mpeg"},
                     data=WELCOME.read_bytes())
    for path, method in (("/api/business/greeting/text", client.put), ("/api/business/greeting/preview", client.post)):
        response = await method(path, headers=auth_headers, json={"text": TEXT})
        assert response.status_code == 503
        error = (await response.get_json())["error"]
        assert error["code"] == "tts_unavailable" and "espeak-ng" in error["message"]
    assert greeting_on_disk(settings, business) == WELCOME.read_bytes()


@pytest.mark.parametrize("body", [
    {"text": ""}, {"text": "   \n\t "}, {"text": "א" * 601}, {}, {"text": 5}, {"text": None},
    {"text": "שלום", "voice": "en-US-Wavenet-A"}, ["שלום"],
])
async def test_bad_text_is_422(client, settings, business, auth_headers, body):
    for path, method in (("/api/business/greeting/text", client.put), ("/api/business/greeting/preview", client.post)):
        response = await method(path, headers=auth_headers, json=body)
        assert response.status_code == 422, (path, body)
        assert (await response.get_json())["error"]["code"] == "validation_error"
    assert greeting_on_disk(settings, business) is None


async def test_600_characters_is_the_longest_text(client, business, auth_headers):
    response = await client.post("/api/business/greeting/preview", headers=auth_headers, json={"text": "שלום " * 120})
    assert response.status_code == 200


@pytest.mark.parametrize(("method", "path"), [("post", "/api/business/greeting/preview"),
                                              ("put", "/api/business/greeting/text")])
async def test_agents_may_not_render_or_install(client, settings, business, method, path):
    await create_user(business_id=business.id, email="plain@example.com", password=PASSWORD)
    headers = await login(client, "plain@example.com")
    response = await getattr(client, method)(path, headers=headers, json={"text": TEXT})
    assert response.status_code == 403
    assert (await response.get_json())["error"]["code"] == "forbidden"
    assert (await getattr(client, method)(path, json={"text": TEXT})).status_code == 401
    assert greeting_on_disk(settings, business) is None


async def test_business_reads_no_text_for_the_default_or_an_upload(client, business, auth_headers):
    read = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert (read["greeting_text"], read["tts_engine"]) == (None, "espeak-ng")
    await client.put("/api/business/greeting/text", headers=auth_headers, json={"text": TEXT})
    upload = await client.put("/api/business/greeting", headers={**auth_headers, "Content-Type": "audio/mpeg"},
                              data=WELCOME.read_bytes())
    assert upload.status_code == 200
    assert (await upload.get_json())["greeting_text"] is None
    assert (await Business.get(id=business.id)).greeting_text is None


async def test_an_upload_over_the_limit_is_413_and_changes_nothing(client, settings, business, auth_headers):
    await client.put("/api/business/greeting/text", headers=auth_headers, json={"text": TEXT})
    before = greeting_on_disk(settings, business)
    audio = WELCOME.read_bytes()
    large = audio * (MAX_UPLOAD_BYTES // len(audio) + 1)  # a real MP3 stream, just too long
    assert len(large) > MAX_UPLOAD_BYTES
    response = await client.put("/api/business/greeting", headers={**auth_headers, "Content-Type": "audio/mpeg"},
                                data=large)
    assert response.status_code == 413
    assert (await response.get_json())["error"]["code"] == "too_large"
    assert greeting_on_disk(settings, business) == before
    assert (await Business.get(id=business.id)).greeting_text == TEXT
    at_limit = large[:MAX_UPLOAD_BYTES]
    fits = await client.put("/api/business/greeting", headers={**auth_headers, "Content-Type": "audio/mpeg"},
                            data=at_limit)
    assert fits.status_code == 200, await fits.get_data(as_text=True)
    assert greeting_on_disk(settings, business) == at_limit


async def test_renders_are_rate_limited(client, business, auth_headers, google):
    from server.greetings.routes import RENDERS_PER_MINUTE

    for _ in range(RENDERS_PER_MINUTE):
        response = await client.post("/api/business/greeting/preview", headers=auth_headers, json={"text": "שלום"})
        assert response.status_code == 200
    refused = await client.post("/api/business/greeting/preview", headers=auth_headers, json={"text": "שלום"})
    assert refused.status_code == 429 and (await refused.get_json())["error"]["code"] == "rate_limited"
    assert len(google.synthesize_bodies) == RENDERS_PER_MINUTE


@pytest.mark.parametrize("content", ['{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIsecret', '["x"]',
                                     '{"client_email": "a@b", "token_uri": "https://t", "private_key": "MIIsecret"}'])
async def test_a_broken_credentials_file_is_502_and_never_quoted(client, settings, business, auth_headers, content,
                                                                 tmp_path):
    credentials = tmp_path / "broken.json"
    credentials.write_text(content)
    # Configured, so Google is the engine (and no fallback hides the broken file).
    client.app.config["SETTINGS"] = settings.with_overrides(google_application_credentials=str(credentials))
    response = await client.post("/api/business/greeting/preview", headers=auth_headers, json={"text": "שלום"})
    assert response.status_code == 502
    error = (await response.get_json())["error"]
    assert error["code"] == "tts_failed" and "secret" not in error["message"] and "PRIVATE" not in error["message"]
