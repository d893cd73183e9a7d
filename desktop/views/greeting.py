"""The phone greeting dialog (admins only): hear what callers hear, write a new greeting in
Hebrew, hear it before it goes live, install it, or upload an MP3 instead.

`GreetingDialog.ask(api, tasks)` runs it and returns the greeting it installed (a
desktop.greeting.Greeting), or None when nothing changed. Every call runs on the task pool;
while one runs the action buttons are disabled and a line says what is happening.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import greeting
from desktop.api import Api
from desktop.display import count_text
from desktop.greeting import TEXT_LIMIT, Greeting, Preview
from desktop.tasks import TaskManager
from desktop.theme import set_role
from desktop.widgets.player import AudioPlayer
from desktop.widgets.section import section_title


def choose_mp3(parent: QWidget) -> Path | None:
    """The MP3 file the admin picks (Qt's file dialog, in Hebrew); None when cancelled. Tests
    replace it (the dialog's `choose_file`)."""
    name, _filter = QFileDialog.getOpenFileName(parent, parent.tr("בחירת קובץ MP3 לברכה"), str(Path.home()),
                                                parent.tr("קובצי MP3 (*.mp3)"))
    return Path(name) if name else None


class GreetingDialog(QDialog):
    loaded = Signal()  # the current greeting arrived (or failed to)
    finished_action = Signal(str, bool)  # "preview" / "publish" / "upload", succeeded

    def __init__(self, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.tasks = api, tasks
        self.greeting: Greeting | None = None
        self.installed: Greeting | None = None  # what this dialog installed, for ask()
        self.preview: Preview | None = None
        self.busy = False
        self.choose_file = choose_mp3
        self.setWindowTitle(self.tr("AgentLocator – ברכה טלפונית"))
        self.setMinimumWidth(560)

        title = QLabel(self.tr("ברכה טלפונית"))
        title.setProperty("role", "title")
        intro = QLabel(self.tr("מה שמתקשרים לעסק שומעים לפני שהם משאירים הודעה."))
        intro.setProperty("role", "muted")
        intro.setWordWrap(True)

        current_title = section_title(self.tr("הברכה הנוכחית"))
        self.current_kind = QLabel()
        self.current_kind.setProperty("role", "muted")
        self.current_kind.setWordWrap(True)
        self.current_player = AudioPlayer(tasks, self._download_current)
        self.current_player.setEnabled(False)

        self.engine_notice = QFrame()
        self.engine_notice.setProperty("role", "notice")
        # No parentheses around the Latin name: next to it they took its direction and showed as "(espeak-ng."
        self.engine_text = QLabel(self.tr("קול בסיסי: קול Google לא הוגדר בשרת, ולכן הטקסט יוקרא בקול הבסיסי "
                                          "של espeak-ng. מנהל/ת השרת יכולים להגדיר את Google Text-to-Speech."))
        self.engine_text.setWordWrap(True)
        QHBoxLayout(self.engine_notice).addWidget(self.engine_text)
        self.engine_notice.hide()

        text_title = section_title(self.tr("טקסט הברכה"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("לדוגמה: שלום, הגעתם למשרד שלנו. השאירו הודעה אחרי הצליל "
                                             "ונחזור אליכם בהקדם."))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        self.text.textChanged.connect(self._text_changed)
        self.counter = QLabel()
        self.counter.setProperty("role", "muted")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignLeading)

        self.preview_title = QLabel(self.tr("השמעה לפני הפעלה"))
        self.preview_title.setProperty("role", "muted")
        self.preview_player = AudioPlayer(tasks, self._render_preview)
        self.preview_title.hide()
        self.preview_player.hide()

        self.preview_button = QPushButton(self.tr("השמעה"))
        self.preview_button.setToolTip(self.tr("להאזין לטקסט לפני שהוא מופעל כברכה"))
        self.preview_button.clicked.connect(self.play_preview)
        self.publish_button = QPushButton(self.tr("הפעלה כברכה"))
        self.publish_button.setProperty("primary", True)
        self.publish_button.setToolTip(self.tr("מתקשרים ישמעו את הטקסט הזה מעכשיו"))
        self.publish_button.clicked.connect(self.publish)
        self.upload_button = QPushButton(self.tr("העלאת קובץ MP3…"))
        self.upload_button.clicked.connect(self.upload)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.publish_button)
        actions.addStretch(1)
        actions.addWidget(self.upload_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("נסו שוב"))
        self.retry_button.clicked.connect(self.reload)
        self.retry_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.retry_button)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)  # Qt's own word, in Hebrew
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(current_title)
        layout.addWidget(self.current_kind)
        layout.addWidget(self.current_player)
        layout.addSpacing(4)
        layout.addWidget(self.engine_notice)
        layout.addWidget(text_title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview_player)
        layout.addLayout(actions)
        layout.addLayout(status_row)
        layout.addWidget(self.buttons)

        self._text_changed()
        self.text.setFocus()  # typing (or pasting) the greeting is what the dialog is for
        self.reload()

    # -- state ---------------------------------------------------------------------------
    @property
    def current_text(self) -> str:
        return self.text.toPlainText().strip()

    def _refresh_buttons(self) -> None:
        ready = self.greeting is not None and not self.busy
        has_text = bool(self.current_text)
        self.preview_button.setEnabled(ready and has_text)
        self.publish_button.setEnabled(ready and has_text)
        self.upload_button.setEnabled(ready)

    def _set_busy(self, text: str) -> None:
        self.busy = True
        self.say(text)
        self._refresh_buttons()

    def _done(self) -> None:
        self.busy = False
        self._refresh_buttons()

    def say(self, text: str, *, error: bool = False) -> None:
        set_role(self.status, "error" if error else "")
        self.status.setText(text)

    def _text_changed(self) -> None:
        text = self.text.toPlainText()
        if len(text) > TEXT_LIMIT:  # typed or pasted past the limit: cut, keeping the cursor where it was
            position = min(self.text.textCursor().position(), TEXT_LIMIT)
            self.text.blockSignals(True)
            self.text.setPlainText(text[:TEXT_LIMIT])
            self.text.blockSignals(False)
            cursor = self.text.textCursor()
            cursor.setPosition(position)
            self.text.setTextCursor(cursor)
            text = text[:TEXT_LIMIT]
        self.counter.setText(self.tr("{0} מתוך {1} תווים").format(len(text), TEXT_LIMIT))
        self._refresh_buttons()

    def _show_greeting(self, current: Greeting) -> None:
        self.greeting = current
        if current.is_default:
            self.current_kind.setText(self.tr("ברכת ברירת המחדל של המערכת: לעסק עוד אין ברכה משלו."))
        elif current.text:
            self.current_kind.setText(self.tr("ברכה שהוקראה מטקסט."))
        else:
            self.current_kind.setText(self.tr("ברכה מקובץ שהועלה."))
        self.current_player.setEnabled(True)
        self.current_player.forget()  # the next Play fetches what callers hear now
        self._show_engine(current.engine)

    def _show_engine(self, engine: str) -> None:
        self.engine_notice.setVisible(engine == greeting.BASIC_ENGINE)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.retry_button.hide()
        self._set_busy(self.tr("טוען את הברכה הנוכחית…"))
        self.tasks.run(lambda: greeting.load(self.api), self._loaded, self._load_failed, owner=self)

    def _loaded(self, current: Greeting) -> None:
        self._show_greeting(current)
        if not self.text.toPlainText():
            self.text.setPlainText(current.text)
        self.say("")
        self._done()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self.say(self.tr("הברכה לא נטענה: {0}").format(greeting.error_message(error)), error=True)
        self.retry_button.show()
        self._done()
        self.loaded.emit()

    def _download_current(self) -> Path:  # on the task pool, for the current greeting's player
        return greeting.download_current(self.api, self.greeting)

    def _render_preview(self) -> Path:  # on the task pool: the preview player's own Play, once there is one
        return self.preview.path

    # -- actions -------------------------------------------------------------------------
    def play_preview(self) -> None:
        text = self.current_text
        if not text or self.busy:
            return
        self.current_player.stop()
        if self.preview is not None and self.preview.text == text:
            self.preview_player.play_file(self.preview.path)  # unchanged: no new rendering
            return
        self._set_busy(self.tr("מפיק השמעה של הטקסט…"))
        self.tasks.run(lambda: greeting.preview(self.api, text), self._previewed,
                       lambda error: self._failed("preview", error), owner=self)

    def _previewed(self, result: Preview) -> None:
        self.preview = result
        self._show_engine(result.engine)
        self.preview_title.show()
        self.preview_player.show()
        self.preview_player.play_file(result.path)
        self.say(self.tr("זו השמעה בלבד: מתקשרים ישמעו אותה רק אחרי \"הפעלה כברכה\"."))
        self._done()
        self.finished_action.emit("preview", True)

    def publish(self) -> None:
        text = self.current_text
        if not text or self.busy:
            return
        self.preview_player.stop()
        self.current_player.stop()
        self._set_busy(self.tr("מפעיל את הברכה החדשה…"))
        self.tasks.run(lambda: greeting.publish_text(self.api, text), lambda result: self._installed("publish", result),
                       lambda error: self._failed("publish", error), owner=self)

    def upload(self) -> None:
        if self.busy:
            return
        path = self.choose_file(self)
        if path is None:
            return
        self.preview_player.stop()
        self.current_player.stop()
        self._set_busy(self.tr("מעלה את הקובץ {0}…").format(path.name))
        self.tasks.run(lambda: greeting.upload_file(self.api, path), lambda result: self._installed("upload", result),
                       lambda error: self._failed("upload", error), owner=self)

    def _installed(self, action: str, result: Greeting) -> None:
        self.installed = result
        self._show_greeting(result)
        seconds = round(result.duration) if result.duration else None
        length = self.tr(" (אורך: {0})").format(
            count_text(seconds, one=self.tr("שנייה אחת"), many=self.tr("{0} שניות"))) if seconds else ""
        self.say(self.tr("הברכה הופעלה: מתקשרים ישמעו אותה מעכשיו{0}.").format(length))
        self._done()
        self.finished_action.emit(action, True)

    def _failed(self, action: str, error: BaseException) -> None:
        self.say(greeting.error_message(error), error=True)
        self._done()
        self.finished_action.emit(action, False)

    def reject(self) -> None:
        self.current_player.stop()
        self.preview_player.stop()
        super().reject()

    @classmethod
    def ask(cls, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> Greeting | None:
        """Run the dialog; the greeting it installed, or None when nothing changed."""
        dialog = cls(api, tasks, parent)
        dialog.exec()
        installed = dialog.installed
        dialog.deleteLater()
        return installed
