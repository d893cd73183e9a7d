"""Render the desktop client's login dialog, customers window, task-due dialog, each tab of
the customer card and the phone greeting dialog against a freshly seeded server, offscreen, to
docs/screenshots/desktop-login.png, desktop-customers.png, desktop-task-due.png,
desktop-card-<tab>.png and desktop-greeting.png; the live calls' screen pop over the main
window, the presence switch once the desktop made the agent away, the calls board and the call
settings' hours editor: desktop-call-pop.png, desktop-presence-auto-away.png,
desktop-calls-board.png and desktop-hours-editor.png (`--only live` for just these);
the privacy screens (contract 19): the card's tax id and admin actions, the erasure question,
an erased card, the invoices' allocation state, a purged call and a recording the role may not
hear, the privacy settings and the audit log: desktop-card-privacy.png, desktop-erase-confirm.png,
desktop-card-erased.png, desktop-invoices-allocation.png, desktop-calls-purged.png,
desktop-privacy-settings.png and desktop-audit-log.png (`--only privacy`); and, needing no
server, Qt's own dialogs in Hebrew and the update notice:
desktop-qt-messagebox.png, desktop-qt-filedialog.png and desktop-update-notice.png.

    .venv/bin/python scripts/render_desktop_screenshots.py [--dark] [--no-server | --only greeting|live|privacy]
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
from PySide6.QtCore import QElapsedTimer, QEventLoop, QRect, QTimer  # noqa: E402
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
from desktop.views.profile import ProfileDialog  # noqa: E402
from desktop.views.task_due import TaskDueDialog  # noqa: E402
from server.calls.models import Call  # noqa: E402
from server.calls.recordings import recording_file  # noqa: E402
from server.customers.models import Customer  # noqa: E402
from server.invoices.models import Invoice  # noqa: E402
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


class IdleFor:
    """An idle source that says the computer has had no input for `seconds`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def idle_seconds(self) -> float:
        return self.seconds

    def locked(self) -> bool:
        return False


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

    # The agent walked away: the desktop made them away on its own (and remembers it did).
    window.screen_pop.dismiss()
    source = window.presence.source
    window.presence.source = IdleFor(60 * 60)
    window.presence.check()
    wait_until(app, lambda: tasks.pending == 0 and window.presence.auto_away)
    settle(app)
    window.grab(QRect(0, 0, window.width(), window.presence_switch.geometry().bottom() + 12)).save(
        str(OUT / f"desktop-presence-auto-away{suffix}.png"))
    window.presence.source = source
    window.presence.choose("available")
    wait_until(app, lambda: tasks.pending == 0)

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


PRIVACY_AGENT = ("privacy-agent@example.com", "נועם השקט")


def _set(model, row_id: int, **fields):
    async def write() -> None:
        await model.filter(id=row_id).update(**fields)
    return write


