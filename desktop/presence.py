"""The agent's presence: available or away (`GET/PUT /api/crm/me/presence`), following
`presence:changed`, and away on its own while the computer is locked or idle.

An incoming call in a "ring_agents" business rings the phone of every available agent with a
live connection; an agent who walked away from the desk must not be rung. So after
`idle_minutes()` without input (a setting of this desktop, 10 by default), or as soon as the
screen is locked, the agent becomes away, and available again at the next input — but only
when it was the desktop that made them away: an agent who chose away by hand (here, or in the
web app) stays away until they choose otherwise. The desktop remembers (per user, in its
settings) that it made the agent away, so an app closed while idle-away (the end of the day)
brings them back at the first input after it opens again, instead of leaving them away.

`source` is any object with `idle_seconds()` and `locked()` (desktop/idle.py picks the
machine's); tests inject their own and call `check()`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop import paths
from desktop.api import Api
from desktop.idle import default_source
from desktop.live_errors import error_text
from desktop.tasks import TaskManager

log = logging.getLogger("agentlocator.desktop.presence")

IDLE_KEY = "presence/idle_minutes"
AUTO_AWAY_KEY = "presence/auto_away/{user_id}"
DEFAULT_IDLE_MINUTES = 10
IDLE_RANGE = (1, 240)
POLL_MS = 5000


def idle_minutes() -> int:
    """Minutes without input before the desktop sets the agent away (this user's setting)."""
    try:
        value = int(paths.settings().value(IDLE_KEY, DEFAULT_IDLE_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return min(max(value, IDLE_RANGE[0]), IDLE_RANGE[1])


def set_idle_minutes(minutes: int) -> None:
    settings = paths.settings()
    settings.setValue(IDLE_KEY, int(minutes))
    settings.sync()


class Presence(QObject):
    changed = Signal()  # status, effective, online or auto_away changed
    failed = Signal(str)  # a Hebrew sentence: the server did not take a change

    def __init__(self, api: Api, tasks: TaskManager, *, user_id: int | None, source=None,
                 poll_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api, self.tasks, self.user_id = api, tasks, user_id
        self.source = source if source is not None else default_source(self)
        self.status: str | None = None  # what the agent chose, as the server last said
        self.effective: str | None = None
        self.online = False
        self.auto_away = False  # the desktop made the agent away (idle or locked)
        self._changes = 0  # this desktop's own changes so far: a read asked before one is stale
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)

    # -- the server ----------------------------------------------------------------------
    def start(self) -> None:
        self.load()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def load(self) -> None:
        asked = self._changes

        def answered(body: dict) -> None:
            if asked == self._changes:  # else the change's own answer (and event) tells what holds
                self._take(body)

        self.tasks.run(lambda: self.api.get("/api/crm/me/presence"), answered,
                       lambda error: log.info("presence not read: %s", error), owner=self)

    def connection_changed(self, _up: bool) -> None:
        """The live connection came or went: whether calls ring this agent depends on it."""
        self.load()

    def _put(self, status: str) -> None:
        self._changes += 1

        def refused(error: BaseException) -> None:
            self.failed.emit(error_text(error))
            self.load()  # show what the server holds

        self.tasks.run(lambda: self.api.request("PUT", "/api/crm/me/presence", json={"status": status}),
                       self._take, refused, owner=self)

    def _take(self, body: dict) -> None:
        if not isinstance(body, dict):
            return
        first = self.status is None
        self.status = body.get("status", self.status)
        self.effective = body.get("effective", self.effective)
        self.online = bool(body.get("online", self.online))
        if self.status == "available":
            self._set_auto_away(False)
        elif first and self.status == "away" and self._remembered_auto_away():
            self.auto_away = True  # this desktop made them away before it was closed
        self.changed.emit()

    def _auto_away_key(self) -> str | None:
        return AUTO_AWAY_KEY.format(user_id=self.user_id) if self.user_id is not None else None

    def _remembered_auto_away(self) -> bool:
        key = self._auto_away_key()
        return bool(key) and paths.settings().value(key, False, type=bool)

    def _set_auto_away(self, value: bool) -> None:
        self.auto_away = value
        key = self._auto_away_key()
        if key and value != self._remembered_auto_away():
            settings = paths.settings()
            if value:
                settings.setValue(key, True)
            else:
                settings.remove(key)
            settings.sync()

    def on_event(self, name: str, payload: dict) -> None:
        """`presence:changed` of this agent (from this desktop, another one, or the web app)."""
        if name != "presence:changed" or payload.get("user_id") != self.user_id or self.user_id is None:
            return
        self._take(payload)

    # -- the agent -----------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self.status == "available"

    def choose(self, status: str) -> None:
        """The agent's own choice: it stands until they choose again (an away chosen by hand is
        never turned back to available by the desktop)."""
        self._set_auto_away(False)
        if status != self.status:
            self.status = status
            self.changed.emit()
        self._put(status)

    def toggle(self) -> None:
        self.choose("away" if self.available else "available")

    # -- idle and lock -------------------------------------------------------------------
    def check(self) -> None:
        """Sample the source: away when idle or locked, back when the agent returned."""
        if self.status is None:
            return  # not known yet: nothing to compare with
        idle = self.source.idle_seconds()
        locked = bool(self.source.locked())
        away = locked or (idle is not None and idle >= idle_minutes() * 60)
        if away and self.available:
            self._set_auto_away(True)
            self.status = "away"
            self.changed.emit()
            self._put("away")
        elif not away and self.auto_away and self.status == "away":
            self._set_auto_away(False)
            self.status = "available"
            self.changed.emit()
            self._put("available")
