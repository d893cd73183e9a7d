"""Application set-up: right to left, the bundled Assistant font, one theme for light and dark."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPalette

from desktop import theme
from desktop.app import FONT_FAMILY, RESOURCES
from tests.conftest import ROOT


def test_hebrew_right_to_left_with_the_bundled_assistant_font(app):
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert FONT_FAMILY in QFontDatabase.families() and app.font().family() == FONT_FAMILY
    assert QFontDatabase.WritingSystem.Hebrew in QFontDatabase.writingSystems(FONT_FAMILY)
    assert "Open Font License" in (RESOURCES / "fonts" / "OFL.txt").read_text()


def test_the_theme_follows_light_and_dark(app):
    try:
        theme.apply(app, dark=True)
        assert app.palette().color(QPalette.ColorRole.Window).name() == theme.DARK["bg"]
        theme.apply(app, dark=False)
        assert app.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT["bg"]
        assert theme.LIGHT["primary"] in app.styleSheet()
    finally:
        theme.apply(app)


def test_python_m_desktop_documents_its_server_option():
    result = subprocess.run([sys.executable, "-m", "desktop", "--help"], cwd=ROOT, capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0 and "--server" in result.stdout
