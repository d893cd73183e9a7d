"""After a call: the Calls tab of an open card asks for the outcome of a call that comes in or
ends (signed Twilio webhooks to the session's live server, heard over the window's real socket),
without taking the keyboard from an agent typing, and without a realtime reload wiping notes
being typed; the outcome saved shows on the row, on the server and on the timeline.

The customers live in a business of their own, so the other desktop tests still see exactly
their CUSTOMERS."""

from __future__ import annotations

import uuid

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.api import Api, Session
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.tcp_proxy import ThreadedTcpProxy
from tests.twilio_helpers import call_params, signed_form

EMAIL = "outcomes@example.com"
PHONE = "+97235550166"
TIMEOUT = 15_000


@pytest.fixture(scope="module")
def office(live_server):
    live_server.seed({"name": "משרד התוצאות", "phone": PHONE,
                      "users": [{"email": EMAIL, "password": PASSWORD, "role": "agent"}]})
    token = live_server.login(EMAIL, PASSWORD)["access_token"]
    response = httpx.post(f"{live_server.base_url}/api/crm/customers", timeout=10,
                          json={"name": "גלית שמעוני", "phone": "053-444-5566"},
                          headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.text
    return response.json()


def webhook(live_server, path: str, sid: str, **extra) -> None:
    params = call_params(sid, From="+972534445566", Caller="+972534445566", To=PHONE, Called=PHONE, **extra)
    full_path, body, headers = signed_form(live_server.base_url, path, params)
    response = httpx.post(live_server.base_url + full_path, content=body, headers=headers, timeout=10)
    assert response.status_code == 200, response.text


def ring(live_server) -> str:
    sid = "CA" + uuid.uuid4().hex
    webhook(live_server, "/webhook/incoming_call", sid)
    return sid


def hang_up(live_server, sid: str, duration: int = 42) -> None:
    webhook(live_server, "/webhook/call_status", sid, CallStatus="completed", CallDuration=str(duration))


def open_card(qtbot, base_url: str, office: dict, tasks):
    """The customer's card, open on its Calls tab in a logged-in window with realtime on."""
    api = Api(base_url)
    user = api.login(EMAIL, PASSWORD)
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.alerts.bridge.connected, timeout=TIMEOUT)
    card = window.open_card(office["id"], office)
    card.show_tab(card.calls)
    qtbot.waitUntil(lambda: card.calls.loaded_once and card.timeline.loaded_once, timeout=TIMEOUT)
    return card


@pytest.fixture
def card(qtbot, live_server, office, tasks):
    card = open_card(qtbot, live_server.base_url, office, tasks)
    yield card
    card.parentWidget().alerts.stop()
    card.close()


def row_of(card, sid: str):
    return next((row for row in card.calls.rows.values() if row.call["call_sid"] == sid), None)


def test_a_call_asks_for_its_outcome_and_a_reload_keeps_what_is_typed(qtbot, card, live_server):
    first = ring(live_server)
    qtbot.waitUntil(lambda: row_of(card, first) is not None and row_of(card, first).asking, timeout=TIMEOUT)
    row = row_of(card, first)
    assert row.form.isVisible() and row.form.prompt.isVisible() and not row.summary.isVisible()
    qtbot.waitUntil(lambda: row.form.outcome.hasFocus(), timeout=TIMEOUT)  # nobody was typing

    # The agent types a note; meanwhile a second call comes in and the first one ends.
    row.form.notes.setFocus()
    qtbot.keyClicks(row.form.notes, "call back at 5")
    second = ring(live_server)
    qtbot.waitUntil(lambda: row_of(card, second) is not None and row_of(card, second).asking, timeout=TIMEOUT)
    hang_up(live_server, first)
    qtbot.waitUntil(lambda: row.call["status"] == "completed" and row.call["duration"] == 42, timeout=TIMEOUT)
    assert row_of(card, first) is row  # updated in place
    assert row.form.notes.text() == "call back at 5" and QApplication.focusWidget() is row.form.notes
    assert not row_of(card, second).form.outcome.hasFocus()

    row.form.outcome.setCurrentIndex(row.form.outcome.findData("callback"))
    qtbot.keyClicks(row.form.notes, ", after the meeting")
    qtbot.mouseClick(row.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.summary.isVisible(), timeout=TIMEOUT)
    assert (row.outcome_label.text(), row.notes_label.text()) == ("לחזור ללקוח", "call back at 5, after the meeting")
    assert not row.form.isVisible() and not row.asking and card.calls.notice.text() == "התוצאה נשמרה."
    stored = card.ctx.api.get(f"/api/crm/calls/{row.call['id']}")
    assert (stored["outcome"], stored["notes"]) == ("callback", "call back at 5, after the meeting")

    # The timeline hears the saved call (call:updated) and names its outcome and notes.
    def timeline_entry():
        for index in range(card.timeline.list.count()):
            item = card.timeline.list.item(index)
            if item.data(Qt.ItemDataRole.UserRole)["id"] == row.call["id"]:
                return item.text()
        return ""

    qtbot.waitUntil(lambda: "לחזור ללקוח" in timeline_entry(), timeout=TIMEOUT)
    assert "call back at 5, after the meeting" in timeline_entry() and "0:42" in timeline_entry()
    assert row_of(card, second).asking  # still waiting for its own outcome


