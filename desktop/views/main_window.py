"""The main window: the customers table, the presence switch (זמין / לא זמין, desktop/presence.py),
the calls board (everyone), the phone greeting and the call settings (admins only) and logout; a tray
icon where the desktop has a system tray, else a notice inside the window (offscreen, bare X
servers); a banner when the server offers a newer client, and one while the live connection
is down.

Logging out ends the session on screen, not only on the server: every window it opened
closes (cards, the task-due alert, dialogs, the login-again dialog), the live connection stops
and forgets its alerts, and the downloaded recordings and PDFs go. Whoever shows the next login
(desktop/launcher.py) drops this window, and with it the table's pages."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStyle,
    QSystemTrayIcon,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import cache, updates
from desktop.api import Session
from desktop.export import CustomersExport
from desktop.layouts import LayoutMenu
from desktop.presence import Presence
from desktop.tasks import TaskManager
from desktop.views.alerts import WindowAlerts
from desktop.views.audit_log import AuditLogWindow
from desktop.views.call_settings import CallSettingsDialog
from desktop.views.calls_board import CallsBoard
from desktop.views.card import CustomerCard
from desktop.views.customers import CustomersView, customers_model
from desktop.views.greeting import GreetingDialog
from desktop.views.profile import ProfileDialog
from desktop.views.relogin import SessionGuard
from desktop.views.screen_pop import ScreenPop
from desktop.widgets.connection_banner import ConnectionBanner
from desktop.widgets.presence_switch import PresenceSwitch
from desktop.widgets.update_banner import UpdateBanner

log = logging.getLogger("agentlocator.desktop")


class MainWindow(QMainWindow):
    logged_out = Signal()
    reconnected = Signal()  # the live connection came back after a loss; the table and open cards reloaded
    card_opened = Signal(object)  # a CustomerCard: connect its call_requested; route on_event to self.cards

    def __init__(self, session: Session, tasks: TaskManager, *, tray_available: bool | None = None,
                 realtime: bool = True, idle_source=None) -> None:
        super().__init__()
        self.session, self.tasks = session, tasks
        self.setWindowTitle(self.tr("AgentLocator – לקוחות"))
        self.resize(1100, 700)

        name = session.user.get("name") or session.user.get("email") or ""
        toolbar = QToolBar(self.tr("ראשי"))
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        title = QLabel(self.tr("לקוחות"))
        title.setProperty("role", "title")
        toolbar.addWidget(title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        # Presence first: the switch sits by the agent's name (the idle source: desktop/idle.py).
        self.presence = Presence(session.api, tasks, user_id=session.user.get("id"), source=idle_source, parent=self)
        self.presence_switch = PresenceSwitch(self.presence)
        toolbar.addWidget(self.presence_switch)
        self.user_label = QLabel(name)
        self.user_label.setProperty("role", "muted")
        toolbar.addWidget(self.user_label)
        self.board: CallsBoard | None = None
        self.board_action = QAction(self.tr("לוח שיחות"), self)
        self.board_action.setToolTip(self.tr("שיחות היום ובטווח תאריכים, ומי מהסוכנים זמין"))
        self.board_action.triggered.connect(self.open_board)
        toolbar.addAction(self.board_action)
        # Only admins may change what callers hear (the server refuses agents anyway): agents
        # do not see the action at all.
        self.greeting_action: QAction | None = None
        if session.user.get("role") == "admin":
            self.greeting_action = QAction(self.tr("ברכה טלפונית"), self)
            self.greeting_action.setToolTip(self.tr("מה שמתקשרים לעסק שומעים: האזנה, ברכה מטקסט או מקובץ MP3"))
            self.greeting_action.triggered.connect(self.open_greeting)
            toolbar.addAction(self.greeting_action)
        self.call_settings_action: QAction | None = None
        if session.user.get("role") == "admin":
            self.call_settings_action = QAction(self.tr("הגדרות שיחות"), self)
            self.call_settings_action.setToolTip(self.tr("אופן המענה, שעות הפעילות, חגים וזמן להתקשרות חזרה"))
            self.call_settings_action.triggered.connect(self.open_call_settings)
            toolbar.addAction(self.call_settings_action)
        self.audit: AuditLogWindow | None = None
        self.audit_action: QAction | None = None
        if session.user.get("role") == "admin":
            self.audit_action = QAction(self.tr("יומן פעולות"), self)
            self.audit_action.setToolTip(self.tr("מי האזין, הוריד, ייצא, מחק או שינה הגדרות, ומתי"))
            self.audit_action.triggered.connect(self.open_audit)
            toolbar.addAction(self.audit_action)
        self.profile_action = QAction(self.tr("הפרופיל שלי"), self)
        self.profile_action.setToolTip(self.tr("השם, הטלפון שמצלצל בשיחות מהכרטיס והסיסמה שלך"))
        self.profile_action.triggered.connect(self.open_profile)
        toolbar.addAction(self.profile_action)
        self.logout_action = QAction(self.tr("התנתקות"), self)
        self.logout_action.triggered.connect(self.logout)
        toolbar.addAction(self.logout_action)

        self.model = customers_model(session.api, tasks, parent=self)
        self.customers = CustomersView(self.model, api=session.api, tasks=tasks, me=session.user.get("id"))
        self.exporter = CustomersExport(self.customers, session.api, tasks)  # the "ייצוא CSV" button
        self._show_permissions(session.user)
        self.layouts = LayoutMenu(self.customers, session.api, tasks)  # saved layouts; the default restored
        self.cards: dict[int, CustomerCard] = {}  # open customer cards, by customer id
        self.customers.customer_activated.connect(self.open_card)

        self.notice = QFrame()
        self.notice.setProperty("role", "notice")
        notice_text = QLabel(self.tr("אין מגש מערכת בשולחן העבודה הזה: התראות יוצגו בחלון זה."))
        notice_text.setWordWrap(True)
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.addWidget(notice_text)

        self.update_banner = UpdateBanner()
        self.connection_banner = ConnectionBanner()

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addWidget(self.update_banner)
        layout.addWidget(self.connection_banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.customers, 1)
        self.setCentralWidget(central)

        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if tray_available:
            self.tray = self._make_tray()
        self.notice.setVisible(self.tray is None)
        self.model.reload()
        self.layouts.load()
        self.load_permissions()
        self.update_banner.check(tasks, lambda: updates.available(session.api))
        # Realtime (task-due alerts, live cards, click-to-call) and logging in again when the session ends.
        self.alerts = WindowAlerts(self, start=realtime)
        self.alerts.bridge.connected_changed.connect(self.connection_banner.set_online)
        self.alerts.bridge.reconnected.connect(self.refresh)
        self._ending = False
        self.session_guard = SessionGuard(self)
        self.session_guard.resumed.connect(self.model.reload)
        self.session_guard.resumed.connect(self.alerts.bridge.start)
        self.screen_pop = ScreenPop(self)  # incoming calls and WhatsApp messages: a notice that opens the card
        bridge = self.alerts.bridge
        bridge.event.connect(self.presence.on_event)
        bridge.event.connect(self._to_board)
        # Whether calls ring this agent depends on the live connection too: asked again when it changes.
        # A method of an object on this thread, never a lambda: the bridge emits on its socket
        # thread, and PySide runs a lambda there, where a task started from it crashed Qt.
        bridge.connected_changed.connect(self.presence.connection_changed)
        self.session_guard.resumed.connect(self.presence.load)
        self.session_guard.resumed.connect(self.load_permissions)
        self.presence.start()

    def _make_tray(self) -> QSystemTrayIcon:
        icon = self.windowIcon()
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        tray = QSystemTrayIcon(QIcon(icon), self)
        tray.setToolTip("AgentLocator")
        menu = QMenu(self)
        menu.addAction(self.tr("הצגת החלון"), self.showNormal)
        menu.addSeparator()
        menu.addAction(self.presence_switch.available_action)  # the presence switch, from the tray too
        menu.addAction(self.presence_switch.away_action)
        menu.addSeparator()
        menu.addAction(self.logout_action)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda _reason: (self.showNormal(), self.activateWindow()))
        tray.show()
        return tray

    def open_card(self, customer_id: int, row: dict | None = None) -> CustomerCard:
        """The customer's card window (one per customer: an open one is raised)."""
        card = self.cards.get(customer_id)
        if card is None:
            card = CustomerCard(self.session.api, self.tasks, customer_id, customer=row, user=self.session.user,
                                parent=self)
            self.cards[customer_id] = card
            card.destroyed.connect(lambda _o=None, c=customer_id: self.cards.pop(c, None))
            self.card_opened.emit(card)
        card.show()
        card.raise_()
        card.activateWindow()
        return card

    def open_board(self) -> CallsBoard:
        """The calls board window (one: an open one is raised)."""
        if self.board is None:
            self.board = CallsBoard(self.session.api, self.tasks, parent=self)
            self.board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.board.destroyed.connect(lambda _o=None: setattr(self, "board", None))
        self.board.show()
        self.board.raise_()
        self.board.activateWindow()
        return self.board

    def open_audit(self) -> AuditLogWindow:
        """The audit log window (admins; one: an open one is raised)."""
        if self.audit is None:
            self.audit = AuditLogWindow(self.session.api, self.tasks, parent=self)
            self.audit.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.audit.destroyed.connect(lambda _o=None: setattr(self, "audit", None))
        self.audit.show()
        self.audit.raise_()
        self.audit.activateWindow()
        return self.audit

    # -- what this user may do -----------------------------------------------------------
    def load_permissions(self) -> None:
        """`/auth/me` says what the role may do now (`can_export`, `can_listen`: the admins may
        have changed them); the login's answer does not carry them."""
        self.tasks.run(lambda: self.session.api.get("/auth/me")["user"], self._permissions_arrived,
                       lambda error: log.info("permissions not loaded: %s", error), owner=self)

    def _permissions_arrived(self, user: dict) -> None:
        self.session.user.update(user)
        self._show_permissions(self.session.user)

    def _show_permissions(self, user: dict) -> None:
        # Until /auth/me answers, an agent is taken as its business's default: no export.
        self.exporter.button.setVisible(bool(user.get("can_export", user.get("role") == "admin")))

    def _to_board(self, name: str, payload: dict) -> None:
        if self.board is not None:
            self.board.on_event(name, payload)

    def open_call_settings(self) -> None:
        """The call settings dialog (admins; it tells the outcome itself)."""
        CallSettingsDialog.ask(self.session.api, self.tasks, parent=self)

    def open_greeting(self) -> None:
        """The phone greeting dialog (it tells the outcome itself)."""
        GreetingDialog.ask(self.session.api, self.tasks, parent=self)

    def open_profile(self) -> None:
        """The agent's own profile (and, for admins, users and numbers)."""
        user = ProfileDialog.ask(self.session.api, self.tasks, user=self.session.user, parent=self)
        if user:
            self.session.user.update(user)
            self.user_label.setText(user.get("name") or user.get("email") or "")

    def notify(self, title: str, message: str) -> None:
        """A desktop notification through the tray, or the in-window notice without one."""
        if self.tray is not None:
            self.tray.showMessage(title, message)
        else:
            label = self.notice.findChild(QLabel)
            label.setText(f"{title}: {message}")
            self.notice.show()

    def refresh(self) -> None:
        """After the live connection came back: what changed meanwhile is shown. The table
        keeps its scroll position (a reload, not a new query); the cards keep what is being typed."""
        self.model.reload()
        for card in list(self.cards.values()):
            card.reload()
        self.reconnected.emit()

    def logout(self) -> None:
        """Everything of the session off the screen at once; the server is told on the pool."""
        if self._ending:
            return
        self._ending = True
        self.logout_action.setEnabled(False)
        self.session_guard.detach()  # before the windows close: closing its dialog must not log out again
        self.presence.stop()
        self.alerts.end()  # before the windows close: closing the alert would snooze its task
        for widget in self.findChildren(QWidget):
            if widget.isWindow() and widget.isVisible():
                widget.close()
        if self.tray is not None:
            self.tray.hide()
        self.hide()
        api = self.session.api
        self.tasks.run(api.logout, lambda _r: self._finish_logout(), lambda _e: self._finish_logout(), owner=self)

    def _finish_logout(self) -> None:
        # Customers' recordings and PDFs are personal data, and an office PC is often shared by
        # agents of different rights: the next person to log in must not find the last one's
        # downloads. A viewer still showing one keeps its open file (Windows refuses to remove
        # it: the start-up clean takes it later).
        self.tasks.run(cache.purge, on_error=lambda error: log.warning("downloads not removed: %s", error))
        self.logged_out.emit()
        self.close()
