"""The web app in a real browser (Debian's chromium through Playwright) against a real server:
login, the customers table (server-side sort, search, column toggle), and a session restored
from the refresh cookie after a reload. Its screenshots: web-login.png and web-customers.png (see `shots`)."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from server.config import DEFAULT_WEB_DIST
from tests.conftest import BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live
from tests.web.conftest import log_in, needs_browser

EMAIL = "web@example.com"
CUSTOMERS = [
    ("אבי כהן", "+972541234567", "avi@example.com"),
    ("בתיה לוי", "+972521112233", "batya@example.com"),
    ("גדעון מזרחי", "+97235550111", None),
    ("דנה פרץ", "+972509876543", "dana@example.com"),
]

pytestmark = needs_browser


@pytest.fixture(scope="module")
def live(databases, tmp_path_factory):
    server = Live.on(databases, tmp_path_factory.mktemp("web"))
    server.seed({"name": "משרד הדגמה", "phone": BUSINESS_PHONE,
                 "users": [{"email": EMAIL, "password": PASSWORD, "role": "admin"}]})
    server.start_server()
    headers = {"Authorization": f"Bearer {server.login(EMAIL, PASSWORD)['access_token']}"}
    for name, phone, email in CUSTOMERS:
        response = httpx.post(f"{server.base_url}/api/crm/customers", headers=headers,
                               json={"name": name, "phone": phone, "email": email})
        assert response.status_code == 201, response.text
    yield server
    server.stop()


def names(page) -> list[str]:
    return page.locator("tbody tr td:first-child a").all_inner_texts()


def test_login_then_customers_sort_search_columns(live, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="he-IL")
    page.goto(f"{live.base_url}/crm/customers")
    page.wait_for_url("**/login")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("input[type=email]").count() == 1

    # A wrong password: a clear Hebrew error, still on the login page.
    page.fill("input[type=email]", EMAIL)
    page.fill("input[type=password]", "wrong-password")
    page.click("button[type=submit]")
    assert "האימייל או הסיסמה שגויים" in page.get_by_role("alert").inner_text()
    shots(page, "web-login")

    page.fill("input[type=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/crm/customers")
    page.wait_for_function("document.querySelectorAll('tbody tr td:first-child a').length === 4")
    assert page.get_by_test_id("total").inner_text().startswith("4")
    assert page.evaluate("document.fonts.check('16px Assistant', 'שלום')")

    # Sort by name: ascending, then descending (server-side).
    page.get_by_role("button", name="שם").click()
    page.wait_for_function("document.querySelector('th[aria-sort=ascending]') !== null")
    page.wait_for_function(f"document.querySelector('tbody tr td:first-child a')?.textContent === '{CUSTOMERS[0][0]}'")
    assert names(page) == sorted(n for n, _, _ in CUSTOMERS)
    page.get_by_role("button", name="שם").click()
    page.wait_for_function(f"document.querySelector('tbody tr td:first-child a')?.textContent === '{CUSTOMERS[3][0]}'")
    assert names(page) == sorted((n for n, _, _ in CUSTOMERS), reverse=True)
    shots(page, "web-customers", full_page=True)

    # Search (debounced, on the server).
    page.get_by_role("searchbox").fill("בתיה")
    page.wait_for_function("document.querySelectorAll('tbody tr td:first-child a').length === 1")
    assert names(page) == ["בתיה לוי"]
    # CSV export: fetched with the bearer token, the same filter, saved as a download.
    with page.expect_download() as download:
        page.get_by_role("button", name="ייצוא CSV").click()
    csv_text = open(download.value.path(), encoding="utf-8-sig").read()
    assert "בתיה לוי" in csv_text and "אבי כהן" not in csv_text
    page.get_by_role("searchbox").fill("zzz-nobody")
    expect(page.get_by_test_id("empty-state")).to_contain_text("לא נמצאו לקוחות")
    page.get_by_role("button", name="ניקוי החיפוש").click()  # the empty state's way out
    expect(page.get_by_role("searchbox")).to_have_value("")
    page.wait_for_function("document.querySelectorAll('tbody tr td:first-child a').length === 4")

    # Column visibility: hide the email column.
    assert page.locator("th", has_text="אימייל").count() == 1
    page.get_by_role("button", name="עמודות", exact=True).click()
    page.get_by_role("group", name="עמודות").get_by_label("אימייל").uncheck()
    expect(page.locator("th", has_text="אימייל")).to_have_count(0)
    page.keyboard.press("Escape")

    # Density: the compact view really makes the rows shorter.
    row = page.locator("tbody tr").first
    comfortable = row.bounding_box()["height"]
    page.get_by_role("button", name="צפיפות", exact=True).click()
    page.get_by_role("menuitemradio", name="צפופה").click()
    expect(page.locator(".data-table")).to_have_class(re.compile(r"\bdensity-compact\b"))
    assert row.bounding_box()["height"] < comfortable

    # The card route shows the customer's details.
    page.get_by_role("link", name="דנה פרץ").click()
    page.wait_for_url("**/crm/customers/*")
    page.get_by_role("heading", name="דנה פרץ").wait_for()
    assert "050-987-6543" in page.locator(".details").inner_text()

    # A reload loses the in-memory token; the refresh cookie restores the session.
    page.reload()
    page.get_by_role("heading", name="דנה פרץ").wait_for()

    # Logout ends it: back to login, and a reload stays there.
    page.locator(".user-button").click()  # logout is in the user menu
    page.get_by_role("button", name="התנתקות").click()
    page.wait_for_url("**/login")
    page.goto(f"{live.base_url}/crm/customers")
    page.wait_for_url("**/login")
    page.close()


def test_the_app_shell_is_served_with_its_cache_headers(live):
    index = httpx.get(f"{live.base_url}/crm/customers")
    assert index.status_code == 200 and index.headers["cache-control"] == "no-store"
    asset = next(p for p in (DEFAULT_WEB_DIST / "assets").iterdir() if p.suffix == ".js")
    response = httpx.get(f"{live.base_url}/assets/{asset.name}")
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert httpx.get(f"{live.base_url}/sw.js").headers["cache-control"] == "no-cache"


def test_customers_page_is_usable_fast_on_a_return_visit(live, browser):
    """bench/web.py's measure, once: navigation start → first customer row, with a session
    restored from the refresh cookie. The target is 1 s; 5 s here only catches a breakage."""
    from bench.web import MARK_FIRST_ROW, usable_ms

    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="he-IL")
    context.add_init_script(MARK_FIRST_ROW)
    page = context.new_page()
    log_in(page, live.base_url, EMAIL)
    page.locator("tbody tr td a").first.wait_for()
    usable = usable_ms(page, f"{live.base_url}/crm/customers")
    assert page.locator("tbody tr td:first-child a").count() == len(CUSTOMERS)
    assert 0 < usable < 5000, usable
    context.close()
