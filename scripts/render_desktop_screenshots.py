"""Render the desktop client's login dialog, customers window, task-due dialog, each tab of
the customer card and the phone greeting dialog against a freshly seeded server, offscreen, to
docs/screenshots/desktop-login.png, desktop-customers.png, desktop-task-due.png,
desktop-card-<tab>.png and desktop-greeting.png; the live calls' screen pop over the main
window, the calls board and the call settings' hours editor: desktop-call-pop.png,
desktop-calls-board.png and desktop-hours-editor.png (`--only live` for just these);
and, needing no server, Qt's own dialogs in Hebrew and the update notice:
desktop-qt-messagebox.png, desktop-qt-filedialog.png and desktop-update-notice.png.

    .venv/bin/python scripts/render_desktop_screenshots.py [--dark] [--no-server | --only greeting|live]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import keyring  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QMessageBox  # noqa: E402

from desktop import theme  # noqa: E402
from desktop.api import Api, Session  # noqa: E402
from desktop.app import create_app  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
from desktop.updates import Update  # noqa: E402
from desktop.version import VERSION  # noqa: E402
from desktop.views.call_settings import CallSettingsDialog  # noqa: E402
from desktop.views.card import CustomerCard  # noqa: E402
from desktop.views.greeting import GreetingDialog  # noqa: E402
from desktop.views.login import LoginDialog  # noqa: E402
from desktop.views.main_window import MainWindow  # noqa: E402
from desktop.views.task_due import TaskDueDialog  # noqa: E402
from tests.conftest import PASSWORD  # noqa: E402
from tests.databases import Databases  # noqa: E402
from tests.desktop.card_seed import seed_card  # noqa: E402
from tests.desktop.conftest import EMAIL, MemoryKeyring, seed  # noqa: E402
from tests.desktop.test_calls_board import seed_board_calls  # noqa: E402
from tests.e2e.live import Live  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait_until(app: QApplication, predicate, timeout_ms: int = 15_000) -> None:
    clock = QElapsedTimer()
    clock.start()
    while not predicate():
        if clock.elapsed() > timeout_ms:
            raise TimeoutError("the window did not get its data in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def render_task_due(app: QApplication, api: Api, tasks: TaskManager, suffix: str) -> None:
    """The task-due dialog with three alerts queued, at a laptop's screen size."""
    customer = api.list("customers", limit=1, sort="name")["results"][0]
    due = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    dialog = TaskDueDialog(api, tasks, full_screen=False)
    for title, notes in (("לחזור ללקוח לגבי הצעת המחיר", "ביקש לדבר אחרי 16:00 ולשמוע על ההנחה לחידוש החוזה."),
                         ("לשלוח חוזה לחתימה", ""), ("לתאם פגישה במשרד", "")):
        task = api.post("/api/crm/tasks", {"title": title, "notes": notes, "due_at": due,
                                           "customer_id": customer["id"]})
        dialog.add({"task": task, "customer": customer})
    dialog.resize(1280, 800)
    wait_until(app, lambda: dialog.isVisible())
    dialog.grab().save(str(OUT / f"desktop-task-due{suffix}.png"))
    dialog.hide()


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def render_qt_dialogs(app: QApplication, tasks: TaskManager, suffix: str) -> None:
    """Qt's own dialogs with Hebrew words (qtbase_he.qm): a question with standard buttons, the
    non-native save dialog the CSV export opens, in a folder of Hebrew file names; and the
    login dialog showing the update notice."""
    standard = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "AgentLocator", "לשמור את השינויים בכרטיס הלקוח לפני הסגירה?",
                      standard.Yes | standard.No | standard.Cancel)
    box.show()
    settle(app)
    box.grab().save(str(OUT / f"desktop-qt-messagebox{suffix}.png"))
    box.close()

    folder = Path(tempfile.gettempdir()) / "agentlocator-screenshots" / "ייצוא"  # the same path on every run
    shutil.rmtree(folder.parent, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        for name in ("לקוחות מרץ.csv", "לקוחות אפריל.csv", "חשבונית 1042.pdf", "חוזה שכירות - דנה כהן.pdf"):
            (folder / name).write_bytes(b"x" * 2048)
        (folder / "ארכיון").mkdir()
        dialog = QFileDialog(None, "ייצוא לקוחות ל-CSV", str(folder), "קובצי CSV (*.csv);;כל הקבצים (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.selectFile("לקוחות.csv")
        dialog.resize(820, 480)
        dialog.show()
        files = dialog.findChild(QFileSystemModel)  # lists the folder on a thread of its own
        wait_until(app, lambda: files.rowCount(files.index(str(folder))) == 3)  # the CSV files and the folder
        settle(app)
        dialog.grab().save(str(OUT / f"desktop-qt-filedialog{suffix}.png"))
        dialog.close()
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)

    login = LoginDialog(tasks, server_url="https://crm.example.co.il", email=EMAIL, check_updates=False)
    login.update_banner.show_offer(Update(version="0.3.0", current=VERSION,
                                          url="https://crm.example.co.il/downloads/desktop/"
                                              "agentlocator-desktop_0.3.0_amd64.deb"))
    login.show()
    wait_until(app, lambda: login.isVisible())
    login.adjustSize()
    settle(app)
    login.grab().save(str(OUT / f"desktop-update-notice{suffix}.png"))
    login.close()


CARD_TABS = ("overview", "timeline", "calls", "whatsapp", "invoices", "contracts", "tasks")


def render_card(app: QApplication, live: Live, api: Api, tasks: TaskManager, suffix: str) -> None:
    """Each tab of one customer's card, filled by tests/desktop/card_seed.py; the first
    recording played for a second and paused, so the player shows its position."""
    customer = api.list("customers", q="דנה כהן", limit=1)["results"][0]
    seed_card(live, api._access_token, customer["id"])
    card = CustomerCard(api, tasks, customer["id"], customer=customer)
    card.resize(1000, 680)
    card.show()
    wait_until(app, lambda: all(tab.loaded_once for tab in card.all_tabs))
    player = next(row.player for row in card.calls.rows.values() if row.player is not None)
    player.button.click()
    wait_until(app, lambda: player.player is not None and player.player.position() > 1200)
    player.player.pause()
    for name, tab in zip(CARD_TABS, card.all_tabs, strict=True):
        card.show_tab(tab)
        for _ in range(5):
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        card.grab().save(str(OUT / f"desktop-card-{name}{suffix}.png"))
    card.close()


GREETING_TEXT = ("שלום, הגעתם לסוכנות הדגמה. כל הנציגים שלנו עסוקים כרגע. "
                 "השאירו את שמכם ומספר הטלפון אחרי הצליל, ונחזור אליכם עוד היום.")


def render_greeting(app: QApplication, api: Api, tasks: TaskManager, suffix: str) -> None:
    """The phone greeting dialog of an admin on a server without Google credentials (so the
    basic-voice notice shows): a Hebrew text previewed, its player paused a second in."""
    dialog = GreetingDialog(api, tasks)
    dialog.resize(640, 640)
    dialog.show()
    wait_until(app, lambda: dialog.greeting is not None and not dialog.busy)
    dialog.text.setPlainText(GREETING_TEXT)
    dialog.preview_button.click()
    wait_until(app, lambda: not dialog.busy, timeout_ms=60_000)  # busy from the click until the answer
    if dialog.preview is None:
        raise RuntimeError(f"the preview failed: {dialog.status.text()}")
    media = dialog.preview_player.player
    wait_until(app, lambda: media.position() > 1000)
    media.pause()
    dialog.adjustSize()
    settle(app)
    dialog.grab().save(str(OUT / f"desktop-greeting{suffix}.png"))
    dialog.close()


WEEK = {"sun": [["08:00", "13:00"], ["14:00", "18:00"]], "mon": [["08:00", "17:00"]], "tue": [["08:00", "17:00"]],
        "wed": [["08:00", "17:00"]], "thu": [["08:00", "20:00"]], "fri": [["08:00", "13:00"]], "sat": []}
BOARD_AGENTS = (("board-agent@example.com", "שי אלמוג"), ("board-agent2@example.com", "מאיה רוזן"))


def render_live_calls(app: QApplication, live: Live, api: Api, user: dict, tasks: TaskManager, suffix: str) -> None:
    """The live calls' windows: a ringing call's screen pop over the main window, the calls board
    over calls seeded in the database (another agent away), the call settings' hours editor."""
    headers = {"Authorization": f"Bearer {api._access_token}"}
    with httpx.Client(base_url=live.base_url, headers=headers, timeout=10) as client:
        agents = []
        for email, name in BOARD_AGENTS:
            response = client.post("/api/crm/users", json={"email": email, "password": PASSWORD, "role": "agent",
                                                           "name": name})
            assert response.status_code == 201, response.text
            agents.append(response.json())
        business = client.patch("/api/business", json={"call_mode": "ring_agents", "hours": WEEK,
                                                       "ring_seconds": 20, "callback_minutes": 30})
        assert business.status_code == 200, business.text
    live.run(lambda: seed_board_calls(business.json()["id"], live.media_root, admin_email=EMAIL,
                                      agent_email=BOARD_AGENTS[0][0]))
    away = live.login(BOARD_AGENTS[1][0], PASSWORD)["access_token"]
    httpx.put(f"{live.base_url}/api/crm/me/presence", json={"status": "away"},
              headers={"Authorization": f"Bearer {away}"}, timeout=10).raise_for_status()

    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False)
    window.resize(1100, 640)
    window.show()
    model = window.model
    wait_until(app, lambda: model.loaded_once and all(model.is_loaded(r) for r in range(15))
               and window.presence.status is not None and window.alerts.bridge.connected)
    customer = api.list("customers", q="רונית", limit=1)["results"][0]
    # The payload of call:ringing as the server sends it (contract-18); the call:new before it first.
    call = {"id": 9001, "call_sid": "CA" + "9" * 32, "direction": "inbound", "customer_id": customer["id"],
            "from_number_display": customer["phone_display"], "started_at": datetime.now(UTC).isoformat()}
    window.screen_pop.on_event("call:new", {"call": call, "customer": {"id": customer["id"], "name": customer["name"]}})
    window.screen_pop.on_event("call:ringing", {
        "call_id": 9001, "customer_id": customer["id"], "from": customer["phone"],
        "from_national": customer["phone_display"], "customer": {"id": customer["id"], "name": customer["name"]},
        "agent_ids": [user["id"], agents[0]["id"]]})
    settle(app)
    window.grab().save(str(OUT / f"desktop-call-pop{suffix}.png"))

    dialog = CallSettingsDialog(api, tasks)
    dialog.show()
    wait_until(app, lambda: dialog.business is not None)
    dialog.resize(900, 900)
    settle(app)
    dialog.grab().save(str(OUT / f"desktop-hours-editor{suffix}.png"))
    dialog.close()
    board = window.open_board()
    board.resize(1100, 720)
    wait_until(app, lambda: board.today_data is not None and board.range_data is not None and board.model.presence)
    settle(app)
    board.grab().save(str(OUT / f"desktop-calls-board{suffix}.png"))
    board.close()

    window.alerts.stop()
    window.presence.stop()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dark", action="store_true", help="the dark theme")
    parser.add_argument("--no-server", action="store_true", help="only what needs no server: Qt's dialogs, the "
                                                                 "update notice")
    parser.add_argument("--only", choices=["greeting", "live"], help="only these windows (against a server)")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    app = create_app(sys.argv[:1])
    theme.apply(app, dark=args.dark)
    suffix = "-dark" if args.dark else ""
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.only:
        render_qt_dialogs(app, TaskManager(app), suffix)
        print(f"wrote {OUT}/desktop-qt-messagebox{suffix}.png, desktop-qt-filedialog{suffix}.png and "
              f"desktop-update-notice{suffix}.png")
    if args.no_server:
        return
    with tempfile.TemporaryDirectory() as workdir, Databases(Path(workdir), None) as databases:
        # No Google credentials, whatever this machine holds: the greeting is read by espeak-ng.
        live = Live.on(databases, Path(workdir), GOOGLE_APPLICATION_CREDENTIALS="")
        try:
            seed(live)
            live.start_server()
            tasks = TaskManager(app)
            if args.only == "greeting":
                api = Api(live.base_url)
                api.login(EMAIL, PASSWORD)
                render_greeting(app, api, tasks, suffix)
                tasks.wait_for_done(5000)
                print(f"wrote {OUT}/desktop-greeting{suffix}.png")
                return
            if args.only == "live":
                api = Api(live.base_url)
                render_live_calls(app, live, api, api.login(EMAIL, PASSWORD), tasks, suffix)
                tasks.wait_for_done(5000)
                print(f"wrote {OUT}/desktop-call-pop{suffix}.png, desktop-calls-board{suffix}.png and "
                      f"desktop-hours-editor{suffix}.png")
                return

            login = LoginDialog(tasks, server_url="", email=EMAIL)
            login.show()
            wait_until(app, lambda: login.isVisible())
            login.adjustSize()
            login.grab().save(str(OUT / f"desktop-login{suffix}.png"))
            login.close()

            api = Api(live.base_url)
            user = api.login(EMAIL, PASSWORD)
            window = MainWindow(Session(api=api, user=user), tasks)
            window.resize(1100, 640)
            window.show()
            model = window.model
            wait_until(app, lambda: model.loaded_once and all(model.is_loaded(r) for r in range(15)))
            window.grab().save(str(OUT / f"desktop-customers{suffix}.png"))
            window.alerts.stop()
            window.close()
            render_card(app, live, api, tasks, suffix)
            render_task_due(app, api, tasks, suffix)
            render_greeting(app, api, tasks, suffix)
            render_live_calls(app, live, api, user, tasks, suffix)
            tasks.wait_for_done(5000)
        finally:
            live.stop()
    print(f"wrote {OUT}/desktop-login{suffix}.png, desktop-customers{suffix}.png, desktop-task-due{suffix}.png, "
          f"desktop-card-<tab>{suffix}.png, desktop-greeting{suffix}.png, desktop-call-pop{suffix}.png, "
          f"desktop-calls-board{suffix}.png and desktop-hours-editor{suffix}.png")


if __name__ == "__main__":
    main()
