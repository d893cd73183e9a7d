"""Application set-up: right to left, the bundled Assistant font, one theme for light and dark."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QFileInfo, Qt
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFileIconProvider,
    QInputDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

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


def test_garbage_is_collected_on_the_ui_thread_only(app, qtbot):
    """Automatic collection is off (it could run in a worker thread and free Qt objects there);
    the UI thread's timer collects a cycle of widgets instead."""
    assert not gc.isenabled()
    collected = threading.Event()
    holder = QWidget()
    holder.loop = holder  # a reference cycle that only the cycle collector frees
    holder.destroyed.connect(lambda: collected.set())
    threads: list[bool] = []
    holder.destroyed.connect(lambda: threads.append(threading.current_thread() is threading.main_thread()))
    del holder
    assert not collected.is_set()  # a cycle: reference counting alone never frees it
    kept = [[] for _ in range(gc.get_threshold()[0] + 1)]  # past generation 0's threshold
    qtbot.waitUntil(collected.is_set, timeout=5_000)
    assert threads == [True] and kept


def test_qts_own_dialogs_speak_hebrew(app, qtbot):
    """Qt's own strings come from Qt's qtbase_he.qm (the words below are its own); the few it
    lacks in Qt 6 (the file dialog's "&Look in:", "Files of &type:", its file types) from ours."""
    assert [Path(t.filePath()).name for t in app.qt_translators] == ["qtbase_he.qm", "qtbase_gaps_he.qm"]
    standard = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "AgentLocator", "?", standard.Ok | standard.Cancel)
    assert [box.button(button).text() for button in (standard.Ok, standard.Cancel)] == ["אישור", "ביטול"]
    question = QMessageBox(QMessageBox.Icon.Question, "AgentLocator", "?", standard.Yes | standard.No)
    assert [question.button(button).text() for button in (standard.Yes, standard.No)] == ["&כן", "&לא"]
    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.show()  # it builds its buttons when first shown
    assert sorted(button.text() for button in ask.findChild(QDialogButtonBox).buttons()) == ["אישור", "ביטול"]
    files = QFileDialog(None, "", str(ROOT), "")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = {label.objectName(): label.text() for label in files.findChildren(QLabel)}
    assert labels["fileNameLabel"] == "&שם קובץ:"
    assert labels["lookInLabel"] == "&חפש בתוך:" and labels["fileTypeLabel"] == "קבצים מ&סוג:"
    assert QFileIconProvider().type(QFileInfo(str(ROOT))) == "תיקייה"
