"""CSV export of the customers table (what the table matches, with the columns it shows in the
order it shows them, streamed to a file, cancellable) and saved table layouts, against the live
server."""

from __future__ import annotations

import csv
import io
import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton

from desktop.api import Api, Session
from desktop.export import CsvExport, ask_path
from desktop.views.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.desktop.conftest import CUSTOMERS, EMAIL

TIMEOUT = 15_000
LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate, and its end
HEADER = ["שם", "טלפון", "אימייל", "סטטוס", "קשר אחרון", "נוצר"]  # the table's, as it opens
BUSINESS_ZONE = ZoneInfo("Asia/Jerusalem")  # the seeded business's (the default)


@pytest.fixture
def api(live_server):
    one = Api(live_server.base_url)
    one.login(EMAIL, PASSWORD)
    yield one
    one.close()


@pytest.fixture
def clean_views(live_server):
    def wipe():
        headers = {"Authorization": f"Bearer {live_server.login(EMAIL, PASSWORD)['access_token']}"}
        with httpx.Client(base_url=live_server.base_url, timeout=10) as client:
            for view in client.get("/api/crm/views", headers=headers, params={"limit": 200}).json()["results"]:
                client.delete(f"/api/crm/views/{view['id']}", headers=headers)

    wipe()
    yield
    wipe()


def open_window(qtbot, api: Api, tasks) -> MainWindow:
    window = MainWindow(Session(api=api, user={"email": EMAIL}), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once and window.model.total > 0 and window.layouts.loaded,
                    timeout=TIMEOUT)
    return window


def every_row(api: Api, **query) -> list[dict]:
    rows, page = [], 1
    while True:
        result = api.list("customers", page=page, limit=200, **query)
        rows += result["results"]
        if page >= result["pages"]:
            return rows
        page += 1


def shown(value: str | None) -> str:
    """A time from the API as the CSV writes it: the business's local time, DD/MM/YYYY HH:MM."""
    return f"{datetime.fromisoformat(value).astimezone(BUSINESS_ZONE):%d/%m/%Y %H:%M}" if value else ""


def cells(row: dict) -> dict[str, str]:
    """What each column of the table holds for `row`, as the CSV writes it."""
    return {"name": row["name"], "phone": row["phone_display"] or "", "email": row["email"] or "",
            "status": row["status_label"], "last_contact_at": shown(row["last_contact_at"]),
            "created_at": shown(row["created_at"])}


def exported(qtbot, window, dest) -> list[list[str]]:
    export = window.exporter.run(path=dest)
    with qtbot.waitSignal(export.finished, timeout=TIMEOUT):
        pass
    return read_csv(dest)


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM, so Excel reads Hebrew
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_export_writes_what_the_table_matches_in_its_order(qtbot, api, tasks, tmp_path, clean_views):
    window = open_window(qtbot, api, tasks)
    view = window.customers
    view.search.setText("כהן")
    qtbot.waitUntil(lambda: window.model.query_text == "כהן" and window.model.loaded_once, timeout=TIMEOUT)
    window.model.sort(0, Qt.SortOrder.AscendingOrder)  # by name
    qtbot.waitUntil(lambda: window.model.loaded_once, timeout=TIMEOUT)
    # The export follows the table's sort (by name), as the list does.
    expected = every_row(api, q="כהן", sort="name")
    assert 0 < len(expected) < CUSTOMERS and window.model.total == len(expected)

    dest = tmp_path / "לקוחות.csv"
    export = window.exporter.run(path=dest)
    progress: list[tuple[int, int]] = []
    export.progress.connect(lambda written, rows: progress.append((written, rows)))
    with qtbot.waitSignal(export.finished, timeout=TIMEOUT) as finished:
        pass
    assert finished.args == [str(dest), len(expected)]
    rows = read_csv(dest)
    assert rows[0] == HEADER
    keys = ["name", "phone", "email", "status", "last_contact_at", "created_at"]
    assert rows[1:] == [[cells(r)[key] for key in keys] for r in expected]
    assert all("כהן" in row[0] for row in rows[1:])
    assert progress and progress[-1][0] == dest.stat().st_size
    assert not dest.with_name(dest.name + ".part").exists()
    assert f"יוצאו {len(expected)} לקוחות" in view.message.text()
    assert window.exporter.export is None and window.exporter.dialog is None


