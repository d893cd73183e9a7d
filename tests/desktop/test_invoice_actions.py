"""The invoices tab's actions on the selected invoice (issue a draft, mark it paid, cancel it),
and "Open PDF" when no viewer opens the file: the real tab against a live server."""

from __future__ import annotations

import itertools
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.api import Api
from desktop.views.card.base import CardContext
from desktop.views.card.invoices import InvoicesTab
from desktop.widgets.confirm import confirm
from server.auth.service import create_user
from server.businesses.service import create_business
from tests.conftest import PASSWORD
from tests.desktop.confirmations import Answers

TIMEOUT = 15_000
PHONES = itertools.count()


ADMIN = "invoices-admin@example.com"


@pytest.fixture(scope="module")
def server(live_server):
    """The admin of a business of its own: the seeded business keeps its customers as other
    test files count them."""
    async def make() -> None:
        business = await create_business(name="משרד חשבוניות", phone="+97235561000")
        await create_user(business_id=business.id, email=ADMIN, password=PASSWORD, role="admin")

    live_server.run(make)
    token = live_server.login(ADMIN, PASSWORD)["access_token"]
    client = httpx.Client(base_url=live_server.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    yield client
    client.close()


@pytest.fixture
def customer(server) -> int:
    response = server.post("/api/crm/customers", json={"name": "לקוח חשבוניות", "status": "active",
                                                       "phone": f"058-71{next(PHONES):05d}"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def new_invoice(server, customer: int, status: str = "draft") -> dict:
    response = server.post("/api/crm/invoices", json={
        "customer_id": customer, "status": status,
        "lines": [{"description": "ייעוץ", "quantity": "2", "unit_price": "250"}]})
    assert response.status_code == 201, response.text
    return response.json()


def on_server(server, invoice: dict) -> dict:
    return server.get(f"/api/crm/invoices/{invoice['id']}").json()


@pytest.fixture
def api(live_server):
    client = Api(live_server.base_url)
    client.login(ADMIN, PASSWORD)
    yield client
    client.close()




@pytest.fixture
def open_tab(qtbot, tasks, api):
    def opener(customer: int) -> InvoicesTab:
        tab = InvoicesTab(CardContext(api=api, tasks=tasks, customer_id=customer))
        qtbot.addWidget(tab)
        tab.show()
        with qtbot.waitSignal(tab.loaded, timeout=TIMEOUT):
            tab.reload()
        return tab
    return opener


def enabled(tab: InvoicesTab) -> dict[str, bool]:
    return {status: button.isEnabled() for status, button in tab.action_buttons.items()}


def test_a_draft_is_issued_then_marked_paid(qtbot, server, customer, open_tab):
    invoice = new_invoice(server, customer)
    tab = open_tab(customer)
    tab.confirm = answers = Answers()
    tab.table.setCurrentCell(0, 0)
    assert enabled(tab) == {"issued": True, "paid": False, "cancelled": True}

    tab.issue_button.click()
    qtbot.waitUntil(lambda: on_server(server, invoice)["status"] == "issued" and tab.table.item(0, 3).text() == "הופקה",
                    timeout=TIMEOUT)
    assert f"חשבונית {invoice['number']}" in answers.asked[0]["text"] and answers.asked[0]["yes"] == "הפקה"
    assert tab.notice.text() == f"חשבונית {invoice['number']} הופקה."
    qtbot.waitUntil(lambda: enabled(tab) == {"issued": False, "paid": True, "cancelled": True}, timeout=TIMEOUT)

    tab.paid_button.click()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "שולמה", timeout=TIMEOUT)
    stored = on_server(server, invoice)
    assert stored["status"] == "paid" and stored["paid_at"] and stored["issued_at"]
    qtbot.waitUntil(lambda: enabled(tab) == {"issued": False, "paid": False, "cancelled": False}, timeout=TIMEOUT)
    assert len(answers.asked) == 2


def test_cancelling_asks_first_and_says_the_invoice_keeps_its_number(qtbot, server, customer, open_tab):
    invoice = new_invoice(server, customer, status="issued")
    tab = open_tab(customer)
    tab.confirm = answers = Answers(answer=False)
    tab.table.setCurrentCell(0, 0)
    tab.cancel_button.click()
    [question] = answers.asked
    assert question["danger"] and question["yes"] == "ביטול החשבונית" and question["no"] == "חזרה"
    assert "נשארת ברשימה עם המספר שלה" in question["text"] and "ניהול ספרים" in question["text"]
    assert on_server(server, invoice)["status"] == "issued"  # "no" changed nothing
    assert tab.ctx.tasks.pending == 0

    answers.answer = True
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "בוטלה", timeout=TIMEOUT)
    stored = on_server(server, invoice)
    assert stored["status"] == "cancelled" and stored["number"] == invoice["number"]
    assert tab.table.item(0, 0).text() == str(invoice["number"])  # still listed, with its number
    assert "נשארת ברשימה" in tab.notice.text()
    qtbot.waitUntil(lambda: not any(enabled(tab).values()), timeout=TIMEOUT)


def test_a_step_taken_elsewhere_meanwhile_is_said_in_hebrew(qtbot, server, customer, open_tab):
    invoice = new_invoice(server, customer, status="issued")
    tab = open_tab(customer)
    tab.confirm = Answers()
    tab.table.setCurrentCell(0, 0)
    assert server.post(f"/api/crm/invoices/{invoice['id']}/cancel").status_code == 200  # another agent
    tab.paid_button.click()
    qtbot.waitUntil(lambda: "השתנתה בינתיים" in tab.notice.text(), timeout=TIMEOUT)
    assert tab.notice.property("role") == "error"
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "בוטלה", timeout=TIMEOUT)  # reloaded
    assert on_server(server, invoice)["status"] == "cancelled"


