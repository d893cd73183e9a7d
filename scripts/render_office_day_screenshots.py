"""The desktop client's office day in real windows: Xvfb with the openbox window manager
(tests/xdisplay.py), the client on Qt's xcb platform, each shot taken from the X screen itself
with the window manager's frame, as the agent sees it. Against a freshly seeded server, with a
local Twilio fake for messages and the Content API (tests/fake_twilio_messages.py).

Writes docs/screenshots/office-*.png: login, customers-filtered (status and owner filters),
card-<tab> for every tab of a customer's card, whatsapp-templates (the template picker),
profile and users (an admin's users and numbers), screen-pop (an incoming call), task-due (the
full-screen alert).

    .venv/bin/python scripts/render_office_day_screenshots.py

The script runs itself again with --child on that display, so the client process knows only
the X display, as on an office PC.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import keyring  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop import paths  # noqa: E402
from desktop.app import create_app  # noqa: E402
from desktop.launcher import Launcher  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
from desktop.views.main_window import MainWindow  # noqa: E402
from desktop.views.profile import ProfileDialog  # noqa: E402
from server.customers.models import Customer  # noqa: E402
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, PASSWORD  # noqa: E402
from tests.databases import Databases  # noqa: E402
from tests.desktop.card_seed import seed_card  # noqa: E402
from tests.desktop.conftest import EMAIL, MemoryKeyring, seed  # noqa: E402
from tests.e2e.live import Live  # noqa: E402
from tests.fake_twilio_messages import FakeTwilioMessages  # noqa: E402
from tests.twilio_helpers import call_params, signed_form  # noqa: E402
from tests.xdisplay import Display  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
REMINDER = "שלום {{1}}, מזכירים את הפגישה שלך ב-{{2}} במשרד."
COLLEAGUE = ("יוסי המוקדן", "yossi@example.com")
CALLER = "+972521112233"


# -- the parent: a display, a server, a Twilio fake -------------------------------------------
def parent() -> None:

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, Databases(Path(workdir), None) as databases, \
            FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as twilio, Display() as display:
        twilio.add_template("תזכורת לפגישה", REMINDER, {"1": "דנה", "2": "יום שלישי בעשר"})
        twilio.add_template("אישור הגעה", "היי {{1}}, נשמח לאישור הגעה לפגישה מחר.", {"1": "יוסי"})
        live = Live.on(databases, Path(workdir), GOOGLE_APPLICATION_CREDENTIALS="",
                       TWILIO_API_BASE=twilio.base_url, TWILIO_CONTENT_API_BASE=twilio.base_url)
        try:
            seed(live)
            live.start_server()
            body = live.login(EMAIL, PASSWORD)
            token, me = body["access_token"], body["user"]
            with httpx.Client(base_url=live.base_url, timeout=10,
                              headers={"Authorization": f"Bearer {token}"}) as client:
                colleague = client.post("/api/crm/users", json={
                    "name": COLLEAGUE[0], "email": COLLEAGUE[1], "password": PASSWORD, "role": "agent"}).json()
                client.patch(f"/api/crm/users/{me['id']}", json={"phone": "054-555-0101"})

            async def owners() -> int:
                # Half the office's customers are Dana's (the seed's statuses run lead, active,
                # inactive, so she has some of each), a quarter her colleague's.
                ids = [c.id for c in await Customer.all().order_by("id")]
                await Customer.filter(id__in=ids[0::2]).update(owner_id=me["id"])
                await Customer.filter(id__in=ids[1::4]).update(owner_id=colleague["id"])
                return ids[0]

            customer_id = live.run(owners)
            seed_card(live, token, customer_id)
            home = Path(workdir) / "home"
            env = display.env(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(home / "config"),
                              XDG_CACHE_HOME=str(home / "cache"), XDG_DATA_HOME=str(home / "data"))
            subprocess.run([sys.executable, __file__, "--child", live.base_url, str(customer_id)], env=env,
                           check=True, timeout=900)
        finally:
            live.stop()


# -- the child: the client on the X display ---------------------------------------------------
def child(server: str, customer_id: int) -> None:


    keyring.set_keyring(MemoryKeyring())
    app = create_app([sys.argv[0]])
    tasks = TaskManager(app)

    def wait(predicate, timeout_ms: int = 20_000) -> None:
        clock = QElapsedTimer()
        clock.start()
        while not predicate():
            if clock.elapsed() > timeout_ms:
                raise TimeoutError("the window did not get there in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def settle(ms: int = 400) -> None:
        """Let the window manager map, place and frame the window, and Qt paint it."""
        clock = QElapsedTimer()
        clock.start()
        while clock.elapsed() < ms:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def shot(widget: QWidget, name: str) -> None:
        """The window as the X screen shows it, frame and title bar included."""
        widget.raise_()
        widget.activateWindow()
        settle()
        frame = widget.frameGeometry()
        image = QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        image.save(str(OUT / f"office-{name}.png"))
        print(f"wrote {OUT / f'office-{name}.png'}", flush=True)

    def screen(name: str) -> None:
        settle()
        QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / f"office-{name}.png"))
        print(f"wrote {OUT / f'office-{name}.png'}", flush=True)

    # Sign in as the app does it (desktop/launcher.py): the login dialog first.
    launcher = Launcher(tasks, paths.settings(), server,
                        window_factory=lambda session, pool: MainWindow(session, pool))
    launcher.start(None)
    login = launcher.login
    wait(lambda: login.isVisible())
    login.email.setText(EMAIL)
    login.password.setText(PASSWORD)
    shot(login, "login")
    shown = []
    launcher.window_shown.connect(shown.append)
    login.login_button.click()
    wait(lambda: shown)
    window = shown[0]
    window.resize(1280, 760)
    window.move(40, 30)
    model, view = window.model, window.customers
    wait(lambda: model.loaded_once and window.alerts.bridge.connected)

    # The table filtered: Dana's active customers.
    view.status_filter.setCurrentIndex(view.status_filter.findData("active"))
    view.status_filter.activated.emit(view.status_filter.currentIndex())
    wait(lambda: view.owner_filter.count() > 2)
    view.owner_filter.setCurrentIndex(view.owner_filter.findText("שלי"))
    view.owner_filter.activated.emit(view.owner_filter.currentIndex())
    wait(lambda: model.loaded_once and model.total > 0
         and all(model.is_loaded(r) for r in range(min(12, model.total))))
    shot(window, "customers-filtered")

    # The card, tab by tab.
    card = window.open_card(customer_id)
    card.resize(1000, 700)
    card.move(120, 60)
    wait(lambda: all(tab.loaded_once for tab in card.all_tabs))
    for tab, name in ((card.overview, "overview"), (card.timeline, "timeline"), (card.calls, "calls"),
                      (card.whatsapp, "whatsapp"), (card.invoices, "invoices"), (card.contracts, "contracts"),
                      (card.tasks_tab, "tasks")):
        card.show_tab(tab)
        shot(card, f"card-{name}")

    # The template picker, a template chosen by name and filled in.
    chat = card.whatsapp
    card.show_tab(chat)
    if not chat.picker.isVisible():
        chat.template_button.click()
    wait(lambda: chat.picker.state == "ready")
    chat.picker.choose("תזכורת לפגישה")
    chat.picker.set_variables({"1": "דנה", "2": "יום חמישי בעשר"})
    shot(card, "whatsapp-templates")
    card.close()

    # The profile, and an admin's users and numbers.
    profile = ProfileDialog(window.session.api, tasks, user=window.session.user, parent=window)
    profile.show()
    wait(lambda: profile.users is None or profile.users.users.rowCount() > 0)
    settle(800)
    shot(profile, "profile")
    if profile.users is not None:
        profile.tabs.setCurrentWidget(profile.users)
        wait(lambda: profile.users.numbers.rowCount() > 0)
        shot(profile, "users")
    profile.close()

    # Screen pop: a caller rings the business (a signed webhook, as Twilio sends it).
    path, body, headers = signed_form(server, "/webhook/incoming_call",
                                      call_params("CA" + uuid.uuid4().hex, From=CALLER, Caller=CALLER))
    assert httpx.post(server + path, content=body, headers=headers, timeout=10).status_code == 200
    wait(lambda: window.screen_pop.current is not None)
    shot(window, "screen-pop")
    window.screen_pop.dismiss()

    # A task falls due: the alert over the whole screen.
    api = window.session.api
    api.post("/api/crm/tasks", {"title": "לחזור ללקוח לגבי הצעת המחיר", "customer_id": customer_id,
                                "notes": "ביקש לדבר אחרי 16:00 ולשמוע על ההנחה לחידוש החוזה.",
                                "due_at": (datetime.now(UTC) - timedelta(seconds=1)).isoformat()})
    alert = window.alerts.dialog
    wait(lambda: alert.isVisible() and alert.isFullScreen())
    settle(800)
    screen("task-due")
    alert.dismiss()
    window.alerts.stop()
    tasks.wait_for_done(5000)
    QApplication.closeAllWindows()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("SERVER", "CUSTOMER_ID"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
    else:
        parent()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
