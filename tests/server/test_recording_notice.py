"""The recording notice: callers hear that their message is recorded, and why, after the
greeting and after the closed greeting; an admin may reword it (never empty it), and only an
admin's explicit setting turns it off."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from mutagen.mp3 import MP3

from server.audit.models import AuditEvent
from server.auth.service import create_user
from server.businesses.service import DEFAULT_NOTICE_TEXT, NOTICE_NAME, greeting_file
from tests.conftest import PASSWORD, PUBLIC_HOST, ROOT, login
from tests.twilio_helpers import call_params, signed_form

NOTICE = ROOT / "server" / "static" / "voice_responses" / "recording_notice.mp3"
DEFAULT_URL = f"{PUBLIC_HOST}/server/static/voice_responses/recording_notice.mp3"


async def played(client, sid: str) -> list[str]:
    path, body, headers = signed_form(PUBLIC_HOST, "/webhook/incoming_call", call_params(sid))
    response = await client.post(path, data=body, headers=headers)
    assert response.status_code == 200
    return [element.text for element in ET.fromstring(await response.get_data()).iter("Play")]


async def test_the_default_flow_tells_callers_they_are_recorded(client, business, auth_headers):
    assert await played(client, "CA" + "a" * 32) == [
        f"{PUBLIC_HOST}/server/static/voice_responses/welcome.mp3", DEFAULT_URL]
    head = await client.head("/server/static/voice_responses/recording_notice.mp3")
    assert (head.status_code, head.mimetype) == (200, "audio/mpeg")
    assert 2 < MP3(NOTICE).info.length < 10
    shown = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert (shown["recording_notice"], shown["recording_notice_default"]) == (True, True)
    assert shown["recording_notice_text"] == DEFAULT_NOTICE_TEXT
    assert "מוקלטת" in DEFAULT_NOTICE_TEXT
    assert shown["recording_notice_url"] == "/server/static/voice_responses/recording_notice.mp3"


async def test_an_admin_rewords_it_and_can_go_back(client, settings, business, auth_headers):
    wording = "שימו לב: ההודעה שלכם נשמרת אצלנו כדי לחזור אליכם."
    response = await client.put("/api/business/recording_notice/text", json={"text": wording}, headers=auth_headers)
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    assert (body["recording_notice_text"], body["recording_notice_default"]) == (wording, False)
    own = f"/server/static/voice_responses/{business.id}/notice.mp3"
    assert body["recording_notice_url"] == own
    assert greeting_file(settings.media_root, business.id, name=NOTICE_NAME).is_file()
    assert (await played(client, "CA" + "b" * 32))[1] == PUBLIC_HOST + own
    served = await client.get(own)
    assert (served.status_code, served.mimetype) == (200, "audio/mpeg")

    assert (await client.delete("/api/business/recording_notice/text", headers=auth_headers)).status_code == 204
    back = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert (back["recording_notice_text"], back["recording_notice_default"]) == (DEFAULT_NOTICE_TEXT, True)
    assert (await played(client, "CA" + "c" * 32))[1] == DEFAULT_URL
    assert [e.details for e in await AuditEvent.filter(action="settings.recording_notice").order_by("id")] == [
        {"wording": "own"}, {"wording": "default"}]


@pytest.mark.parametrize("text", ["", "   "])
async def test_it_cannot_be_emptied(client, business, auth_headers, text):
    response = await client.put("/api/business/recording_notice/text", json={"text": text}, headers=auth_headers)
    assert response.status_code == 422
    assert (await played(client, "CA" + "d" * 32))[1] == DEFAULT_URL


async def test_only_an_admins_explicit_setting_turns_it_off(client, business, auth_headers):
    await create_user(business_id=business.id, email="agent3@example.com", password=PASSWORD)
    agent = await login(client, "agent3@example.com")
    assert (await client.patch("/api/business", json={"recording_notice": False}, headers=agent)).status_code == 403
    assert (await client.put("/api/business/recording_notice/text", json={"text": "x"},
                             headers=agent)).status_code == 403
    assert (await client.delete("/api/business/recording_notice/text", headers=agent)).status_code == 403
    assert len(await played(client, "CA" + "e" * 32)) == 2

    off = await client.patch("/api/business", json={"recording_notice": False}, headers=auth_headers)
    assert off.status_code == 200 and (await off.get_json())["recording_notice"] is False
    assert await played(client, "CA" + "f" * 32) == [f"{PUBLIC_HOST}/server/static/voice_responses/welcome.mp3"]
    (row,) = await AuditEvent.filter(action="settings.recording_notice")
    assert row.details == {"recording_notice": False}
    on = await client.patch("/api/business", json={"recording_notice": True}, headers=auth_headers)
    assert (await on.get_json())["recording_notice"] is True
    assert len(await played(client, "CA" + "0" * 31 + "1")) == 2
