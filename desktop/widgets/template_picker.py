"""The WhatsApp template picker: the business's approved templates by name (from
`GET /api/crm/whatsapp/templates`, on the task pool), the chosen one's text, one labelled field
per variable, a live preview with the values filled in, and Send.

The picker does not send: it checks that every variable has a value and emits
`send_requested({"content_sid", "variables"})`; its owner posts it and reports back with
`sent()` or `failed(text)`. What tests (and the office-day run) drive: `load()`,
`template_names()`, `choose(name)`, `set_variable(key, value)` / `set_variables({...})`,
`preview_text()`, `send()`; `state` says where the list is (idle, loading, ready, empty, error).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.api import Api, ApiError
from desktop.tasks import TaskManager
from desktop.widgets.bubble import COLORS

TEMPLATES_PATH = "/api/crm/whatsapp/templates"
_PLACEHOLDER = re.compile(r"\{\{\s*([0-9A-Za-z_]+)\s*\}\}")


# -- data (no widgets) ---------------------------------------------------------------------

def load_templates(api: Api, *, refresh: bool = False) -> dict:
    """The templates page (`results`, `stale`, ...); on the task pool."""
    return api.get(TEMPLATES_PATH, refresh=1 if refresh else None)


def fill(body: str, values: dict[str, str]) -> str:
    """The template's text with each value in place of its {{n}}; an empty one keeps {{n}}."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1)) or match.group(0), body)


def missing(template: dict, values: dict[str, str]) -> list[str]:
    """The variables of `template` that have no value yet, in order."""
    return [key for key in template.get("variables", {}) if not (values.get(key) or "").strip()]


# -- the widget ----------------------------------------------------------------------------

