"""The main window's realtime side, in one object: the Socket.IO bridge, the task-due dialog,
a tray notification (or the window's own notice) per alert, realtime events routed to the open
customer cards, WhatsApp from an alert opening the card's WhatsApp tab, and click-to-call for
the cards' Call action."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from desktop.calls import call_customer
from desktop.realtime import RealtimeBridge
from desktop.views.task_due import TaskDueDialog


def _t(text: str) -> str:
    return QCoreApplication.translate("Alerts", text)


class WindowAlerts(QObject):
    def __init__(self, window, *, full_screen: bool = True, start: bool = True) -> None:
        super().__init__(window)
        self.window = window
        api, tasks = window.session.api, window.tasks
        self.bridge = RealtimeBridge(api, self)
        self.dialog = TaskDueDialog(api, tasks, window, full_screen=full_screen)
        self.bridge.task_due.connect(self.task_due)
        self.bridge.event.connect(self.route)
        self.dialog.open_customer.connect(self.open_customer)
        if hasattr(window, "card_opened"):
            window.card_opened.connect(self.card_opened)
        bridge = self.bridge
        window.destroyed.connect(lambda *_args: bridge.stop(timeout=0))
        if start:
            self.bridge.start()

    def task_due(self, payload: dict) -> None:
        task, customer = payload.get("task") or {}, payload.get("customer") or {}
        text = task.get("title", "")
        if customer.get("name"):
            text += " · " + customer["name"]
        self.window.notify(_t("משימה לביצוע"), text)
        self.dialog.add(payload)

    def route(self, name: str, payload: dict) -> None:
        for card in list(getattr(self.window, "cards", {}).values()):
            card.on_event(name, payload)

    def open_customer(self, customer_id: int, tab: str) -> None:
        open_card = getattr(self.window, "open_card", None)
        if open_card is None:
            return
        card = open_card(customer_id)
        widget = getattr(card, tab, None)
        if widget is not None:
            card.show_tab(widget)

    def card_opened(self, card) -> None:
        api, tasks = self.window.session.api, self.window.tasks

        def place(customer_id: int) -> None:
            card.overview.say(_t("מתקשרים…"))
            call_customer(api, tasks, customer_id, lambda ok, message: card.overview.say(message, error=not ok),
                          owner=card)

        card.call_requested.connect(place)

    def stop(self) -> None:
        self.bridge.stop(timeout=1.0)  # the socket thread ends on its own; never hold the UI long
        self.dialog.hide()

    def end(self) -> None:
        """Logging out: no alert more, none remembered, none on screen. Their tasks stay open on
        the server untouched (not snoozed), and come back at the next login by the replay."""
        self.stop()
        self.bridge.forget()
        self.dialog.dismiss()
