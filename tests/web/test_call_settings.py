"""Settings → שיחות חיות in a real browser against a real server: the admin switches the call
mode to ringing the agents, changes the ring time, edits the week's hours in the grid (a second
range on Sunday, Friday closed, Saturday opened) and saves; the server then holds exactly those
hours. Two overlapping ranges on Monday are refused by the server (422 hours_overlap) and the
page says so in Hebrew, keeping the saved hours. The closed greeting (what callers hear after
hours) takes an MP3 through the greeting's own form. Screenshots: web-hours-editor-desktop, web-hours-editor-overlap,
web-hours-editor-phone."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from tests.web.conftest import needs_browser, sign_in

pytestmark = needs_browser

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
ROOT = Path(__file__).parents[2]
MESSAGES = json.loads((ROOT / "web/src/lib/error-messages.json").read_text())
WELCOME = ROOT / "server/static/voice_responses/welcome.mp3"


def scroll_to(page, locator) -> None:
    """Bring `locator` to the top of the screen, just under the sticky top bar."""
    locator.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72)")


def day(page, key: str):
    return page.get_by_test_id("hours-grid").locator(f"tr[data-day='{key}']")


def test_the_hours_grid_saves_the_week_and_says_an_overlap_in_hebrew(seeded, browser, shots):
    before = seeded.api("GET", "/api/business")
    assert before["hours"]["sun"] == [["08:00", "17:00"]] and before["hours"]["sat"] == []

    page = sign_in(browser, seeded, f"{seeded.base_url}/settings")
    try:
        page.set_viewport_size(DESKTOP)
        section = page.get_by_test_id("live-calls-settings")
        expect(section.get_by_role("heading", name="שיחות חיות")).to_be_visible()
        expect(day(page, "sun").get_by_test_id("hours-range")).to_have_count(1)

        section.get_by_label("צלצול לנציגים").check()
        section.get_by_label("כמה שניות לצלצל לנציגים").fill("25")
        # Sunday: a second range after the first; Friday closed; Saturday evening open.
        page.get_by_role("button", name="הוספת טווח ליום ראשון").click()
        expect(day(page, "sun").get_by_test_id("hours-range")).to_have_count(2)
        page.get_by_label("יום ראשון, טווח 2: משעה").fill("18:00")
        page.get_by_label("יום ראשון, טווח 2: עד שעה").fill("20:30")
        page.get_by_role("switch", name="פתוח ביום שישי").uncheck()
        expect(day(page, "fri")).to_contain_text("סגור כל היום")
        page.get_by_role("switch", name="פתוח ביום שבת").check()
        page.get_by_label("יום שבת, טווח 1: משעה").fill("20:00")
        page.get_by_label("יום שבת, טווח 1: עד שעה").fill("00:00")  # the end of the day
        section.get_by_role("button", name="שמירת הגדרות השיחות").click()
        expect(section.get_by_role("status")).to_have_text("ההגדרות נשמרו.")
        expect(page.get_by_label("יום שבת, טווח 1: עד שעה")).to_have_value("24:00")  # as it was sent

        saved = seeded.api("GET", "/api/business")
        assert saved["call_mode"] == "ring_agents" and saved["ring_seconds"] == 25
        assert saved["hours"]["sun"] == [["08:00", "17:00"], ["18:00", "20:30"]]
        assert saved["hours"]["fri"] == [] and saved["hours"]["sat"] == [["20:00", "24:00"]]
        assert saved["hours"]["mon"] == [["08:00", "17:00"]]
        scroll_to(page, section.get_by_text("שעות פעילות", exact=True))
        shots(page, "web-hours-editor-desktop")

        # Monday: a second range inside the first. The server refuses; the page says why, in Hebrew.
        page.get_by_role("button", name="הוספת טווח ליום שני").click()
        page.get_by_label("יום שני, טווח 2: משעה").fill("12:00")
        page.get_by_label("יום שני, טווח 2: עד שעה").fill("14:00")
        section.get_by_role("button", name="שמירת הגדרות השיחות").click()
        error = section.get_by_test_id("live-calls-error")
        expect(error).to_have_text(f"השמירה נכשלה: {MESSAGES['hours_overlap']}")
        assert re.search(r"[\u0590-\u05FF]", error.inner_text()) and not re.search(r"[A-Za-z_]{3,}", error.inner_text())
        assert seeded.api("GET", "/api/business")["hours"]["mon"] == [["08:00", "17:00"]]
        scroll_to(page, day(page, "mon"))
        expect(error).to_be_in_viewport()
        shots(page, "web-hours-editor-overlap")

        # Removing the overlapping range clears the way: the save goes through.
        page.get_by_role("button", name="הסרת יום שני, טווח 2").click()
        expect(error).to_have_count(0)
        section.get_by_role("button", name="שמירת הגדרות השיחות").click()
        expect(section.get_by_role("status")).to_have_text("ההגדרות נשמרו.")

        # On a phone the grid is a list of days, nothing wider than the screen.
        page.set_viewport_size(PHONE)
        page.reload()
        expect(day(page, "sun").get_by_test_id("hours-range")).to_have_count(2)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        scroll_to(page, section.get_by_text("שעות פעילות", exact=True))
        shots(page, "web-hours-editor-phone")
    finally:
        page.context.close()


def test_the_closed_greeting_takes_an_mp3_through_the_greetings_form(seeded, browser):
    before = seeded.api("GET", "/api/business")
    page = sign_in(browser, seeded, f"{seeded.base_url}/settings")
    try:
        block = page.get_by_test_id("closed-greeting")
        expect(block.get_by_test_id("current-closed-greeting")).to_be_visible()
        # Closed until asked: the page's one greeting form is the greeting's own.
        expect(page.locator("input[type=file]")).to_have_count(1)
        block.get_by_role("button", name="שינוי ברכת הסגירה").click()
        expect(block.get_by_label("ברכת סגירה מטקסט")).to_be_visible()
        block.locator("input[type=file]").set_input_files(str(WELCOME))
        expect(block.get_by_role("status")).to_contain_text("הקובץ הותקן כברכת סגירה.")
        after = seeded.api("GET", "/api/business")
        assert after["closed_greeting_url"] != before["closed_greeting_url"]
        assert after["greeting_url"] == before["greeting_url"]  # the greeting itself is untouched
        served = seeded.http.get(after["closed_greeting_url"])
        assert served.status_code == 200 and served.content == WELCOME.read_bytes()
    finally:
        page.context.close()