class TemplatePicker(QFrame):
    send_requested = Signal(dict)  # {"content_sid": "HX…", "variables": {"1": "…"}}
    templates_loaded = Signal()  # the list arrived, or failed to: `state` tells which

    def __init__(self, tasks: TaskManager, api: Api, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.api = tasks, api
        self.setProperty("role", "notice")
        self.templates: list[dict] = []
        self.stale = False
        self.state = "idle"
        self.variable_inputs: dict[str, QLineEdit] = {}
        self._shown_sid: str | None = None
        self._generation = 0

        title = QLabel(self.tr("שליחת תבנית מאושרת"))
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        self.refresh_button = QPushButton(self.tr("רענון הרשימה"))
        self.refresh_button.clicked.connect(lambda: self.load(refresh=True))
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.refresh_button)

        self.loading = QLabel(self.tr("טוען את התבניות…"))
        self.loading.setProperty("role", "muted")
        self.empty = QLabel(self.tr("אין תבניות מאושרות לעסק. תבנית חדשה נוצרת ב-Twilio ומחכה לאישור של "
                                    "וואטסאפ לפני שאפשר לשלוח אותה."))
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        self.error_page = QWidget()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.retry_button = QPushButton(self.tr("ניסיון חוזר"))
        self.retry_button.clicked.connect(lambda: self.load(refresh=True))
        error_row = QHBoxLayout(self.error_page)
        error_row.setContentsMargins(0, 0, 0, 0)
        error_row.addWidget(self.error, 1)
        error_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)

        self.combo = QComboBox()
        self.combo.currentIndexChanged.connect(self._chosen_changed)
        self.text = QLabel()  # the template's own text, {{n}} and all
        self.text.setWordWrap(True)
        self.text.setProperty("role", "muted")
        self.variables_form = QFormLayout()
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        # Dressed as our chat bubble: the agent sees the message as the customer will.
        outbound_bg = COLORS["dark" if theme.tokens() is theme.DARK else "light"][1]
        self.preview.setStyleSheet(f"background: {outbound_bg}; border-radius: 8px; padding: 6px 10px;")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stale_note = QLabel(self.tr("ייתכן שהרשימה אינה עדכנית: Twilio אינו זמין כרגע."))
        self.stale_note.setProperty("role", "muted")
        self.problem = QLabel()  # why Send did nothing (a variable left empty)
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "error")
        self.send_button = QPushButton(self.tr("שליחת התבנית"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send)
        self.content = QWidget()
        form = QFormLayout(self.content)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("תבנית"), self.combo)
        form.addRow(self.tr("נוסח"), self.text)
        form.addRow(self.variables_form)
        form.addRow(self.tr("תצוגה מקדימה"), self.preview)
        form.addRow(self.stale_note)
        form.addRow(self.problem)
        form.addRow(self.send_button)

        self.pages = QStackedWidget()
        for page in (self.loading, self.empty, self.error_page, self.content):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.pages)
        self.stale_note.hide()
        self.problem.hide()

    # -- loading ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        # The list is asked for only once the picker is on screen: a card opened with the chat
        # out of sight costs Twilio nothing.
        super().showEvent(event)
        if self.state == "idle":
            self.load()

    def load(self, *, refresh: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        self.state = "loading"
        self.pages.setCurrentWidget(self.loading)
        self.refresh_button.setEnabled(False)
        api = self.api
        self.tasks.run(lambda: load_templates(api, refresh=refresh), lambda page: self._arrived(generation, page),
                       lambda error: self._failed(generation, error), owner=self)

    def _arrived(self, generation: int, page: dict) -> None:
        if generation != self._generation:
            return
        keep = self.chosen["sid"] if self.chosen else None
        self.templates, self.stale = list(page.get("results") or []), bool(page.get("stale"))
        self.refresh_button.setEnabled(True)
        self.stale_note.setVisible(self.stale)
        self.combo.blockSignals(True)
        self.combo.clear()
        names = [t["name"] for t in self.templates]
        for template in self.templates:
            label = template["name"]
            if names.count(label) > 1 and template.get("language"):
                label = f"{label} ({template['language']})"
            self.combo.addItem(label, template["sid"])
        self.combo.blockSignals(False)
        if self.templates:
            self.combo.setCurrentIndex(max(0, self.combo.findData(keep)) if keep else 0)
            self._chosen_changed()
            self.state = "ready"
            self.pages.setCurrentWidget(self.content)
        else:
            self.state = "empty"
            self.pages.setCurrentWidget(self.empty)
        self.templates_loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        self.error.setText(self.error_text(error))
        self.state = "error"
        self.pages.setCurrentWidget(self.error_page)
        self.templates_loaded.emit()

    def error_text(self, error: BaseException) -> str:
        code = error.code if isinstance(error, ApiError) else None
        if code == "templates_unavailable":
            return self.tr("לא ניתן לטעון את התבניות: שירות Twilio אינו זמין כרגע. נסו שוב בעוד רגע.")
        if code == "templates_refused":
            return self.tr("Twilio סירב לבקשת התבניות; ייתכן שפרטי חשבון Twilio בשרת שגויים. פנו למנהל המערכת.")
        if code == "twilio_not_configured":
            return self.tr("לא הוגדר חשבון Twilio בשרת, ולכן אין תבניות לשליחה. פנו למנהל המערכת.")
        detail = error.message if isinstance(error, ApiError) else ""
        return self.tr("לא ניתן לטעון את התבניות. {0}").format(detail).strip()

    # -- choosing and filling --------------------------------------------------------------
    @property
    def chosen(self) -> dict | None:
        sid = self.combo.currentData()
        return next((t for t in self.templates if t["sid"] == sid), None)

    def template_names(self) -> list[str]:
        return [t["name"] for t in self.templates]

    def choose(self, name: str) -> bool:
        """Choose the template called `name` (as listed, or as the combo shows it)."""
        for index in range(self.combo.count()):
            template = next(t for t in self.templates if t["sid"] == self.combo.itemData(index))
            if name in (template["name"], self.combo.itemText(index)):
                self.combo.setCurrentIndex(index)
                return True
        return False

    def _chosen_changed(self) -> None:
        template = self.chosen
        # A refreshed list rebuilds the fields: what was typed for the same template stays.
        kept = self.values() if template and template["sid"] == self._shown_sid else {}
        self._shown_sid = template["sid"] if template else None
        while self.variables_form.rowCount():
            self.variables_form.removeRow(0)
        self.variable_inputs = {}
        self.problem.hide()
        if template is None:
            self.text.clear()
            self.preview.clear()
            return
        self.text.setText(template["body"] or self.tr("(לתבנית אין טקסט)"))
        for key, example in template.get("variables", {}).items():
            field = QLineEdit()
            if example:
                field.setPlaceholderText(self.tr("לדוגמה: {0}").format(example))
            field.setText(kept.get(key, ""))
            field.textChanged.connect(self._values_changed)
            self.variables_form.addRow(self.tr("משתנה {0}").format(key), field)
            self.variable_inputs[key] = field
        self._values_changed()

    def values(self) -> dict[str, str]:
        return {key: field.text().strip() for key, field in self.variable_inputs.items()}

    def set_variable(self, key: str, value: str) -> None:
        self.variable_inputs[key].setText(value)

    def set_variables(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            self.set_variable(key, value)

    def preview_text(self) -> str:
        template = self.chosen
        return fill(template["body"], self.values()) if template else ""

    def _values_changed(self) -> None:
        self.preview.setText(self.preview_text())
        if self.problem.isVisibleTo(self) and self.chosen and not missing(self.chosen, self.values()):
            self.problem.hide()

    # -- sending ---------------------------------------------------------------------------
    def send(self) -> bool:
        """Ask the owner to send the chosen template; False (and why, on screen) when a
        variable is still empty or nothing is chosen."""
        template = self.chosen
        if template is None:
            return False
        empty = missing(template, self.values())
        if empty:
            names = ", ".join(self.tr("משתנה {0}").format(key) for key in empty)
            self.problem.setText(self.tr("יש למלא את כל משתני התבנית לפני השליחה. חסר: {0}").format(names))
            self.problem.show()
            self.variable_inputs[empty[0]].setFocus()
            return False
        self.problem.hide()
        body: dict = {"content_sid": template["sid"]}
        if self.variable_inputs:
            body["variables"] = self.values()
        self.send_requested.emit(body)
        return True

    def sent(self) -> None:
        """The send went through: the fields empty for the next customer's values."""
        for field in self.variable_inputs.values():
            field.clear()

    def failed(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
