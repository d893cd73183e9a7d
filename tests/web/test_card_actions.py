"""What an agent does on the customer card, in a real browser against a real server, at a
desktop's 1440×900 and a phone's 390×844: invoices and contracts made and moved through their
statuses, WhatsApp templates picked by name, a send while Twilio is unreachable, the agent's own
phone set on the profile so that "Call" rings, the push switch's refusals, the not-found page,
and a layout that fits (values beside their labels, one row of tabs, no sideways scroll).

Twilio is a local fake of its Messages, Calls and Content APIs; the Messages and Calls APIs go
through a TCP proxy that a test cuts to make Twilio unreachable. Screenshots: card-<screen>-
desktop.png and card-<screen>-phone.png, profile-<size>.png (see `shots`)."""

from __future__ import annotations

import base64
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal

import httpx
import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from server.messages.models import Message
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, PASSWORD
from tests.e2e.live import Live
from tests.fake_twilio_calls import FakeTwilioCalls
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.tcp_proxy import ThreadedTcpProxy
from tests.web.conftest import VAPID_PRIVATE, VAPID_PUBLIC, Seeded, needs_browser, sign_in
from tests.web.seed import seed

pytestmark = needs_browser
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
IN_HEBREW = {"desktop": "א", "phone": "ב"}  # a customer of its own for each size, named in Hebrew
RETRYING = "Twilio אינו זמין כרגע — ההודעה תישלח כשהחיבור יחזור"
OUTSIDE_WINDOW = "עברו יותר מ-24 שעות מההודעה האחרונה של הלקוח, ולכן וואטסאפ מאפשר לשלוח רק תבנית מאושרת"
PUSH_BLOCKED = "הדפדפן חוסם התראות לאתר הזה. אפשר לאשר אותן בהגדרות האתר בדפדפן."
LATIN = re.compile(r"[A-Za-z]")


class FakeTwilio(FakeTwilioCalls):
    """Twilio's Messages, Calls and Content APIs on one port, as on api.twilio.com."""

    def handle_post(self, handler, body: bytes) -> None:
        if handler.path.endswith("/Messages.json"):
            FakeTwilioMessages.handle_post(self, handler, body)
        else:
            super().handle_post(handler, body)


