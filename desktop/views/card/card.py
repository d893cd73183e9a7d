"""The customer card: a window per customer with its tabs, opened from the customers table.

Hooks for the rest of the app:
- `call_requested(customer_id)`: the Call quick action (`call_action`); click-to-call connects it.
- `on_event(name, payload)`: a realtime event (Socket.IO, turned into a call by
  desktop/realtime.py); the tabs it concerns refresh when it is about this customer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.api import Api
from desktop.tasks import TaskManager
from desktop.views.card.base import CardContext, CardTab
from desktop.views.card.calls import CallsTab
from desktop.views.card.contracts import ContractsTab
from desktop.views.card.invoices import InvoicesTab
from desktop.views.card.overview import OverviewTab, header_text
from desktop.views.card.privacy import PrivacyActions
from desktop.views.card.tasks import TasksTab
from desktop.views.card.timeline import TimelineTab
from desktop.views.card.whatsapp import WhatsAppTab


def event_customer(name: str, payload: dict) -> int | None:
    """The customer an event is about, or None."""
    if name == "customer:updated":
        return (payload.get("customer") or {}).get("id")
    for key in ("call", "message", "task", "invoice"):
        if isinstance(payload.get(key), dict):
            return payload[key].get("customer_id")
    if isinstance(payload.get("customer"), dict):
        return payload["customer"].get("id")
    return payload.get("customer_id")  # call:answered, call:missed


class CustomerCard(QWidget):
    call_requested = Signal(int)
    deleted = Signal(int)
    own_phone_missing = Signal()  # a call failed: the agent has no phone (desktop/calls.py emits it)

    def __init__(self, api: Api, tasks: TaskManager, customer_id: int, *, customer: dict | None = None,
                 user: dict | None = None, parent: QWidget | None = None) -> None:
        """`user`: who is logged in; an admin's card carries the privacy actions."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.customer_id = customer_id
        self.ctx = CardContext(api=api, tasks=tasks, customer_id=customer_id, user=dict(user or {}))
        self.resize(900, 640)

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "muted")
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.subtitle, 1)

        self.overview = OverviewTab(self.ctx)
        self.timeline = TimelineTab(self.ctx)
        self.calls = CallsTab(self.ctx)
        self.whatsapp = WhatsAppTab(self.ctx)
        self.invoices = InvoicesTab(self.ctx)
        self.contracts = ContractsTab(self.ctx)
        self.tasks_tab = TasksTab(self.ctx)
        self.tabs = QTabWidget()
        for tab, label in ((self.overview, self.tr("סקירה")), (self.timeline, self.tr("ציר זמן")),
                           (self.calls, self.tr("שיחות")), (self.whatsapp, self.tr("וואטסאפ")),
                           (self.invoices, self.tr("חשבוניות")), (self.contracts, self.tr("חוזים וחתימות")),
                           (self.tasks_tab, self.tr("משימות"))):
            self.tabs.addTab(tab, label)

        self.call_action = QAction(self.tr("התקשרות"), self)
        self.call_action.setToolTip(self.tr("התקשרות ללקוח"))
        self.call_action.triggered.connect(lambda: self.call_requested.emit(self.customer_id))
        self.overview.call_button.setDefaultAction(self.call_action)
        self.overview.whatsapp_requested.connect(lambda: self.show_tab(self.whatsapp))
        self.overview.new_task_requested.connect(self.new_task)
        self.overview.customer_changed.connect(self._show_header)
        self.ask_profile = None  # ProfileDialog.ask unless a test replaces it
        self.own_phone_missing.connect(self.overview.profile_button.show)
        self.tasks_tab.own_phone_missing.connect(self.own_phone_missing)
        self.overview.profile_requested.connect(self.open_profile)
        self.privacy: PrivacyActions | None = None
        if self.ctx.is_admin:
            self.privacy = PrivacyActions(self.overview)
            self.privacy.erased.connect(lambda _customer: self.reload())  # calls, chat and tasks lost their content

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self._show_header(customer or {"name": ""})
        self.reload()

    @property
    def all_tabs(self) -> list[CardTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def reload(self) -> None:
        for tab in self.all_tabs:
            tab.reload()

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def open_profile(self) -> None:
        """The agent's profile, where they set the phone click-to-call rings first."""
        ask = self.ask_profile
        if ask is None:
            # Imported here: the profile's admin tab lists users with the card's table helpers
            # (desktop.views.card.base), whose package imports this module.
            from desktop.views.profile import ProfileDialog
            ask = ProfileDialog.ask
        user = ask(self.ctx.api, self.ctx.tasks, parent=self)
        if user and user.get("phone"):
            self.overview.profile_button.hide()
            self.overview.say(self.tr("הטלפון שלך נשמר. אפשר להתקשר עכשיו."))

    def new_task(self) -> None:
        self.show_tab(self.tasks_tab)
        self.tasks_tab.focus_create()

    def _show_header(self, customer: dict) -> None:
        name = customer.get("name") or ""
        self.title.setText(name)
        self.subtitle.setText(header_text(customer))
        self.setWindowTitle(self.tr("AgentLocator – {0}").format(name) if name else "AgentLocator")

    # -- realtime ------------------------------------------------------------------------
    def on_event(self, name: str, payload: dict) -> bool:
        """Refresh what a realtime event changed; True when it concerned this customer."""
        if event_customer(name, payload) != self.customer_id:
            return False
        if name == "customer:updated":
            if payload.get("deleted"):
                self.deleted.emit(self.customer_id)
                self.overview.say(self.tr("הלקוח נמחק."), error=True)
            else:
                self.overview.show_customer(payload["customer"])
        elif name.startswith("call:"):  # new, updated, ringing, answered, missed
            self.calls.reload()
        elif name in ("wa:message", "wa:status"):
            self.whatsapp.upsert(payload["message"])
        elif name.startswith("task:"):
            self.tasks_tab.reload()
        elif name == "invoice:updated":  # issued, allocated, refused, paid, cancelled: here or elsewhere
            self.invoices.upsert(payload["invoice"])
        if name != "customer:updated":
            self.timeline.reload()
        return True
