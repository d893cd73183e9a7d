"""The real widgets against the real server: login dialog, customers table, main window."""

from __future__ import annotations

import socket

import httpx
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDialog, QPushButton

from desktop.api import KEYRING_SERVICE, Api
from desktop.views.customers import CustomersView, customers_model
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.desktop.conftest import CUSTOMERS, EMAIL, customer_names
from tests.tcp_proxy import ThreadedTcpProxy


def type_text(line_edit, text: str) -> None:
    """Key by key (QTest.keyClicks aborts on non-Latin-1 characters such as Hebrew)."""
    for character in text:
        line_edit.insert(character)


def fill(dialog: LoginDialog, email: str = EMAIL, password: str = PASSWORD) -> None:
    dialog.email.setText(email)
    dialog.password.setText(password)
    dialog.login_button.click()


@pytest.fixture
def session(live_server):
    api = Api(live_server.base_url)
    api.login(EMAIL, PASSWORD)
    from desktop.api import Session
    return Session(api=api, user={"email": EMAIL})


@pytest.fixture
def window(qtbot, tasks, session):
    window = MainWindow(session, tasks, tray_available=False)
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once)
    return window


def test_ask_logs_in_through_the_dialog(qtbot, tasks, live_server, app):
    def drive():
        dialog = app.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        fill(dialog)

    QTimer.singleShot(0, drive)
    session = LoginDialog.ask(tasks, server_url=live_server.base_url)
    assert session is not None and session.user["email"] == EMAIL
    assert session.api.list("customers", limit=1)["total"] == CUSTOMERS


def test_a_wrong_password_shows_the_servers_refusal_in_hebrew(qtbot, tasks, live_server):
    dialog = LoginDialog(tasks, server_url=live_server.base_url)
    qtbot.addWidget(dialog)
    fill(dialog, password="not-the-password")
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog) and not dialog.busy)
    assert "הסיסמה" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_an_unreachable_server_shows_a_hebrew_message_and_lets_the_address_be_fixed(qtbot, tasks):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog = LoginDialog(tasks, server_url=f"http://127.0.0.1:{port}")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.server.isVisible()  # known address: not asked again
    fill(dialog)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "לא ניתן להתחבר לשרת" in dialog.error.text()
    assert dialog.server.isVisible() and dialog.login_button.isEnabled()


def test_a_server_that_never_answers_does_not_freeze_the_window(qtbot, tasks):
    with socket.socket() as silent:  # accepts connections (the kernel does) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        dialog = LoginDialog(tasks, server_url=url, api_factory=lambda u: Api(u, timeout=1.5))
        qtbot.addWidget(dialog)
        dialog.show()
        ticks = []
        timer = QTimer(dialog, interval=20)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start()
        fill(dialog)
        assert dialog.busy
        qtbot.waitUntil(lambda: len(ticks) >= 10)  # the event loop runs while the login waits
        assert dialog.busy
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
        assert "השרת לא ענה בזמן" in dialog.error.text()


def test_the_table_shows_the_servers_total_and_fetches_the_last_page_on_scroll(qtbot, tasks, session):
    model = customers_model(session.api, tasks, page_size=25)
    view = CustomersView(model)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    model.reload()
    qtbot.waitUntil(lambda: model.loaded_once)
    assert view.table.model().rowCount() == CUSTOMERS
    assert model.is_loaded(0) and not model.is_loaded(CUSTOMERS - 1)
    assert view.count.text() == f"{CUSTOMERS} לקוחות"
    assert view.stack.state == "content"
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.is_loaded(CUSTOMERS - 1))
    newest_first = httpx.get(f"{session.api.base_url}/api/crm/customers", params={"limit": 200},
                             headers={"Authorization": f"Bearer {session.api._access_token}"}).json()["results"]
    assert model.row(CUSTOMERS - 1)["id"] == newest_first[-1]["id"]


@pytest.fixture
def line(live_server):
    """The network between the desktop and the server, to cut for real."""
    with ThreadedTcpProxy("127.0.0.1", live_server.port) as proxy:
        yield proxy


