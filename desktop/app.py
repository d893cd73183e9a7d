"""Application set-up shared by `python -m desktop`, the tests and the screenshot script:
right-to-left layout, the bundled Assistant font, translations and the theme."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import theme
from desktop.collector import GarbageCollector

RESOURCES = Path(__file__).resolve().parent / "resources"
FONT_FAMILY = "Assistant"


def load_fonts() -> list[str]:
    families: list[str] = []
    for path in sorted((RESOURCES / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families


def install_translator(app: QApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Sources are Hebrew; `resources/translations/agentlocator_<lang>.qm` translates them
    (see resources/translations/README.md). None when no file matches the locale."""
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "agentlocator", "_", str(RESOURCES / "translations")):
        app.installTranslator(translator)
        return translator
    return None


def setup(app: QApplication) -> QApplication:
    app.setApplicationName("AgentLocator")
    app.setOrganizationName("AgentLocator")
    if FONT_FAMILY in load_fonts():
        app.setFont(QFont(FONT_FAMILY, 11))
    translator = install_translator(app)
    # Hebrew (the source) is right to left; a translation sets the direction of its own language.
    rtl = translator is None or QLocale(translator.language()).textDirection() == Qt.LayoutDirection.RightToLeft
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    theme.apply(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.apply(app))
    if not hasattr(app, "garbage_collector"):
        app.garbage_collector = GarbageCollector(app)
    return app


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [])
    return setup(app)