def test_a_filed_outcome_can_be_changed_or_left_as_it_was(qtbot, card, live_server):
    sid = ring(live_server)
    qtbot.waitUntil(lambda: row_of(card, sid) is not None, timeout=TIMEOUT)
    row = row_of(card, sid)
    row.form.outcome.setCurrentIndex(row.form.outcome.findData("handled"))
    qtbot.mouseClick(row.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.summary.isVisible() and row.outcome_label.text() == "טופלה", timeout=TIMEOUT)

    qtbot.mouseClick(row.change_button, Qt.MouseButton.LeftButton)
    assert row.form.isVisible() and row.form.chosen() == "handled" and row.form.cancel_button.isVisible()
    row.form.outcome.setCurrentIndex(row.form.outcome.findData("not_relevant"))
    qtbot.mouseClick(row.form.cancel_button, Qt.MouseButton.LeftButton)
    assert row.summary.isVisible() and row.outcome_label.text() == "טופלה" and row.form.chosen() == "handled"

    qtbot.mouseClick(row.change_button, Qt.MouseButton.LeftButton)
    row.form.outcome.setCurrentIndex(row.form.outcome.findData("meeting"))
    qtbot.mouseClick(row.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.summary.isVisible() and row.outcome_label.text() == "נקבעה פגישה", timeout=TIMEOUT)
    assert card.ctx.api.get(f"/api/crm/calls/{row.call['id']}")["outcome"] == "meeting"


def test_a_save_that_cannot_reach_the_server_says_why_and_keeps_the_form(qtbot, live_server, office, tasks):
    proxy = ThreadedTcpProxy("127.0.0.1", live_server.port)  # the network between desktop and server
    proxy.start()
    card = open_card(qtbot, f"http://127.0.0.1:{proxy.port}", office, tasks)
    try:
        sid = ring(live_server)
        qtbot.waitUntil(lambda: row_of(card, sid) is not None, timeout=TIMEOUT)
        row = row_of(card, sid)
        row.form.outcome.setCurrentIndex(row.form.outcome.findData("message"))
        qtbot.keyClicks(row.form.notes, "left a message")
        proxy.cut()
        qtbot.mouseClick(row.form.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: card.calls.notice.isVisible() and card.calls.notice.property("role") == "error",
                        timeout=TIMEOUT)
        # The API client's words for a lost network (desktop/api.py ServerUnreachableError).
        assert card.calls.notice.text().startswith(
            ("החיבור לשרת נקטע", "תקלת רשת", "לא ניתן להתחבר לשרת", "השרת לא ענה"))
        assert row.form.isVisible() and row.form.isEnabled() and not row.summary.isVisible()
        assert (row.form.chosen(), row.form.notes.text()) == ("message", "left a message")
        proxy.restore()
        qtbot.mouseClick(row.form.save_button, Qt.MouseButton.LeftButton)  # the agent tries again
        qtbot.waitUntil(lambda: row.summary.isVisible() and row.outcome_label.text() == "הושארה הודעה",
                        timeout=TIMEOUT)
    finally:
        card.parentWidget().alerts.stop()
        card.close()
        proxy.close()
