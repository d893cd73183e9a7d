"""The contracts tab's actions: create a contract, edit it while a draft, send it for signing
(the link shown, copied, and sent by WhatsApp), delete a draft; and "Open PDF" when no viewer
opens the file. The real tab against a live server whose WhatsApp sends go to a local fake of
Twilio's Messages API."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from PySide6.QtWidgets import QApplication

from desktop.api import Api
from desktop.display import ltr
from desktop.views.card.base import CardContext
from desktop.views.card.contracts import ContractsTab
from server.customers.models import Customer
from server.messages.models import Message
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD
from tests.desktop.confirmations import Answers
from tests.desktop.conftest import EMAIL
from tests.e2e.live import Live
from tests.fake_twilio_messages import FakeTwilioMessages

TIMEOUT = 15_000
PHONES = itertools.count()
BODY = "1. הסוכנות תספק ללקוח את השירותים.\n2. התמורה תשולם תוך 30 יום."


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory, twilio):
    live = Live.on(databases, tmp_path_factory.mktemp("contracts-live"), TWILIO_API_BASE=twilio.base_url)
    try:
        live.seed({"name": "משרד חוזים", "phone": BUSINESS_PHONE,
                   "users": [{"email": EMAIL, "password": PASSWORD, "role": "admin"}]})
        live.start_server()
        token = live.login(EMAIL, PASSWORD)["access_token"]
        with httpx.Client(base_url=live.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10) as http:
            yield SimpleNamespace(live=live, http=http)
    finally:
        live.stop()


@pytest.fixture
def customer(server) -> int:
    response = server.http.post("/api/crm/customers", json={"name": "לקוחת חוזים", "status": "active",
                                                            "phone": f"058-72{next(PHONES):05d}"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def wrote_lately(server, customer: int) -> None:
    """The customer wrote an hour ago: WhatsApp's 24-hour window is open (as a webhook would record)."""
    async def write() -> None:
        row = await Customer.get(id=customer)
        await Message.create(business_id=row.business_id, customer_id=row.id, direction="inbound", body="שלום",
                             status="received", sender_id=row.phone, message_sid=f"SM{row.id:032x}",
                             created_at=datetime.now(UTC) - timedelta(hours=1))

    server.live.run(write)


def new_contract(server, customer: int, title: str = "הסכם תיווך") -> dict:
    response = server.http.post("/api/crm/contracts", json={"customer_id": customer, "title": title, "body": BODY})
    assert response.status_code == 201, response.text
    return response.json()


def contracts_of(server, customer: int) -> list[dict]:
    return server.http.get("/api/crm/contracts", params={"customer_id": customer}).json()["results"]


@pytest.fixture
def api(server):
    client = Api(server.live.base_url)
    client.login(EMAIL, PASSWORD)
    yield client
    client.close()




@pytest.fixture
def open_tab(qtbot, tasks, api):
    def opener(customer: int) -> ContractsTab:
        tab = ContractsTab(CardContext(api=api, tasks=tasks, customer_id=customer))
        qtbot.addWidget(tab)
        tab.show()
        with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
            tab.reload()
        tab.confirm = Answers()
        return tab
    return opener


def buttons(tab: ContractsTab) -> dict[str, bool]:
    return {name: getattr(tab, f"{name}_button").isEnabled()
            for name in ("edit", "send", "delete", "copy", "whatsapp", "pdf")}


def test_a_contract_is_created_from_the_form(qtbot, server, customer, open_tab):
    tab = open_tab(customer)
    assert tab.states.state == "empty" and tab.new_button.isVisible()
    tab.new_button.click()
    assert tab.form.isVisible()
    tab.save_button.click()
    assert tab.notice.text() == "יש להזין כותרת לחוזה." and contracts_of(server, customer) == []
    tab.title_input.setText("הסכם שכירות")
    tab.body_input.setPlainText(BODY)
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.contracts.rowCount() == 1 and tab.states.state == "content", timeout=TIMEOUT)
    [stored] = contracts_of(server, customer)
    assert (stored["title"], stored["body"], stored["status"]) == ("הסכם שכירות", BODY, "draft")
    assert tab.contracts.item(0, 1).text() == "טיוטה" and tab.form.isHidden()
    assert "נוצר כטיוטה" in tab.notice.text()
    assert buttons(tab) == {"edit": True, "send": True, "delete": True, "copy": False, "whatsapp": False, "pdf": True}


def test_a_draft_is_edited(qtbot, server, customer, open_tab):
    contract = new_contract(server, customer)
    tab = open_tab(customer)
    tab.edit_button.click()
    assert tab.title_input.text() == "הסכם תיווך" and tab.body_input.toPlainText() == BODY
    tab.title_input.setText("הסכם תיווך מעודכן")
    tab.body_input.setPlainText(BODY + "\n3. סעיף חדש.")
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.contracts.item(0, 0).text() == "הסכם תיווך מעודכן", timeout=TIMEOUT)
    stored = server.http.get(f"/api/crm/contracts/{contract['id']}").json()
    assert stored["title"] == "הסכם תיווך מעודכן" and stored["body"].endswith("3. סעיף חדש.")
    assert stored["status"] == "draft" and len(contracts_of(server, customer)) == 1  # edited, not a new one


