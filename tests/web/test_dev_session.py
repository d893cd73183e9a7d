"""The web app in a real browser against the development server as `make run` starts it (no
PUBLIC_HOST, no CORS_ORIGINS): a deep link and a reload keep the session, and logout ends it.
Under that configuration the browser's refresh and logout used to get 403 bad_origin, so each
reload landed on the login page and logout left the session alive."""

from __future__ import annotations

import pytest

from tests.conftest import BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live
from tests.e2e.test_dev_sessions import BARE_DEVELOPMENT
from tests.web.conftest import log_in, needs_browser

EMAIL = "dev@example.com"

pytestmark = needs_browser


@pytest.fixture(scope="module")
def dev(databases, tmp_path_factory):
    server = Live.on(databases, tmp_path_factory.mktemp("web-dev"), **BARE_DEVELOPMENT)
    server.seed({"name": "משרד פיתוח", "phone": BUSINESS_PHONE,
                 "users": [{"email": EMAIL, "password": PASSWORD, "role": "admin"}]})
    server.start_server()
    yield server
    server.stop()


def test_a_reload_and_a_deep_link_keep_the_session_and_logout_ends_it(dev, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="he-IL")
    page = context.new_page()
    refreshes: list[int] = []
    page.on("response", lambda r: refreshes.append(r.status) if r.url.endswith("/auth/refresh") else None)
    log_in(page, dev.base_url, EMAIL)

    page.reload()  # the access token lived in memory only: the cookie brings the session back
    page.locator(".topbar").wait_for()
    assert page.url.endswith("/crm/customers")
    deep = context.new_page()  # a deep link opened in a new tab
    deep.goto(f"{dev.base_url}/crm/customers?sort=name")
    deep.locator(".topbar").wait_for()
    assert "/login" not in deep.url
    deep.close()
    assert refreshes and set(refreshes) == {200}

    page.locator(".user-button").click()  # logout is in the user menu
    page.get_by_role("button", name="התנתקות").click()
    page.wait_for_url("**/login")
    # The session is gone, not merely forgotten. Waiting only for the navigation to commit: the
    # app's own redirect to /login may start before "load", and would abort a goto waiting for it.
    page.goto(f"{dev.base_url}/crm/customers", wait_until="commit")
    page.wait_for_url("**/login")
    assert refreshes[-1] == 401
    context.close()
