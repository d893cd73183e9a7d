"""פרטיות ושמירת מידע (admins; a tab of the profile dialog, next to "משתמשים ומספרים"): how many
months recordings, transcripts and WhatsApp media are kept; whether callers hear that they are
recorded, and in what words; whether agents may listen to recordings and export data.

The settings are one `PATCH /api/business` of what changed (turning the notice off is asked
first: the law wants callers told). The wording is its own call, since the server renders it
to audio: `PUT /api/business/recording_notice/text {"text"}`, and `DELETE` for the default
wording. Every call on the task pool; refusals in Hebrew by code (desktop/api.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.api import Api
from desktop.live_errors import error_text
from desktop.tasks import TaskManager
from desktop.theme import show_status
from desktop.widgets.confirm import confirm
from desktop.widgets.section import section_title

RETENTION_MONTHS = (1, 120)  # server/businesses/settings.py RETENTION_MONTHS
NOTICE_TEXT_PATH = "/api/business/recording_notice/text"
RENDER_TIMEOUT = 60.0  # seconds: the wording is rendered to speech before the answer
FIELDS = ("retention_months", "recording_notice", "agents_can_listen", "agents_can_export")


class PrivacyPanel(QWidget):
    loaded = Signal()  # the business arrived (or failed to)
    saved = Signal(dict)  # the business as the server answered

    def __init__(self, api: Api, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api, self.tasks = api, tasks
        self.business: dict | None = None
        self._announce = False  # the next arrival is what a save changed: `saved` tells it
        self.confirm = confirm  # tests replace it

        self.retention = QSpinBox()
        self.retention.setRange(*RETENTION_MONTHS)
        self.retention.setSuffix(self.tr(" חודשים"))
        self.retention.setMinimumWidth(130)
        self.retention.setMaximumWidth(160)
        retention_help = QLabel(self.tr("הקלטות שיחות, תמלולים וקבצים שהתקבלו בוואטסאפ ישנים מזה נמחקים "
                                        "אוטומטית פעם ביום. רישום השיחות וההודעות נשאר; חשבוניות וחוזים "
                                        "אינם נמחקים לעולם."))
        retention_help.setProperty("role", "muted")
        retention_help.setWordWrap(True)

        self.notice = QCheckBox(self.tr("להשמיע למתקשרים שההודעה שלהם מוקלטת"))
        self.notice.clicked.connect(self._notice_clicked)
        self.notice_text = QPlainTextEdit()
        self.notice_text.setMaximumHeight(80)
        self.notice_text.setPlaceholderText(self.tr("הנוסח שהמתקשרים שומעים לפני ההקלטה"))
        self.notice_kind = QLabel()
        self.notice_kind.setProperty("role", "muted")
        self.text_button = QPushButton(self.tr("שמירת הנוסח"))
        self.text_button.setToolTip(self.tr("הנוסח יוקרא בקול ויושמע למתקשרים מהשיחה הבאה"))
        self.text_button.clicked.connect(self.save_text)
        self.default_button = QPushButton(self.tr("חזרה לנוסח הרגיל"))
        self.default_button.clicked.connect(self.reset_text)
        text_bar = QHBoxLayout()
        text_bar.addWidget(self.notice_kind, 1)
        text_bar.addWidget(self.default_button)
        text_bar.addWidget(self.text_button)

        self.can_listen = QCheckBox(self.tr("סוכנים רשאים להאזין להקלטות שיחות"))
        self.can_export = QCheckBox(self.tr("סוכנים רשאים לייצא נתונים לקובץ CSV"))
        roles_help = QLabel(self.tr("מנהלים רשאים תמיד. כל האזנה וכל ייצוא נרשמים ביומן הפעולות."))
        roles_help.setProperty("role", "muted")
        roles_help.setWordWrap(True)

        # Read only here: the credentials are typed in the web app's settings (write-only there);
        # what an invoice waiting for its allocation number needs is whether they are set.
        self.tax_authority = QLabel()
        self.tax_authority.setObjectName("taxAuthority")
        self.tax_authority.setProperty("role", "muted")
        self.tax_authority.setWordWrap(True)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.save_button = QPushButton(self.tr("שמירה"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        save_bar = QHBoxLayout()
        save_bar.addStretch()
        save_bar.addWidget(self.save_button)

        retention = QFormLayout()
        retention.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        retention.addRow(self.tr("לשמור הקלטות וקבצים"), self.retention)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(section_title(self.tr("שמירת מידע")))
        layout.addLayout(retention)
        layout.addWidget(retention_help)
        layout.addWidget(section_title(self.tr("הודעה על הקלטה")))
        layout.addWidget(self.notice)
        layout.addWidget(self.notice_text)
        layout.addLayout(text_bar)
        layout.addWidget(section_title(self.tr("הרשאות סוכנים")))
        layout.addWidget(self.can_listen)
        layout.addWidget(self.can_export)
        layout.addWidget(roles_help)
        layout.addWidget(section_title(self.tr("רשות המסים")))
        layout.addWidget(self.tax_authority)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addLayout(save_bar)
        self._enable(False)  # until the settings arrived
        self.reload()

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        def failed(error: BaseException) -> None:
            self.tell(error_text(error), error=True)
            self.loaded.emit()

        self.tasks.run(lambda: self.api.get("/api/business"), self._arrived, failed, owner=self)

    def _arrived(self, business: dict) -> None:
        self.show_business(business)
        self._enable(True)
        self.loaded.emit()
        if self._announce:
            self._announce = False
            self.saved.emit(business)

    def show_business(self, business: dict) -> None:
        self.business = business
        self.retention.setValue(int(business.get("retention_months") or 24))
        self.notice.setChecked(bool(business.get("recording_notice", True)))
        self.notice_text.setPlainText(business.get("recording_notice_text") or "")
        default = bool(business.get("recording_notice_default", True))
        self.notice_kind.setText(self.tr("הנוסח הרגיל") if default else self.tr("נוסח של העסק"))
        self.default_button.setEnabled(not default)
        self.can_listen.setChecked(bool(business.get("agents_can_listen", True)))
        self.can_export.setChecked(bool(business.get("agents_can_export", False)))
        self.tax_authority.setText(self.tax_authority_text(business.get("tax_authority") or {}))

    def tax_authority_text(self, state: dict) -> str:
        if not state.get("configured"):
            return self.tr("לא הוגדרו פרטי התחברות לרשות המסים, ולכן חשבוניות שצריכות מספר הקצאה ימתינו. "
                           "מגדירים אותם בהגדרות העסק באפליקציית הרשת.")
        if state.get("source") == "env":
            return self.tr("מספרי הקצאה מתקבלים מרשות המסים בפרטי ההתחברות שהוגדרו בשרת.")
        return self.tr("מספרי הקצאה מתקבלים מרשות המסים בפרטי ההתחברות של העסק.")

    def _enable(self, on: bool) -> None:
        for widget in (self.save_button, self.text_button):
            widget.setEnabled(on)
        self.default_button.setEnabled(on and not (self.business or {}).get("recording_notice_default", True))

    # -- the notice ----------------------------------------------------------------------
    def _notice_clicked(self, checked: bool) -> None:
        if checked:
            return
        if not self.confirm(self, self.tr("כיבוי ההודעה על הקלטה"),
                            self.tr("לכבות את ההודעה? מתקשרים לא ישמעו עוד שההודעה שלהם מוקלטת ונשמרת. חוק הגנת "
                                    "הפרטיות מחייב ליידע אותם על כך, ולכן כבו אותה רק אם אתם מיידעים אותם בדרך "
                                    "אחרת. השינוי נרשם ביומן הפעולות."),
                            yes=self.tr("כיבוי ההודעה"), no=self.tr("חזרה"), danger=True):
            self.notice.setChecked(True)

    def save_text(self) -> None:
        text = self.notice_text.toPlainText().strip()
        if not text:
            return self.tell(self.tr("יש לכתוב את נוסח ההודעה, או לחזור לנוסח הרגיל."), error=True)
        self._run(lambda: self.api.request("PUT", NOTICE_TEXT_PATH, json={"text": text}, timeout=RENDER_TIMEOUT),
                  self.tr("הנוסח נשמר; המתקשרים ישמעו אותו מהשיחה הבאה."), self.text_button,
                  self.tr("מכין את ההקראה…"))

    def reset_text(self) -> None:
        self._run(lambda: self.api.request("DELETE", NOTICE_TEXT_PATH),
                  self.tr("חזרנו לנוסח הרגיל של ההודעה."), self.default_button)

    # -- saving --------------------------------------------------------------------------
    def changes(self) -> dict:
        """What differs from the settings as the server last answered, as `PATCH /api/business` takes it."""
        values = {"retention_months": self.retention.value(), "recording_notice": self.notice.isChecked(),
                  "agents_can_listen": self.can_listen.isChecked(), "agents_can_export": self.can_export.isChecked()}
        saved = self.business or {}
        return {key: value for key, value in values.items() if saved.get(key) != value}

    def save(self) -> None:
        body = self.changes()
        if not body:
            return self.tell(self.tr("אין שינויים לשמירה."))
        self._run(lambda: self.api.request("PATCH", "/api/business", json=body), self.tr("ההגדרות נשמרו."),
                  self.save_button)

    def _run(self, fn: Callable[[], Any], done: str, busy: QPushButton, working: str | None = None) -> None:
        busy.setEnabled(False)
        self.tell(working or self.tr("שומר…"))

        def finished(answer: Any) -> None:
            self._enable(True)
            if isinstance(answer, dict) and "retention_months" in answer:
                self.show_business(answer)
                self.saved.emit(answer)
            else:  # the wording's answers carry no business (its audio's length, or 204): ask for it
                self._announce = True
                self.reload()
            self.tell(done)

        def failed(error: BaseException) -> None:
            self._enable(True)
            self.tell(error_text(error) + " " + self.tr("דבר לא נשמר."), error=True)

        self.tasks.run(fn, finished, failed, owner=self)

    def tell(self, text: str, *, error: bool = False) -> None:
        show_status(self.status, text, error=error)
