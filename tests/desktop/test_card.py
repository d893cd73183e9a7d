"""The customer card, its real widgets against a real server (Hypercorn in a subprocess) whose
WhatsApp sends go to a local fake of Twilio's Messages API. One customer's card is filled with
calls (stored recordings, transcripts), a chat, invoices, contracts (one signed) and tasks."""

from __future__ import annotations

import itertools
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QApplication

from desktop import cache
from desktop.api import Api, Session
from desktop.views.card import CustomerCard
from desktop.views.card.timeline import TimelineTab
from desktop.views.main_window import MainWindow
from server.labels import label
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD, ROOT
from tests.desktop.card_seed import CHAT, TRANSCRIPT, seed_card
from tests.desktop.conftest import EMAIL
from tests.e2e.live import Live
from tests.fake_twilio_messages import FakeTwilioMessages

WELCOME = ROOT / "server" / "static" / "voice_responses" / "welcome.mp3"
TIMEOUT = 15_000
PHONES = itertools.count()  # a new phone number for each new customer


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


def create_customer(live: Live, token: str, name: str, phone: str, email: str | None = None) -> int:
    response = httpx.post(f"{live.base_url}/api/crm/customers", headers={"Authorization": f"Bearer {token}"},
                          json={"name": name, "phone": phone, "email": email, "status": "active"}, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()["id"]


@pytest.fixture(scope="module")
def card_server(databases, tmp_path_factory, twilio):
    live = Live.on(databases, tmp_path_factory.mktemp("card-live"), TWILIO_API_BASE=twilio.base_url)
    try:
        live.seed({"name": "משרד הדגמה", "phone": BUSINESS_PHONE,
                   "users": [{"email": EMAIL, "password": PASSWORD, "role": "admin"}]})
        live.start_server()
        token = live.login(EMAIL, PASSWORD)["access_token"]
        dana = create_customer(live, token, "דנה כהן", "054-1234567", "dana@example.co.il")
        stale = create_customer(live, token, "יוסי לוי", "054-7654321")
        empty = create_customer(live, token, "מיכל פרץ", "03-5551234")
        made = seed_card(live, token, dana, stale_customer_id=stale)
        yield SimpleNamespace(live=live, dana=dana, stale=stale, empty=empty, made=made, token=token)
    finally:
        live.stop()


@pytest.fixture
def api(card_server):
    client = Api(card_server.live.base_url)
    client.login(EMAIL, PASSWORD)
    yield client
    client.close()


def in_the_private_cache(path: Path) -> bool:
    return path.parent == cache.folder() and stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def open_card(qtbot, tasks, api):
    def opener(customer_id: int) -> CustomerCard:
        card = CustomerCard(api, tasks, customer_id)
        qtbot.addWidget(card)
        card.show()
        qtbot.waitUntil(lambda: all(tab.loaded_once for tab in card.all_tabs), timeout=TIMEOUT)
        return card
    return opener


@pytest.fixture
def new_customer(card_server):
    def make(name: str) -> int:
        return create_customer(card_server.live, card_server.token, name, f"052-55500{next(PHONES):02d}")
    return make


def texts(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


# -- every tab ---------------------------------------------------------------------------

def test_every_tab_shows_the_customers_records(qtbot, open_card, card_server, api):
    card = open_card(card_server.dana)
    assert [card.tabs.tabText(i) for i in range(card.tabs.count())] == [
        "סקירה", "ציר זמן", "שיחות", "וואטסאפ", "חשבוניות", "חוזים וחתימות", "משימות"]
    assert all(tab.states.state == "content" for tab in card.all_tabs)

    assert card.title.text() == "דנה כהן" and card.windowTitle().endswith("דנה כהן")
    assert card.overview.name.text() == "דנה כהן"
    assert card.overview.email.text() == "dana@example.co.il"
    assert card.overview.phone.text().replace("-", "") == "0541234567"
    assert card.overview.status.currentData() == "active"
    assert card.overview.owner.currentData() is None and card.overview.created.text()

    kinds = {item["type"] for item in card.timeline.items}
    assert kinds == {"call", "whatsapp", "task", "invoice", "contract"}
    stamps = [item["at"] for item in card.timeline.items]
    assert stamps == sorted(stamps, reverse=True)  # newest first

    rows = list(card.calls.rows.values())
    assert len(rows) == 3 and sum(row.player is not None for row in rows) == 2
    done = next(row for row in rows if row.call["transcript_status"] == "done")
    assert done.transcript.text() == TRANSCRIPT and "תומלל" in done.transcript_label.text()
    pending = next(row for row in rows if row.call["transcript_status"] == "pending")
    assert "בתהליך" in pending.transcript_label.text() and not pending.transcript.isVisibleTo(pending)

    bubbles = card.whatsapp.bubbles
    assert [b.body.text() for b in bubbles] == [body for _m, _d, body, _s in CHAT]  # oldest at the top
    assert [b.outbound for b in bubbles] == [direction == "outbound" for _m, direction, _b, _s in CHAT]
    assert [b.ticks.text() for b in bubbles if b.outbound] == ["✓✓", "✓✓", "!"]
    assert bubbles[1].ticks.toolTip() == "נקראה" and bubbles[4].error.text().startswith("עברו")
    card.show_tab(card.whatsapp)

    def middle(bubble) -> int:
        return bubble.frame.mapTo(card, bubble.frame.rect().center()).x()
    qtbot.waitUntil(lambda: middle(bubbles[0]) > card.width() / 2 > middle(bubbles[1]))  # the customer's: right

    invoices = api.list("invoices", customer_id=card_server.dana)["results"]
    assert texts(card.invoices.table, 0) == [str(i["number"]) for i in invoices]
    assert texts(card.invoices.table, 3) == [i["status_label"] for i in invoices] == [
        label("invoice_status", "draft"), label("invoice_status", "issued")]
    assert all(text.endswith("₪") for text in texts(card.invoices.table, 2))

    assert sorted(texts(card.contracts.contracts, 1)) == sorted(["טיוטה", "נשלח לחתימה", "נחתם"])
    assert texts(card.contracts.signatures, 0) == ["דנה כהן"]

    assert sorted(texts(card.tasks_tab.table, 2)) == sorted(["פתוחה", "פתוחה", "בוצעה"])


def test_a_customer_without_records_sees_no_data_in_every_tab(open_card, card_server):
    card = open_card(card_server.empty)
    assert card.overview.states.state == "content"
    for tab in card.all_tabs[1:]:
        assert tab.states.state == "empty", type(tab).__name__
        assert tab.states.empty.text()


def test_enter_on_a_customers_row_opens_its_card_once(qtbot, tasks, api, card_server):
    window = MainWindow(Session(api=api, user={"email": EMAIL}), tasks, tray_available=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once and window.model.is_loaded(0), timeout=TIMEOUT)
    table = window.customers.table
    table.setFocus()
    table.setCurrentIndex(window.model.index(0, 0))
    opened = []
    window.card_opened.connect(opened.append)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    customer = window.model.row(0)
    assert list(window.cards) == [customer["id"]] and opened == [window.cards[customer["id"]]]
    card = window.cards[customer["id"]]
    assert card.title.text() == customer["name"]  # the row, before the card's own fetch
    window.customers._activated(window.model.index(0, 1))  # a double-click: the same card
    assert len(opened) == 1
    qtbot.waitUntil(lambda: all(tab.loaded_once for tab in card.all_tabs), timeout=TIMEOUT)
    card.close()
    qtbot.waitUntil(lambda: not window.cards)


# -- calls -------------------------------------------------------------------------------

def test_a_recording_downloads_with_the_session_and_plays(qtbot, open_card, card_server, shared_tmp):
    card = open_card(card_server.dana)
    card.show_tab(card.calls)
    row = next(row for row in card.calls.rows.values() if row.call["transcript_status"] == "done")
    player = row.player
    player.button.click()
    qtbot.waitUntil(lambda: player.player is not None, timeout=TIMEOUT)
    media = player.player
    qtbot.waitUntil(lambda: media.playbackState() == QMediaPlayer.PlaybackState.PlayingState
                    and media.position() > 0, timeout=TIMEOUT)
    assert Path(media.source().toLocalFile()).read_bytes() == WELCOME.read_bytes()
    assert in_the_private_cache(Path(media.source().toLocalFile()))
    assert media.duration() > 4000 and player.slider.maximum() == media.duration()
    player.button.click()
    qtbot.waitUntil(lambda: media.playbackState() == QMediaPlayer.PlaybackState.PausedState)
    player.seek(3000)
    qtbot.waitUntil(lambda: media.position() >= 3000)
    assert "3:" not in player.time.text() and "0:03" in player.time.text()


# -- WhatsApp ----------------------------------------------------------------------------

def test_a_whatsapp_message_is_sent_through_the_server(qtbot, open_card, card_server, api, twilio):
    card = open_card(card_server.dana)
    chat = card.whatsapp
    chat.input.setText("היי דנה, מחכים לך מחר בעשר")
    chat.send_button.click()
    qtbot.waitUntil(lambda: chat.bubbles and chat.bubbles[-1].body.text() == "היי דנה, מחכים לך מחר בעשר",
                    timeout=TIMEOUT)
    assert chat.input.text() == "" and chat.bubbles[-1].outbound and chat.bubbles[-1].ticks.text() == "◷"
    stored = api.list("messages", customer_id=card_server.dana, sort="-id", limit=1)["results"][0]
    assert stored["body"] == "היי דנה, מחכים לך מחר בעשר" and stored["direction"] == "outbound"
    qtbot.waitUntil(lambda: any(sent.get("Body") == stored["body"] for sent in twilio.sent), timeout=TIMEOUT)


# -- overview ----------------------------------------------------------------------------

def test_editing_saves_and_a_refused_edit_saves_nothing(qtbot, open_card, api, new_customer):
    customer_id = new_customer("נועה לוי")
    card = open_card(customer_id)
    overview = card.overview
    overview.edit_button.click()
    overview.name.setText("נועה לוי-כהן")
    overview.email.setText("not-an-email")
    overview.save_button.click()
    assert "האימייל" in overview.notice.text() and overview.editing
    overview.phone.setText("12")  # the server refuses it: the name must not be saved either
    overview.email.setText("noa@example.co.il")
    overview.save_button.click()
    qtbot.waitUntil(lambda: "הטלפון" in overview.notice.text(), timeout=TIMEOUT)
    assert "דבר לא נשמר" in overview.notice.text() and overview.editing
    assert api.get(f"/api/crm/customers/{customer_id}")["name"] == "נועה לוי"

    overview.phone.setText("054-9876543")
    overview.status.setCurrentIndex(overview.status.findData("inactive"))
    overview.save_button.click()
    qtbot.waitUntil(lambda: not overview.editing, timeout=TIMEOUT)
    saved = api.get(f"/api/crm/customers/{customer_id}")
    assert (saved["name"], saved["email"], saved["phone"], saved["status"]) == (
        "נועה לוי-כהן", "noa@example.co.il", "+972549876543", "inactive")
    assert card.title.text() == "נועה לוי-כהן" and overview.name.isReadOnly()


def test_quick_actions(qtbot, open_card, card_server):
    card = open_card(card_server.dana)
    card.activateWindow()
    with qtbot.waitSignal(card.call_requested) as called:
        card.overview.call_button.click()
    assert called.args == [card_server.dana]
    card.overview.whatsapp_button.click()
    assert card.tabs.currentWidget() is card.whatsapp
    card.overview.task_button.click()
    assert card.tabs.currentWidget() is card.tasks_tab
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.tasks_tab.title)


# -- tasks -------------------------------------------------------------------------------

def test_tasks_are_created_closed_and_snoozed_on_the_server(qtbot, open_card, api, new_customer):
    customer_id = new_customer("אבי מזרחי")
    card = open_card(customer_id)
    tab = card.tasks_tab
    due = QDateTime.currentDateTime().addDays(2)
    due.setTime(due.time().fromString("10:30", "HH:mm"))
    for title in ("לתאם פגישה עם אבי", "לשלוח לאבי חוזה"):
        tab.title.setText(title)
        tab.due.setDateTime(due)
        tab.create_button.click()
        qtbot.waitUntil(lambda t=title: t in texts(tab.table, 0), timeout=TIMEOUT)
    stored = {t["title"]: t for t in api.list("tasks", customer_id=customer_id)["results"]}
    assert set(stored) == {"לתאם פגישה עם אבי", "לשלוח לאבי חוזה"}
    assert datetime.fromisoformat(stored["לתאם פגישה עם אבי"]["due_at"]) == due.toPython().astimezone()

    tab.table.setCurrentCell(texts(tab.table, 0).index("לתאם פגישה עם אבי"), 0)
    tab.done_button.click()
    task_id = stored["לתאם פגישה עם אבי"]["id"]
    qtbot.waitUntil(lambda: api.get(f"/api/crm/tasks/{task_id}")["status"] == "done", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "בוצעה" in texts(tab.table, 2), timeout=TIMEOUT)

    tab.table.setCurrentCell(texts(tab.table, 0).index("לשלוח לאבי חוזה"), 0)
    before = datetime.now(UTC)
    tab.snooze_actions[1].trigger()  # an hour
    task_id = stored["לשלוח לאבי חוזה"]["id"]
    qtbot.waitUntil(lambda: api.get(f"/api/crm/tasks/{task_id}")["snoozed_until"] is not None, timeout=TIMEOUT)
    until = datetime.fromisoformat(api.get(f"/api/crm/tasks/{task_id}")["snoozed_until"])
    assert before + timedelta(minutes=59) < until < datetime.now(UTC) + timedelta(minutes=61)
    qtbot.waitUntil(lambda: any(texts(tab.table, 3)), timeout=TIMEOUT)


def test_an_empty_task_title_is_refused_before_the_server(open_card, api, new_customer):
    customer_id = new_customer("תמר שלום")
    card = open_card(customer_id)
    card.tasks_tab.create_button.click()
    assert card.tasks_tab.notice.text() == "יש לכתוב מה המשימה."
    assert api.list("tasks", customer_id=customer_id)["total"] == 0


# -- invoices and contracts --------------------------------------------------------------

def test_an_invoice_is_created_from_its_lines(qtbot, open_card, api, new_customer):
    customer_id = new_customer("איתי ביטון")
    card = open_card(customer_id)
    tab = card.invoices
    tab.new_button.click()
    tab.set_line(0, "שעת עבודה", "2", "abc")
    tab.create_button.click()
    assert "אינם מספר" in tab.notice.text()
    tab.set_line(0, "שעת עבודה", "2", "320")
    tab.set_line(1, "צילום נכס", "1", "750.50")
    tab.status.setCurrentIndex(tab.status.findData("issued"))
    tab.create_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and tab.states.state == "content", timeout=TIMEOUT)
    [invoice] = api.list("invoices", customer_id=customer_id)["results"]
    assert [(line["description"], line["quantity"], line["unit_price"]) for line in invoice["lines"]] == [
        ("שעת עבודה", "2", "320.00"), ("צילום נכס", "1", "750.50")]
    assert invoice["subtotal"] == "1390.50" and invoice["status"] == "issued"
    assert texts(tab.table, 0) == [str(invoice["number"])] and texts(tab.table, 3) == [invoice["status_label"]]
    assert tab.form.isHidden()


