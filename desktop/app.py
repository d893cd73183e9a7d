"""Application set-up shared by `python -m desktop`, the tests and the screenshot script:
right-to-left layout, the bundled Assistant font, translations (the app's own and Qt's, for
its dialogs' buttons and labels) and the theme."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import paths, theme
from desktop.collector import GarbageCollector

RESOURCES = paths.RESOURCES
FONT_FAMILY = "Assistant"
SOURCE_LANGUAGE = "he"  # the language of the source strings: shown when no translation loads


def register_fonts() -> dict[Path, list[str]]:
    """The bundled fonts (resources/fonts/*.ttf) registered with Qt: each file's families
    (none when Qt refuses the file)."""
    registered = {}
    for path in sorted((RESOURCES / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        registered[path] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return registered


def install_translator(app: QApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Sources are Hebrew; `resources/translations/agentlocator_<lang>.qm` translates them
    (see resources/translations/README.md). None when no file matches the locale."""
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "agentlocator", "_", str(RESOURCES / "translations")):
        app.installTranslator(translator)
        return translator
    return None


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own translations may be: QLibraryInfo's folder, else PySide6's own (where a
    frozen build keeps them, should its QLibraryInfo point elsewhere)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
               Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]
    return list(dict.fromkeys(folders))


def _install(app: QApplication, name: str, folders: list[Path]) -> QTranslator | None:
    for folder in folders:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            return translator
    return None


def install_qt_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own strings (QMessageBox and QDialogButtonBox buttons, QFileDialog, QInputDialog)
    in `language`: Qt's qtbase_<language>.qm, then our resources/translations/
    qtbase_gaps_<language>.qm for the few strings it lacks. The translators installed."""
    found = (_install(app, f"qtbase_{language}", qt_translations_dirs()),
             _install(app, f"qtbase_gaps_{language}", [RESOURCES / "translations"]))
    return [translator for translator in found if translator is not None]


def setup(app: QApplication) -> QApplication:
    paths.name_application()
    if any(FONT_FAMILY in families for families in register_fonts().values()):
        app.setFont(QFont(FONT_FAMILY, 11))
    if not hasattr(app, "qt_translators"):  # once per application, however often set up
        app.translator = install_translator(app)
        language = QLocale(app.translator.language()).name() if app.translator else SOURCE_LANGUAGE
        app.qt_translators = install_qt_translators(app, language)
        # Qt's dialogs format sizes, dates and numbers by the default locale: the machine's (often
        # English on an office PC) would show "4.88 KiB" and "1 12 2026" among Hebrew words.
        QLocale.setDefault(QLocale(language))
    # Hebrew (the source) is right to left; a translation sets the direction of its own language.
    translator = app.translator
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
