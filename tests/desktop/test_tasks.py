"""desktop.tasks: work on the pool, results and failures back on the main thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject


def test_results_come_back_on_the_main_thread(qtbot, tasks):
    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    tasks.run(work, lambda result: seen.update(result=result, main=threading.current_thread()))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["main"] is threading.main_thread() and seen["worker"] is not threading.main_thread()


def test_failures_go_to_on_error(qtbot, tasks):
    errors = []
    tasks.run(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_a_deleted_owner_gets_no_callback(qtbot, tasks):
    owner, calls = QObject(), []
    gate = threading.Event()
    tasks.run(gate.wait, calls.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert calls == []
