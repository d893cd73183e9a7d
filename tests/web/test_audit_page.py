"""The admins' audit log page, /admin/audit ("יומן פעולות", issue 19), in a real browser against a
real server: the one DataTable over GET /api/audit, newest first and paged on the server, the
action, user and date-range filters kept in the URL (a reload shows the same rows), each row in
Hebrew (the server's action_label, the target as a link to the customer's card), CSV of the same
filters through the bearer client, cards on a phone. The log's rows are written as the audit
service writes them (append-only: only INSERTs). Screenshots: web-audit-desktop.png, web-audit-phone.png.

Needs the lead's GET /api/audit and /api/audit/export.csv."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from server.audit.models import AuditEvent
from server.auth.models import User
from server.auth.service import create_user
from tests.conftest import PASSWORD
from tests.e2e.live import Live
from tests.web.conftest import VAPID_PRIVATE, VAPID_PUBLIC, Seeded, needs_browser, sign_in
from tests.web.seed import EMAIL, seed

pytestmark = needs_browser
PHONE = {"width": 390, "height": 844}
AGENT = "agent-audit@example.com"
LISTENS = 55  # more than a page of 50
EXPORTS = 5


async def _seed(media_root) -> dict:
    ids = await seed(media_root)
    agent = await create_user(business_id=ids["business_id"], email=AGENT, password=PASSWORD, role="agent",
                              name="נועה הנציגה")
    admin = await User.get(id=ids["user_id"])
    now = datetime.now(UTC).replace(microsecond=0)
    for k in range(LISTENS):  # the admin listened every hour of the last two days or so
        await AuditEvent.create(business_id=ids["business_id"], user_id=admin.id, user_email=admin.email,
                                action="recording.listen", target_type="call", target_id=ids["call_id"],
                                ip="10.0.0.7", at=now - timedelta(hours=k + 1))
    for k in range(EXPORTS):  # the agent exported customers to CSV three weeks ago
        await AuditEvent.create(business_id=ids["business_id"], user_id=agent.id, user_email=agent.email,
                                action="customers.export_csv", target_type="customers",
                                details={"filters": {"status": "active"}}, ip="10.0.0.8",
                                at=now - timedelta(days=21, hours=k))
    await AuditEvent.create(business_id=ids["business_id"], user_id=admin.id, user_email=admin.email,
                            action="customer.export", target_type="customer", target_id=ids["customer_id"],
                            ip="10.0.0.7", at=now - timedelta(minutes=5))
    return {**ids, "agent_id": agent.id, "newest_at": now - timedelta(minutes=5),
            "exports_day": (now - timedelta(days=21)).date()}


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, twilio):
    live = Live.on(databases, tmp_path_factory.mktemp("web-audit"), APP_ENV="development",
                   TWILIO_API_BASE=twilio.base_url, VAPID_PUBLIC_KEY=VAPID_PUBLIC, VAPID_PRIVATE_KEY=VAPID_PRIVATE,
                   VAPID_SUBJECT="mailto:ops@example.com")
    ids = live.run(lambda: _seed(live.media_root))
    live.start_server()
    seeded = Seeded(live, ids)
    try:
        yield seeded
    finally:
        seeded.http.close()
        live.stop()


def audit_page(browser, server, query: str = "", viewport: dict | None = None):
    page = sign_in(browser, server, f"{server.base_url}/admin/audit{query}")
    if viewport:
        page.set_viewport_size(viewport)
        page.reload()
    page.get_by_role("heading", name="יומן פעולות").wait_for()
    return page


def choose(page, menu: str, item: str) -> None:
    page.get_by_role("button", name=re.compile(rf"^{menu}( \(\d+\))?$")).click()
    page.get_by_role("menuitemradio", name=item, exact=True).click()


def test_the_log_pages_newest_first_and_filters_in_the_url(server, browser, shots):
    total = LISTENS + EXPORTS + 1
    page = audit_page(browser, server)
    try:
        # From the nav, as an admin finds it.
        expect(page.get_by_role("link", name="יומן פעולות")).to_have_attribute("href", "/admin/audit")
        expect(page.get_by_test_id("total")).to_have_text(f"{total} פעולות")
        first = page.locator("tbody tr").first
        expect(first.locator("td[data-column=action]")).to_have_text("ייצוא כל המידע על לקוח")
        expect(first.locator("td[data-column=target] a")).to_have_text(f"לקוח {server.ids['customer_id']}")
        expect(first.locator("td[data-column=target] a")).to_have_attribute(
            "href", f"/crm/customers/{server.ids['customer_id']}")
        expect(first.locator("td[data-column=user]")).to_contain_text(EMAIL)
        expect(first.locator("td[data-column=ip]")).to_have_text("10.0.0.7")
        expect(page.locator("tbody tr")).to_have_count(50)
        expect(page.get_by_test_id("page")).to_have_text("עמוד 1 מתוך 2")
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        shots(page, "web-audit-desktop", full_page=True)

        page.get_by_role("button", name="העמוד הבא").click()
        expect(page.locator("tbody tr")).to_have_count(total - 50)
        expect(page).to_have_url(re.compile(r"[?&]page=2"))

        # By action: back to page 1, the chip says which.
        choose(page, "פעולה", "ייצוא לקוחות ל-CSV")
        expect(page.get_by_test_id("total")).to_have_text(f"{EXPORTS} פעולות")
        expect(page).to_have_url(re.compile(r"action=customers\.export_csv"))
        expect(page).not_to_have_url(re.compile(r"page=2"))
        expect(page.locator(".filter-chip")).to_have_text("פעולה: ייצוא לקוחות ל-CSV")
        expect(page.locator("tbody tr").first.locator("td[data-column=user]")).to_have_text("נועה הנציגה")
        expect(page.locator("tbody tr").first.locator("td[data-column=target]")).to_have_text("לקוחות")

        # By user, on top: the admin never exported to CSV.
        choose(page, "משתמש", "נועה הנציגה")
        expect(page.get_by_test_id("total")).to_have_text(f"{EXPORTS} פעולות")
        page.locator(".filter-chip", has_text="פעולה").get_by_role("button").click()
        expect(page.get_by_test_id("total")).to_have_text(f"{EXPORTS} פעולות")  # the agent did only these
        expect(page).to_have_url(re.compile(rf"user={server.ids['agent_id']}"))

        # A date range: the day of the exports only; a reload keeps it all.
        page.locator(".filter-chip", has_text="משתמש").get_by_role("button").click()
        day = server.ids["exports_day"].isoformat()
        page.get_by_label("מתאריך", exact=True).fill(day)
        page.get_by_label("עד", exact=True).fill(day)
        expect(page).to_have_url(re.compile(rf"from={day}.*to={day}"))
        expect(page.get_by_test_id("total")).to_have_text(re.compile(r"^[1-5] פעולות|פעולה אחת$"))
        page.reload()
        expect(page.get_by_label("מתאריך", exact=True)).to_have_value(day)
        expect(page.locator("tbody tr td[data-column=action]").first).to_have_text("ייצוא לקוחות ל-CSV")
        actions = page.locator("tbody tr td[data-column=action]").all_inner_texts()
        assert set(actions) == {"ייצוא לקוחות ל-CSV"}
    finally:
        page.context.close()


def test_the_csv_has_the_same_filters(server, browser):
    page = audit_page(browser, server, "?action=recording.listen")
    try:
        expect(page.get_by_test_id("total")).to_have_text(f"{LISTENS} פעולות")
        with page.expect_request(re.compile(r"/api/audit/export\.csv")) as request, page.expect_download() as download:
            page.get_by_role("button", name="ייצוא CSV").click()
        sent = {key: values[0] for key, values in parse_qs(urlparse(request.value.url).query).items()}
        assert sent.get("action") == "recording.listen" and "page" not in sent
        assert request.value.headers.get("authorization", "").startswith("Bearer ")
        text = open(download.value.path(), encoding="utf-8-sig").read()
        rows = text.strip().splitlines()
        assert len(rows) == LISTENS + 1, rows[:3]  # a header and one row per event
        assert "customers.export_csv" not in text and "customer.export" not in text
    finally:
        page.context.close()


def test_a_phone_shows_cards(server, browser, shots):
    page = audit_page(browser, server, viewport=PHONE)
    try:
        cards = page.get_by_test_id("audit-card")
        expect(cards.filter(has_text="ייצוא כל המידע על לקוח")).to_be_visible()
        expect(page.locator("table")).to_have_count(0)
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        shots(page, "web-audit-phone")
    finally:
        page.context.close()
