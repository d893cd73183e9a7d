"""Run by tests/desktop/test_step_aside.py on a real X display (xcb, under openbox): the main
window against a live server, a task-due alert for a customer on top in full screen, then its
WhatsApp action. Prints one line per step for the test to read:

    alert <title>      the alert is on screen
    card <title>       WhatsApp was pressed and this card is on screen
and runs until the test ends it. Windows go by their titles (xdotool search --name): Qt makes
the alert a new native window when its on-top flag changes.

    python -m tests.desktop.step_aside_scenario URL EMAIL PASSWORD [open|closed]

With `open`, the customer's card is already open (behind the alert) when WhatsApp is pressed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from desktop.api import Api, Session
from desktop.app import create_app
from desktop.tasks import TaskManager


def main(url: str, email: str, password: str, card_state: str = "closed") -> int:
    from desktop.views.main_window import MainWindow

    app = create_app(sys.argv[:1])
    api = Api(url)
    user = api.login(email, password)  # before the window: nothing else runs yet
    customer = api.list("customers", limit=1)["results"][0]
    tasks = TaskManager(app)
    window = MainWindow(Session(api=api, user=user), tasks, tray_available=False, realtime=False)
    window.show()
    if card_state == "open":
        QTest.qWaitForWindowExposed(window.open_card(customer["id"], customer), 10_000)
    dialog = window.alerts.dialog
    dialog.add({"task": {"id": 1, "title": "לחזור ללקוח", "customer_id": customer["id"],
                         "due_at": "2026-12-01T09:00:00+02:00"}, "customer": customer})
    if not QTest.qWaitForWindowExposed(dialog, 10_000):
        return 2
    print("alert", dialog.windowTitle(), flush=True)

    def whatsapp() -> None:
        dialog.whatsapp_button.click()
        card = window.cards[customer["id"]]
        QTest.qWaitForWindowExposed(card, 10_000)

        def report() -> None:  # once its title names the customer
            print("card", card.windowTitle(), flush=True)

        if card.overview.loaded_once:
            report()
        else:
            card.overview.loaded.connect(report)

    QTimer.singleShot(0, whatsapp)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
