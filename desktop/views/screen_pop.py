"""Screen pop: an incoming call or WhatsApp message for the agent's business, named in a notice
that opens (or raises) the customer's card on its Calls or WhatsApp tab.

Fed by the realtime bridge's `event` signal (call:new and wa:message carry `customer`: its id and
name). With a system tray the notice is the tray's message, and clicking it opens the card of
the newest; without one (offscreen, a bare X server) it is a card-like notice inside the main
window with a "פתיחת הכרטיס" button, the newest on top and the earlier ones waiting under it.
One notice per CallSid or MessageSid, however often Twilio's retries repeat the event; outbound
calls and messages never pop. A notice is never a modal and never takes the keyboard: the
agent may be typing.

Live calls ("ring_agents" businesses): `call:ringing` (every connected desktop of the business
hears it) turns the call's notice into the ringing one, in place — one notice per call id,
the call:new just before it is not a second; `call:answered` says briefly who answered, in
the window, and closes it; `call:missed` closes it. `callback:overdue` (admins) pops a notice
that opens the customer's card on its Tasks tab, with the call-back task selected.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop.display import count_text, when
from desktop.theme import tokens
from desktop.views.card.base import ltr

WHATSAPP_GREEN = "#1fa855"
RLM = "\u200f"
REMEMBERED = 2000  # sids remembered against repeats: a day of a busy office, a few kB
WAITING = 20  # earlier notices kept under the newest (in-window); older ones are dropped
TRAY_MS = 15_000
ANSWERED_MS = 4000  # how long "נענתה על ידי …" stays before the notice closes


def _t(text: str) -> str:
    return QCoreApplication.translate("ScreenPop", text)


@dataclass(frozen=True)
class Pop:
    kind: str  # "call", "whatsapp" or "callback" (an overdue call-back)
    key: str  # the CallSid, MessageSid, "ringing:<call id>" or "overdue:<task id>": one notice each
    customer_id: int | None  # None for a hidden number: nothing to open
    title: str
    name: str  # the customer's name, else the number as people read it
    detail: str  # a call's number and time, a message's first words
    call_id: int | None = None
    ringing: bool = False  # the agents' phones are ringing now (call:ringing)
    task_id: int | None = None  # an overdue call-back's task

    @property
    def message(self) -> str:
        return f"{self.name}\n{self.detail}" if self.detail else self.name


def _time_of_day(value: object) -> str:
    """A call's time as the clock shows it (local): it is a call of just now."""
    try:
        return datetime.fromisoformat(str(value)).astimezone().strftime("%H:%M")
    except ValueError:
        return ""


def _preview(text: str, limit: int = 90) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[:limit].rstrip() + "…"


def _ringing_detail(agents: int) -> str:
    return count_text(agents, one=_t("מצלצל אצל סוכן אחד"), many=_t("מצלצל אצל {0} סוכנים"),
                      none=_t("מצלצל"))


