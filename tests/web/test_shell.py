"""The web app's shell in a real browser against a real server, at a desktop's 1440×900 and a
phone's 390×844: the app's own Hebrew 404 and error page inside the shell, a reload of any app
path, a deep-link login that keeps the query, a load with no failed request or console error
(the icons are there), a top bar that stays one row on the phone, the user menu, the user's
open tasks, and the customer's signing page on the app's font and tokens.

Screenshots (see `shots`): shell-404-desktop/phone, login-desktop/phone, shell-user-menu,
shell-tasks-desktop/phone, shell-error-desktop, sign-page-desktop/phone.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from server.tasks.models import Task
from tests.conftest import PASSWORD
from tests.web.conftest import needs_browser, sign_in
from tests.web.seed import EMAIL

pytestmark = needs_browser

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]
LATIN = re.compile(r"[A-Za-z]{2,}")


def _page(browser, seeded, url: str, viewport: dict):
    page = sign_in(browser, seeded, url)
    page.set_viewport_size(viewport)
    return page


def _no_english(text: str) -> None:
    assert not LATIN.search(text), f"English on the page: {LATIN.findall(text)}"
    assert "{" not in text and "not_found" not in text


def _viewport_name(viewport: dict) -> str:
    return "desktop" if viewport == DESKTOP else "phone"


# --- The app's own 404 and error page ---------------------------------------------------------

@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_unknown_paths_show_the_hebrew_404_inside_the_shell(seeded, browser, shots, viewport):
    page = _page(browser, seeded, f"{seeded.base_url}/nope", viewport)
    try:
        not_found = page.get_by_test_id("not-found")
        expect(not_found).to_be_visible()
        expect(not_found).to_contain_text("הדף לא נמצא")
        expect(page.locator(".topbar")).to_be_visible()  # inside the shell: the nav still works
        _no_english(page.locator("main").inner_text())
        shots(page, f"shell-404-{_viewport_name(viewport)}")

        page.goto(f"{seeded.base_url}/crm/customers/abc")  # no customer id: the 404 says what is missing
        expect(page.get_by_test_id("not-found")).to_contain_text("הלקוח לא נמצא")
        _no_english(page.locator("main").inner_text())

        not_found.get_by_role("link", name="חזרה ללקוחות").click()
        page.wait_for_url("**/crm/customers")
        expect(page.get_by_role("heading", name="לקוחות")).to_be_visible()
    finally:
        page.context.close()


def test_a_reload_of_any_app_path_is_the_app(seeded, browser):
    page = _page(browser, seeded, f"{seeded.base_url}/settings", DESKTOP)
    try:
        expect(page.get_by_role("heading", name="הגדרות", exact=True)).to_be_visible()
        response = page.reload()
        assert response.status == 200 and response.headers["cache-control"] == "no-store"
        expect(page.get_by_role("heading", name="הגדרות", exact=True)).to_be_visible()
        expect(page.locator(".topnav a.active")).to_have_text("הגדרות")
    finally:
        page.context.close()


def test_a_page_that_fails_shows_the_hebrew_error_page_inside_the_shell(seeded, browser, shots):
    """A page's chunk that does not load (a deploy replaced it while the tab was open) is the
    route error a user meets; the other pages and the nav keep working."""
    page = _page(browser, seeded, f"{seeded.base_url}/crm/customers", DESKTOP)
    try:
        page.route(re.compile(r"/assets/SettingsPage-[^/]+\.js$"), lambda route: route.abort())
        page.locator(".topnav").get_by_role("link", name="הגדרות").click()
        error = page.get_by_test_id("error-page")
        expect(error).to_contain_text("משהו השתבש")
        expect(error.get_by_role("button", name="טעינה מחדש")).to_be_visible()
        _no_english(page.locator("main").inner_text())
        shots(page, "shell-error-desktop")
        page.locator(".topnav").get_by_role("link", name="לקוחות").click()
        expect(page.get_by_role("heading", name="לקוחות")).to_be_visible()
    finally:
        page.context.close()


# --- Login ------------------------------------------------------------------------------------

def test_a_deep_link_login_comes_back_with_the_query(seeded, browser):
    context = browser.new_context(viewport=DESKTOP, locale="he-IL")
    try:
        page = context.new_page()
        page.goto(seeded.card(tab="whatsapp") + "#send")
        page.wait_for_url("**/login")
        page.fill("input[type=email]", EMAIL)
        page.fill("input[type=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(rf"/crm/customers/{seeded.ids['customer_id']}\?tab=whatsapp#send$"))
        expect(page.get_by_role("tab", name="וואטסאפ")).to_have_attribute("aria-selected", "true")
    finally:
        context.close()


def test_a_signed_out_unknown_path_logs_in_first_then_shows_the_404(seeded, browser):
    context = browser.new_context(viewport=DESKTOP, locale="he-IL")
    try:
        page = context.new_page()
        page.goto(f"{seeded.base_url}/nope?x=1")
        page.wait_for_url("**/login")
        page.fill("input[type=email]", EMAIL)
        page.fill("input[type=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/nope?x=1")
        expect(page.get_by_test_id("not-found")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_login_page_and_a_wrong_password_in_hebrew(seeded, browser, shots, viewport):
    context = browser.new_context(viewport=viewport, locale="he-IL")
    try:
        page = context.new_page()
        page.goto(f"{seeded.base_url}/login")
        expect(page.get_by_role("heading", name="כניסה ל-AgentLocator")).to_be_visible()
        assert page.evaluate("document.activeElement.id") == "email"
        shots(page, f"login-{_viewport_name(viewport)}")
        page.fill("input[type=email]", EMAIL)
        page.fill("input[type=password]", "not the password")
        page.click("button[type=submit]")
        expect(page.get_by_role("alert")).to_have_text("האימייל או הסיסמה שגויים.")
    finally:
        context.close()


# --- A clean load -----------------------------------------------------------------------------

def test_loading_fails_no_request_and_logs_no_error(seeded, browser):
    context = browser.new_context(viewport=DESKTOP, locale="he-IL")
    failed: list[str] = []
    errors: list[str] = []
    context.on("response", lambda response: failed.append(f"{response.status} {response.url}")
               if response.status >= 400 else None)
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"{seeded.base_url}/login")
        expect(page.get_by_role("heading", name="כניסה ל-AgentLocator")).to_be_visible()
        # The icons and the manifest index.html names are all there (a browser asks for them).
        for href in page.eval_on_selector_all("link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]",
                                              "links => links.map(link => link.href)"):
            answer = page.request.get(href)
            assert answer.status == 200, href
            assert answer.headers["cache-control"] == "public, max-age=86400", href
        manifest = page.request.get(f"{seeded.base_url}/manifest.webmanifest").json()
        assert manifest["dir"] == "rtl" and manifest["lang"] == "he" and manifest["name"] == "AgentLocator"
        page.fill("input[type=email]", EMAIL)
        page.fill("input[type=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/crm/customers")
        expect(page.get_by_role("row").nth(1)).to_be_visible()
        page.reload()
        expect(page.get_by_role("row").nth(1)).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert failed == [] and errors == []
    finally:
        context.close()


def test_the_manifest_theme_is_the_tokens_primary_colour():
    from tests.conftest import ROOT

    tokens = (ROOT / "web/src/styles/tokens.css").read_text()
    primary = re.search(r"--color-primary:\s*(#[0-9a-f]{6})", tokens).group(1)
    assert f'"theme_color": "{primary}"' in (ROOT / "web/public/manifest.webmanifest").read_text()
    assert f'name="theme-color" content="{primary}"' in (ROOT / "web/index.html").read_text()
    assert f'fill="{primary}"' in (ROOT / "web/public/favicon.svg").read_text()


# --- The top bar and the user menu ------------------------------------------------------------

@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_top_bar_is_one_row(seeded, browser, viewport):
    page = _page(browser, seeded, f"{seeded.base_url}/crm/customers", viewport)
    try:
        bar = page.locator(".topbar").bounding_box()
        assert bar["height"] <= 64
        assert bar["width"] <= viewport["width"]
        items = page.locator(".topnav a")
        expect(items).to_have_count(5)  # customers, tasks, the calls board, settings, the audit log (an admin)
        tops = items.evaluate_all("links => links.map(link => link.offsetTop)")
        assert len(set(tops)) == 1, tops
        # The brand, the presence switch and the menu button sit in the same row as the nav.
        for part in (".brand", ".presence", ".user-button"):
            box = page.locator(part).bounding_box()
            assert bar["y"] <= box["y"] and box["y"] + box["height"] <= bar["y"] + bar["height"], part
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        expect(page.locator(".topnav a.active")).to_have_accessible_name("לקוחות")
        link_style = page.locator(".topnav a").first.evaluate("a => getComputedStyle(a).textDecorationLine")
        assert link_style == "none"
    finally:
        page.context.close()


def test_the_user_menu_closes_on_escape_and_outside_and_logs_out(seeded, browser, shots):
    page = _page(browser, seeded, f"{seeded.base_url}/crm/customers", DESKTOP)
    try:
        button = page.locator(".user-button")
        panel = page.locator(".user-menu .menu-panel")

        button.click()
        expect(panel).to_be_visible()
        expect(panel).to_contain_text(EMAIL)
        expect(panel.get_by_role("link", name="הפרופיל שלי")).to_be_visible()
        shots(page, "shell-user-menu")
        page.keyboard.press("Escape")
        expect(panel).to_be_hidden()
        expect(button).to_be_focused()

        button.click()
        expect(panel).to_be_visible()
        page.get_by_role("heading", name="לקוחות").click()
        expect(panel).to_be_hidden()

        button.click()
        panel.get_by_role("link", name="הפרופיל שלי").click()
        page.wait_for_url("**/profile")
        expect(panel).to_be_hidden()

        button.click()
        panel.get_by_role("button", name="התנתקות").click()
        page.wait_for_url("**/login")
        page.goto(f"{seeded.base_url}/crm/customers")  # the session is over: back to the login
        page.wait_for_url("**/login")
    finally:
        page.context.close()


# --- My tasks ---------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_my_tasks_lists_the_overdue_first_each_linking_to_its_customer(seeded, browser, shots, viewport):
    title_late, title_soon = f"להתקשר לדנה ({_viewport_name(viewport)})", f"לשלוח הצעה ({_viewport_name(viewport)})"

    async def overdue():
        # Fired two days ago and its alert put away: overdue, with no task-due alert over the page.
        past = datetime.now(UTC) - timedelta(days=2)
        await Task.create(business_id=seeded.ids["business_id"], title=title_late, due_at=past, notified_at=past,
                          alert_dismissed_at=past,
                          customer_id=seeded.ids["customer_id"], assignee_id=seeded.ids["user_id"])

    seeded.live.run(overdue)
    seeded.api("POST", "/api/crm/tasks", 201, json={
        "title": title_soon, "due_at": (datetime.now(UTC) + timedelta(days=1)).isoformat()})
    page = _page(browser, seeded, f"{seeded.base_url}/tasks", viewport)
    try:
        rows = page.get_by_test_id("my-task")
        expect(rows.filter(has_text=title_soon)).to_be_visible()
        late = rows.filter(has_text=title_late)
        expect(late.locator(".badge.tone-danger")).to_have_text("באיחור")
        expect(late).to_contain_text("דנה כהן")
        titles = rows.locator(".my-task-title").all_inner_texts()
        assert titles.index(title_late) < titles.index(title_soon)
        expect(rows.filter(has_text=title_soon).locator(".badge")).to_have_count(0)
        shots(page, f"shell-tasks-{_viewport_name(viewport)}")
        late.get_by_role("link").click()
        page.wait_for_url(re.compile(rf"/crm/customers/{seeded.ids['customer_id']}\?tab=tasks$"))
        expect(page.get_by_role("tab", name="משימות")).to_have_attribute("aria-selected", "true")
    finally:
        page.context.close()


# --- The signing page -------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_signing_page_has_the_apps_font_and_tokens(seeded, browser, shots, viewport):
    contract = seeded.api("POST", "/api/crm/contracts", 201, json={
        "customer_id": seeded.ids["customer_id"], "title": "הסכם תיווך לדירה",
        "body": "1. הסוכנות תציג לשוכר דירות מתאימות.\n2. דמי התיווך ישולמו עם חתימת חוזה השכירות.\n"
                "3. ההסכם בתוקף לשישה חודשים."})
    contract = seeded.api("POST", f"/api/crm/contracts/{contract['id']}/send")
    context = browser.new_context(viewport=viewport, locale="he-IL")
    errors: list[str] = []
    failed: list[str] = []
    context.on("response", lambda response: failed.append(f"{response.status} {response.url}")
               if response.status >= 400 else None)
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(contract["sign_url"].replace(re.match(r"https?://[^/]+", contract["sign_url"]).group(0),
                                               seeded.base_url))
        expect(page.get_by_role("heading", name="הסכם תיווך לדירה")).to_be_visible()
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('17px Assistant', 'שלום')")
        assert "Assistant" in page.evaluate("getComputedStyle(document.body).fontFamily")
        tokens = page.evaluate("""() => {
            const root = getComputedStyle(document.documentElement);
            const swatch = document.createElement('div');
            swatch.style.color = root.getPropertyValue('--color-primary');
            document.body.append(swatch);
            return {primary: getComputedStyle(swatch).color,
                    button: getComputedStyle(document.querySelector('button.primary')).backgroundColor};
        }""")
        assert tokens["primary"] == tokens["button"] == "rgb(31, 95, 191)"
        page.wait_for_load_state("networkidle")
        assert errors == [] and failed == []  # the CSP lets the fonts in
        shots(page, f"sign-page-{_viewport_name(viewport)}", full_page=True)
    finally:
        context.close()
