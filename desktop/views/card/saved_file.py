"""What a tab says when a document was saved but no viewer opened it: where the file is (its
path left to right inside the Hebrew), and buttons to open its folder or copy the path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

FSI, PDI = "\u2068", "\u2069"  # first-strong isolate: a path keeps its own direction in Hebrew


def isolated(text: object) -> str:
    return f"{FSI}{text}{PDI}"


class SavedFileNotice(QFrame):
    def __init__(self, open_path: Callable[[Path], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "notice")
        self.open_path = open_path  # the card's open_file: the folder goes through it too
        self.file: Path | None = None
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome = QLabel()
        self.outcome.setProperty("role", "muted")
        self.outcome.hide()
        self.folder_button = QPushButton(self.tr("פתיחת התיקייה"))
        self.folder_button.clicked.connect(self.open_folder)
        self.copy_button = QPushButton(self.tr("העתקת הנתיב"))
        self.copy_button.clicked.connect(self.copy_path)
        close = QPushButton(self.tr("סגירה"))
        close.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        self.hide()

    def show_file(self, file: Path) -> None:
        self.file = file
        self.text.setText(self.tr("המסמך נשמר, אבל לא נמצאה במחשב תוכנה שתפתח אותו. הוא נמצא כאן: {0}")
                          .format(isolated(file)))
        self.outcome.hide()
        self.show()

    def open_folder(self) -> None:
        if self.file is None:
            return
        if self.open_path(self.file.parent) is False:
            self._tell(self.tr("גם את התיקייה לא הצלחנו לפתוח. העתיקו את הנתיב ופתחו אותו בסייר הקבצים."))

    def copy_path(self) -> None:
        if self.file is not None:
            QGuiApplication.clipboard().setText(str(self.file))
            self._tell(self.tr("הנתיב הועתק."))

    def _tell(self, text: str) -> None:
        self.outcome.setText(text)
        self.outcome.show()