def table_over(qtbot, tasks, base_url: str, *, page_size: int = 25, size=(900, 500)) -> CustomersView:
    api = Api(base_url)
    api.login(EMAIL, PASSWORD)
    view = CustomersView(customers_model(api, tasks, page_size=page_size))
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    view.model.reload()
    qtbot.waitUntil(lambda: view.model.loaded_once and view.model.total == CUSTOMERS)
    return view


def visible_loaded(view: CustomersView) -> bool:
    first, last = view.visible_rows()
    return view.model.loaded_once and all(view.model.is_loaded(row) for row in range(first, last + 1))


def test_a_failed_load_says_so_without_old_rows_and_the_same_search_loads_again(qtbot, tasks, line):
    view = table_over(qtbot, tasks, f"http://127.0.0.1:{line.port}")
    model = view.model
    assert view.count.text() == f"{CUSTOMERS} לקוחות"
    line.cut()
    type_text(view.search, "כהן")
    qtbot.waitUntil(lambda: model.error is not None)
    assert view.stack.state == "error" and view.stack.error.isVisible()
    assert view.stack.error.text() == f"רשימת הלקוחות לא נטענה: {model.error}"
    assert model.rowCount() == 0  # no skeleton rows for customers that never came
    assert view.count.text() == "לא נטען"  # not the previous query's 120

    line.restore()
    view.search.clear()  # the agent types the same search again
    type_text(view.search, "כהן")
    matches = sum("כהן" in name for name in customer_names())
    qtbot.waitUntil(lambda: model.loaded_once and model.error is None and model.total == matches)
    qtbot.waitUntil(lambda: visible_loaded(view))
    assert view.stack.state == "content" and view.count.text() == f"{matches} לקוחות"
    assert all("כהן" in model.row(r)["name"] for r in range(matches))


def test_the_retry_button_of_a_failed_load_loads_it(qtbot, tasks, line):
    view = table_over(qtbot, tasks, f"http://127.0.0.1:{line.port}")
    line.cut()
    view.model.reload()  # a refresh while the network is down
    qtbot.waitUntil(lambda: view.stack.state == "error")
    retry = view.stack.error_page.findChild(QPushButton)
    assert retry.isVisible() and retry.text() == "ניסיון חוזר"
    line.restore()
    retry.click()
    qtbot.waitUntil(lambda: view.model.loaded_once and view.model.total == CUSTOMERS and visible_loaded(view))
    assert view.stack.state == "content" and view.count.text() == f"{CUSTOMERS} לקוחות"


def test_a_later_page_that_fails_offers_its_own_retry(qtbot, tasks, line):
    view = table_over(qtbot, tasks, f"http://127.0.0.1:{line.port}", page_size=10)
    line.cut()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.error_bar.isVisible())
    assert view.stack.state == "content" and view.model.total == CUSTOMERS  # the rows that came stay
    assert view.error.text().startswith("חלק מהשורות לא נטענו:")
    qtbot.waitUntil(lambda: tasks.pending == 0)  # every page asked while cut has failed
    line.restore()
    view.retry_button.click()
    qtbot.waitUntil(lambda: visible_loaded(view) and view.model.is_loaded(CUSTOMERS - 1))
    assert not view.error_bar.isVisible()


