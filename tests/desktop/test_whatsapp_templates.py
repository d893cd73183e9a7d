"""The WhatsApp tab's template picker, its real widgets against a real server (Hypercorn in a
subprocess) whose Twilio, Messages and Content API alike, is a local fake over real HTTP:
outside the 24-hour window the tab explains why and offers the business's approved templates
by name; a template is chosen, filled in, previewed and sent; an empty variable sends nothing;
a failing template list shows an error with a retry."""

from __future__ import annotations

import itertools
import json
import os
import signal
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import httpx
import pytest

from desktop.api import Api
from desktop.views.card import CustomerCard
from server.customers.models import Customer
from server.messages.models import Message
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD
from tests.desktop.conftest import EMAIL
from tests.fake_twilio_messages import FakeTwilioMessages

TIMEOUT = 15_000
REMINDER = "שלום {{1}}, מזכירים את הפגישה שלך ב-{{2}} במשרד."
PHONES = itertools.count()


def add_templates(fake: FakeTwilioMessages) -> None:
    fake.add_template("תזכורת לפגישה", REMINDER, {"1": "דנה", "2": "יום שלישי בעשר"})
    fake.add_template("אישור הגעה", "היי {{1}}, נשמח לאישור הגעה.", {"1": "יוסי"})
    fake.add_template("מבצע חורף", "מבצע!", status="rejected")


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        add_templates(fake)
        yield fake


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, twilio):
    from tests.e2e.live import Live

    live = Live.on(databases, tmp_path_factory.mktemp("wa-templates-live"), TWILIO_API_BASE=twilio.base_url,
                   TWILIO_CONTENT_API_BASE=twilio.base_url)
    try:
        live.seed({"name": "משרד הדגמה", "phone": BUSINESS_PHONE,
                   "users": [{"email": EMAIL, "password": PASSWORD, "role": "admin"}]})
        live.start_server()
        yield SimpleNamespace(live=live, token=live.login(EMAIL, PASSWORD)["access_token"])
    finally:
        live.stop()


@pytest.fixture
def customer(server):
    """A new customer who last wrote `wrote_ago` ago (None: never)."""
    def make(name: str, wrote_ago: timedelta | None) -> int:
        response = httpx.post(f"{server.live.base_url}/api/crm/customers", timeout=10,
                              headers={"Authorization": f"Bearer {server.token}"},
                              json={"name": name, "phone": f"052-66600{next(PHONES):02d}", "status": "active"})
        assert response.status_code == 201, response.text
        customer_id = response.json()["id"]
        if wrote_ago is not None:
            async def wrote() -> None:
                row = await Customer.get(id=customer_id)
                at = datetime.now(UTC) - wrote_ago
                await Message.create(business_id=row.business_id, customer_id=row.id, direction="inbound",
                                     body="תודה, אחזור אליכם", status="received", sender_id=row.phone,
                                     message_sid=f"SM{customer_id:032x}", created_at=at, status_at=at)
            server.live.run(wrote)
        return customer_id
    return make


def api_on(base_url: str) -> Api:
    client = Api(base_url)
    client.login(EMAIL, PASSWORD)
    return client


@pytest.fixture
def api(server):
    client = api_on(server.live.base_url)
    yield client
    client.close()


def open_chat(qtbot, tasks, api, customer_id: int):
    card = CustomerCard(api, tasks, customer_id)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitUntil(lambda: card.whatsapp.loaded_once, timeout=TIMEOUT)
    card.show_tab(card.whatsapp)
    return card.whatsapp


def sent_to(api: Api, customer_id: int) -> list[dict]:
    return api.list("messages", customer_id=customer_id, direction="outbound")["results"]