def test_a_draft_sent_elsewhere_meanwhile_is_not_edited(qtbot, server, customer, open_tab):
    contract = new_contract(server, customer)
    tab = open_tab(customer)
    tab.edit_button.click()
    assert server.http.post(f"/api/crm/contracts/{contract['id']}/send").status_code == 200  # another agent
    tab.title_input.setText("שינוי מאוחר")
    tab.save_button.click()
    qtbot.waitUntil(lambda: "כבר אינו טיוטה" in tab.notice.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.contracts.item(0, 1).text() == "נשלח לחתימה", timeout=TIMEOUT)
    assert server.http.get(f"/api/crm/contracts/{contract['id']}").json()["title"] == "הסכם תיווך"
    assert tab.form.isHidden()


def test_sending_shows_the_link_to_copy_and_to_send_by_whatsapp(qtbot, server, customer, open_tab, twilio):
    contract = new_contract(server, customer)
    wrote_lately(server, customer)
    tab = open_tab(customer)
    tab.confirm = answers = Answers(answer=False)
    tab.send_button.click()
    assert "אי אפשר לערוך" in answers.asked[0]["text"]
    assert server.http.get(f"/api/crm/contracts/{contract['id']}").json()["status"] == "draft"

    answers.answer = True
    tab.send_button.click()
    qtbot.waitUntil(lambda: tab.contracts.item(0, 1).text() == "נשלח לחתימה", timeout=TIMEOUT)
    stored = server.http.get(f"/api/crm/contracts/{contract['id']}").json()
    assert stored["status"] == "sent" and stored["sign_url"].startswith(server.live.base_url + "/sign/")
    assert ltr(stored["sign_url"]) in tab.notice.text()  # the link, left to right
    assert buttons(tab) == {"edit": False, "send": False, "delete": False, "copy": True, "whatsapp": True,
                            "pdf": True}
    assert httpx.get(stored["sign_url"]).status_code == 200  # the link is live

    tab.copy_button.click()
    assert QApplication.clipboard().text() == stored["sign_url"]
    tab.whatsapp_button.click()
    qtbot.waitUntil(lambda: tab.notice.text() == "קישור החתימה נשלח ללקוח בוואטסאפ.", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: any(stored["sign_url"] in sent.get("Body", "") for sent in twilio.sent), timeout=TIMEOUT)


def test_whatsapp_outside_the_window_is_said_in_hebrew(qtbot, server, customer, open_tab, twilio):
    contract = new_contract(server, customer)
    assert server.http.post(f"/api/crm/contracts/{contract['id']}/send").status_code == 200
    tab = open_tab(customer)  # the customer never wrote: only templates may go
    sent_before = len(twilio.sent)
    tab.whatsapp_button.click()
    qtbot.waitUntil(lambda: "יותר מ-24 שעות" in tab.notice.text(), timeout=TIMEOUT)
    assert tab.notice.property("role") == "error" and len(twilio.sent) == sent_before


def test_a_draft_is_deleted_after_asking(qtbot, server, customer, open_tab):
    contract = new_contract(server, customer)
    tab = open_tab(customer)
    tab.confirm = answers = Answers(answer=False)
    tab.delete_button.click()
    assert answers.asked[0]["danger"] and answers.asked[0]["yes"] == "מחיקה"
    assert len(contracts_of(server, customer)) == 1
    answers.answer = True
    tab.delete_button.click()
    qtbot.waitUntil(lambda: tab.states.state == "empty", timeout=TIMEOUT)
    assert contracts_of(server, customer) == []
    assert server.http.get(f"/api/crm/contracts/{contract['id']}").status_code == 404
    assert "נמחקה" in tab.notice.text()


def test_open_pdf_without_a_viewer_says_where_the_file_is(qtbot, server, customer, open_tab):
    contract = new_contract(server, customer)
    tab = open_tab(customer)
    opened: list[Path] = []

    def no_viewer(path: Path) -> bool:
        opened.append(path)
        return False

    tab.ctx.open_file = no_viewer
    tab.pdf_button.click()
    qtbot.waitUntil(lambda: tab.saved_file.isVisible(), timeout=TIMEOUT)
    [file] = opened
    assert file.name == f"contract-{contract['id']}.pdf" and file.read_bytes()[:5] == b"%PDF-"
    assert f"\u2068{file}\u2069" in tab.saved_file.text.text()
    tab.saved_file.copy_button.click()
    assert QApplication.clipboard().text() == str(file)