class CardServer(Seeded):
    def __init__(self, live: Live, ids: dict, twilio: FakeTwilio, proxy: ThreadedTcpProxy) -> None:
        super().__init__(live, ids)
        self.twilio, self.proxy = twilio, proxy

    def customer(self, name: str, phone: str) -> int:
        return self.api("POST", "/api/crm/customers", 201, json={"name": name, "phone": phone})["id"]


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory):
    with FakeTwilio(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio, \
            ThreadedTcpProxy("127.0.0.1", twilio.httpd.server_address[1]) as proxy:
        twilio.add_template("תזכורת לפגישה", "שלום {{1}}, נתראה ב-{{2}} במשרד.", {"1": "דנה", "2": "10:00"})
        twilio.add_template("ברוכים הבאים", "שלום {{1}}, תודה שפנית למשרד הדגמה!", {"1": "דנה"})
        live = Live.on(databases, tmp_path_factory.mktemp("web-card-actions"), APP_ENV="development",
                       TWILIO_API_BASE=f"http://127.0.0.1:{proxy.port}", TWILIO_CONTENT_API_BASE=twilio.base_url,
                       VAPID_PUBLIC_KEY=VAPID_PUBLIC, VAPID_PRIVATE_KEY=VAPID_PRIVATE,
                       VAPID_SUBJECT="mailto:ops@example.com")
        ids = live.run(lambda: seed(live.media_root))
        live.start_server()
        card = CardServer(live, ids, twilio, proxy)
        try:
            yield card
        finally:
            card.http.close()
            live.stop()


def open_page(browser, server: CardServer, url: str, size: str, **context_options):
    page = sign_in(browser, server, url, **context_options)
    if size != "desktop" or SIZES[size] != page.viewport_size:
        # Opened again at this size, as a phone would open it (the tabs scroll to the open one).
        page.set_viewport_size(SIZES[size])
        page.reload()
        page.locator(".topbar").wait_for()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.page_errors = errors
    return page


def open_tab(page, name: str):
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")
    return page.get_by_role("tabpanel")


def assert_fits(page) -> None:
    """No sideways scroll on the page, and the tabs in one row (they scroll inside it)."""
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    tops = page.evaluate("[...document.querySelectorAll('[role=tab]')].map(t => t.offsetTop)")
    assert len(tops) == 7 and len(set(tops)) == 1, tops


def toast(page, text: str):
    found = page.get_by_test_id("toast").filter(has_text=text)
    expect(found).to_be_visible()
    return found


def shekels(amount: Decimal) -> str:
    return f"{amount:,.2f}"


# ------------------------------------------------------------------ layout


@pytest.mark.parametrize("size", SIZES)
def test_every_tab_fits_and_the_overview_values_sit_beside_their_labels(server, browser, shots, size):
    dana = server.ids["customer_id"]
    server.api("POST", "/api/crm/tasks", 201, json={"title": "להתקשר לדנה אחרי הפגישה", "customer_id": dana,
                                                    "due_at": "2030-01-15T10:30:00+02:00"})
    page = open_page(browser, server, server.card(dana), size)
    head = page.locator(".card-head")
    expect(head.get_by_role("heading", name="דנה כהן")).to_be_visible()
    expect(head.locator("bdi[dir=ltr]")).to_have_text("054-123-4567")  # the phone beside the name
    details = page.get_by_role("tabpanel").locator(".details")
    expect(details).to_contain_text("dana@example.com")
    for label, value in (("טלפון", "054-123-4567"), ("אימייל", "dana@example.com")):
        term = details.locator("dt", has_text=label).bounding_box()
        shown = details.locator("dd bdi", has_text=value).bounding_box()
        gap = term["x"] - (shown["x"] + shown["width"])  # RTL: the value is to the left of its label
        assert 0 <= gap <= 40, (label, gap)
    assert_fits(page)
    shots(page, f"card-overview-{size}", full_page=True)

    screens = (("ציר זמן", ".timeline-item", "timeline"), ("שיחות", "[data-testid=call]", "calls"),
               ("וואטסאפ", "[data-testid=bubble]", "whatsapp"), ("משימות", "[data-testid=task]", "tasks"))
    for tab, check, screen in screens:
        panel = open_tab(page, tab)
        expect(panel.locator(check).first).to_be_visible()
        assert_fits(page)
        shots(page, f"card-{screen}-{size}", full_page=True)
    assert page.page_errors == []
    page.context.close()


def test_timeline_items_open_their_tab(server, browser):
    page = open_page(browser, server, server.card(tab="timeline"), "desktop")
    panel = page.get_by_role("tabpanel")
    expect(panel.locator(".timeline-item.kind-whatsapp .timeline-link").first).to_have_attribute(
        "href", re.compile(r"\?tab=whatsapp$"))
    panel.get_by_role("button", name="טעינת אירועים קודמים").click()  # the call is the oldest
    call = panel.locator(".timeline-item.kind-call .timeline-link").first
    expect(call).to_have_attribute("href", re.compile(r"\?tab=calls$"))
    expect(page.locator(".timeline-item.kind-call svg")).to_have_count(1)  # an icon per kind
    call.click()
    expect(page.get_by_role("tab", name="שיחות")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel").get_by_test_id("call")).to_have_count(1)
    page.context.close()


@pytest.mark.parametrize("path", ["999999", "abc", "foreign"])
def test_an_unknown_or_foreign_customer_is_a_hebrew_not_found_page(server, browser, shots, path):
    if path == "foreign":
        server.live.seed({"name": "משרד אחר", "users": [{"email": "other@example.com", "password": PASSWORD,
                                                          "role": "admin"}]})
        token = server.live.login("other@example.com", PASSWORD)["access_token"]
        response = httpx.post(f"{server.base_url}/api/crm/customers", json={"name": "לקוח של אחרים"},
                              headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 201
        path = str(response.json()["id"])
    page = open_page(browser, server, f"{server.base_url}/crm/customers/{path}", "desktop")
    main = page.locator("main")
    expect(main.get_by_test_id("empty-state")).to_contain_text("הלקוח לא נמצא")
    assert not LATIN.search(main.inner_text()), main.inner_text()  # no "no such customer", no code
    if path == "999999":
        shots(page, "card-not-found-desktop")
    main.get_by_role("link", name="חזרה ללקוחות").click()
    page.wait_for_url("**/crm/customers")
    page.context.close()


# ------------------------------------------------------------------ invoices


@pytest.mark.parametrize("size", SIZES)
def test_an_invoice_is_made_issued_and_paid_and_another_cancelled(server, browser, shots, size):
    customer = server.customer(f"רוני חשבון {IN_HEBREW[size]}",
                               "+972501234501" if size == "desktop" else "+972501234502")
    rate = Decimal(str(server.api("GET", "/api/business")["vat_rate"]))
    page = open_page(browser, server, server.card(customer, "invoices"), size)
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_text("אין חשבוניות ללקוח זה")).to_be_visible()
    panel.get_by_role("button", name="חשבונית חדשה").click()

    dialog = page.get_by_role("dialog", name="חשבונית חדשה")
    dialog.get_by_label("תיאור שורה 1").fill("דמי תיווך")
    dialog.get_by_label("כמות שורה 1").fill("2")
    dialog.get_by_label("מחיר ליחידה שורה 1").fill("1500")
    dialog.get_by_role("button", name="הוספת שורה").click()
    dialog.get_by_label("תיאור שורה 2").fill("ייעוץ משפטי")
    dialog.get_by_label("כמות שורה 2").fill("1.5")
    dialog.get_by_label("מחיר ליחידה שורה 2").fill("433.67")
    subtotal = Decimal("3000.00") + (Decimal("1.5") * Decimal("433.67")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    vat = (subtotal * rate / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    expect(dialog.get_by_label("סה״כ שורה 2")).to_contain_text("650.51")  # 650.505 rounded half up
    expect(dialog.get_by_test_id("invoice-subtotal")).to_contain_text(shekels(subtotal))
    expect(dialog.get_by_test_id("invoice-vat")).to_contain_text(shekels(vat))
    expect(dialog.get_by_test_id("invoice-total")).to_contain_text(shekels(subtotal + vat))
    expect(dialog).to_contain_text(f"{rate.normalize()}%")
    # A third line, removed again.
    dialog.get_by_role("button", name="הוספת שורה").click()
    dialog.get_by_role("button", name="הסרת שורה 3").click()
    expect(dialog.get_by_test_id("invoice-line")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    shots(page, f"card-invoice-new-{size}")
    dialog.get_by_role("button", name="שמירה כטיוטה").click()
    expect(dialog).to_have_count(0)

    (made,) = server.api("GET", "/api/crm/invoices", params={"customer_id": customer})["results"]
    assert (made["status"], Decimal(made["subtotal"]), Decimal(made["vat"]), Decimal(made["total"])) == (
        "draft", subtotal, vat, subtotal + vat)
    assert [line["description"] for line in made["lines"]] == ["דמי תיווך", "ייעוץ משפטי"]
    toast(page, f"חשבונית מספר {made['number']} נשמרה כטיוטה")
    row = panel.get_by_test_id("invoice").filter(has_text=f"חשבונית {made['number']}")
    expect(row.locator(".badge")).to_have_text("טיוטה")
    expect(row).to_contain_text(shekels(subtotal + vat))

    row.get_by_role("button", name="הפקה").click()
    expect(row.locator(".badge")).to_have_text("הופקה")
    row.get_by_role("button", name="סימון כשולמה").click()
    expect(row.locator(".badge")).to_have_text("שולמה")
    expect(row.get_by_role("button", name="ביטול")).to_have_count(0)  # a paid invoice stays paid
    assert server.api("GET", f"/api/crm/invoices/{made['id']}")["status"] == "paid"

    # Another one, cancelled after the confirm step (and the first "no" changes nothing).
    panel.get_by_role("button", name="חשבונית חדשה").click()
    dialog.get_by_label("תיאור שורה 1").fill("שמאות")
    dialog.get_by_label("מחיר ליחידה שורה 1").fill("800")
    dialog.get_by_role("button", name="שמירה כטיוטה").click()
    expect(panel.get_by_test_id("invoice")).to_have_count(2)
    other = panel.get_by_test_id("invoice").first
    other.get_by_role("button", name="ביטול").click()
    confirm = page.get_by_role("dialog", name=re.compile("ביטול חשבונית"))
    confirm.get_by_role("button", name="חזרה").click()
    expect(other.locator(".badge")).to_have_text("טיוטה")
    other.get_by_role("button", name="ביטול").click()
    confirm.get_by_role("button", name="ביטול החשבונית").click()
    expect(other.locator(".badge")).to_have_text("בוטלה")
    assert_fits(page)
    shots(page, f"card-invoices-{size}", full_page=True)
    made = server.api("GET", "/api/crm/invoices", params={"customer_id": customer})["results"]
    statuses = {invoice["status"] for invoice in made}
    assert statuses == {"paid", "cancelled"}
    assert page.page_errors == []
    page.context.close()


# ------------------------------------------------------------------ contracts


def signature_png() -> str:
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (80, 20), (150, 80), (290, 20)], fill=(0, 0, 0, 255), width=6)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


@pytest.mark.parametrize("size", SIZES)
def test_a_contract_is_written_edited_sent_and_signed(server, browser, shots, size):
    customer = server.customer(f"מיכל חוזה {IN_HEBREW[size]}",
                               "+972501234511" if size == "desktop" else "+972501234512")
    page = open_page(browser, server, server.card(customer, "contracts"), size,
                     permissions=["clipboard-read", "clipboard-write"])
    panel = page.get_by_role("tabpanel")
    panel.get_by_role("button", name="חוזה חדש").click()
    dialog = page.get_by_role("dialog", name="חוזה חדש")
    dialog.get_by_label("כותרת").fill("הסכם תיווך")
    dialog.get_by_label("נוסח החוזה").fill("1. הסוכנות תציג ללקוח דירות.\n2. דמי התיווך: 2% ממחיר הדירה.")
    dialog.get_by_role("button", name="שמירה").click()
    toast(page, "החוזה נשמר כטיוטה")
    item = panel.get_by_test_id("contract")
    expect(item.locator(".badge")).to_have_text("טיוטה")

    item.get_by_role("button", name="עריכה").click()
    edit = page.get_by_role("dialog", name="עריכת חוזה")
    expect(edit.get_by_label("כותרת")).to_have_value("הסכם תיווך")
    edit.get_by_label("כותרת").fill("הסכם תיווך בלעדי")
    edit.get_by_role("button", name="שמירה").click()
    expect(item).to_contain_text("הסכם תיווך בלעדי")
    (contract,) = server.api("GET", "/api/crm/contracts", params={"customer_id": customer})["results"]
    assert (contract["title"], contract["status"]) == ("הסכם תיווך בלעדי", "draft")

    item.get_by_role("button", name="שליחה לחתימה").click()
    toast(page, "נשלח לחתימה")
    expect(item.locator(".badge")).to_have_text("נשלח לחתימה")
    expect(item.get_by_role("button", name="עריכה")).to_have_count(0)  # sent: locked
    link = server.api("GET", f"/api/crm/contracts/{contract['id']}")["sign_url"]
    expect(item.get_by_label("קישור לחתימה")).to_have_value(link)
    item.get_by_role("button", name="העתקת קישור").click()
    expect(item.get_by_role("button", name="הועתק")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert_fits(page)
    shots(page, f"card-contracts-{size}", full_page=True)

    # The customer signs from the link; the card says who and when.
    signed = httpx.post(link, json={"name": "מיכל לוי", "signature_png": signature_png()}, timeout=10)
    assert signed.status_code in (200, 201), signed.text
    page.reload()
    expect(panel.get_by_test_id("contract").locator(".badge")).to_have_text("נחתם")
    expect(panel.get_by_test_id("contract")).to_contain_text("נחתם על ידי מיכל לוי")
    assert page.page_errors == []
    page.context.close()


# ------------------------------------------------------------------ WhatsApp


@pytest.mark.parametrize("size", SIZES)
def test_a_template_is_picked_by_name_previewed_and_sent(server, browser, shots, size):
    name = "יוסי תבנית" if size == "desktop" else "רותי תבנית"
    customer = server.customer(name, "+972521234521" if size == "desktop" else "+972521234522")
    page = open_page(browser, server, server.card(customer, "whatsapp"), size)
    panel = page.get_by_role("tabpanel")
    panel.get_by_label("הודעה").fill("שלום, מה שלומך?")
    panel.get_by_role("button", name="שליחה", exact=True).click()
    form = panel.get_by_role("form", name="שליחת תבנית")
    expect(form.get_by_role("alert")).to_have_text(OUTSIDE_WINDOW)  # the 409, in plain words

    form.get_by_role("button", name="בחירת תבנית").click()
    options = form.locator(".template-option")
    expect(options).to_have_count(2)
    expect(options.first).to_contain_text("ברוכים הבאים")  # by name, in the server's order
    shots(page, f"card-template-picker-{size}", full_page=True)
    options.filter(has_text="תזכורת לפגישה").click()
    expect(form.get_by_role("button", name="תזכורת לפגישה")).to_be_visible()
    preview = form.get_by_test_id("template-preview")
    expect(form.get_by_label("משתנה 1 (שם הלקוח)")).to_have_value(name)
    expect(preview).to_have_text(f"שלום {name}, נתראה ב-{{{{2}}}} במשרד.")
    expect(form.get_by_role("button", name="שליחת התבנית")).to_be_disabled()  # {{2}} still empty
    form.get_by_label("משתנה 2").fill("מחר ב-10")
    expect(preview).to_have_text(f"שלום {name}, נתראה ב-מחר ב-10 במשרד.")
    assert_fits(page)
    shots(page, f"card-template-preview-{size}", full_page=True)
    sent_before = len(server.twilio.sent)
    form.get_by_role("button", name="שליחת התבנית").click()

    bubble = panel.get_by_test_id("bubble")
    expect(bubble).to_have_count(1)
    expect(bubble).to_contain_text(f"שלום {name}, נתראה ב-מחר ב-10 במשרד.")
    expect(bubble).not_to_contain_text("[תבנית]")
    expect(bubble.locator(".ticks")).to_have_attribute("data-status", "queued")
    sent = server.twilio.sent[sent_before]
    sid = server.twilio.contents[0]["sid"]
    assert sent["ContentSid"] == sid and "Body" not in sent
    assert json.loads(sent["ContentVariables"]) == {"1": name, "2": "מחר ב-10"}
    shots(page, f"card-whatsapp-template-{size}", full_page=True)  # the sent template's bubble
    assert page.page_errors == []
    page.context.close()


def test_a_template_message_kept_without_its_text_shows_the_templates_text(server, browser):
    """Sent by another process (the follow-up job) with only its sid: the text comes from the list."""
    customer = server.customer("שרה בלי טקסט", "+972521234531")
    sid = server.twilio.contents[1]["sid"]  # ברוכים הבאים

    async def store():
        await Message.create(business_id=server.ids["business_id"], customer_id=customer, direction="outbound",
                             body="", status="delivered", sender_id="+972521234531", content_sid=sid,
                             content_variables={"1": "שרה"}, message_sid="SM" + "7" * 32)

    server.live.run(store)
    page = open_page(browser, server, server.card(customer, "whatsapp"), "desktop")
    bubble = page.get_by_role("tabpanel").get_by_test_id("bubble")
    expect(bubble).to_contain_text("שלום שרה, תודה שפנית למשרד הדגמה!")
    expect(bubble).not_to_contain_text("[תבנית]")
    page.context.close()


def test_twilio_unreachable_is_said_at_once_and_the_message_goes_when_it_is_back(server, browser):
    page = open_page(browser, server, server.card(tab="whatsapp"), "desktop")
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_test_id("bubble").first).to_be_visible()
    server.proxy.cut()
    try:
        panel.get_by_label("הודעה").fill("נפגש בדירה בשש")
        panel.get_by_role("button", name="שליחה", exact=True).click()
        bubble = panel.get_by_test_id("bubble").filter(has_text="נפגש בדירה בשש")
        # The job's first try fails at once (the line is reset) and wa:status says so.
        expect(bubble.get_by_test_id("bubble-retrying")).to_have_text(RETRYING, timeout=5000)
        expect(bubble.locator(".ticks")).to_have_attribute("data-status", "pending")
    finally:
        server.proxy.restore()
    # The job's next try (a couple of seconds later) reaches Twilio; the note goes.
    expect(bubble.locator(".ticks")).to_have_attribute("data-status", "queued", timeout=20000)
    expect(bubble.get_by_test_id("bubble-retrying")).to_have_count(0)
    assert any(sent.get("Body") == "נפגש בדירה בשש" for sent in server.twilio.sent)
    page.context.close()


def test_a_refused_message_says_why_and_is_sent_again(server, browser):
    page = open_page(browser, server, server.card(tab="whatsapp"), "desktop")
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_test_id("bubble").first).to_be_visible()
    server.twilio.fail_with = [(400, 21211)]
    panel.get_by_label("הודעה").fill("ההצעה מצורפת")
    panel.get_by_role("button", name="שליחה", exact=True).click()
    failed = panel.get_by_test_id("bubble").filter(has_text="ההצעה מצורפת").first
    expect(failed.locator(".bubble-error")).to_have_text("מספר הטלפון של הנמען אינו תקין")
    failed.get_by_role("button", name="שליחה חוזרת").click()
    again = panel.get_by_test_id("bubble").filter(has_text="ההצעה מצורפת")
    expect(again).to_have_count(2)
    expect(again.first.locator(".ticks")).to_have_attribute("data-status", "queued")
    page.context.close()


# ------------------------------------------------------------------ profile, call and push


@pytest.mark.parametrize("size", SIZES)
def test_the_profile_sets_the_phone_that_call_rings(server, browser, shots, size):
    server.api("PATCH", "/auth/me", json={"phone": ""})  # each run starts without one
    customer = server.customer(f"דוד שיחה {IN_HEBREW[size]}",
                               "+972541234541" if size == "desktop" else "+972541234542")
    page = open_page(browser, server, server.card(customer), size)
    page.get_by_role("group", name="פעולות מהירות").get_by_role("button", name="התקשרות").click()
    missing = toast(page, "לא הגדרת מספר טלפון משלך")
    assert not LATIN.search(missing.inner_text())
    missing.get_by_role("button", name="הגדרת הטלפון שלי").click()
    page.wait_for_url("**/profile")

    form = page.get_by_role("form", name="הפרטים שלי")
    expect(form).to_contain_text("card@example.com")  # read-only, under its label (not at the far edge)
    label = form.get_by_text("אימייל", exact=True).bounding_box()
    email = form.locator("bdi", has_text="card@example.com").bounding_box()
    assert abs((label["x"] + label["width"]) - (email["x"] + email["width"])) <= 40
    form.get_by_label("הטלפון שלי").fill("12")
    form.get_by_role("button", name="שמירה").click()
    expect(form.get_by_role("alert")).to_contain_text("זה אינו מספר טלפון")
    form.get_by_label("הטלפון שלי").fill("052-555-0199")
    form.get_by_role("button", name="שמירה").click()
    toast(page, "הפרטים נשמרו")
    assert server.api("GET", "/auth/me")["user"]["phone"] == "+972525550199"
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    shots(page, f"profile-{size}", full_page=True)

    page.go_back()
    created = len(server.twilio.created)
    page.get_by_role("group", name="פעולות מהירות").get_by_role("button", name="התקשרות").click()
    toast(page, "השיחה יוצאת")
    assert len(server.twilio.created) == created + 1
    assert server.twilio.created[-1]["To"] == ["+972525550199"]  # the agent's phone rings first
    assert page.page_errors == []
    page.context.close()


@pytest.mark.parametrize("refusal", ["denied", "granted_without_push_service"])
def test_the_push_switch_says_the_browsers_refusal_in_hebrew(server, browser, refusal):
    granted = refusal == "granted_without_push_service"
    page = open_page(browser, server, f"{server.base_url}/profile", "desktop",
                     permissions=["notifications"] if granted else [])
    if not granted:
        session = page.context.new_cdp_session(page)
        session.send("Browser.setPermission", {"permission": {"name": "notifications"}, "setting": "denied",
                                               "origin": server.base_url})
    switch = page.get_by_role("switch", name="התראות דחיפה כשהלשונית סגורה")
    expect(switch).to_be_enabled()
    switch.click()
    alert = page.locator(".switch-row").get_by_role("alert")
    expect(alert).to_be_visible()
    text = alert.inner_text()
    assert not LATIN.search(text), text  # never "Registration failed - permission denied"
    if not granted:
        assert text == PUSH_BLOCKED
    expect(switch).not_to_be_checked()
    page.context.close()
