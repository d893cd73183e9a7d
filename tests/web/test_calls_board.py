"""The calls board (/calls) in a real browser against a real server, over calls written in the
database beforehand: today four inbound calls (two answered by דנה, two missed; one of those
left a message and was called back by דנה 21 minutes later), and ten days ago two more (one
answered by רון, one missed). The tiles show today's figures and, for "30 ימים", the range's;
the median time to call back is said in words ("21 דקות"); the per-agent table lists both
agents with their figures and their presence now (דנה's browser is connected). It works on a
phone too. Screenshots: web-calls-board-desktop, web-calls-board-phone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from server.auth.models import User
from server.calls.models import Call
from tests.conftest import BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live
from tests.web.conftest import log_in, needs_browser

pytestmark = needs_browser

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
ADMIN = "dana@board.example.com"
AGENT = "ron@board.example.com"
ISRAEL = ZoneInfo("Asia/Jerusalem")


def _today_start(now: datetime) -> datetime:
    """Some minutes ago, but never before midnight in Israel (the board's "today")."""
    midnight = now.astimezone(ISRAEL).replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
    return max(now - timedelta(minutes=50), midnight + timedelta(seconds=30))


@pytest.fixture(scope="module")
def board(databases, tmp_path_factory):
    live = Live.on(databases, tmp_path_factory.mktemp("web-board"), APP_ENV="development")
    live.seed({"name": "משרד הלוח", "phone": BUSINESS_PHONE, "users": [
        {"email": ADMIN, "password": PASSWORD, "role": "admin", "name": "דנה"},
        {"email": AGENT, "password": PASSWORD, "role": "agent", "name": "רון"}]})

    async def calls():
        dana = await User.get(email=ADMIN)
        ron = await User.get(email=AGENT)
        now = datetime.now(UTC).replace(microsecond=0)
        start = _today_start(now)
        step = min((now - start) / 8, timedelta(minutes=4))
        made = 0

        async def call(at, handling, answered_by=None, called_back=None, message=False):
            nonlocal made
            made += 1
            answered_at = at + timedelta(seconds=5) if answered_by else None
            await Call.create(
                business_id=dana.business_id, call_sid=f"CA{made:032d}", direction="inbound", status="completed",
                from_number=f"+97254123450{made}", to_number=BUSINESS_PHONE, started_at=at, duration=30,
                handling=handling, answered_by=answered_by, answered_at=answered_at,
                called_back_at=called_back, called_back_by=dana if called_back else None,
                recording_sid=f"RE{made:032d}" if message else None, recording_duration=7 if message else None,
                recording_path=f"recordings/{made}.mp3" if message else None)

        await call(start, "missed", message=True, called_back=start + timedelta(minutes=21))
        await call(start + step, "answered", answered_by=dana)
        await call(start + 2 * step, "answered", answered_by=dana)
        await call(start + 3 * step, "no_agents")
        ten_days = now - timedelta(days=10)
        await call(ten_days, "answered", answered_by=ron)
        await call(ten_days + timedelta(minutes=3), "missed")

    live.run(calls)
    live.start_server()
    yield live
    live.stop()


def tile(tiles, key: str):
    return tiles.locator(f"[data-tile='{key}'] .tile-value")


def test_the_board_shows_today_a_range_and_each_agent(board, browser, shots):
    context = browser.new_context(viewport=DESKTOP, locale="he-IL")
    page = context.new_page()
    try:
        log_in(page, board.base_url, ADMIN, PASSWORD)
        page.locator(".topnav").get_by_role("link", name="לוח שיחות").click()
        page.wait_for_url("**/calls*")
        expect(page.get_by_role("heading", name="לוח שיחות")).to_be_visible()

        today = page.get_by_test_id("today-tiles")
        for key, value in (("calls", "4"), ("answered", "2"), ("missed", "2"), ("messages_left", "1"),
                           ("called_back", "1"), ("median_callback", "21 דקות")):
            expect(tile(today, key)).to_have_text(value)

        page.get_by_role("button", name="30 ימים").click()
        expect(page.get_by_role("button", name="30 ימים")).to_have_attribute("aria-pressed", "true")
        ranged = page.get_by_test_id("range-tiles")
        for key, value in (("calls", "6"), ("answered", "3"), ("missed", "3"), ("messages_left", "1"),
                           ("called_back", "1"), ("median_callback", "21 דקות")):
            expect(tile(ranged, key)).to_have_text(value)
        assert "from=" in page.url and "to=" in page.url  # the range is in the address bar

        rows = page.get_by_test_id("agent-row")
        expect(rows).to_have_count(2)
        dana = rows.filter(has_text="דנה")
        expect(dana.locator("td[data-column='answered']")).to_have_text("2")
        expect(dana.locator("td[data-column='called_back']")).to_have_text("1")
        expect(dana.locator("td[data-column='median']")).to_have_text("21 דקות")
        expect(dana.locator(".badge")).to_have_text("זמין")  # this very browser keeps her online
        ron = rows.filter(has_text="רון")
        expect(ron.locator("td[data-column='answered']")).to_have_text("1")
        expect(ron.locator("td[data-column='median']")).to_have_text("—")
        expect(ron.locator(".badge")).not_to_have_text("זמין")  # no socket of his: not reachable
        expect(rows.first).to_contain_text("דנה")  # most answered first

        # "היום" narrows the range to today's figures.
        page.get_by_role("button", name="היום").click()
        expect(tile(ranged, "calls")).to_have_text("4")
        page.get_by_role("button", name="30 ימים").click()
        expect(tile(ranged, "calls")).to_have_text("6")
        shots(page, "web-calls-board-desktop", full_page=True)

        page.set_viewport_size(PHONE)
        expect(page.locator(".agent-card")).to_have_count(2)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        expect(tile(today, "median_callback")).to_have_text("21 דקות")
        shots(page, "web-calls-board-phone", full_page=True)
    finally:
        context.close()


def test_a_reversed_range_is_refused_in_hebrew(board, browser):
    context = browser.new_context(viewport=DESKTOP, locale="he-IL")
    page = context.new_page()
    try:
        log_in(page, board.base_url, AGENT, PASSWORD)
        page.goto(f"{board.base_url}/calls?from=2026-12-10&to=2026-12-01")
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("טעינת נתוני התקופה נכשלה: טווח התאריכים אינו תקין")
        expect(page.get_by_test_id("today-tiles")).to_be_visible()  # today's figures still there
    finally:
        context.close()
