"""The customer card in a real browser against a real server: every tab shows the seeded data
and acts on the server (edit, WhatsApp send and the template fallback, tasks), and realtime
events refresh it without a reload. Its screenshots: web-card-<tab>.png (see `shots`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
from playwright.sync_api import expect

from tests.conftest import ACCOUNT_SID, BUSINESS_PHONE
from tests.twilio_helpers import call_params, signed_form
from tests.web.conftest import needs_browser, sign_in
from tests.web.seed import INBOUND, TRANSCRIPT

pytestmark = needs_browser


def open_tab(page, name: str):
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")
    return page.get_by_role("tabpanel")


def test_every_tab_shows_its_data_and_acts_on_the_server(seeded, browser, twilio, shots):
    dana = seeded.ids["customer_id"]
    invoice = seeded.api("POST", "/api/crm/invoices", 201, json={
        "customer_id": dana, "status": "issued",
        "lines": [{"description": "דמי תיווך", "quantity": 1, "unit_price": "6500"}]})
    contract = seeded.api("POST", "/api/crm/contracts", 201, json={
        "customer_id": dana, "title": "הסכם תיווך לדירה", "body": "1. הסוכנות תספק את השירות."})
    contract = seeded.api("POST", f"/api/crm/contracts/{contract['id']}/send")
    due = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    seeded.api("POST", "/api/crm/tasks", 201, json={"title": "לשלוח לדנה הצעת מחיר", "due_at": due,
                                                    "customer_id": dana})

    page = sign_in(browser, seeded, seeded.card(), permissions=["clipboard-read", "clipboard-write"])
    panel = page.get_by_role("tabpanel")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # Overview: details, statuses in Hebrew, an edit that the server keeps.
    page.get_by_role("heading", name="דנה כהן").wait_for()
    expect(panel.locator(".details")).to_contain_text("054-123-4567")
    expect(panel.locator(".details")).to_contain_text("ליד")
    assert page.evaluate("document.fonts.check('16px Assistant', 'שלום')")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    shots(page, "web-card-overview", full_page=True)
    panel.get_by_role("button", name="עריכה").click()
    form = panel.get_by_role("form", name="עריכת לקוח")
    form.get_by_label("סטטוס").select_option("active")
    form.get_by_label("כתובת").fill("רוטשילד 1, תל אביב")
    form.get_by_role("button", name="שמירה").click()
    expect(panel.locator(".details")).to_contain_text("רוטשילד 1, תל אביב")
    expect(page.locator(".card-head .badge")).to_have_text("פעיל")
    assert seeded.api("GET", f"/api/crm/customers/{dana}")["status"] == "active"

    # Call (in the card's head): this agent has no phone of their own to ring, and reads why in
    # Hebrew (a 409), with the way to set it.
    page.get_by_role("group", name="פעולות מהירות").get_by_role("button", name="התקשרות").click()
    missing = page.get_by_test_id("toast").filter(has_text="השיחה לא יצאה: לא הגדרת מספר טלפון משלך")
    expect(missing.get_by_role("button", name="הגדרת הטלפון שלי")).to_be_visible()
    missing.get_by_role("button", name="סגירת ההודעה").click()

    # Timeline, reached from the keyboard (in RTL the next tab is to the left): newest first,
    # and "load more" pages back to the oldest item.
    page.get_by_role("tab", name="סקירה").focus()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("tab", name="ציר זמן")).to_be_focused()
    expect(page.get_by_role("tab", name="ציר זמן")).to_have_attribute("aria-selected", "true")
    assert page.url.endswith("?tab=timeline")
    items = panel.locator(".timeline-item")
    expect(items).to_have_count(20)
    stamps = [items.nth(i).locator("time").get_attribute("datetime") for i in range(20)]
    assert stamps == sorted(stamps, reverse=True)
    shots(page, "web-card-timeline", full_page=True)
    panel.get_by_role("button", name="טעינת אירועים קודמים").click()
    expect(items).to_have_count(INBOUND + 1 + 1 + 1 + 1 + 1)  # messages, reply, call, invoice, contract, task
    expect(items.last).to_have_class(re.compile("kind-call"))  # the oldest: three hours ago
    expect(panel.get_by_role("button", name="טעינת אירועים קודמים")).to_have_count(0)

    # Calls: a player fed from the token-fetched blob, which really decodes, and the transcript.
    panel = open_tab(page, "שיחות")
    audio = panel.locator("audio[controls]")
    expect(audio).to_have_count(1)
    expect(audio).to_have_attribute("src", re.compile("^blob:"))
    page.wait_for_function("(a => a.readyState >= 1 && a.duration > 0)(document.querySelector('audio'))")
    expect(panel.locator(".transcript")).to_contain_text("תומלל")
    expect(panel.locator(".transcript")).to_contain_text(TRANSCRIPT)
    expect(panel.get_by_test_id("call")).to_contain_text("נכנסת")
    shots(page, "web-card-calls", full_page=True)

    # WhatsApp: bubbles both ways with ticks (the newest first in the log, shown at the bottom);
    # a reply goes to Twilio and shows up.
    panel = open_tab(page, "וואטסאפ")
    bubbles = panel.get_by_test_id("bubble")
    expect(bubbles).to_have_count(INBOUND + 1)
    expect(panel.locator(".bubble.outbound .ticks.read")).to_have_count(1)
    expect(bubbles.first).to_contain_text("שלום דנה, נחזור אלייך היום")
    photo = panel.get_by_role("img", name="תמונה מצורפת")
    expect(photo).to_have_attribute("src", re.compile("^blob:"))
    page.wait_for_function("document.querySelector('.bubble-image').naturalWidth === 120")
    assert bubbles.first.bounding_box()["y"] > bubbles.nth(1).bounding_box()["y"]  # the newest at the bottom
    expect(bubbles.first).to_be_in_viewport()
    shots(page, "web-card-whatsapp", full_page=True)
    panel.get_by_label("הודעה").fill("נקבע פגישה למחר בעשר")
    panel.get_by_role("button", name="שליחה", exact=True).click()
    expect(bubbles).to_have_count(INBOUND + 2)
    expect(bubbles.first).to_contain_text("נקבע פגישה למחר בעשר")
    expect(bubbles.first.locator(".ticks")).to_have_attribute("data-status", "queued")  # Twilio took it
    assert twilio.sent[-1]["Body"] == "נקבע פגישה למחר בעשר"
    assert twilio.sent[-1]["To"] == "whatsapp:+972541234567"

    # Invoices: number, Hebrew status, and the PDF opened from a token-fetched blob.
    panel = open_tab(page, "חשבוניות")
    row = panel.get_by_test_id("invoice")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(str(invoice["number"]))
    expect(row).to_contain_text(invoice["status_label"])
    expect(row).to_contain_text("₪")
    shots(page, "web-card-invoices", full_page=True)
    with page.expect_popup() as popup:
        row.get_by_role("button", name=re.compile("PDF")).click()
    pdf = popup.value
    pdf.wait_for_url(re.compile("^blob:"))
    assert pdf.evaluate("fetch(location.href).then(r => r.blob()).then(b => b.type)") == "application/pdf"
    pdf.close()

    # Contracts: status, the signing link to copy, the PDF.
    panel = open_tab(page, "חוזים וחתימות")
    item = panel.get_by_test_id("contract")
    expect(item).to_contain_text("הסכם תיווך לדירה")
    expect(item).to_contain_text("נשלח לחתימה")
    expect(item.get_by_label("קישור לחתימה")).to_have_value(contract["sign_url"])
    item.get_by_role("button", name="העתקת קישור").click()
    expect(item.get_by_role("button", name="הועתק")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == contract["sign_url"]
    shots(page, "web-card-contracts", full_page=True)

    # Tasks, opened by the overview's "new task" with its form ready to type in: the seeded
    # task, a new one with its due time, snooze and done on the server.
    open_tab(page, "סקירה")
    page.get_by_role("group", name="פעולות מהירות").get_by_role("button", name="משימה חדשה").click()
    expect(page.get_by_role("tab", name="משימות")).to_have_attribute("aria-selected", "true")
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_role("textbox", name="משימה חדשה")).to_be_focused()
    tasks = panel.get_by_test_id("task")
    expect(tasks).to_have_count(1)
    expect(tasks.first).to_contain_text("פתוחה")
    form = panel.get_by_role("form", name="משימה חדשה")
    form.get_by_label("משימה חדשה").fill("לתאם ביקור בדירה")
    form.get_by_label("מועד").fill("2030-01-15T10:30")
    form.get_by_role("button", name="הוספה").click()
    expect(tasks).to_have_count(2)
    created = seeded.api("GET", "/api/crm/tasks", params={"customer_id": dana, "q": "לתאם ביקור"})["results"][0]
    assert created["due_at"].startswith("2030-01-15")
    shots(page, "web-card-tasks", full_page=True)
    visit = tasks.filter(has_text="לתאם ביקור בדירה")
    visit.get_by_label(re.compile("דחייה של")).select_option("15")
    expect(visit).to_contain_text("נדחתה")
    assert seeded.api("GET", f"/api/crm/tasks/{created['id']}")["snoozed_until"] is not None
    visit.get_by_role("button", name="בוצע").click()
    expect(visit).to_contain_text("בוצעה")
    assert seeded.api("GET", f"/api/crm/tasks/{created['id']}")["status"] == "done"
    assert errors == []
    page.context.close()


def test_outside_the_window_the_template_picker_opens(seeded, browser, twilio):
    """Free text to a customer who never wrote is refused (409) and the template picker opens,
    saying why; here Twilio's Content API is not reachable, which it says in Hebrew too (the
    picking and sending: test_card_actions.py)."""
    page = sign_in(browser, seeded, seeded.card(seeded.ids["quiet_id"], "whatsapp"))
    panel = page.get_by_role("tabpanel")
    expect(panel.get_by_text("אין עדיין הודעות וואטסאפ עם הלקוח")).to_be_visible()
    panel.get_by_label("הודעה").fill("שלום יוסי")
    panel.get_by_role("button", name="שליחה", exact=True).click()
    template = panel.get_by_role("form", name="שליחת תבנית")
    expect(template.get_by_role("alert").first).to_contain_text("24 שעות")
    expect(template.get_by_role("alert").last).to_contain_text("התבניות לא נטענו")
    assert not re.search(r"[A-Za-z]{3}", template.inner_text().replace("Twilio", ""))
    assert twilio.sent == [] or all(sent.get("Body") != "שלום יוסי" for sent in twilio.sent)
    # The other tabs of a customer with nothing yet say so.
    for tab, sentence in (("שיחות", "אין שיחות ללקוח זה"), ("חשבוניות", "אין חשבוניות ללקוח זה"),
                          ("חוזים וחתימות", "אין חוזים ללקוח זה"), ("משימות", "אין משימות ללקוח זה")):
        expect(open_tab(page, tab).get_by_text(sentence)).to_be_visible()
    page.context.close()


def test_realtime_events_refresh_the_card_and_the_table(seeded, browser):
    """wa:message and call:new refresh the open card, customer:updated the table; no reload."""
    page = sign_in(browser, seeded, seeded.card(tab="whatsapp"))
    bubbles = page.get_by_role("tabpanel").get_by_test_id("bubble")
    expect(bubbles.first).to_be_visible()
    before = bubbles.count()
    params = {"AccountSid": ACCOUNT_SID, "MessageSid": "SM" + "9" * 32, "From": "whatsapp:+972541234567",
              "To": f"whatsapp:{BUSINESS_PHONE}", "Body": "הגעתי לדירה, איפה אתם?", "NumMedia": "0",
              "ProfileName": "Dana", "WaId": "972541234567"}
    path, body, headers = signed_form(seeded.base_url, "/webhook/whatsapp", params)
    assert httpx.post(seeded.base_url + path, content=body, headers=headers).status_code in (200, 204)
    expect(bubbles).to_have_count(before + 1)  # wa:message, no reload
    expect(bubbles.first).to_contain_text("הגעתי לדירה, איפה אתם?")

    calls = open_tab(page, "שיחות").get_by_test_id("call")
    expect(calls.first).to_be_visible()
    before = calls.count()
    path, body, headers = signed_form(seeded.base_url, "/webhook/incoming_call", call_params("CA" + "cd" * 16))
    assert httpx.post(seeded.base_url + path, content=body, headers=headers).status_code == 200
    expect(calls).to_have_count(before + 1)  # call:new
    expect(calls.first).to_contain_text("נכנסת")

    page.goto(f"{seeded.base_url}/crm/customers")
    page.locator("tbody tr td:first-child a").first.wait_for()
    seeded.api("POST", "/api/crm/customers", 201, json={"name": "רחל חדשה", "phone": "+972501111111"})
    expect(page.get_by_role("link", name="רחל חדשה")).to_be_visible()  # customer:updated
    page.context.close()
