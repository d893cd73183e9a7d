"""The toolbar's presence switch: "זמין" (green) or "לא זמין" (grey); a click switches, its menu
offers both and the idle setting (minutes without input before the desktop sets "לא זמין")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget

from desktop import presence as presence_settings
from desktop.display import count_text
from desktop.presence import IDLE_RANGE, Presence
from desktop.theme import tokens

AVAILABLE_GREEN = "#1e8e3e"


def _t(text: str) -> str:
    return QCoreApplication.translate("PresenceSwitch", text)


def ask_minutes(parent: QWidget, current: int) -> int | None:
    """The idle minutes the agent types (Qt's input dialog); None when cancelled. Tests replace it."""
    value, ok = QInputDialog.getInt(
        parent, _t("מעבר אוטומטי ל„לא זמין”"),
        _t("אחרי כמה דקות בלי מקלדת ועכבר לעבור ל„לא זמין”? (גם כשהמחשב ננעל)"),
        current, IDLE_RANGE[0], IDLE_RANGE[1])
    return value if ok else None


class PresenceSwitch(QToolButton):
    def __init__(self, presence: Presence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presence = presence
        self.ask_minutes = ask_minutes
        self.setObjectName("presenceSwitch")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setAccessibleName(_t("זמינות לשיחות"))
        self.clicked.connect(presence.toggle)

        menu = QMenu(self)
        group = QActionGroup(self)
        self.available_action = QAction(_t("זמין"), self, checkable=True)
        self.away_action = QAction(_t("לא זמין"), self, checkable=True)
        for action, status in ((self.available_action, "available"), (self.away_action, "away")):
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, s=status: presence.choose(s))
            menu.addAction(action)
        menu.addSeparator()
        self.idle_action = QAction(self)
        self.idle_action.triggered.connect(self.edit_idle_minutes)
        menu.addAction(self.idle_action)
        self.setMenu(menu)
        presence.changed.connect(self.refresh)
        presence.failed.connect(lambda message: self.setToolTip(message))
        self.refresh()

    def refresh(self) -> None:
        p = self.presence
        self.idle_action.setText(_t("מעבר אוטומטי ל„לא זמין” אחרי {0}…").format(
            count_text(presence_settings.idle_minutes(), one=_t("דקה אחת"), many=_t("{0} דקות"))))
        if p.status is None:
            self.setText(_t("זמינות…"))
            self.setEnabled(False)
            return
        self.setEnabled(True)
        available = p.available
        self.available_action.setChecked(available)
        self.away_action.setChecked(not available)
        text = _t("זמין") if available else _t("לא זמין")
        if not available and p.auto_away:
            text = _t("לא זמין (אוטומטית)")
        self.setText("● " + text)
        color = AVAILABLE_GREEN if available else tokens()["muted"]
        self.setStyleSheet(f"QToolButton#presenceSwitch {{ color: {color}; font-weight: bold; padding: 2px 8px; }}")
        if available and not p.online:
            tip = _t("זמין, אבל החיבור החי לשרת מנותק: שיחות לא יצלצלו אצלך עד שיחזור.")
        elif available:
            tip = _t("שיחות נכנסות מצלצלות גם בטלפון שלך. לחיצה: לא זמין.")
        elif p.auto_away:
            tip = _t("לא היה שימוש במחשב (או שהוא ננעל), ולכן שיחות לא מצלצלות אצלך. "
                     "כשתחזרו לעבוד, הסטטוס יחזור ל„זמין”.")
        else:
            tip = _t("שיחות נכנסות לא מצלצלות אצלך. לחיצה: זמין.")
        self.setToolTip(tip)

    def edit_idle_minutes(self) -> None:
        minutes = self.ask_minutes(self, presence_settings.idle_minutes())
        if minutes is not None:
            presence_settings.set_idle_minutes(minutes)
            self.refresh()
