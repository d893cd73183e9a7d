"""The settings page's phone greeting in a real browser against a real server with no Google
credentials (so espeak-ng renders): the demo admin types a Hebrew greeting, previews it (the
page's player gets a playable MP3), makes it the greeting, and the server then gives its text
and serves the new MP3; the demo agent hears the greeting but is offered no way to change it.
Screenshots: web-settings-greeting.png (desktop width) and web-settings-greeting-phone.png."""

from __future__ import annotations

import argparse
import io
import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from mutagen.mp3 import MP3
from playwright.sync_api import expect

from server import cli, demo
from server.config import Settings
from tests.e2e.live import Live
from tests.web.conftest import log_in, needs_browser

pytestmark = needs_browser

GREETING = "שלום, הגעתם לסוכנות הדגמה. השאירו הודעה אחרי הצליל ונחזור אליכם בהקדם."
PHONE = {"width": 390, "height": 844}

# The media element's duration once its metadata is in: a blob or file the browser can play.
DURATION = """(audio) => new Promise((resolve, reject) => {
  if (audio.readyState >= 1) return resolve(audio.duration);
  audio.addEventListener("loadedmetadata", () => resolve(audio.duration), { once: true });
  audio.addEventListener("error", () => reject(new Error("media error " + audio.error?.code)), { once: true });
})"""


@pytest.fixture(scope="module")
def live(databases, tmp_path_factory):
    server = Live.on(databases, tmp_path_factory.mktemp("web-settings"), GOOGLE_APPLICATION_CREDENTIALS="")

    async def seed_demo():
        return await cli._seed_demo(Settings(database_url=server.database_url, media_root=server.media_root),
                                    argparse.Namespace())

    assert server.run(seed_demo).startswith("demo business created")
    server.start_server()
    settle_alerts(server)
    yield server
    server.stop()


def client_for(live: Live, email: str) -> httpx.Client:
    token = live.login(email, cli.DEMO_DEV_PASSWORD)["access_token"]
    return httpx.Client(base_url=live.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30)


def settle_alerts(live: Live) -> None:
    """Close the demo's tasks that are due by the end of the test: their task-due modal would
    cover the page (tests/web/test_alerts.py tests that modal)."""
    soon = datetime.now(UTC) + timedelta(hours=1)
    with client_for(live, cli.DEMO_EMAIL) as admin:
        tasks = admin.get("/api/crm/tasks", params={"status": "open", "limit": 200}).json()["results"]
        for task in tasks:
            if datetime.fromisoformat(task["fires_at"]) <= soon:
                assert admin.post(f"/api/crm/tasks/{task['id']}/done").status_code == 200


def settings_page(browser, live: Live, email: str, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="he-IL")
    page = context.new_page()
    log_in(page, live.base_url, email, cli.DEMO_DEV_PASSWORD)
    page.get_by_role("link", name="הגדרות").click()
    page.wait_for_url("**/settings")
    page.get_by_role("heading", name="ברכה טלפונית").wait_for()
    return page