async def _privacy_calls(customer_id: int, media_root: Path) -> None:
    """Two recent calls with recordings (the server's welcome.mp3) and one past the retention,
    its recording and transcript deleted."""
    customer = await Customer.get(id=customer_id)
    now = datetime.now(UTC).replace(microsecond=0)
    welcome = ROOT / "server" / "static" / "voice_responses" / "welcome.mp3"
    for number, (days, status, duration) in enumerate(((0, "completed", 34), (1, "completed", 71),
                                                       (400, "completed", 52))):
        started = now - timedelta(days=days, hours=2)
        call = Call(business_id=customer.business_id, customer_id=customer.id, call_sid=f"CA7{number:031x}",
                    direction="inbound", status=status, from_number=customer.phone, to_number="+97235550100",
                    started_at=started, duration=duration, created_at=started, transcript_status="none")
        if days > 365:
            call.purged_at, call.transcript_status = now - timedelta(days=30), "purged"
        else:
            call.recording_sid = f"RE7{number:031x}"
            relative = recording_file(call)
            (media_root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(welcome, media_root / relative)
            call.recording_path = str(relative)
        await call.save()


def _grab_modal(app: QApplication, name: str) -> None:
    """Save the modal box that is about to be shown (a question asked with exec()) and close it."""
    def grab() -> None:
        box = app.activeModalWidget()
        if box is None:
            return QTimer.singleShot(50, grab)
        settle(app)
        box.grab().save(str(OUT / name))
        box.reject()

    QTimer.singleShot(100, grab)


def render_privacy(app: QApplication, live: Live, api: Api, user: dict, tasks: TaskManager, suffix: str) -> None:
    """Contract 19's screens, on the seeded business: its admin's card of a company customer with a
    tax id (the privacy actions by its details), the erasure question, the card once erased; the
    invoices tab with an invoice waiting for its allocation number and one allocated; a purged
    call next to one an agent may not hear; the privacy settings tab; the audit log."""
    headers = {"Authorization": f"Bearer {api._access_token}"}
    with httpx.Client(base_url=live.base_url, headers=headers, timeout=10) as client:
        def ok(response: httpx.Response) -> dict:
            assert response.status_code in (200, 201), response.text
            return response.json() if response.content else {}

        company = ok(client.post("/api/crm/customers", json={
            "name": "אלון נכסים בע״מ", "phone": "03-5550177", "email": "office@alon-nechasim.co.il",
            "tax_id": "516179157", "status": "active"}))
        invoices = [ok(client.post("/api/crm/invoices", json={
            "customer_id": company["id"], "status": "issued",
            "lines": [{"description": description, "quantity": "1", "unit_price": price}]}))
            for description, price in (("דמי תיווך – משרדים ברחוב הברזל", "14500"), ("ייעוץ שנתי", "26000"))]
        ok(client.post("/api/crm/users", json={"email": PRIVACY_AGENT[0], "password": PASSWORD, "role": "agent",
                                               "name": PRIVACY_AGENT[1]}))
        ok(client.patch("/api/business", json={"retention_months": 36, "agents_can_listen": False}))
        ok(client.patch(f"/api/crm/customers/{company['id']}", json={"notes": "לקוח עסקי"}))
        assert client.get(f"/api/crm/invoices/{invoices[1]['id']}/pdf").status_code == 200  # a row in the log
        erased = ok(client.post("/api/crm/customers", json={"name": "יעל ברגר", "phone": "054-5550188"}))
    # Both are B2B above the threshold, so the server holds them for their allocation numbers and
    # its job asks the Tax Authority; with no credentials on this server it says so on each.
    wait_until(app, lambda: all(api.get(f"/api/crm/invoices/{i['id']}").get("allocation_error")
                                for i in invoices), timeout_ms=30_000)
    live.run(_set(Invoice, invoices[1]["id"], status="issued", issued_at=datetime.now(UTC), allocation_error=None,
                  allocation_status="allocated", allocation_number="300745112"))  # as the Authority's approval
    live.run(_set(Customer, erased["id"], name="לקוח שנמחק", phone=None, email=None,
                  erased_at=datetime.now(UTC) - timedelta(days=2)))
    live.run(lambda: _privacy_calls(company["id"], live.media_root))

    card = CustomerCard(api, tasks, company["id"], user=user)
    card.resize(1000, 680)
    card.show()
    wait_until(app, lambda: all(tab.loaded_once for tab in card.all_tabs))
    settle(app)
    card.grab().save(str(OUT / f"desktop-card-privacy{suffix}.png"))
    _grab_modal(app, f"desktop-erase-confirm{suffix}.png")
    card.privacy.erase_button.click()  # the question, grabbed and answered "חזרה"
    card.show_tab(card.invoices)
    card.invoices.table.setCurrentCell(card.invoices.table.rowCount() - 1, 0)  # the one still waiting
    wait_until(app, lambda: card.invoices.retry_button.isVisible())
    settle(app)
    card.grab().save(str(OUT / f"desktop-invoices-allocation{suffix}.png"))
    card.close()

    agent_api = Api(live.base_url)
    agent_api.login(PRIVACY_AGENT[0], PASSWORD)
    agent = agent_api.get("/auth/me")["user"]  # can_listen false, as the main window learns it
    card = CustomerCard(agent_api, tasks, company["id"], user=agent)
    card.resize(1000, 680)
    card.show()
    card.show_tab(card.calls)
    wait_until(app, lambda: card.calls.loaded_once)
    settle(app)
    card.grab().save(str(OUT / f"desktop-calls-purged{suffix}.png"))
    card.close()

    card = CustomerCard(api, tasks, erased["id"], user=user)
    card.resize(1000, 560)
    card.show()
    wait_until(app, lambda: card.overview.loaded_once)
    settle(app)
    card.grab().save(str(OUT / f"desktop-card-erased{suffix}.png"))
    card.close()

    profile = ProfileDialog(api, tasks, user=user)
    profile.tabs.setCurrentWidget(profile.privacy)
    profile.resize(700, 720)
    profile.show()
    wait_until(app, lambda: profile.privacy.business is not None)
    settle(app)
    profile.grab().save(str(OUT / f"desktop-privacy-settings{suffix}.png"))
    profile.close()

    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False, realtime=False)
    audit = window.open_audit()
    audit.resize(1100, 560)
    wait_until(app, lambda: audit.model.loaded_once and audit.model.is_loaded(0))
    settle(app)
    audit.grab().save(str(OUT / f"desktop-audit-log{suffix}.png"))
    audit.close()
    window.presence.stop()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dark", action="store_true", help="the dark theme")
    parser.add_argument("--no-server", action="store_true", help="only what needs no server: Qt's dialogs, the "
                                                                 "update notice")
    parser.add_argument("--only", choices=["greeting", "live", "privacy"], help="only these windows (against a server)")
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
            if args.only == "privacy":
                api = Api(live.base_url)
                render_privacy(app, live, api, api.login(EMAIL, PASSWORD), tasks, suffix)
                tasks.wait_for_done(5000)
                print(f"wrote {OUT}/desktop-card-privacy{suffix}.png and the other privacy screens")
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
            render_privacy(app, live, api, user, tasks, suffix)
            tasks.wait_for_done(5000)
        finally:
            live.stop()
    print(f"wrote {OUT}/desktop-login{suffix}.png, desktop-customers{suffix}.png, desktop-task-due{suffix}.png, "
          f"desktop-card-<tab>{suffix}.png, desktop-greeting{suffix}.png, desktop-call-pop{suffix}.png, "
          f"desktop-calls-board{suffix}.png and desktop-hours-editor{suffix}.png")


if __name__ == "__main__":
    main()