def test_outside_the_window_the_tab_explains_and_offers_the_approved_templates(qtbot, tasks, api, customer):
    chat = open_chat(qtbot, tasks, api, customer("יוסי לוי", timedelta(days=3)))

    assert not chat.window_is_open and chat.window_notice.isVisible()
    assert chat.window_notice.text().startswith("וואטסאפ מתיר הודעה חופשית רק בתוך 24 שעות")
    assert "ההודעה האחרונה של הלקוח" in chat.window_notice.text()
    assert chat.picker.isVisible() and chat.template_button.isChecked()
    qtbot.waitUntil(lambda: chat.picker.state == "ready", timeout=TIMEOUT)
    assert chat.picker.template_names() == ["אישור הגעה", "תזכורת לפגישה"]  # by name; the rejected one is not
    assert chat.picker.combo.currentText() == "אישור הגעה"


def test_a_template_is_chosen_by_name_filled_previewed_and_sent(qtbot, tasks, api, customer, twilio):
    customer_id = customer("מיכל פרץ", timedelta(hours=30))
    chat = open_chat(qtbot, tasks, api, customer_id)
    chat.input.setText("טיוטה לתשובה")  # the composer's text is the agent's, kept through a template send
    picker = chat.picker
    qtbot.waitUntil(lambda: picker.state == "ready", timeout=TIMEOUT)

    assert picker.choose("תזכורת לפגישה")
    assert picker.text.text() == REMINDER
    assert list(picker.variable_inputs) == ["1", "2"]
    assert picker.variable_inputs["1"].placeholderText() == "לדוגמה: דנה"
    picker.set_variable("1", "מיכל")
    assert picker.preview.text() == "שלום מיכל, מזכירים את הפגישה שלך ב-{{2}} במשרד."  # live, as it is typed
    picker.set_variables({"2": "יום רביעי ב-12:30"})
    filled = "שלום מיכל, מזכירים את הפגישה שלך ב-יום רביעי ב-12:30 במשרד."
    assert picker.preview_text() == picker.preview.text() == filled

    assert picker.send()
    qtbot.waitUntil(lambda: chat.bubbles and chat.bubbles[-1].body.text() == filled, timeout=TIMEOUT)
    assert chat.bubbles[-1].outbound and chat.input.text() == "טיוטה לתשובה"
    (stored,) = sent_to(api, customer_id)
    sid = next(c["sid"] for c in twilio.contents if c["friendly_name"] == "תזכורת לפגישה")
    assert stored["content_sid"] == sid and stored["content_variables"] == {"1": "מיכל", "2": "יום רביעי ב-12:30"}
    qtbot.waitUntil(lambda: any(s.get("ContentSid") == sid for s in twilio.sent), timeout=TIMEOUT)
    form = next(s for s in twilio.sent if s.get("ContentSid") == sid)
    assert "Body" not in form and json.loads(form["ContentVariables"]) == {"1": "מיכל", "2": "יום רביעי ב-12:30"}
    assert all(field.text() == "" for field in picker.variable_inputs.values())  # ready for the next one


def test_an_empty_variable_is_explained_and_nothing_is_sent(qtbot, tasks, api, customer):
    customer_id = customer("אבי כהן", None)
    chat = open_chat(qtbot, tasks, api, customer_id)
    assert "הלקוח עוד לא כתב לעסק בוואטסאפ" in chat.window_notice.text()
    picker = chat.picker
    qtbot.waitUntil(lambda: picker.state == "ready", timeout=TIMEOUT)
    picker.choose("תזכורת לפגישה")
    picker.set_variable("1", "אבי")

    picker.send_button.click()

    assert picker.problem.isVisible()
    assert picker.problem.text() == "יש למלא את כל משתני התבנית לפני השליחה. חסר: משתנה 2"
    with qtbot.assertNotEmitted(picker.send_requested):
        assert not picker.send()
    assert sent_to(api, customer_id) == []
    picker.set_variable("2", "מחר")
    assert not picker.problem.isVisible()  # filled: the complaint goes


