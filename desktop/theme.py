"""The one theme: design tokens → QPalette + a small QSS, light or dark after the system's
color scheme (`QStyleHints.colorScheme()`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

LIGHT = {
    "bg": "#f6f7f9", "surface": "#ffffff", "surface_alt": "#f0f2f5", "text": "#1c2330", "muted": "#5f6b7a",
    "border": "#d5dae1", "primary": "#1f6feb", "primary_text": "#ffffff", "danger": "#c62828",
    "skeleton": "#e3e7ec", "selection": "#cfe0fc",
}
DARK = {
    "bg": "#15181d", "surface": "#1d2128", "surface_alt": "#232831", "text": "#e6e9ee", "muted": "#9aa4b2",
    "border": "#343b46", "primary": "#4c8dff", "primary_text": "#0b1220", "danger": "#ff6b6b",
    "skeleton": "#2c323c", "selection": "#27406b",
}

_current: dict[str, str] = LIGHT


def tokens() -> dict[str, str]:
    """The tokens in force (views paint skeletons and notices with them)."""
    return _current


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    return app is not None and app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette(t: dict[str, str]) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, key in ((role.Window, "bg"), (role.Base, "surface"), (role.AlternateBase, "surface_alt"),
                   (role.WindowText, "text"), (role.Text, "text"), (role.ButtonText, "text"),
                   (role.Button, "surface"), (role.PlaceholderText, "muted"), (role.Highlight, "selection"),
                   (role.HighlightedText, "text"), (role.Mid, "border"), (role.Link, "primary"),
                   (role.ToolTipBase, "surface"), (role.ToolTipText, "text")):
        p.setColor(r, QColor(t[key]))
    # setColor(role, ...) sets every color group, so a disabled button's words looked enabled:
    # disabled text is muted (a button disabled while a request runs must look it).
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(t["muted"]))
    return p


def stylesheet(t: dict[str, str]) -> str:
    # Under a plain X11 window manager Qt's generic theme puts stock icons (a green arrow, a red
    # cross) on every dialog button, Qt's own dialogs included; the offscreen tests never see it.
    return f"""
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QPushButton[primary="true"] {{ background: {t['primary']}; color: {t['primary_text']}; border: none;
    border-radius: 6px; padding: 6px 18px; font-weight: bold; }}
QPushButton[primary="true"]:disabled {{ background: {t['border']}; color: {t['muted']}; }}
QLabel[role="error"] {{ color: {t['danger']}; }}
QLabel[role="muted"] {{ color: {t['muted']}; }}
QLabel[role="title"] {{ font-size: 20px; font-weight: bold; }}
QFrame[role="notice"] {{ background: {t['surface_alt']}; border: 1px solid {t['border']}; border-radius: 6px; }}
QLineEdit {{ border: 1px solid {t['border']}; border-radius: 6px; padding: 5px 8px; background: {t['surface']}; }}
QTableView {{ border: 1px solid {t['border']}; gridline-color: {t['border']}; }}
QHeaderView::section {{ background: {t['surface_alt']}; border: none; border-bottom: 1px solid {t['border']};
    padding: 6px; font-weight: bold; }}
"""


def apply(app: QApplication, *, dark: bool | None = None) -> dict[str, str]:
    global _current
    _current = DARK if (system_is_dark() if dark is None else dark) else LIGHT
    app.setPalette(palette(_current))
    app.setStyleSheet(stylesheet(_current))
    return _current


def set_role(widget: QWidget, role: str) -> None:
    """Give `widget` the stylesheet's `role` ("error", "muted", …): Qt applies a changed
    dynamic property only once the widget is polished again."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_status(label: QLabel, text: str, *, error: bool = False, neutral: str = "muted") -> None:
    """An outcome in `label`: red for an error, else `neutral`; hidden when there is no text."""
    set_role(label, "error" if error else neutral)
    label.setText(text)
    label.setVisible(bool(text))