def test_export_writes_the_columns_shown_in_the_order_shown(qtbot, api, tasks, tmp_path, clean_views):
    window = open_window(qtbot, api, tasks)
    view = window.customers
    header = view.table.horizontalHeader()
    keys = [column.key for column in window.model.columns]
    view.set_column_visible(keys.index("email"), False)
    header.moveSection(header.visualIndex(keys.index("created_at")), 0)  # the creation time first
    header.moveSection(header.visualIndex(keys.index("status")), header.count() - 1)  # the status last
    assert view.shown_columns() == ["created_at", "name", "phone", "last_contact_at", "status"]
    view.search.setText("לוי")
    qtbot.waitUntil(lambda: window.model.query_text == "לוי" and window.model.loaded_once, timeout=TIMEOUT)
    expected = every_row(api, q="לוי", sort=window.model.sort_key)
    assert expected

    rows = exported(qtbot, window, tmp_path / "visible.csv")
    assert rows[0] == ["נוצר", "שם", "טלפון", "קשר אחרון", "סטטוס"]
    assert rows[1:] == [[cells(r)[key] for key in view.shown_columns()] for r in expected]
    assert all("@" not in cell for row in rows for cell in row)  # the hidden e-mails stayed out

    view.set_column_visible(keys.index("email"), True)  # shown again: at its old place, and exported
    assert exported(qtbot, window, tmp_path / "again.csv")[0] == ["נוצר", "שם", "טלפון", "אימייל", "קשר אחרון",
                                                                  "סטטוס"]


def test_the_save_dialog_offers_the_dated_file_name(qtbot, app, api, tasks, clean_views):
    window = open_window(qtbot, api, tasks)
    offered: list[str] = []

    def answer(left: int = 200) -> None:  # the dialog runs its own loop: look once it is up
        dialog = app.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            offered.append(dialog.findChild(QLineEdit, "fileNameEdit").text())
            dialog.reject()
        elif left:
            QTimer.singleShot(25, lambda: answer(left - 1))

    before = date.today()
    QTimer.singleShot(0, answer)
    assert ask_path(window.customers) is None
    assert offered and offered[0] in {f"customers-{day:%Y-%m-%d}.csv" for day in (before, date.today())}