def pop_for(name: str, payload: dict) -> Pop | None:
    """The notice an event calls for: an inbound call's call:new or call:ringing, an inbound
    wa:message, an overdue call-back; None for anything else."""
    customer = payload.get("customer") if isinstance(payload.get("customer"), dict) else {}
    if name == "call:ringing" and payload.get("call_id") is not None:
        customer_id = customer.get("id") or payload.get("customer_id")
        number = payload.get("from_national") or payload.get("from") or ""
        who = customer.get("name") or (number if customer_id else "") or _t("מספר חסוי")
        detail = " · ".join(p for p in (ltr(number) if customer_id and number != who else "",
                                        _ringing_detail(len(payload.get("agent_ids") or []))) if p)
        return Pop("call", f"ringing:{payload['call_id']}", customer_id, _t("הטלפון מצלצל"), who, detail,
                   call_id=payload["call_id"], ringing=True)
    if name == "callback:overdue" and isinstance(payload.get("task"), dict):
        task, call = payload["task"], payload.get("call") if isinstance(payload.get("call"), dict) else {}
        call = call or task.get("call") or {}
        number = call.get("from_number_display") or call.get("from_number") or ""
        who = customer.get("name") or number or task.get("title") or ""
        since = when(call.get("started_at"))
        detail = _t("שיחה שלא נענתה מ-{0}").format(since) if since else task.get("title", "")
        return Pop("callback", f"overdue:{task.get('id')}", customer.get("id") or task.get("customer_id"),
                   _t("התקשרות חזרה באיחור"), who, detail, call_id=call.get("id"), task_id=task.get("id"))
    if name == "call:new" and isinstance(payload.get("call"), dict):
        call = payload["call"]
        if call.get("direction") != "inbound" or not call.get("call_sid"):
            return None
        customer_id = customer.get("id") or call.get("customer_id")
        # No customer: the caller hid the number (Twilio's "anonymous", "restricted", ...).
        number = (call.get("from_number_display") or "") if customer_id else ""
        who = customer.get("name") or number or _t("מספר חסוי")
        started = _time_of_day(call.get("started_at"))
        detail = " · ".join(p for p in (ltr(number) if number and number != who else "", started) if p)
        return Pop("call", call["call_sid"], customer_id, _t("שיחה נכנסת"), who, detail, call_id=call.get("id"))
    if name == "wa:message" and isinstance(payload.get("message"), dict):
        message = payload["message"]
        if message.get("direction") != "inbound" or not message.get("message_sid"):
            return None
        who = customer.get("name") or message.get("profile_name") or _t("לקוח חדש")
        detail = _preview(message.get("body") or "") or (_t("קובץ מצורף") if message.get("media") else "")
        return Pop("whatsapp", message["message_sid"], customer.get("id") or message.get("customer_id"),
                   _t("הודעת וואטסאפ"), who, detail)
    return None


class PopNotice(QFrame):
    """The in-window notice: who, about what, "פתיחת הכרטיס" and a close button; floats over the
    bottom corner of the window (the end side, left in Hebrew) and never takes focus."""

    open_requested = Signal()
    dismissed = Signal()
    MARGIN = 20

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._home = window
        self.setObjectName("screenPop")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(380)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self.pop: Pop | None = None

        self.avatar = QLabel()
        self.avatar.setFixedSize(44, 44)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = QLabel()
        self.close_button = QPushButton("✕")
        self.close_button.setObjectName("screenPopClose")
        self.close_button.setFlat(True)
        self.close_button.setFixedSize(26, 26)
        self.close_button.setToolTip(_t("סגירה"))
        self.close_button.setAccessibleName(_t("סגירת ההתראה"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismissed)
        self.name_label = QLabel()
        self.name_label.setObjectName("screenPopName")
        self.name_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("screenPopDetail")
        self.detail_label.setWordWrap(True)
        self.open_button = QPushButton(_t("פתיחת הכרטיס"))
        self.open_button.setProperty("primary", True)
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click, never a stray Enter
        self.open_button.clicked.connect(self.open_requested)
        self.more_label = QLabel()
        self.more_label.setObjectName("screenPopMore")

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.close_button)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addLayout(top)
        words.addWidget(self.name_label)
        words.addWidget(self.detail_label)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(words, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.more_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(actions)

        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(28)
        shadow.setOffset(0, 6)
        shadow.setColor(QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)
        window.installEventFilter(self)
        self.hide()

    def show_pop(self, pop: Pop, *, waiting: int = 0) -> None:
        self.pop = pop
        accent = {"call": tokens()["primary"], "callback": tokens()["danger"]}.get(pop.kind, WHATSAPP_GREEN)
        self._paint(accent)
        self.title_label.setText(pop.title)
        initial = pop.name.strip()[:1]
        self.avatar.setText(initial if initial.isalpha() else "#")
        # A name that is a number would align as a left-to-right line: the start side, always.
        start = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        self.name_label.setAlignment(start | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.name_label.setText(pop.name)
        # RLM first: a detail opening with a number would otherwise read as a left-to-right line.
        self.detail_label.setText(RLM + pop.detail if pop.detail else "")
        self.detail_label.setVisible(bool(pop.detail))
        self.open_button.setVisible(pop.customer_id is not None)
        self.more_label.setText(_t("ועוד {0} התראות").format(waiting) if waiting > 1 else
                                _t("ועוד התראה אחת") if waiting == 1 else "")
        self.adjustSize()
        self._rehome()
        self._place()
        self.show()
        self.raise_()

    def _host(self) -> QWidget:
        """Where the notice shows: over a full-screen window that covers the main one (the
        task-due alert), else in the main window. A call must be seen over an overdue task."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self._home and widget.isVisible() and widget.isFullScreen():
                return widget
        return self._home

    def _rehome(self, host: QWidget | None = None) -> None:
        host = host or self._host()
        current = self.parentWidget()
        if current is host:
            return
        shown = self.isVisible()
        if current is not None:
            current.removeEventFilter(self)
        self.setParent(host)  # hides it
        host.installEventFilter(self)
        if shown:
            self._place()
            self.show()
            self.raise_()

    def _paint(self, accent: str) -> None:
        t = tokens()
        self.setStyleSheet(f"""
QFrame#screenPop {{ background: {t['surface']}; border: 1px solid {t['border']};
    border-right: 5px solid {accent}; border-radius: 10px; }}