def test_a_new_search_filter_or_sort_starts_at_the_top_and_a_reload_keeps_the_place(qtbot, tasks, session):
    # Small pages and a short table: 120 rows scroll far, and a dozen matches still scroll.
    view = table_over(qtbot, tasks, session.api.base_url, page_size=10, size=(900, 260))
    model, table = view.model, view.table
    scroll = table.verticalScrollBar()

    def at_the_bottom() -> None:
        table.scrollToBottom()
        qtbot.waitUntil(lambda: visible_loaded(view) and model.is_loaded(model.total - 1))
        assert table.rowAt(0) > 0

    at_the_bottom()
    type_text(view.search, "כהן")
    matches = sum("כהן" in name for name in customer_names())
    qtbot.waitUntil(lambda: model.query_text == "כהן" and model.loaded_once and model.total == matches)
    qtbot.waitUntil(lambda: visible_loaded(view))
    assert scroll.maximum() > 0  # the matches do not all fit: the top is a real place
    assert scroll.value() == 0 and table.rowAt(0) == 0
    assert "כהן" in model.row(0)["name"]

    view.search.clear()
    qtbot.waitUntil(lambda: model.query_text == "" and model.loaded_once and model.total == CUSTOMERS)
    at_the_bottom()
    model.set_filters({"status": "active"})
    qtbot.waitUntil(lambda: model.loaded_once and model.total == CUSTOMERS // 3 and visible_loaded(view))
    assert scroll.value() == 0 and table.rowAt(0) == 0

    at_the_bottom()
    model.sort(next(i for i, c in enumerate(model.columns) if c.key == "name"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.sort_key == "name" and model.loaded_once and visible_loaded(view))
    assert scroll.value() == 0 and table.rowAt(0) == 0

    # A plain reload (a reconnect, a realtime refresh): the same list, the agent's place kept.
    table.scrollTo(model.index(20, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: visible_loaded(view))
    place, first = scroll.value(), table.rowAt(0)
    assert first >= 15
    model.reload()
    qtbot.waitUntil(lambda: model.loaded_once and visible_loaded(view))
    assert scroll.value() == place and table.rowAt(0) == first


def test_a_header_click_sorts_on_the_server(qtbot, window):
    view, model = window.customers, window.model
    header = view.table.horizontalHeader()
    name = next(i for i, c in enumerate(model.columns) if c.key == "name")
    x = header.sectionViewportPosition(name) + header.sectionSize(name) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: model.sort_key in ("name", "-name") and model.loaded_once and model.is_loaded(0))
    names = sorted(customer_names(), reverse=model.sort_key == "-name")
    assert model.row(0)["name"] == names[0]


def test_the_search_box_filters_after_a_pause_and_an_empty_result_says_so(qtbot, window):
    view, model = window.customers, window.model
    type_text(view.search, "מיכל")
    assert model.query_text == ""  # debounced: no request per keystroke
    expected = sum("מיכל" in n for n in customer_names())
    qtbot.waitUntil(lambda: model.query_text == "מיכל" and model.loaded_once and model.total == expected)
    assert all("מיכל" in model.row(r)["name"] for r in range(model.total))
    view.search.clear()
    type_text(view.search, "אין-כזה")
    qtbot.waitUntil(lambda: model.loaded_once and model.total == 0)
    assert view.stack.currentWidget() is view.empty and "אין-כזה" in view.empty.text()


def test_columns_hide_from_the_header_menu_and_density_changes_row_height(qtbot, window):
    view = window.customers
    email = next(i for i, c in enumerate(view.model.columns) if c.key == "email")
    menu = view.column_menu()
    menu.actions()[email].trigger()
    assert view.table.horizontalHeader().isSectionHidden(email)
    view.column_menu().actions()[email].trigger()
    assert not view.table.horizontalHeader().isSectionHidden(email)
    comfortable = view.table.rowHeight(0)
    view.density_button.click()
    assert view.density == "compact" and view.table.rowHeight(0) < comfortable


def test_without_a_system_tray_the_window_shows_its_own_notice(qtbot, tasks, session):
    window = MainWindow(session, tasks)  # offscreen: QSystemTrayIcon.isSystemTrayAvailable() is False
    qtbot.addWidget(window)
    window.show()
    assert window.tray is None and window.notice.isVisible()
    window.notify("משימה", "להתקשר לדנה")
    assert "להתקשר לדנה" in window.notice.findChild(type(window.user_label)).text()


def test_logout_forgets_the_session(qtbot, window, memory_keyring):
    assert (KEYRING_SERVICE, window.session.api.base_url) in memory_keyring.passwords
    with qtbot.waitSignal(window.logged_out):
        window.logout_action.trigger()
    assert memory_keyring.passwords == {}