def test_cancel_stops_the_download_and_removes_the_partial_file(qtbot, api, tasks, tmp_path):
    dest = tmp_path / "customers.csv"
    export = CsvExport(api, tasks, dest, {"sort": "name"}, chunk_size=512)
    # Cancel as the first chunk is written (on the worker thread, as the progress dialog's Cancel
    # would between two chunks).
    export.progress.connect(export.cancel, Qt.ConnectionType.DirectConnection)
    seen: list[int] = []
    export.progress.connect(lambda written, _rows: seen.append(written), Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(export.cancelled, timeout=TIMEOUT):
        export.start()
    assert seen == [512]  # stopped after the first chunk of a file of many
    assert not dest.exists() and not export.partial.exists()


def test_cancel_from_the_progress_dialog(qtbot, api, tasks, tmp_path, clean_views):
    window = open_window(qtbot, api, tasks)
    dest = tmp_path / "customers.csv"
    dest.write_text("an older export\n")
    at_first_chunk, go_on = threading.Event(), threading.Event()

    def hold(export: CsvExport) -> None:  # the worker waits after its first chunk until the agent cancels
        export.chunk_size = 256
        export.progress.connect(lambda *_: (at_first_chunk.set(), go_on.wait(10)), Qt.ConnectionType.DirectConnection)

    window.exporter.starting.connect(hold)
    export = window.exporter.run(path=dest)
    qtbot.waitUntil(at_first_chunk.is_set, timeout=TIMEOUT)
    with qtbot.waitSignal(export.cancelled, timeout=TIMEOUT):
        window.exporter.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
        go_on.set()
    assert dest.read_text() == "an older export\n"  # untouched: the export wrote only its .part
    assert not export.partial.exists()
    assert "בוטל" in window.customers.message.text()


def test_a_saved_layout_is_restored_in_a_new_window(qtbot, api, tasks, clean_views):
    window = open_window(qtbot, api, tasks)
    view = window.customers
    header = view.table.horizontalHeader()
    view.set_column_visible(2, False)  # email hidden
    header.moveSection(header.visualIndex(1), 0)  # phone first
    header.resizeSection(0, 260)  # name wider
    view.set_density("compact")
    window.model.sort(0, Qt.SortOrder.AscendingOrder)
    view.search.setText("לוי")
    qtbot.waitUntil(lambda: window.model.query_text == "לוי" and window.model.loaded_once, timeout=TIMEOUT)
    with qtbot.waitSignal(window.layouts.changed, timeout=TIMEOUT):
        window.layouts.save("הלקוחות שלי")
    stored = api.get("/api/crm/views", resource="customers")["results"]
    assert [(v["name"], v["is_default"], v["sort"], v["density"]) for v in stored] == \
        [("הלקוחות שלי", True, "name", "compact")]
    assert stored[0]["columns"] == ["phone", "name", "status", "last_contact_at", "created_at"]
    window.close()

    again = MainWindow(Session(api=api, user={"email": EMAIL}), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.layouts.applied, timeout=TIMEOUT) as applied:
        again.show()
    assert applied.args == ["הלקוחות שלי"]
    qtbot.waitUntil(lambda: again.model.loaded_once and again.model.query_text == "לוי", timeout=TIMEOUT)
    restored = again.customers
    header = restored.table.horizontalHeader()
    assert header.isSectionHidden(2) and header.visualIndex(1) == 0 and header.sectionSize(0) == 260
    assert restored.density == "compact" and restored.search.text() == "לוי"
    assert again.model.sort_key == "name" and header.sortIndicatorSection() == 0
    assert all("לוי" in again.model.row(r)["name"] for r in range(again.model.total) if again.model.is_loaded(r))


def test_choosing_a_layout_from_the_menu_applies_it_and_makes_it_the_default(qtbot, api, tasks, clean_views):
    window = open_window(qtbot, api, tasks)
    with qtbot.waitSignal(window.layouts.changed, timeout=TIMEOUT):
        window.layouts.save("רגילה")
    window.customers.set_density("compact")
    window.customers.set_column_visible(3, False)
    with qtbot.waitSignal(window.layouts.changed, timeout=TIMEOUT):
        window.layouts.save("צפופה")
    window.layouts.menu.aboutToShow.emit()
    actions = {a.text(): a for a in window.layouts.menu.actions() if a.isCheckable()}
    assert list(actions) == ["צפופה", "רגילה"]
    assert actions["צפופה"].isChecked()
    with qtbot.waitSignal(window.layouts.changed, timeout=TIMEOUT):
        actions["רגילה"].trigger()
    assert window.customers.density == "comfortable"
    assert not window.customers.table.horizontalHeader().isSectionHidden(3)
    defaults = [v["name"] for v in api.get("/api/crm/views", resource="customers")["results"] if v["is_default"]]
    assert defaults == ["רגילה"]


def visual(text: str, direction: Qt.LayoutDirection) -> str:
    """`text` as Qt lays it out on one line, its characters from left to right (bidi applied),
    the direction marks left out."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(100_000)
    layout.endLayout()
    flags = QTextLayout.GlyphRunRetrievalFlag
    placed = [(position.x(), index)
              for run in layout.glyphRuns(0, len(text), flags.RetrieveStringIndexes | flags.RetrieveGlyphPositions)
              for position, index in zip(run.positions(), run.stringIndexes(), strict=True)]
    return "".join(text[index] for _x, index in sorted(placed) if text[index] not in (LRI, PDI))


def test_the_export_message_keeps_the_path_in_one_piece_left_to_right(qtbot, api, tasks, tmp_path, clean_views):
    window = open_window(qtbot, api, tasks)
    folder = tmp_path / "ייצוא"
    folder.mkdir()
    dest = folder / "לקוחות.csv"
    export = window.exporter.run(path=dest)
    with qtbot.waitSignal(export.finished, timeout=TIMEOUT):
        pass
    message = window.customers.message.text()
    assert message == f"יוצאו {CUSTOMERS} לקוחות אל {LRI}{dest}{PDI}"
    # On screen (right to left, as the window is): the path reads as it would on its own, left
    # to right, its leading "/" at its left end, with no Hebrew word of the sentence inside it.
    shown = visual(message, Qt.LayoutDirection.RightToLeft)
    path_alone = visual(str(dest), Qt.LayoutDirection.LeftToRight)
    assert path_alone.startswith("/") and path_alone in shown
    assert shown.index(path_alone) < shown.index(visual("לקוחות אל", Qt.LayoutDirection.RightToLeft))
    # Without the isolate, the same sentence breaks the path apart (what the agent saw).
    assert path_alone not in visual(message.replace(LRI, "").replace(PDI, ""), Qt.LayoutDirection.RightToLeft)
