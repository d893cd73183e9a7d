"""The calls board's per-agent table (data only): each active user's answered calls, call-backs
and median time to call back over the chosen range (`GET /api/crm/stats/calls`'s `agents`),
with their presence now (`GET /api/crm/presence`, then `presence:changed`)."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.display import duration_words

NAME, PRESENCE, ANSWERED, CALLED_BACK, MEDIAN = range(5)
HEADERS = (QT_TRANSLATE_NOOP("AgentsModel", "סוכן/ת"), QT_TRANSLATE_NOOP("AgentsModel", "זמינות"),
           QT_TRANSLATE_NOOP("AgentsModel", "שיחות שנענו"), QT_TRANSLATE_NOOP("AgentsModel", "התקשרויות חזרה"),
           QT_TRANSLATE_NOOP("AgentsModel", "זמן חציוני עד חזרה"))
CENTERED = (PRESENCE, ANSWERED, CALLED_BACK, MEDIAN)


def _t(text: str) -> str:
    return QCoreApplication.translate("AgentsModel", text)


def presence_text(entry: dict | None) -> str:
    """"זמין" only when calls would ring the agent now (chosen available and connected)."""
    if not entry:
        return ""
    if entry.get("effective") == "available":
        return _t("זמין")
    if entry.get("status") == "available":
        return _t("לא מחובר")
    return _t("לא זמין")


class AgentsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.agents: list[dict] = []
        self.presence: dict[int, dict] = {}  # by user id

    def set_agents(self, agents: list[dict]) -> None:
        self.beginResetModel()
        self.agents = list(agents)
        self.endResetModel()

    def set_presence(self, entries: list[dict]) -> None:
        self.presence = {entry["user_id"]: dict(entry) for entry in entries if "user_id" in entry}
        self._presence_changed()

    def update_presence(self, change: dict) -> None:
        """A presence:changed event: that agent's row, in place."""
        user_id = change.get("user_id")
        if user_id is None:
            return
        entry = self.presence.setdefault(user_id, {"user_id": user_id})
        entry.update({k: change[k] for k in ("status", "effective", "online") if k in change})
        self._presence_changed()

    def _presence_changed(self) -> None:
        if self.agents:
            self.dataChanged.emit(self.index(0, PRESENCE), self.index(len(self.agents) - 1, PRESENCE))

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.agents)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _t(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.agents):
            return None
        agent, column = self.agents[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return agent.get("name") or ""
            if column == PRESENCE:
                return presence_text(self.presence.get(agent.get("user_id")))
            if column == ANSWERED:
                return f"{agent.get('answered') or 0:,}"
            if column == CALLED_BACK:
                return f"{agent.get('called_back') or 0:,}"
            if column == MEDIAN:
                return duration_words(agent.get("median_callback_seconds")) or "—"
            return None
        if role == Qt.ItemDataRole.UserRole:
            return agent
        if role == Qt.ItemDataRole.TextAlignmentRole and column in CENTERED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
