"""Privacy on the web (issue 19), in a real browser against a real server: the customer's
ח.פ. / ע.מ. (a wrong check digit refused in Hebrew), an erased customer's card, calls and
WhatsApp files the retention policy deleted, what an agent's role may do (listen, export CSV:
the buttons follow /auth/me, the server's 403s are said in Hebrew), and the admin's card actions
"ייצוא כל המידע" (a zip through the bearer client) and "מחיקת מידע אישי" (a dialog that says
what goes and what the law keeps). Screenshots: web-privacy-<screen>-desktop.png / -phone.png.

Needs the `privacy` branch (export.zip, erase) and the server's 403s for
`test_the_servers_refusals_are_said_in_hebrew`, `test_an_admin_exports_everything_as_a_zip` and
`test_an_admin_erases_a_customer_after_the_dialog`; the rest runs on the contract's JSON alone."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from server.auth.service import create_user
from server.calls.models import Call
from server.customers.models import Customer
from server.messages.models import Message
from tests.conftest import BUSINESS_PHONE, PASSWORD
from tests.e2e.live import Live
from tests.web.conftest import VAPID_PRIVATE, VAPID_PUBLIC, Seeded, log_in, needs_browser, sign_in
from tests.web.seed import seed

pytestmark = needs_browser
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
AGENT = "agent-privacy@example.com"
CALL_PURGED = "ההקלטה והתמלול נמחקו לפי מדיניות שמירת המידע"
FILE_PURGED = "הקובץ נמחק לפי מדיניות שמירת המידע"
NO_LISTEN = "אין לך הרשאה להאזין להקלטות"
NO_EXPORT = "אין לך הרשאה לייצא נתונים"
LATIN = re.compile(r"[A-Za-z]{3,}")


async def _seed(media_root) -> dict:
    """The card's data, an agent, and a customer whose old call and photo were purged."""
    ids = await seed(media_root)
    await create_user(business_id=ids["business_id"], email=AGENT, password=PASSWORD, role="agent")
    now = datetime.now(UTC).replace(microsecond=0)
    old = await Customer.create(business_id=ids["business_id"], name="רון ותיק", phone="+972501112233", status="active")
    call = await Call.create(business_id=ids["business_id"], customer_id=old.id, call_sid="CA" + "cd" * 16,
                             direction="inbound", status="completed", from_number=old.phone, to_number=BUSINESS_PHONE,
                             started_at=now - timedelta(days=800), duration=65, transcript="",
                             transcript_status="purged", purged_at=now - timedelta(days=30))
    await Message.create(business_id=ids["business_id"], customer_id=old.id, direction="inbound",
                         body="התמונה של הדירה", status="received", sender_id=old.phone, message_sid="SM" + "c" * 32,
                         media=[{"content_type": "image/jpeg", "status": "purged", "size": 1}],
                         created_at=now - timedelta(days=800), purged_at=now - timedelta(days=30))
    gone = await Customer.create(business_id=ids["business_id"], name="לקוח שנמחק", phone=None, status="inactive",
                                 erased_at=now - timedelta(days=2))
    return {**ids, "old_id": old.id, "old_call_id": call.id, "gone_id": gone.id}


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, twilio):
    live = Live.on(databases, tmp_path_factory.mktemp("web-privacy"), APP_ENV="development",
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


@pytest.fixture
def agents_may(server):
    """Set what agents may do for one test; back to the defaults (listen, no export) after it."""
    def set_(**changes):
        server.api("PATCH", "/api/business", json=changes)
    yield set_
    server.api("PATCH", "/api/business", json={"agents_can_listen": True, "agents_can_export": False})


def agent_page(browser, server: Seeded, url: str, viewport=None):
    context = browser.new_context(viewport=viewport or SIZES["desktop"], locale="he-IL")
    page = context.new_page()
    log_in(page, server.base_url, AGENT)
    page.goto(url)
    page.locator(".topbar").wait_for()
    return page


def open_tab(page, name: str):
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")
    return page.get_by_role("tabpanel")


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


# ------------------------------------------------------------------ tax id


def test_the_tax_id_is_checked_and_kept(server, browser):
    quiet = server.ids["quiet_id"]
    page = sign_in(browser, server, server.card(quiet))
    panel = page.get_by_role("tabpanel")
    panel.get_by_role("button", name="עריכה").click()
    form = panel.get_by_role("form", name="עריכת לקוח")
    field = form.get_by_label("ח.פ. / ע.מ.")
    field.fill("514820118")  # a wrong check digit
    form.get_by_role("button", name="שמירה").click()
    expect(form.get_by_role("alert")).to_contain_text("מספר ח.פ. / ע.מ. אינו תקין")
    assert not LATIN.search(form.get_by_role("alert").inner_text())
    assert server.api("GET", f"/api/crm/customers/{quiet}")["tax_id"] == ""

    field.fill("51-482011-7")  # as people type it: the server keeps the nine digits
    form.get_by_role("button", name="שמירה").click()
    expect(panel.get_by_test_id("tax-id")).to_have_text("514820117")
    assert server.api("GET", f"/api/crm/customers/{quiet}")["tax_id"] == "514820117"
    page.context.close()


def test_a_new_customer_takes_a_tax_id(server, browser):
    page = sign_in(browser, server, f"{server.base_url}/crm/customers")
    page.get_by_role("button", name="לקוח חדש").click()
    form = page.get_by_role("form", name="לקוח חדש")
    form.get_by_label("שם").fill("חברת בנייה בע\"מ")
    form.get_by_label("ח.פ. / ע.מ.").fill("123456789")  # nine digits, but not a valid check digit
    page.get_by_role("button", name="יצירת לקוח").click()
    expect(form.get_by_role("alert")).to_contain_text("מספר ח.פ. / ע.מ. אינו תקין")
    form.get_by_label("ח.פ. / ע.מ.").fill("515000008")
    page.get_by_role("button", name="יצירת לקוח").click()
    page.wait_for_url(re.compile(r"/crm/customers/\d+$"))
    expect(page.get_by_test_id("tax-id")).to_have_text("515000008")
    page.context.close()


# ------------------------------------------------------------------ erased, purged


@pytest.mark.parametrize("size", SIZES)
def test_an_erased_customer_says_so(server, browser, shots, size):
    page = sign_in(browser, server, server.card(server.ids["gone_id"]))
    page.set_viewport_size(SIZES[size])
    notice = page.get_by_test_id("erased-notice")
    expect(notice).to_contain_text("המידע האישי של הלקוח נמחק")
    expect(notice).to_contain_text("חשבוניות וחוזים חתומים נשמרים")
    quick = page.get_by_role("group", name="פעולות מהירות")
    expect(quick.get_by_role("button", name="התקשרות")).to_have_count(0)
    expect(page.get_by_role("button", name="עריכה")).to_have_count(0)
    no_sideways_scroll(page)
    shots(page, f"web-privacy-erased-{size}", full_page=True)
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_purged_calls_and_files_say_the_policy_deleted_them(server, browser, shots, size):
    page = sign_in(browser, server, server.card(server.ids["old_id"], "calls"))
    page.set_viewport_size(SIZES[size])
    call = page.get_by_test_id("call")
    expect(call.get_by_test_id("purged")).to_have_text(CALL_PURGED)
    expect(call.locator("audio")).to_have_count(0)
    expect(call.locator(".transcript")).to_have_count(0)
    shots(page, f"web-privacy-purged-call-{size}", full_page=True)

    panel = open_tab(page, "וואטסאפ")
    bubble = panel.get_by_test_id("bubble")
    expect(bubble.get_by_test_id("purged")).to_have_text(FILE_PURGED)
    expect(bubble).to_contain_text("התמונה של הדירה")  # the text is kept
    expect(bubble.locator("img")).to_have_count(0)
    no_sideways_scroll(page)
    shots(page, f"web-privacy-purged-file-{size}", full_page=True)
    page.context.close()


# ------------------------------------------------------------------ what an agent may do


def test_an_agent_who_may_not_listen_is_told_so(server, browser, agents_may):
    agents_may(agents_can_listen=False)
    page = agent_page(browser, server, server.card(tab="calls"))
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/recording" in request.url else None)
    call = page.get_by_test_id("call").first
    expect(call.get_by_test_id("no-listen")).to_have_text(NO_LISTEN)
    expect(call.locator("audio")).to_have_count(0)
    assert fetched == []  # nothing asked for that the server would refuse
    page.context.close()

    agents_may(agents_can_listen=True)
    page = agent_page(browser, server, server.card(tab="calls"))
    expect(page.get_by_test_id("call").first.locator("audio")).to_be_attached()
    page.context.close()


def test_the_csv_button_follows_the_export_permission(server, browser, agents_may):
    page = agent_page(browser, server, f"{server.base_url}/crm/customers")
    expect(page.locator("tbody tr").first).to_be_visible()
    expect(page.get_by_role("button", name="ייצוא CSV")).to_have_count(0)
    page.context.close()

    agents_may(agents_can_export=True)
    page = agent_page(browser, server, f"{server.base_url}/crm/customers")
    expect(page.get_by_role("button", name="ייצוא CSV")).to_be_visible()
    page.context.close()

    admin = sign_in(browser, server, f"{server.base_url}/crm/customers")
    expect(admin.get_by_role("button", name="ייצוא CSV")).to_be_visible()  # admins always may
    expect(admin.get_by_role("link", name="יומן פעולות")).to_be_visible()
    admin.context.close()


def test_the_servers_refusals_are_said_in_hebrew(server, browser, agents_may):
    """The page read /auth/me while it still allowed; the admin then took the permission away:
    the server's 403s (`forbidden_listen`, `forbidden_export`) are said in Hebrew."""
    agents_may(agents_can_export=True)
    page = agent_page(browser, server, f"{server.base_url}/crm/customers")
    button = page.get_by_role("button", name="ייצוא CSV")
    expect(button).to_be_visible()
    agents_may(agents_can_listen=False, agents_can_export=False)
    button.click()
    expect(page.get_by_test_id("toast").filter(has_text=NO_EXPORT)).to_be_visible()

    page.get_by_role("link", name="דנה כהן").click()  # /auth/me is still the one read above
    panel = open_tab(page, "שיחות")
    expect(panel.get_by_test_id("call").first.get_by_test_id("no-listen")).to_have_text(NO_LISTEN)
    page.context.close()


def test_agents_see_no_admin_actions_or_audit_link(server, browser):
    page = agent_page(browser, server, server.card())
    page.get_by_role("heading", name="דנה כהן").wait_for()
    expect(page.get_by_role("button", name="פעולות מנהל")).to_have_count(0)
    expect(page.get_by_role("link", name="יומן פעולות")).to_have_count(0)
    page.goto(f"{server.base_url}/admin/audit")
    expect(page.get_by_text("יומן הפעולות פתוח למנהלים בלבד")).to_be_visible()
    page.goto(f"{server.base_url}/settings")
    page.get_by_role("heading", name="ברכה טלפונית").wait_for()
    expect(page.get_by_role("heading", name="פרטיות ושמירת מידע")).to_have_count(0)
    expect(page.get_by_role("heading", name="רשות המסים")).to_have_count(0)
    page.context.close()


# ------------------------------------------------------------------ export and erasure


def test_an_admin_exports_everything_as_a_zip(server, browser):
    page = sign_in(browser, server, server.card())
    page.get_by_role("button", name="פעולות מנהל").click()
    with page.expect_request(re.compile(r"/export\.zip$")) as request, page.expect_download() as download:
        page.get_by_role("button", name="ייצוא כל המידע").click()
    assert request.value.headers.get("authorization", "").startswith("Bearer ")
    with zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read())) as archive:
        names = archive.namelist()
        held = json.loads(archive.read("customer.json"))
    assert "summary.pdf" in names and any(name.startswith("recordings/") for name in names)
    assert held["customer"]["name"] == "דנה כהן"
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_an_admin_erases_a_customer_after_the_dialog(server, browser, shots, size):
    customer = server.api("POST", "/api/crm/customers", 201, json={
        "name": f"למחיקה {size}", "phone": "+97250700000" + ("1" if size == "desktop" else "2"),
        "email": f"erase-{size}@example.com"})["id"]
    invoice = server.api("POST", "/api/crm/invoices", 201, json={
        "customer_id": customer, "status": "issued", "lines": [{"description": "שכר טרחה", "quantity": 1,
                                                                  "unit_price": "800"}]})
    page = sign_in(browser, server, server.card(customer))
    page.set_viewport_size(SIZES[size])
    page.get_by_role("button", name="פעולות מנהל").click()
    page.get_by_role("button", name="מחיקת מידע אישי").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("יימחקו לצמיתות")
    expect(dialog).to_contain_text("החשבוניות, עם פרטי הקונה")
    expect(dialog).to_contain_text("החוזים החתומים")
    erase = dialog.get_by_role("button", name="מחיקה לצמיתות")
    expect(erase).to_be_disabled()  # not before the admin says they understand
    dialog.get_by_label("הבנתי שהמידע יימחק ולא יהיה אפשר לשחזר אותו").check()
    no_sideways_scroll(page)
    shots(page, f"web-privacy-erase-dialog-{size}")
    with page.expect_request(re.compile(rf"/api/crm/customers/{customer}/erase$")) as request:
        erase.click()
    assert json.loads(request.value.post_data) == {"confirm": True}
    expect(page.get_by_test_id("erased-notice")).to_contain_text("המידע האישי של הלקוח נמחק")
    erased = server.api("GET", f"/api/crm/customers/{customer}")
    assert erased["erased_at"] and erased["phone"] is None and erased["email"] is None
    kept = server.api("GET", f"/api/crm/invoices/{invoice['id']}")
    assert kept["status"] == "issued" and kept["buyer_name"] == f"למחיקה {size}"
    page.context.close()
