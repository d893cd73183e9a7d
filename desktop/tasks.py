"""The one concurrency helper: run a function on a thread pool, get its result back on the main
thread (after Anki's `aqt/taskman.py`). The UI thread never waits on the network.

    tasks.run(lambda: api.list("customers"), on_done=show, on_error=complain)

`on_done(result)` or `on_error(exception)` runs on the thread that owns the TaskManager (the
main thread). A callback whose `owner` QObject was deleted meanwhile is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("agentlocator.desktop.tasks")


class _Job(QRunnable):
    def __init__(self, manager: TaskManager, fn: Callable[[], Any], deliver: tuple) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._manager, self._fn, self._deliver = manager, fn, deliver

    def run(self) -> None:
        try:
            outcome = (True, self._fn())
        except BaseException as error:  # noqa: BLE001 - handed to the caller's on_error
            outcome = (False, error)
        # A signal of a main-thread object emitted here is queued: the slot runs on the main thread.
        self._manager._finished.emit((self._deliver, outcome))


class TaskManager(QObject):
    _finished = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending = 0
        self._finished.connect(self._on_finished)

    @property
    def pending(self) -> int:
        return self._pending

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, fn, (on_done, on_error, owner)))

    @Slot(object)
    def _on_finished(self, payload: tuple) -> None:
        (on_done, on_error, owner), (ok, value) = payload
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if owner is not None and not shiboken6.isValid(owner):
            return
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is not None:
            on_error(value)
        else:
            log.error("background task failed", exc_info=value)

    def wait_for_done(self, msecs: int = 5000) -> bool:
        """Block until the workers finish (at shutdown only)."""
        return self._pool.waitForDone(msecs)
