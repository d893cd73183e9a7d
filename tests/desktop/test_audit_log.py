"""יומן פעולות (desktop/views/audit_log.py) against the session's live server: the generic paged
model over `GET /api/audit` (checked by qtmodeltester), its filters by action and dates as the
server's query, the CSV export into the file chosen, and the admins-only toolbar action."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import httpx
import pytest
from PySide6.QtCore import QDate, Qt

from desktop.api import Api, Session
from desktop.views.audit_log import NO_DATE, AuditLogWindow, audit_model, day_start, target_text
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD

ADMIN = "audit-admin@example.com"
TIMEOUT = 15_000


def tr(text: str) -> str:
    return text


def test_targets_read_as_words():
    assert target_text(tr, {"target_type": "customer", "target_id": 12}) == "לקוח 12"
    assert target_text(tr, {"target_type": "business", "target_id": 3}) == "הגדרות העסק"
    assert target_text(tr, {"target_type": "", "target_id": None}) == ""


@pytest.fixture(scope="module")
def shop(live_server):
    """A business whose log holds what its admin did: three settings saved, one customer changed."""
    live_server.seed({"name": "משרד היומן", "phone": "+97235550203",
                      "users": [{"email": ADMIN, "password": PASSWORD, "role": "admin", "name": "מנהלת היומן"}]})
    token = live_server.login(ADMIN, PASSWORD)["access_token"]
    client = httpx.Client(base_url=live_server.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    for months in (30, 31, 32):
        assert client.patch("/api/business", json={"retention_months": months}).status_code == 200
    customer = client.post("/api/crm/customers", json={"name": "לקוח היומן", "phone": "058-7400001"}).json()
    assert client.patch(f"/api/crm/customers/{customer['id']}", json={"name": "לקוח היומן 2"}).status_code == 200
    yield SimpleNamespace(live=live_server, client=client, customer=customer)
    client.close()


@pytest.fixture
def api(shop):
    client = Api(shop.live.base_url)
    user = client.login(ADMIN, PASSWORD)
    yield SimpleNamespace(api=client, user=user)
    client.close()


def server_rows(shop, **params) -> dict:
    return shop.client.get("/api/audit", params=params).json()


def test_the_model_pages_the_servers_log(qtbot, qtmodeltester, shop, api, tasks):
    model = audit_model(api.api, tasks, tr, page_size=2)
    with qtbot.waitSignal(model.loading_changed, check_params_cb=lambda loading: not loading, timeout=TIMEOUT):
        model.reload()
    expected = server_rows(shop, limit=50)
    assert model.rowCount() == expected["total"] >= 4
    first = expected["results"][0]
    assert [model.index(0, c).data() for c in range(2, 5)] == [first["action_label"], target_text(tr, first),
                                                               first["ip"]]
    assert model.index(0, 1).data() == "מנהלת היומן"
    with qtbot.waitSignal(model.page_loaded, timeout=TIMEOUT):
        model.ensure_rows(2, 3)
    assert model.is_loaded(3)
    qtmodeltester.check(model)


def test_filters_ask_the_server_and_the_counts_follow(qtbot, shop, api, tasks):
    window = AuditLogWindow(api.api, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once, timeout=TIMEOUT)
    settings = server_rows(shop, action="settings.update")["total"]
    assert settings >= 3

    window.action_filter.setCurrentIndex(window.action_filter.findData("settings.update"))
    with qtbot.waitSignal(window.model.loading_changed, check_params_cb=lambda loading: not loading, timeout=TIMEOUT):
        window.apply_filters()
    assert window.model.filters == {"action": "settings.update"}
    assert window.model.rowCount() == settings
    assert window.count.text() == f"{settings} רשומות"
    assert {window.model.row(r)["action"] for r in range(window.model.rowCount())} == {"settings.update"}

    tomorrow = date.today() + timedelta(days=1)
    with qtbot.waitSignal(window.model.loading_changed, check_params_cb=lambda loading: not loading, timeout=TIMEOUT):
        window.since.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert window.model.filters["since"] == day_start(tomorrow)
    assert window.model.rowCount() == 0 and window.stack.state == "empty"

    window.since.setDate(NO_DATE)  # "ללא": the bound goes
    qtbot.waitUntil(lambda: window.model.rowCount() == settings, timeout=TIMEOUT)
    assert "since" not in window.model.filters


def test_until_is_the_end_of_its_day(qtbot, api, tasks):
    window = AuditLogWindow(api.api, tasks)
    qtbot.addWidget(window)
    today = date.today()
    window.until.setDate(QDate(today.year, today.month, today.day))
    until = datetime.fromisoformat(window.filters()["until"])
    assert until.date() == today + timedelta(days=1) and until.hour == 0 and until.tzinfo is not None


def test_the_csv_holds_the_filtered_rows(qtbot, shop, api, tasks, tmp_path):
    window = AuditLogWindow(api.api, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once, timeout=TIMEOUT)
    window.action_filter.setCurrentIndex(window.action_filter.findData("customer.update"))
    window.apply_filters()
    target = tmp_path / "יומן.csv"
    window.ask_path = lambda _parent: target
    with qtbot.waitSignal(window.exported, timeout=TIMEOUT):
        window.export_button.click()
    text = target.read_text(encoding="utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("מועד,משתמש")
    assert len(lines) - 1 == server_rows(shop, action="customer.update")["total"] >= 1
    assert all("עדכון לקוח" in line for line in lines[1:])
    assert str(target) in window.status.text() and window.export_button.isEnabled()
    assert not (tmp_path / "יומן.csv.part").exists()


def test_only_admins_get_the_audit_action(qtbot, shop, api, tasks):
    window = MainWindow(Session(api=api.api, user=dict(api.user)), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    assert window.audit_action is not None and window.audit_action.text() == "יומן פעולות"
    audit = window.open_audit()
    assert window.open_audit() is audit  # one window, raised again
    qtbot.waitUntil(lambda: audit.model.loaded_once, timeout=TIMEOUT)
    assert audit.model.rowCount() > 0
    audit.close()
    window.alerts.stop()
    window.presence.stop()


def test_a_header_click_sorts_on_the_server(qtbot, shop, api, tasks):
    window = AuditLogWindow(api.api, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once, timeout=TIMEOUT)
    assert window.model.sort_key == "-at"
    with qtbot.waitSignal(window.model.loading_changed, check_params_cb=lambda loading: not loading, timeout=TIMEOUT):
        window.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
    assert window.model.sort_key == "action"
    actions = [window.model.row(r)["action"] for r in range(window.model.rowCount())]
    assert actions == sorted(actions) and len(set(actions)) >= 2
