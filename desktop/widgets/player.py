"""An audio player for one recording: play / pause, a seek slider, position and duration.

The recording sits behind the session (a Bearer header), so it is not streamed by URL: on
the first Play, `download()` runs on the task pool and returns a local file, which
QMediaPlayer + QAudioOutput then play. Nothing touches the network on the UI thread.
A file fetched some other way (a greeting preview) is played with `play_file()`; `forget()`
drops what was loaded, so the next Play fetches again (a greeting just replaced).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

from desktop.tasks import TaskManager

LRE, PDF = "\u202a", "\u202c"  # keep "0:12 / 1:30" left to right inside Hebrew


def _noop(*_args) -> None:
    pass


def settle_overrides(*objects) -> None:
    """Have PySide look up, once and on this (the UI) thread, that these Python-made objects do
    not override connectNotify/disconnectNotify. Otherwise the first lookup can come from a
    thread of Qt's FFmpeg backend tearing down its audio renderer: it holds Qt's signal-slot
    lock and waits for the GIL, while the UI thread holds the GIL in player.stop() and waits
    for that lock, a deadlock seen about once in eight test runs (Qt/PySide 6.12; gdb: the
    QFFmpeg::AudioR thread in ~QObject -> Sbk_GetPyOverride -> PyGILState_Ensure). PySide
    remembers a missing override per object, so the threads never ask for the GIL there."""
    for obj in objects:
        obj.destroyed.connect(_noop)
        obj.destroyed.disconnect(_noop)


def clock(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


class AudioPlayer(QWidget):
    failed = Signal(str)

    def __init__(self, tasks: TaskManager, download: Callable[[], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.download = tasks, download
        self.player: QMediaPlayer | None = None  # made on the first Play, then kept
        self.audio: QAudioOutput | None = None
        self.loading = False
        self.source: Path | None = None  # the local file playing, once there is one

        self.button = QToolButton()
        self.button.setToolTip(self.tr("ניגון"))
        self.button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setEnabled(False)
        self.slider.sliderMoved.connect(self.seek)
        self.time = QLabel(LRE + "0:00 / 0:00" + PDF)
        self.time.setProperty("role", "muted")
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.time)
        layout.addWidget(self.status)

    # -- actions -------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.player is None or self.source is None:
            return self.load_and_play()
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def load_and_play(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.button.setEnabled(False)
        self.status.setText(self.tr("טוען הקלטה…"))
        self.tasks.run(self.download, self._downloaded, self._download_failed, owner=self)

    def seek(self, position: int) -> None:
        if self.player is not None:
            self.player.setPosition(position)

    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()

    def forget(self) -> None:
        """Drop the loaded file: the next Play calls `download` again."""
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self.source = None
        self.slider.setEnabled(False)
        self.slider.setValue(0)
        self.time.setText(LRE + "0:00 / 0:00" + PDF)
        self.status.clear()

    def play_file(self, path: Path) -> None:
        """Play a local file from the start, in place of whatever was loaded (the same path
        again is read afresh: a greeting replaced under its name)."""
        if self.player is None:
            # One QMediaPlayer for the widget's life: making a new one while the previous one
            # was still shutting down hung the UI thread in QMediaPlayer's constructor (Qt 6.12,
            # FFmpeg backend), about one run in eight.
            self.player = QMediaPlayer(self)
            self.audio = QAudioOutput(self)
            settle_overrides(self.player, self.audio)
            self.player.setAudioOutput(self.audio)
            self.player.durationChanged.connect(self._duration)
            self.player.positionChanged.connect(self._position)
            self.player.playbackStateChanged.connect(self._state)
            self.player.errorOccurred.connect(self._error)
        else:
            self.forget()  # an empty source first: setSource ignores a source equal to the current one
        self.source = path
        self.status.clear()
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.slider.setEnabled(True)
        self.player.play()

    def _downloaded(self, path: Path) -> None:
        self.loading = False
        self.button.setEnabled(True)
        self.play_file(path)

    def _download_failed(self, error: BaseException) -> None:
        self.loading = False
        self.button.setEnabled(True)
        message = getattr(error, "message", None) or str(error)
        if getattr(error, "code", None) == "forbidden_listen":
            # Not a failure to retry: this agent's role may not listen (the admins decide).
            self.status.setText(message)
            self.button.setEnabled(False)
        else:
            self.status.setText(self.tr("ההקלטה לא נטענה: {0}").format(message))
        self.failed.emit(message)

    def _duration(self, duration: int) -> None:
        self.slider.setRange(0, duration)
        self._position(self.player.position())

    def _position(self, position: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self.time.setText(LRE + f"{clock(position)} / {clock(self.player.duration())}" + PDF)

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.button.setIcon(self.style().standardIcon(icon))
        self.button.setToolTip(self.tr("השהיה") if playing else self.tr("ניגון"))

    def _error(self, _error: QMediaPlayer.Error, text: str) -> None:
        self.status.setText(self.tr("לא ניתן לנגן את ההקלטה."))
        self.status.setToolTip(text)
        self.failed.emit(text)
