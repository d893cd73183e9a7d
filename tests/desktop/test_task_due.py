"""The task-due dialog, fed by the realtime bridge from a live server whose task clock fires
real task:due events, with Twilio's Calls API faked locally: every button acts on the server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from PySide6.QtCore import QDate, QDateTime, QSize, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLabel, QWidget

from desktop.api import Api
from desktop.realtime import RealtimeBridge
from desktop.views import task_due
from desktop.views.card.base import CardContext
from desktop.views.card.tasks import TasksTab
from desktop.views.task_due import SnoozeUntilDialog, TaskDueDialog
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PASSWORD
from tests.desktop.test_realtime import close_open_tasks, create_task
from tests.e2e.live import Live
from tests.fake_twilio_calls import FakeTwilioCalls

AGENT = "alerts@example.com"
AGENT_PHONE = "+972541110000"


@pytest.fixture(scope="module")
def twilio():
    with FakeTwilioCalls(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def alerts_server(databases, tmp_path_factory, twilio):
    """A live server of its own: its Twilio REST calls go to the fake."""
    live = Live.on(databases, tmp_path_factory.mktemp("alerts-live"), TWILIO_API_BASE=twilio.base_url)
    try:
        live.seed({"name": "משרד התזכורות", "phone": BUSINESS_PHONE,
                   "users": [{"email": AGENT, "password": PASSWORD, "role": "admin"}]})
        live.start_server()
        body = live.login(AGENT, PASSWORD)
        with httpx.Client(base_url=live.base_url, timeout=10) as client:
            headers = {"Authorization": f"Bearer {body['access_token']}"}
            live.agent_id = body["user"]["id"]
            assert client.patch(f"/api/crm/users/{live.agent_id}", json={"phone": AGENT_PHONE},
                                headers=headers).status_code == 200
            live.customer = client.post("/api/crm/customers", headers=headers,
                                        json={"name": "רותם לוי", "phone": "052-987-6543"}).json()
        yield live
    finally:
        live.stop()


class Alerts:
    """A logged-in agent: the bridge, the dialog, and a direct line to the server."""

    def __init__(self, live: Live, tasks) -> None:
        self.live = live
        self.api = Api(live.base_url)
        self.api.login(AGENT, PASSWORD)
        self.bridge = RealtimeBridge(self.api)
        self.dialog = TaskDueDialog(self.api, tasks)
        self.bridge.task_due.connect(self.dialog.add)

    def task(self, title: str, **fields) -> dict:
        return create_task(self.live.base_url, self.api.access_token(), title, **fields)

    def server_task(self, task_id: int) -> dict:
        return self.api.get(f"/api/crm/tasks/{task_id}")


@pytest.fixture
def alerts(qtbot, alerts_server, tasks):
    close_open_tasks(alerts_server.base_url, AGENT)
    one = Alerts(alerts_server, tasks)
    qtbot.addWidget(one.dialog)
    with qtbot.waitSignal(one.bridge.connected_changed, timeout=10_000, check_params_cb=lambda up: up):
        one.bridge.start()
    yield one
    one.bridge.stop()
    close_open_tasks(alerts_server.base_url, AGENT)


def showing(alerts: Alerts, task_id: int) -> bool:
    current = alerts.dialog.current
    return alerts.dialog.isVisible() and current is not None and current["task"]["id"] == task_id


def due_alert(qtbot, alerts: Alerts, title: str = "לחזור לרותם", **fields) -> dict:
    task = alerts.task(title, customer_id=alerts.live.customer["id"], **fields)
    qtbot.waitUntil(lambda: showing(alerts, task["id"]), timeout=10_000)
    return task


def press(qtbot, dialog: TaskDueDialog, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    qtbot.keyClick(dialog, key, modifier)


def test_a_real_task_due_pops_the_full_screen_dialog_and_done_closes_the_task(qtbot, alerts):
    task = due_alert(qtbot, alerts, notes="לשאול על החוזה")
    dialog = alerts.dialog
    assert dialog.isFullScreen()
    assert dialog.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert dialog.title.text() == "לחזור לרותם" and dialog.notes.text() == "לשאול על החוזה"
    assert "רותם לוי" in dialog.customer.text()
    assert alerts.live.customer["phone_display"] == "052-987-6543" and "052-987-6543" in dialog.customer.text()
    with qtbot.waitSignal(dialog.acted, timeout=10_000) as acted:
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert acted.args == ["done", task["id"]]
    assert alerts.server_task(task["id"])["status"] == "done"
    assert not dialog.isVisible()


@pytest.mark.parametrize(("key", "minutes"), [(Qt.Key.Key_1, 5), (Qt.Key.Key_2, 15), (Qt.Key.Key_3, 60)])
def test_snooze_shortcuts_snooze_on_the_server(qtbot, alerts, key, minutes):
    task = due_alert(qtbot, alerts)
    before = datetime.now(UTC)
    with qtbot.waitSignal(alerts.dialog.acted, timeout=10_000) as acted:
        press(qtbot, alerts.dialog, key, Qt.KeyboardModifier.ControlModifier)
    assert acted.args == ["snooze", task["id"]]
    until = datetime.fromisoformat(alerts.server_task(task["id"])["snoozed_until"])
    assert before + timedelta(minutes=minutes) - timedelta(seconds=5) <= until
    assert until <= datetime.now(UTC) + timedelta(minutes=minutes)


def test_escape_snoozes_five_minutes(qtbot, alerts):
    task = due_alert(qtbot, alerts)
    with qtbot.waitSignal(alerts.dialog.acted, timeout=10_000):
        press(qtbot, alerts.dialog, Qt.Key.Key_Escape)
    until = datetime.fromisoformat(alerts.server_task(task["id"])["snoozed_until"])
    assert timedelta(minutes=4) < until - datetime.now(UTC) <= timedelta(minutes=5)
    assert not alerts.dialog.isVisible()


def test_snooze_until_a_chosen_time(qtbot, alerts, monkeypatch):
    task = due_alert(qtbot, alerts)
    chosen = (datetime.now(UTC) + timedelta(hours=3)).replace(microsecond=0)
    monkeypatch.setattr(task_due.SnoozeUntilDialog, "ask", classmethod(lambda cls, parent=None: chosen))
    with qtbot.waitSignal(alerts.dialog.acted, timeout=10_000):
        press(qtbot, alerts.dialog, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert datetime.fromisoformat(alerts.server_task(task["id"])["snoozed_until"]) == chosen


def test_call_rings_the_agent_through_twilio_and_says_so_in_hebrew(qtbot, alerts, twilio):
    task = due_alert(qtbot, alerts)
    calls_before = len(twilio.created)
    with qtbot.waitSignal(alerts.dialog.acted, timeout=10_000) as acted:
        press(qtbot, alerts.dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert acted.args == ["call", task["id"]]
    form = twilio.created[calls_before]
    assert form["To"] == [AGENT_PHONE] and form["From"] == [BUSINESS_PHONE]
    assert "הטלפון שלך יצלצל" in alerts.dialog.status.text()
    assert showing(alerts, task["id"])  # the alert stays until done or snoozed
    calls = alerts.api.get("/api/crm/calls", customer_id=alerts.live.customer["id"])["results"]
    assert calls[0]["direction"] == "outbound-api" and calls[0]["to_number"] == "+972529876543"


def test_call_refused_by_twilio_shows_a_hebrew_error(qtbot, alerts, twilio):
    due_alert(qtbot, alerts)
    twilio.fail_with.append((400, 21215))
    qtbot.mouseClick(alerts.dialog.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Twilio סירבה" in alerts.dialog.status.text(), timeout=10_000)
    assert "21215" in alerts.dialog.status.text()
    assert alerts.dialog.call_button.isEnabled()


def test_whatsapp_opens_the_customer_card_tab_and_steps_aside(qtbot, alerts):
    task = due_alert(qtbot, alerts)
    with qtbot.waitSignal(alerts.dialog.open_customer, timeout=5_000) as opened:
        press(qtbot, alerts.dialog, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [alerts.live.customer["id"], "whatsapp"]
    assert not alerts.dialog.isFullScreen()
    assert not alerts.dialog.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert alerts.server_task(task["id"])["status"] == "open"


def test_several_due_tasks_queue_in_one_dialog(qtbot, alerts):
    created = [alerts.task(f"משימה {n}", customer_id=alerts.live.customer["id"]) for n in (1, 2, 3)]
    ids = [t["id"] for t in created]
    dialog = alerts.dialog
    qtbot.waitUntil(lambda: sorted(q["task"]["id"] for q in dialog.queue) == ids, timeout=10_000)
    assert dialog.counter.text() == "1 מתוך 3" and dialog.counter.isVisible()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, TaskDueDialog) and w.isVisible()]) == 1
    first = dialog.current["task"]["id"]
    dialog.add(dict(dialog.current))  # the same alert again (a replay) is not queued twice
    assert len(dialog.queue) == 3
    with qtbot.waitSignal(dialog.acted, timeout=10_000):
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert dialog.counter.text() == "1 מתוך 2" and dialog.current["task"]["id"] != first
    for _ in range(2):
        with qtbot.waitSignal(dialog.acted, timeout=10_000):
            qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert {alerts.server_task(i)["status"] for i in ids} == {"done"}


# -- right to left -------------------------------------------------------------------------
DUE = QDateTime(QDate(2026, 12, 1), QTime(9, 0))


def rendered(edit: QDateTimeEdit, size: QSize | None = None) -> QImage:
    edit.clearFocus()
    if size is not None:
        edit.resize(size)
    return edit.grab().toImage()


def reference_edit(calendar: bool) -> QDateTimeEdit:
    """The same field in a left-to-right window: how 01/12/2026 09:00 must look."""
    holder = QWidget()
    holder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit = QDateTimeEdit(DUE, holder)
    edit.setCalendarPopup(calendar)
    edit.setDisplayFormat("dd/MM/yyyy HH:mm")
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    edit.holder = holder
    return edit


def test_every_date_time_field_reads_day_month_year_then_time(qtbot, app, tasks):
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    snooze = SnoozeUntilDialog()
    qtbot.addWidget(snooze)
    tab = TasksTab(CardContext(api=Api("http://127.0.0.1:9"), tasks=tasks, customer_id=1))
    qtbot.addWidget(tab)
    for edit in (snooze.edit, tab.due):
        edit.setMinimumDateTime(DUE.addYears(-1))
        edit.setDateTime(DUE)
        assert edit.text() == "01/12/2026 09:00"
        assert edit.lineEdit().layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert edit.sectionAt(0) == QDateTimeEdit.Section.DaySection
        # Drawn as the same field is in a left-to-right window, pixel for pixel.
        image = rendered(edit)
        assert image == rendered(reference_edit(edit.calendarPopup()), image.size())
        assert edit.calendarWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft


def fits(label: QLabel) -> bool:
    """The label has the room its text needs (Qt cuts a label off, it never elides one)."""
    needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    return label.width() >= label.minimumSizeHint().width() and label.height() >= needed


def test_the_key_hints_fit_at_the_smallest_size_and_in_full_screen(qtbot, app, tasks):
    dialog = TaskDueDialog(Api("http://127.0.0.1:9"), tasks, full_screen=False)
    qtbot.addWidget(dialog)
    dialog.add({"task": {"id": 1, "title": "לחזור לרותם", "due_at": "2026-12-01T09:00:00+02:00"},
                "customer": {"id": 2, "name": "רותם לוי", "phone_display": "052-987-6543"}})
    hint = dialog.keys_hint
    assert hint.text().startswith("מקשים:") and "Ctrl+4" in hint.text() and "Esc" in hint.text()
    dialog.resize(dialog.minimumSizeHint())
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSizeHint(), timeout=5_000)
    dialog.layout().activate()
    assert fits(hint)
    dialog.showFullScreen()
    qtbot.waitUntil(dialog.isFullScreen, timeout=5_000)
    dialog.layout().activate()
    assert fits(hint)
    dialog.dismiss()
