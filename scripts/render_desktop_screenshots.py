"""Render the desktop client's login dialog, customers window, task-due dialog and each tab of
the customer card against a freshly seeded server, offscreen, to docs/screenshots/
desktop-login.png, desktop-customers.png, desktop-task-due.png and desktop-card-<tab>.png.

    .venv/bin/python scripts/render_desktop_screenshots.py [--dark]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop import theme  # noqa: E402
from desktop.api import Api, Session  # noqa: E402
from desktop.app import create_app  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
from desktop.views.card import CustomerCard  # noqa: E402
from desktop.views.login import LoginDialog  # noqa: E402
from desktop.views.main_window import MainWindow  # noqa: E402
from desktop.views.task_due import TaskDueDialog  # noqa: E402
from tests.conftest import PASSWORD  # noqa: E402
from tests.databases import Databases  # noqa: E402
from tests.desktop.card_seed import seed_card  # noqa: E402
from tests.desktop.conftest import EMAIL, MemoryKeyring, seed  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dark", action="store_true", help="the dark theme")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    app = create_app(sys.argv[:1])
    theme.apply(app, dark=args.dark)
    suffix = "-dark" if args.dark else ""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, Databases(Path(workdir), None) as databases:
        live = Live.on(databases, Path(workdir))
        try:
            seed(live)
            live.start_server()
            tasks = TaskManager(app)

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
            tasks.wait_for_done(5000)
        finally:
            live.stop()
    print(f"wrote {OUT}/desktop-login{suffix}.png, desktop-customers{suffix}.png, desktop-task-due{suffix}.png "
          f"and desktop-card-<tab>{suffix}.png")


if __name__ == "__main__":
    main()
