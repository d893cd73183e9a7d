"""The customers table's status and owner filters (asked of the server, in the count, the
no-data text, the CSV export and saved layouts), its "עמודות" button, and Qt's own dialogs in
Hebrew.

The customers live in an office of their own on the session's live server, with two users,
so the other desktop tests still see exactly their CUSTOMERS."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel, QLineEdit, QMessageBox

from desktop.api import Api, Session
from desktop.app import RESOURCES
from desktop.export import ask_path
from desktop.layouts import capture
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.tcp_proxy import ThreadedTcpProxy

ME, OTHER = "filters@example.com", "filters-other@example.com"
TIMEOUT = 15_000
# (name, status, owner: "me", "other" or None)
PEOPLE = [
    ("אלון ליד", "lead", "me"), ("בתיה ליד", "lead", "me"), ("גיל ליד", "lead", "me"),
    ("דורית פעילה", "active", "me"), ("הדס פעילה", "active", "me"),
    ("ורד פעילה", "active", "other"), ("זיו פעיל", "active", "other"), ("חן פעילה", "active", "other"),
    ("טל פעיל", "active", "other"),
    ("יחידאי בודד", "inactive", None), ("כרמל ליד", "lead", None), ("לימור ליד", "lead", None),
]


def expected(status: str | None = None, owner: str | None | bool = False) -> list[str]:
    """The names matching `status` and `owner` (False: any owner)."""
    return sorted(name for name, s, o in PEOPLE if status in (None, s) and (owner is False or o == owner))


@pytest.fixture(scope="module")
def office(live_server):
    live_server.seed({"name": "משרד הסינון", "phone": "+97235550163", "users": [
        {"email": ME, "password": PASSWORD, "role": "admin", "name": "דנה המנהלת"},
        {"email": OTHER, "password": PASSWORD, "role": "agent", "name": "יוסי המוכר"}]})
    me = live_server.login(ME, PASSWORD)
    other = live_server.login(OTHER, PASSWORD)["user"]
    owners = {"me": me["user"]["id"], "other": other["id"], None: None}
    with httpx.Client(base_url=live_server.base_url, timeout=10,
                      headers={"Authorization": f"Bearer {me['access_token']}"}) as http:
        for name, status, owner in PEOPLE:
            response = http.post("/api/crm/customers", json={"name": name, "status": status,
                                                             "owner_id": owners[owner]})
            assert response.status_code == 201, response.text
    return SimpleNamespace(me=me["user"], other=other)


@pytest.fixture
def api(live_server, office):
    one = Api(live_server.base_url)
    one.login(ME, PASSWORD)
    yield one
    one.close()


@pytest.fixture
def clean_views(api):
    def wipe():
        for view in api.get("/api/crm/views", limit=200)["results"]:
            api.request("DELETE", f"/api/crm/views/{view['id']}")

    wipe()
    yield
    wipe()


def open_window(qtbot, api: Api, tasks, user: dict) -> MainWindow:
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once and window.model.total > 0 and window.layouts.loaded
                    and bool(window.customers.owners), timeout=TIMEOUT)
    return window


@pytest.fixture
def window(qtbot, api, tasks, office, clean_views):
    return open_window(qtbot, api, tasks, office.me)


def choose(combo: QComboBox, text: str) -> None:
    """As the agent picks an item from the combo."""
    index = combo.findText(text)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def shown_names(qtbot, window) -> list[str]:
    model = window.model
    qtbot.waitUntil(lambda: model.loaded_once and all(model.is_loaded(r) for r in range(model.total)),
                    timeout=TIMEOUT)
    return sorted(model.row(r)["name"] for r in range(model.total))


def test_the_filters_offer_every_status_and_owner(window, office):
    view = window.customers
    assert items(view.status_filter) == ["כל הסטטוסים", "ליד", "פעיל", "לא פעיל"]
    # The agent's own first, then the other users by name, then the customers nobody owns.
    assert items(view.owner_filter) == ["כל הבעלים", "שלי", "יוסי המוכר", "ללא בעלים"]
    assert view.owner_filter.itemData(1) == office.me["id"] and view.owner_filter.itemData(2) == office.other["id"]
    assert view.status_filter.isVisible() and view.owner_filter.isVisible()


def test_status_and_owner_filters_ask_the_server_and_the_count_says_so(qtbot, window, office):
    view, model = window.customers, window.model
    assert view.count.text() == f"{len(PEOPLE)} לקוחות"

    choose(view.status_filter, "פעיל")
    qtbot.waitUntil(lambda: model.filters == {"status": "active"} and model.loaded_once, timeout=TIMEOUT)
    assert shown_names(qtbot, window) == expected("active")
    assert view.count.text() == f"{len(expected('active'))} לקוחות תואמים לסינון"

    choose(view.owner_filter, "שלי")
    qtbot.waitUntil(lambda: model.filters.get("owner_id") == office.me["id"] and model.loaded_once, timeout=TIMEOUT)
    assert shown_names(qtbot, window) == expected("active", "me") == ["דורית פעילה", "הדס פעילה"]

    choose(view.owner_filter, "ללא בעלים")
    choose(view.status_filter, "לא פעיל")
    qtbot.waitUntil(lambda: model.filters == {"status": "inactive", "owner_id": "none"} and model.loaded_once,
                    timeout=TIMEOUT)
    assert shown_names(qtbot, window) == ["יחידאי בודד"]
    assert view.count.text() == "לקוח אחד תואם לסינון"  # not "1 לקוחות"

    choose(view.owner_filter, "יוסי המוכר")
    qtbot.waitUntil(lambda: model.filters.get("owner_id") == office.other["id"] and model.loaded_once,
                    timeout=TIMEOUT)
    assert model.total == 0
    assert view.stack.state == "empty" and view.empty.text() == "לא נמצאו לקוחות התואמים לסינון."

    choose(view.status_filter, "כל הסטטוסים")
    choose(view.owner_filter, "כל הבעלים")
    qtbot.waitUntil(lambda: model.filters == {} and model.loaded_once and model.total == len(PEOPLE), timeout=TIMEOUT)
    view.search.setText("יחידאי")
    qtbot.waitUntil(lambda: model.query_text == "יחידאי" and model.loaded_once, timeout=TIMEOUT)
    assert model.total == 1 and view.count.text() == "לקוח אחד"


def test_the_export_writes_what_the_filters_match(qtbot, window, tmp_path):
    view, model = window.customers, window.model
    choose(view.status_filter, "ליד")
    choose(view.owner_filter, "ללא בעלים")
    qtbot.waitUntil(lambda: model.filters == {"status": "lead", "owner_id": "none"} and model.loaded_once,
                    timeout=TIMEOUT)
    dest = tmp_path / "לידים.csv"
    export = window.exporter.run(path=dest)
    with qtbot.waitSignal(export.finished, timeout=TIMEOUT):
        pass
    header, *rows = list(csv.reader(io.StringIO(dest.read_bytes().decode("utf-8-sig"))))
    assert sorted(row[header.index("שם")] for row in rows) == expected("lead", None) == ["כרמל ליד", "לימור ליד"]
    assert "יוצאו 2 לקוחות אל" in view.message.text()

    choose(view.status_filter, "לא פעיל")
    qtbot.waitUntil(lambda: model.filters == {"status": "inactive", "owner_id": "none"} and model.loaded_once,
                    timeout=TIMEOUT)
    export = window.exporter.run(path=dest)
    with qtbot.waitSignal(export.finished, timeout=TIMEOUT):
        pass
    assert len(dest.read_bytes().decode("utf-8-sig").strip().splitlines()) == 2  # the header and one customer
    assert view.message.text().startswith("יוצא לקוח אחד אל")


def test_filters_are_saved_with_the_layout_and_restored(qtbot, window, api, tasks, office):
    view, model = window.customers, window.model
    choose(view.status_filter, "פעיל")
    choose(view.owner_filter, "שלי")
    qtbot.waitUntil(lambda: model.filters == {"status": "active", "owner_id": office.me["id"]} and model.loaded_once,
                    timeout=TIMEOUT)
    with qtbot.waitSignal(window.layouts.changed, timeout=TIMEOUT):
        window.layouts.save("הפעילים שלי")
    stored = api.get("/api/crm/views", resource="customers")["results"]
    assert [(v["name"], v["filters"]["status"], v["filters"]["owner_id"]) for v in stored] == \
        [("הפעילים שלי", "active", office.me["id"])]  # the server keeps the new keys
    window.close()

    again = MainWindow(Session(api=api, user=office.me), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.layouts.applied, timeout=TIMEOUT):
        again.show()
    qtbot.waitUntil(lambda: again.model.loaded_once and bool(again.customers.owners), timeout=TIMEOUT)
    restored = again.customers
    assert again.model.filters == {"status": "active", "owner_id": office.me["id"]}
    assert restored.status_filter.currentText() == "פעיל" and restored.owner_filter.currentText() == "שלי"
    assert shown_names(qtbot, again) == expected("active", "me")
    assert capture(restored)["filters"]["owner_id"] == office.me["id"]


def test_a_layout_naming_an_unknown_status_or_owner_filters_by_neither(qtbot, window):
    from desktop.layouts import apply

    layout = capture(window.customers)
    apply(window.customers, {**layout, "filters": {**layout["filters"], "status": "vip", "owner_id": "everyone"}})
    qtbot.waitUntil(lambda: window.model.loaded_once, timeout=TIMEOUT)
    assert window.model.filters == {} and window.model.error is None and window.model.total == len(PEOPLE)
    assert window.customers.status_filter.currentIndex() == 0 and window.customers.owner_filter.currentIndex() == 0


def test_owners_that_did_not_load_at_start_load_with_the_table(qtbot, live_server, tasks, office, clean_views):
    with ThreadedTcpProxy("127.0.0.1", live_server.port) as line:
        api = Api(f"http://127.0.0.1:{line.port}")
        api.login(ME, PASSWORD)
        line.cut()  # the window opens while the network is down
        window = MainWindow(Session(api=api, user=office.me), tasks, tray_available=False, realtime=False)
        qtbot.addWidget(window)
        window.show()
        view = window.customers
        qtbot.waitUntil(lambda: view.stack.state == "error" and tasks.pending == 0, timeout=TIMEOUT)
        assert items(view.owner_filter) == ["כל הבעלים", "שלי", "ללא בעלים"]  # what needs no server
        line.restore()
        view.stack.error_page.findChild(QAbstractButton).click()  # ניסיון חוזר
        qtbot.waitUntil(lambda: window.model.total == len(PEOPLE) and bool(view.owners), timeout=TIMEOUT)
        assert items(view.owner_filter) == ["כל הבעלים", "שלי", "יוסי המוכר", "ללא בעלים"]
        window.close()
        api.close()


def test_the_columns_button_shows_and_hides_columns_and_keeps_one(qtbot, window):
    view = window.customers
    button = view.columns_button
    assert button.isVisible() and button.text() == "עמודות"
    assert button.parentWidget() is view.search.parentWidget()  # in the table's bar, beside the search
    menu = button.menu()
    menu.aboutToShow.emit()
    titles = [action.text() for action in menu.actions()]
    assert titles == [column.title for column in window.model.columns]
    assert all(action.isCheckable() and action.isChecked() for action in menu.actions())

    email = next(i for i, c in enumerate(window.model.columns) if c.key == "email")
    menu.actions()[email].trigger()
    header = view.table.horizontalHeader()
    assert header.isSectionHidden(email) and "email" not in capture(view)["columns"]  # what a layout saves

    for number in range(len(window.model.columns)):  # hide all it lets go of
        menu.aboutToShow.emit()
        action = menu.actions()[number]
        if action.isChecked() and action.isEnabled():
            action.trigger()
    assert header.count() - header.hiddenSectionCount() == 1
    menu.aboutToShow.emit()
    last = [action for action in menu.actions() if action.isChecked()]
    assert len(last) == 1 and not last[0].isEnabled()  # the one column left cannot be hidden
    # The header's right-click menu offers the same.
    assert [a.isChecked() for a in view.column_menu().actions()] == [a.isChecked() for a in menu.actions()]


# -- Qt's own dialogs -----------------------------------------------------------------------

def test_every_string_of_our_qt_gaps_file_translates(app):
    tree = ET.parse(RESOURCES / "translations" / "qtbase_gaps_he.ts")
    checked = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, comment = message.findtext("source"), message.findtext("comment")
            translation = message.findtext("translation")
            assert QCoreApplication.translate(name, source, comment) == translation, (name, source)
            checked += 1
    assert checked >= 10


def later(app, kind, then, *, tries: int = 200) -> None:
    """Run `then(widget)` once the active modal widget is a `kind` (a dialog opened by exec)."""
    def poll(left: int = tries) -> None:
        widget = app.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            then(widget)
        elif left:
            QTimer.singleShot(25, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def texts(widget, kind) -> list[str]:
    return [child.text() for child in widget.findChildren(kind) if child.isVisible() and child.text()]


def test_the_export_file_dialog_and_its_overwrite_question_are_in_hebrew(qtbot, app, window, tmp_path):
    existing = tmp_path / "customers.csv"
    existing.write_text("an older export\n")
    seen: dict = {}

    def in_dialog(dialog: QFileDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["buttons"] = texts(dialog, QAbstractButton)
        seen["labels"] = texts(dialog, QLabel)
        seen["types"] = [items(combo) for combo in dialog.findChildren(QComboBox) if combo.isVisible()]
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(existing))
        later(app, QMessageBox, in_question)
        save = next(b for b in dialog.findChildren(QAbstractButton) if b.text() == "&שמור")
        save.click()  # an existing file: Qt asks before replacing it (a nested loop until answered)
        seen["after"] = dialog.isVisible()
        dialog.reject()

    def in_question(box: QMessageBox) -> None:
        seen["question"] = box.text()
        seen["answers"] = [b.text() for b in box.buttons()]
        box.button(QMessageBox.StandardButton.No).click()

    later(app, QFileDialog, in_dialog)
    assert ask_path(window.customers) is None  # the agent said no, then cancelled
    assert seen["title"] == "ייצוא לקוחות ל-CSV"
    assert {"&שמור", "ביטול"} <= set(seen["buttons"])
    assert {"&חפש בתוך:", "&שם קובץ:", "קבצים מ&סוג:"} <= set(seen["labels"])
    assert ["קובצי CSV (*.csv)"] in seen["types"]
    assert "customers.csv כבר קיים" in seen["question"] and "האם ברצונך להחליף אותו?" in seen["question"]
    assert sorted(seen["answers"]) == sorted(["&כן", "&לא"])
    assert seen["after"] is True and existing.read_text() == "an older export\n"


def test_message_box_buttons_are_in_hebrew(app):
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "שאלה", "לשמור את השינויים?",
                      buttons.Save | buttons.Discard | buttons.Cancel | buttons.Ok | buttons.Yes | buttons.No
                      | buttons.Close | buttons.Retry)
    names = {button: box.button(button).text() for button in (buttons.Save, buttons.Discard, buttons.Cancel,
                                                               buttons.Ok, buttons.Yes, buttons.No,
                                                               buttons.Close, buttons.Retry)}
    assert names == {buttons.Save: "שמור", buttons.Discard: "ביטול השינויים", buttons.Cancel: "ביטול",
                     buttons.Ok: "אישור", buttons.Yes: "&כן", buttons.No: "&לא", buttons.Close: "סגור",
                     buttons.Retry: "נסה שוב"}
    box.deleteLater()
