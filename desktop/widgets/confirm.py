"""The one yes/no question before an act that cannot be undone: a QMessageBox whose buttons
say what they do, in Hebrew. Views keep it as an attribute (`self.confirm = confirm`) that
tests replace."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, *, yes: str, no: str | None = None,
            danger: bool = False) -> bool:
    """True when the agent chose `yes`; Escape, closing the box and `no` all mean no."""
    box = QMessageBox(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no or QCoreApplication.translate("Confirm", "ביטול"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)  # Enter on a dangerous question does nothing
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