QFrame#screenPop QLabel {{ background: transparent; border: none; }}
QLabel#screenPopName {{ font-size: 17px; font-weight: bold; color: {t['text']}; }}
QLabel#screenPopDetail, QLabel#screenPopMore {{ color: {t['muted']}; }}
QPushButton#screenPopClose {{ border: none; color: {t['muted']}; font-size: 14px; }}
QPushButton#screenPopClose:hover {{ color: {t['text']}; }}
""")
        self.title_label.setStyleSheet(f"color: {accent}; font-weight: bold;")
        self.avatar.setStyleSheet(f"background: {accent}; color: #ffffff; border-radius: 22px; "
                                  "font-size: 19px; font-weight: bold;")

    def _place(self) -> None:
        window = self.parentWidget()
        if window is None:
            return
        self.move(self.MARGIN, max(self.MARGIN, window.height() - self.height() - self.MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # A window left over from an earlier session can outlive this notice's Python side:
        # PySide then hands the filter a fresh wrapper whose __init__ never ran.
        if "_home" not in self.__dict__:
            return False
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        elif (watched is self.parentWidget() and watched is not self._home
              and (event.type() in (QEvent.Type.Hide, QEvent.Type.Close)
                   or (event.type() == QEvent.Type.WindowStateChange and not watched.isFullScreen()))):
            # The alert went away or left full screen: back to the main window, before the
            # alert (and the notice with it) is hidden or deleted.
            self._rehome(self._home)
        return False


class ScreenPop(QObject):
    """The main window's screen pop. `current` is the notice on screen (None when there is
    none), `waiting` the earlier ones under it (in-window only, newest last)."""

    shown = Signal(object)  # a Pop, on screen now (in the tray or the window)
    opened = Signal(object)  # a Pop whose card was opened
    closed = Signal(object, str)  # a call's Pop, "answered" or "missed": the call no longer rings

    def __init__(self, window, *, bridge=None) -> None:
        super().__init__(window)
        self.window = window
        self.notice = PopNotice(window)
        self.notice.open_requested.connect(self.open_current)
        self.notice.dismissed.connect(self.dismiss)
        self.current: Pop | None = None
        self.waiting: list[Pop] = []
        self._seen: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._ended: OrderedDict[int, None] = OrderedDict()  # call ids answered or missed: no ringing after
        self.tray: QSystemTrayIcon | None = getattr(window, "tray", None)
        if self.tray is not None:
            self.tray.messageClicked.connect(self.open_current)
        (bridge or window.alerts.bridge).event.connect(self.on_event)

    def on_event(self, name: str, payload: dict) -> None:
        if name == "task:due" and self.tray is not None:
            self.current = None  # the tray's message is the task's now: a click on it is not ours
            return
        payload = payload if isinstance(payload, dict) else {}
        if name in ("call:answered", "call:missed"):
            self.call_ended(name.removeprefix("call:"), payload)
            return
        pop = pop_for(name, payload)
        if pop is None or (pop.kind, pop.key) in self._seen:
            return
        if pop.kind == "call" and pop.call_id is not None and (
                pop.call_id in self._ended or (not pop.ringing and ("call", f"ringing:{pop.call_id}") in self._seen)):
            return  # answered or missed already, or ringing already: a late event must not pop again
        self._remember(self._seen, (pop.kind, pop.key))
        if pop.ringing:
            self._drop_call(pop.call_id)  # the call:new notice of this call becomes the ringing one
        self.present(pop)

    @staticmethod
    def _remember(seen: OrderedDict, key) -> None:
        seen[key] = None
        while len(seen) > REMEMBERED:
            seen.popitem(last=False)

    def _is_call(self, pop: Pop | None, call_id) -> bool:
        return pop is not None and pop.kind == "call" and call_id is not None and pop.call_id == call_id

    def _drop_call(self, call_id) -> None:
        """The call's notices off the queue (the one on screen is the caller's to replace or close)."""
        self.waiting = [pop for pop in self.waiting if not self._is_call(pop, call_id)]
        if self._is_call(self.current, call_id):
            self.current = None

    def call_ended(self, reason: str, payload: dict) -> None:
        """call:answered / call:missed: the call rings no more anywhere. The notice says briefly
        who answered (in the window, when it was someone else), then closes."""
        call_id = payload.get("call_id")
        if call_id is None:
            return
        self._remember(self._ended, call_id)
        current = self.current
        on_screen = self._is_call(current, call_id)
        self.waiting = [pop for pop in self.waiting if not self._is_call(pop, call_id)]
        if not on_screen:
            if self.current is None and self.tray is None:
                self.notice.hide()
            return
        me = (getattr(getattr(self.window, "session", None), "user", None) or {}).get("id")
        by = payload.get("answered_by_name")
        if reason == "answered" and by and payload.get("answered_by_user_id") != me:
            answered = replace(current, title=_t("השיחה נענתה"), detail=_t("נענתה על ידי {0}").format(by),
                               ringing=False)
            self.current = answered
            if self.tray is not None:
                self.tray.showMessage(answered.title, answered.message, QSystemTrayIcon.MessageIcon.Information,
                                      ANSWERED_MS)
            else:
                self.notice.show_pop(answered, waiting=len(self.waiting))
            QTimer.singleShot(ANSWERED_MS, self, lambda: self._close_answered(answered))
        else:
            self._next()
        self.closed.emit(current, reason)

    def _close_answered(self, pop: Pop) -> None:
        if self.current is pop:
            self._next()

    def present(self, pop: Pop) -> None:
        if self.current is not None and self.tray is None:
            self.waiting = [*self.waiting, self.current][-WAITING:]
        self.current = pop
        self._display()

    def _display(self) -> None:
        pop = self.current
        if pop is None:
            self.notice.hide()
            return
        if self.tray is not None:
            self.tray.showMessage(pop.title, pop.message, QSystemTrayIcon.MessageIcon.Information, TRAY_MS)
        else:
            self.notice.show_pop(pop, waiting=len(self.waiting))
        self.shown.emit(pop)

    def open_current(self) -> None:
        """Open (or raise) the card of the notice on screen, on its Calls or WhatsApp tab."""
        pop = self.current
        if pop is None or pop.customer_id is None:
            return
        cover = self.notice.parentWidget()
        if cover is not self.window and hasattr(cover, "step_aside"):
            cover.step_aside()  # the full-screen alert waits behind the card, as its own buttons do
        card = self.window.open_card(pop.customer_id)
        if pop.kind == "callback":
            card.show_tab(card.tasks_tab)
            if pop.task_id is not None:
                card.tasks_tab.select_task(pop.task_id)
        elif pop.kind == "call":
            card.show_tab(card.calls)
            if pop.call_id is not None:
                card.calls.ask_outcome(pop.call_id)
        else:
            card.show_tab(card.whatsapp)
        self.opened.emit(pop)
        self._next()

    def dismiss(self) -> None:
        self._next()

    def _next(self) -> None:
        """The notice is done with: the one before it comes back (in the window; the tray's
        messages are the desktop's to keep)."""
        self.current = self.waiting.pop() if self.waiting else None
        if self.current is None:
            self.notice.hide()
        elif self.tray is None:
            self.notice.show_pop(self.current, waiting=len(self.waiting))