def test_free_text_outside_the_window_is_refused_with_the_explanation_and_kept(qtbot, tasks, api, customer):
    customer_id = customer("נועה לוי", timedelta(days=2))
    chat = open_chat(qtbot, tasks, api, customer_id)
    chat.input.setText("שלום נועה, רציתי לעדכן")
    chat.send_button.click()
    qtbot.waitUntil(lambda: "24 שעות" in chat.notice.text(), timeout=TIMEOUT)
    assert chat.input.text() == "שלום נועה, רציתי לעדכן"
    assert chat.window_notice.isVisible() and chat.picker.isVisible()
    assert sent_to(api, customer_id) == []


def test_inside_the_window_the_template_button_opens_the_picker(qtbot, tasks, api, customer, twilio):
    customer_id = customer("עומר דהן", timedelta(hours=1))
    chat = open_chat(qtbot, tasks, api, customer_id)
    assert chat.window_is_open and not chat.window_notice.isVisible() and not chat.picker.isVisible()

    chat.template_button.click()
    assert chat.picker.isVisible()
    qtbot.waitUntil(lambda: chat.picker.state == "ready", timeout=TIMEOUT)
    chat.picker.choose("אישור הגעה")
    chat.picker.set_variable("1", "עומר")
    chat.picker.send_button.click()
    qtbot.waitUntil(lambda: chat.bubbles[-1].body.text() == "היי עומר, נשמח לאישור הגעה.", timeout=TIMEOUT)
    assert not chat.picker.isVisible() and not chat.template_button.isChecked()  # back to the chat


def test_a_failing_template_list_shows_an_error_with_a_retry_and_an_empty_one_says_so(qtbot, tasks, server,
                                                                                    customer):
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as flaky:
        flaky.fail_content_with.append((503, 20500))
        # A server of its own (same database), so that no list cached by the others answers.
        other = server.live.sharing(TWILIO_CONTENT_API_BASE=flaky.base_url, RUN_WORKER="0")
        process = other.start_server("flaky-templates")
        client = api_on(other.base_url)
        try:
            chat = open_chat(qtbot, tasks, client, customer("תמר אזולאי", timedelta(days=5)))
            picker = chat.picker
            qtbot.waitUntil(lambda: picker.state == "error", timeout=TIMEOUT)
            assert picker.error.text() == "לא ניתן לטעון את התבניות: שירות Twilio אינו זמין כרגע. נסו שוב בעוד רגע."
            assert picker.retry_button.isVisible() and not picker.send_button.isVisible()

            picker.retry_button.click()
            qtbot.waitUntil(lambda: picker.state == "empty", timeout=TIMEOUT)
            assert picker.empty.isVisible() and picker.empty.text().startswith("אין תבניות מאושרות לעסק")

            add_templates(flaky)  # approved in Twilio meanwhile
            picker.refresh_button.click()
            qtbot.waitUntil(lambda: picker.state == "ready", timeout=TIMEOUT)
            assert picker.template_names() == ["אישור הגעה", "תזכורת לפגישה"] and picker.send_button.isVisible()
            assert flaky.content_requests == 3
        finally:
            client.close()
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


def test_the_customers_reply_opens_the_window_and_the_chat_is_back(qtbot, tasks, server, api, customer):
    customer_id = customer("שירה ביטון", timedelta(days=4))
    chat = open_chat(qtbot, tasks, api, customer_id)
    assert chat.window_notice.isVisible() and chat.picker.isVisible()

    async def replied() -> None:
        row = await Customer.get(id=customer_id)
        await Message.create(business_id=row.business_id, customer_id=row.id, direction="inbound", body="כן, מתאים",
                             status="received", sender_id=row.phone, message_sid=f"SM{customer_id + 10**6:032x}")
    server.live.run(replied)
    reply = api.list("messages", customer_id=customer_id, sort="-id", limit=1)["results"][0]
    chat.upsert(reply)  # as the wa:message event hands it to the card

    assert chat.window_is_open and not chat.window_notice.isVisible()
    assert not chat.picker.isVisible() and not chat.template_button.isChecked()
    assert chat.bubbles[-1].body.text() == "כן, מתאים"