def test_open_pdf_without_a_viewer_says_where_the_file_is(qtbot, server, customer, open_tab):
    invoice = new_invoice(server, customer, status="issued")
    tab = open_tab(customer)
    opened: list[Path] = []

    def no_viewer(path: Path) -> bool:
        opened.append(path)
        return False

    tab.ctx.open_file = no_viewer
    tab.table.setCurrentCell(0, 0)
    tab.pdf_button.click()
    qtbot.waitUntil(lambda: tab.saved_file.isVisible(), timeout=TIMEOUT)
    [file] = opened
    assert file.name == f"invoice-{invoice['number']}.pdf" and file.read_bytes()[:5] == b"%PDF-"
    text = tab.saved_file.text.text()
    assert "לא נמצאה במחשב תוכנה שתפתח אותו" in text
    assert f"\u2068{file}\u2069" in text  # the path left to right inside the Hebrew

    tab.saved_file.copy_button.click()
    assert QApplication.clipboard().text() == str(file)
    tab.saved_file.folder_button.click()
    assert opened[-1] == file.parent
    assert "העתיקו את הנתיב" in tab.saved_file.outcome.text()  # the folder would not open either


def test_open_pdf_with_a_viewer_shows_no_notice(qtbot, server, customer, open_tab):
    new_invoice(server, customer)
    tab = open_tab(customer)
    opened: list[Path] = []
    tab.ctx.open_file = lambda path: opened.append(path) or True
    tab.table.setCurrentCell(0, 0)
    tab.pdf_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1 and tab.ctx.tasks.pending == 0, timeout=TIMEOUT)
    assert not tab.saved_file.isVisible() and tab.notice.isHidden()


def answer_the_box(press):
    """Once the modal box is up (inside its exec()), look at it and `press(box)`; what it saw."""
    seen: dict = {}

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        timer.stop()
        seen.update(title=box.windowTitle(), text=box.text(), buttons=[b.text() for b in box.buttons()],
                    default=box.defaultButton().text())
        press(box)

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    return seen, timer


def test_the_real_confirmation_box_speaks_hebrew_and_escape_means_no(app):
    yes_text = "ביטול החשבונית"
    seen, _timer = answer_the_box(lambda box: next(b for b in box.buttons() if b.text() == yes_text).click())
    assert confirm(None, "ביטול חשבונית", "לבטל את חשבונית 7?", yes=yes_text, no="חזרה", danger=True) is True
    assert sorted(seen["buttons"]) == sorted([yes_text, "חזרה"]) and seen["default"] == "חזרה"
    assert seen["title"] == "ביטול חשבונית" and seen["text"] == "לבטל את חשבונית 7?"

    seen, _timer = answer_the_box(lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    assert confirm(None, "הפקת חשבונית", "להפיק?", yes="הפקה") is False
    assert "ביטול" in seen["buttons"]  # the default "no" is Hebrew too
