"""Loading skeleton, no-data, error and content: the four states of every data panel."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop import theme


class Skeleton(QWidget):
    """Soft grey bars where rows will be, painted with the theme's skeleton token."""

    def __init__(self, rows: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setMinimumHeight(rows * 44)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.tokens()["skeleton"]))
        width = self.width() - 32
        for row in range(self.rows):
            top = 16 + row * 44
            for bar, (share, height) in enumerate(((0.55 + 0.08 * (row % 3), 12), (0.3 + 0.1 * (row % 2), 8))):
                rect = QRectF(0, top + bar * 18, width * share, height)
                if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                    rect.moveRight(self.width() - 16)
                else:
                    rect.moveLeft(16)
                painter.drawRoundedRect(rect, 4, 4)


class StateStack(QStackedWidget):
    """`content` while there is data; a skeleton before the first answer; a no-data text; an
    error with a retry button."""

    retry = Signal()

    def __init__(self, content: QWidget, *, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.skeleton = Skeleton()
        self.empty = QLabel(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        self.error_page = QWidget()
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        retry = QPushButton(self.tr("ניסיון חוזר"))
        retry.clicked.connect(self.retry)
        layout = QVBoxLayout(self.error_page)
        layout.addStretch()
        layout.addWidget(self.error)
        layout.addWidget(retry, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        for page in (self.skeleton, self.empty, self.error_page, content):
            self.addWidget(page)

    @property
    def state(self) -> str:
        return {self.skeleton: "loading", self.empty: "empty", self.error_page: "error"}.get(
            self.currentWidget(), "content")

    def show_loading(self) -> None:
        self.setCurrentWidget(self.skeleton)

    def show_empty(self, text: str | None = None) -> None:
        if text is not None:
            self.empty.setText(text)
        self.setCurrentWidget(self.empty)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.setCurrentWidget(self.error_page)

    def show_content(self) -> None:
        self.setCurrentWidget(self.content)
