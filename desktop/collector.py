"""Python's garbage collection on the UI thread only.

Left to itself, the collector runs in whichever thread happens to allocate when a threshold
is crossed, a thread-pool worker fetching a page included; when the garbage it frees holds Qt
objects (a closed window's widgets in a reference cycle), they are destroyed off the UI
thread and the process can crash (seen here: a segfault "Garbage-collecting" in a fetch).
So automatic collection is off while the app runs, and a timer on the UI thread collects
instead, each generation when Python would have (the recipe Anki and OpenCue use).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start(INTERVAL_MS)

    def collect(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Automatic collection back on (the tests' Qt part is over; other code runs on)."""
        self._timer.stop()
        gc.collect()
        gc.enable()