def test_invoice_and_contract_pdfs_open_and_the_signing_link_is_copied(qtbot, open_card, card_server, shared_tmp):
    card = open_card(card_server.dana)
    opened: list[Path] = []
    card.ctx.open_file = opened.append
    card.invoices.table.setCurrentCell(0, 0)
    card.invoices.pdf_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=TIMEOUT)
    card.contracts.contracts.setCurrentCell(0, 0)
    card.contracts.pdf_button.click()
    qtbot.waitUntil(lambda: len(opened) == 2, timeout=TIMEOUT)
    assert [path.read_bytes()[:5] for path in opened] == [b"%PDF-", b"%PDF-"]
    assert opened[0].name.startswith("invoice-") and opened[1].name.startswith("contract-")
    assert all(in_the_private_cache(path) for path in opened)

    row = next(r for r in range(card.contracts.contracts.rowCount())
               if card.contracts.contracts.item(r, 1).text() == "נשלח לחתימה")
    card.contracts.contracts.setCurrentCell(row, 0)
    card.contracts.copy_button.click()
    assert QApplication.clipboard().text() == card_server.made["sign_url"]
    assert "הועתק" in card.contracts.notice.text()


# -- timeline ----------------------------------------------------------------------------

def test_the_timeline_pages_back_without_repeats(qtbot, open_card, card_server, monkeypatch):
    monkeypatch.setattr(TimelineTab, "page_size", 4)
    card = open_card(card_server.dana)
    timeline = card.timeline
    assert timeline.list.count() == 4 and not timeline.more.isHidden()
    while timeline.next_before:
        count = timeline.list.count()
        with qtbot.waitSignal(timeline.loaded, timeout=TIMEOUT):
            timeline.more.click()
        assert timeline.list.count() > count
    keys = [(item["type"], item["id"]) for item in timeline.items]
    assert len(keys) == len(set(keys)) >= 16 and timeline.more.isHidden()
    stamps = [item["at"] for item in timeline.items]
    assert stamps == sorted(stamps, reverse=True)