def test_admin_previews_a_hebrew_greeting_then_makes_it_the_greeting(live, browser, shots):
    admin = client_for(live, cli.DEMO_EMAIL)
    before = admin.get("/api/business").json()
    assert before["tts_engine"] == "espeak-ng"
    old_audio = httpx.get(live.base_url + before["greeting_url"]).content

    page = settings_page(browser, live, cli.DEMO_EMAIL, {"width": 1280, "height": 900})
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.get_by_test_id("engine-notice")).to_contain_text("קול Google אינו מוגדר בשרת")
    current = page.get_by_test_id("current-greeting")
    assert current.get_attribute("src").startswith(before["greeting_url"] + "?v=")

    page.get_by_label("ברכה מטקסט").fill(GREETING)
    expect(page.locator("#greeting-counter")).to_have_text(f"{len(GREETING)}/600 תווים")

    with page.expect_response("**/api/business/greeting/preview") as answered:
        page.get_by_role("button", name="השמעה").click()
    preview = answered.value
    assert preview.status == 200
    assert preview.headers["content-type"] == "audio/mpeg"
    assert preview.headers["x-greeting-engine"] == "espeak-ng"
    player = page.get_by_test_id("preview-audio")
    expect(player).to_have_attribute("src", re.compile(r"^blob:"))
    assert player.evaluate(DURATION) > 1.0  # a sentence of speech, decoded by the browser
    expect(page.get_by_test_id("preview-engine")).to_have_text("הקול: בסיסי (espeak-ng)")
    after_preview = admin.get("/api/business").json()
    assert (after_preview["greeting_url"], after_preview["greeting_text"]) == \
        (before["greeting_url"], before["greeting_text"])  # a preview stores nothing

    with page.expect_response(lambda r: r.url.endswith("/api/business/greeting/text")) as answered:
        page.get_by_role("button", name="הפעלה כברכה").click()
    assert answered.value.status == 200
    expect(page.get_by_role("status")).to_contain_text("הברכה החדשה הופעלה")

    business = admin.get("/api/business").json()
    assert business["greeting_text"] == GREETING
    assert business["greeting_url"] == f"/server/static/voice_responses/{business['id']}/greeting.mp3"
    served = httpx.get(live.base_url + business["greeting_url"])
    assert served.status_code == 200 and served.headers["content-type"] == "audio/mpeg"
    assert served.content != old_audio
    assert MP3(io.BytesIO(served.content)).info.length > 1.0

    # The page's own player now plays the new greeting, under a new version (the browser's cache is bypassed).
    expect(page.locator(".greeting-quote")).to_have_text(GREETING)
    src = current.get_attribute("src")
    assert src.startswith(business["greeting_url"] + "?v=")
    assert current.evaluate(DURATION) == pytest.approx(MP3(io.BytesIO(served.content)).info.length, abs=0.3)
    expect(page.get_by_role("alert")).to_have_count(0)
    shots(page, "web-settings-greeting", full_page=True)

    # The other way: an MP3 file, sent as the request's body through the same API client.
    upload = page.locator("input[type=file]")
    page.set_input_files("input[type=file]", files=[{"name": "big.mp3", "mimeType": "audio/mpeg",
                                                     "buffer": b"\xff\xfb" * (3 * 1024 * 1024)}])
    expect(page.get_by_role("alert")).to_have_text("העלאת הקובץ נכשלה: הקובץ גדול מדי; נסו קובץ קצר יותר")
    upload.set_input_files(str(demo.WELCOME))
    expect(page.get_by_role("status")).to_contain_text("הקובץ הותקן כברכה")
    expect(page.get_by_role("alert")).to_have_count(0)
    business = admin.get("/api/business").json()
    assert business["greeting_text"] is None
    assert httpx.get(live.base_url + business["greeting_url"]).content == demo.WELCOME.read_bytes()
    expect(page.get_by_text("הברכה הנוכחית הועלתה כקובץ MP3.")).to_be_visible()
    page.context.close()


def test_the_settings_page_fits_a_phone(live, browser, shots):
    page = settings_page(browser, live, cli.DEMO_EMAIL, PHONE)
    page.get_by_label("ברכה מטקסט").fill(GREETING)
    page.get_by_role("button", name="השמעה").click()
    page.get_by_test_id("preview-audio").evaluate(DURATION)
    # Nothing wider than the screen: no sideways scrolling, every control inside it.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for control in ("השמעה", "הפעלה כברכה"):
        box = page.get_by_role("button", name=control).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], control
    shots(page, "web-settings-greeting-phone", full_page=True)
    page.context.close()


def test_an_agent_hears_the_greeting_but_cannot_change_it(live, browser):
    page = settings_page(browser, live, demo.AGENT_EMAIL, {"width": 1280, "height": 800})
    current = page.get_by_test_id("current-greeting")
    expect(current).to_be_visible()
    assert current.evaluate(DURATION) > 0
    expect(page.get_by_test_id("admin-only")).to_have_text("רק מנהל העסק יכול לשנות את הברכה.")
    for control in ("השמעה", "הפעלה כברכה"):
        expect(page.get_by_role("button", name=control)).to_have_count(0)
    expect(page.locator("textarea, input[type=file]")).to_have_count(0)
    expect(page.get_by_role("switch", name="התראות דחיפה כשהלשונית סגורה")).to_have_count(1)  # their own alerts
    # And the server refuses the agent anyway.
    with client_for(live, demo.AGENT_EMAIL) as agent:
        assert agent.post("/api/business/greeting/preview", json={"text": GREETING}).status_code == 403
        assert agent.put("/api/business/greeting/text", json={"text": GREETING}).status_code == 403
    page.context.close()
