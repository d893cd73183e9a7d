"""The main window against the live server: a task falling due shows the window notice (no
tray offscreen) and the dialog, WhatsApp opens the customer card on its WhatsApp tab; and a
session that ends brings the login dialog over the window, then carries on."""

from __future__ import annotations

import httpx
from PySide6.QtWidgets import QLabel

from desktop.api import Api, Session
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.desktop.conftest import CUSTOMERS, EMAIL
from tests.desktop.test_realtime import close_open_tasks, create_task

TIMEOUT = 15_000


def window_for(qtbot, live_server, tasks, **kwargs) -> MainWindow:
    api = Api(live_server.base_url)
    user = api.login(EMAIL, PASSWORD)
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once, timeout=TIMEOUT)
    return window


def end_session(live_server, api: Api) -> None:
    """The server revokes the refresh token (as after a logout elsewhere or its expiry), and the
    access token is gone: the next call cannot refresh."""
    response = httpx.post(f"{live_server.base_url}/auth/logout", json={"refresh_token": api.store.get()})
    assert response.status_code in (200, 204)
    api._access_token = None


def test_a_due_task_notifies_in_the_window_and_whatsapp_opens_the_card_tab(qtbot, live_server, tasks):
    close_open_tasks(live_server.base_url)
    window = window_for(qtbot, live_server, tasks)
    try:
        qtbot.waitUntil(lambda: window.alerts.bridge.connected, timeout=TIMEOUT)
        customer = window.session.api.list("customers", limit=1)["results"][0]
        task = create_task(live_server.base_url, window.session.api.access_token(), "להתקשר בחזרה",
                           customer_id=customer["id"])
        dialog = window.alerts.dialog
        qtbot.waitUntil(lambda: dialog.isVisible() and dialog.current["task"]["id"] == task["id"], timeout=TIMEOUT)
        notice = window.notice.findChild(QLabel).text()
        assert window.notice.isVisible() and "משימה לביצוע" in notice and "להתקשר בחזרה" in notice
        dialog.whatsapp_button.click()
        qtbot.waitUntil(lambda: customer["id"] in window.cards, timeout=TIMEOUT)
        card = window.cards[customer["id"]]
        assert card.tabs.currentWidget() is card.whatsapp
    finally:
        window.alerts.stop()
        close_open_tasks(live_server.base_url)


def test_an_ended_session_asks_to_log_in_again_and_resumes(qtbot, live_server, tasks):
    window = window_for(qtbot, live_server, tasks, realtime=False)
    api = window.session.api
    end_session(live_server, api)
    window.customers.search.setText("דנה")
    window.model.set_query("דנה")  # a call that needs the session
    guard = window.session_guard
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=TIMEOUT)
    dialog = guard.dialog
    assert window.isVisible() and dialog.email.text() == EMAIL and "פג" in dialog.error.text()
    window.model.reload()  # more failing calls meanwhile: still one dialog
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=TIMEOUT)
    assert guard.dialog is dialog
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(guard.resumed, timeout=TIMEOUT):
        dialog.login_button.click()
    qtbot.waitUntil(lambda: window.model.loaded_once and window.model.total > 0, timeout=TIMEOUT)
    assert window.model.total < CUSTOMERS and window.model.query_text == "דנה"
    assert api.logged_in and api.store.get() and guard.dialog is None
    assert api.get("/auth/me")["user"]["email"] == EMAIL


def test_cancelling_the_login_logs_out(qtbot, live_server, tasks):
    window = window_for(qtbot, live_server, tasks, realtime=False)
    end_session(live_server, window.session.api)
    window.model.reload()
    guard = window.session_guard
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible(), timeout=TIMEOUT)
    with qtbot.waitSignal(window.logged_out, timeout=TIMEOUT):
        guard.dialog.reject()
    assert not window.isVisible()


def test_the_card_call_action_places_the_call_and_says_why_not_in_hebrew(qtbot, live_server, tasks):
    window = window_for(qtbot, live_server, tasks, realtime=False)
    customer = window.session.api.list("customers", limit=1)["results"][0]
    card = window.open_card(customer["id"], customer)
    card.overview.call_button.click()
    # The seeded agent has no phone of their own: the server answers 409, shown in Hebrew.
    qtbot.waitUntil(lambda: "לא הוגדר מספר טלפון" in card.overview.notice.text(), timeout=TIMEOUT)
    assert card.overview.notice.isVisible()