# -- live --------------------------------------------------------------------------------

def test_realtime_events_refresh_the_tabs_they_concern(qtbot, open_card, card_server, api):
    card = open_card(card_server.dana)
    assert card.on_event("wa:message", {"message": {"id": 1, "customer_id": card_server.empty}}) is False

    message = next(m for m in api.list("messages", customer_id=card_server.dana)["results"]
                   if m["status"] == "delivered")
    later = (datetime.fromisoformat(message["status_at"]) + timedelta(seconds=5)).isoformat()
    # The event as the server sends it (message_json): the new status with its label.
    read = dict(message, status="read", status_label=label("message_status", "read"), status_at=later)
    assert card.on_event("wa:status", {"message": read})
    bubble = next(b for b in card.whatsapp.bubbles if b.message["id"] == message["id"])
    assert bubble.ticks.text() == "✓✓" and bubble.ticks.toolTip() == "נקראה"

    task = api.post("/api/crm/tasks", {"title": "משימה שהגיעה בזמן אמת", "customer_id": card_server.dana,
                                       "due_at": (datetime.now(UTC) + timedelta(days=1)).isoformat()})
    with qtbot.waitSignals([card.tasks_tab.loaded, card.timeline.loaded], timeout=TIMEOUT):
        card.on_event("task:due", {"task": task, "customer": {"id": card_server.dana}})
    assert "משימה שהגיעה בזמן אמת" in texts(card.tasks_tab.table, 0)
    assert any(item["type"] == "task" and item["id"] == task["id"] for item in card.timeline.items)

    with qtbot.waitSignal(card.calls.loaded, timeout=TIMEOUT):
        card.on_event("call:updated", {"call": {"id": 1, "customer_id": card_server.dana}})

    customer = api.get(f"/api/crm/customers/{card_server.dana}")
    card.on_event("customer:updated", {"customer": dict(customer, name="דנה כהן-לוי"), "deleted": False})
    assert card.title.text() == "דנה כהן-לוי" and card.overview.name.text() == "דנה כהן-לוי"
