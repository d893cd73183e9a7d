"""Shared by the browser tests: Debian's chromium through Playwright, skipped when it or the
web build is missing, and the live server the card tests use (seeded by tests/web/seed.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest

from server.config import DEFAULT_WEB_DIST
from server.push.vapid import generate
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, PASSWORD
from tests.e2e.live import Live
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.web.seed import EMAIL, seed

CHROMIUM = "/usr/bin/chromium"
VAPID_PUBLIC, VAPID_PRIVATE = generate()

needs_browser = [
    pytest.mark.skipif(not (DEFAULT_WEB_DIST / "index.html").is_file(), reason="web/dist is not built (make web)"),
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="session")
def shots(tmp_path_factory):
    """`shots(page, name)` saves a screenshot: into $SCREENSHOTS_DIR when the screenshot script
    (scripts/render_web_screenshots.sh) sets it, else into a temporary folder, so that the
    suite never rewrites the tracked docs/screenshots/."""
    folder = Path(os.environ["SCREENSHOTS_DIR"]) if os.environ.get("SCREENSHOTS_DIR") \
        else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)

    def save(page, name: str, **options) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), **options)
        return path

    return save


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


class Seeded:
    """The live server with the card's data, and an HTTP client logged in as its admin."""

    def __init__(self, live: Live, ids: dict) -> None:
        self.live = live
        self.ids = ids
        self.base_url = live.base_url
        token = live.login(EMAIL, PASSWORD)["access_token"]
        self.http = httpx.Client(base_url=live.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)

    def api(self, method: str, path: str, expect: int = 200, **kwargs) -> dict:
        response = self.http.request(method, path, **kwargs)
        assert response.status_code == expect, response.text
        return response.json() if response.content else {}

    def card(self, customer_id: int | None = None, tab: str | None = None) -> str:
        url = f"{self.base_url}/crm/customers/{customer_id or self.ids['customer_id']}"
        return url + (f"?tab={tab}" if tab else "")


@pytest.fixture(scope="module")
def seeded(databases, tmp_path_factory, twilio):
    live = Live.on(databases, tmp_path_factory.mktemp("web-card"), APP_ENV="development",
                   TWILIO_API_BASE=twilio.base_url, VAPID_PUBLIC_KEY=VAPID_PUBLIC, VAPID_PRIVATE_KEY=VAPID_PRIVATE,
                   VAPID_SUBJECT="mailto:ops@example.com")
    ids = live.run(lambda: seed(live.media_root))
    live.start_server()
    server = Seeded(live, ids)
    try:
        yield server
    finally:
        server.http.close()
        live.stop()


def log_in(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Through the real login form, until the customers page is there."""
    page.goto(f"{base_url}/login")
    page.fill("input[type=email]", email)
    page.fill("input[type=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/crm/customers")


def sign_in(browser, seeded: Seeded, url: str, init_script: str | None = None, **context_options):
    """A new page logged in through the real login form, then at `url` with the session
    restored (the refresh finished, so nothing aborts a rotation half way)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="he-IL", **context_options)
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    log_in(page, seeded.base_url, EMAIL)
    page.goto(url)
    page.locator(".topbar").wait_for()
    return page
