"""A section's heading inside a dialog: bold, in the dialog's own font size."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
