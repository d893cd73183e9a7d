"""The admins' privacy actions on a customer's card (contract 19): "ייצוא כל המידע" saves the
customer's whole file (`GET /api/crm/customers/<id>/export.zip`: a summary PDF, the JSON,
recordings and media) where the admin chooses, written on the task pool through a `.part`
file (desktop/export.py); "מחיקת מידע אישי" asks first, saying what goes and what the law
keeps, then `POST /api/crm/customers/<id>/erase {"confirm": true}`. Agents never see them
(the server refuses them anyway: 403 `forbidden`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton

from desktop.display import ltr
from desktop.export import CsvExport, ask_save
from desktop.views.card.base import error_text
from desktop.widgets.confirm import confirm


def export_name(customer_id: int, day: date | None = None) -> str:
    return f"customer-{customer_id}-{(day or date.today()).isoformat()}.zip"


def ask_zip_path(parent, customer_id: int) -> Path | None:
    """Where the admin saves the customer's file; None when cancelled. Tests replace it."""
    return ask_save(parent, parent.tr("ייצוא כל המידע על הלקוח"), export_name(customer_id),
                    parent.tr("קובצי ZIP (*.zip)"), ".zip")


class PrivacyActions(QObject):
    """The two buttons, in the overview's row of quick actions; the outcome told in its notice."""

    erased = Signal(dict)  # the customer as the server answered the erasure
    exported = Signal(str)  # the file written

    def __init__(self, overview, parent: QObject | None = None) -> None:
        super().__init__(parent or overview)
        self.overview = overview
        self.ctx = overview.ctx
        tr = overview.tr
        self.confirm = confirm  # tests replace both
        self.ask_path: Callable[[object, int], Path | None] = ask_zip_path
        self.export: CsvExport | None = None
        self.export_button = QPushButton(tr("ייצוא כל המידע"))
        self.export_button.setToolTip(tr("קובץ ZIP עם כל מה שנשמר על הלקוח: סיכום PDF, הנתונים, ההקלטות "
                                         "והקבצים (לפי בקשת עיון של הלקוח)"))
        self.export_button.clicked.connect(self.start_export)
        self.erase_button = QPushButton(tr("מחיקת מידע אישי"))
        self.erase_button.setToolTip(tr("מחיקת הפרטים האישיים, ההקלטות וההודעות של הלקוח (לפי בקשת מחיקה)"))
        self.erase_button.clicked.connect(self.erase)
        actions = overview.actions
        actions.insertWidget(actions.count() - 1, self.export_button)  # before the row's stretch
        actions.insertWidget(actions.count() - 1, self.erase_button)
        overview.customer_changed.connect(self._customer_changed)

    def _customer_changed(self, customer: dict) -> None:
        self.erase_button.setEnabled(not customer.get("erased_at"))

    # -- export --------------------------------------------------------------------------
    def start_export(self, _checked: bool = False, *, path: Path | None = None) -> CsvExport | None:
        if self.export is not None:
            return None  # one at a time
        customer_id = self.ctx.customer_id
        path = path or self.ask_path(self.overview, customer_id)
        if path is None:
            return None
        export = CsvExport(self.ctx.api, self.ctx.tasks, path, {}, self,
                           source=f"/api/crm/customers/{customer_id}/export.zip")
        export.finished.connect(lambda file, _lines: self._exported(file))
        export.failed.connect(lambda message: self._export_ended(
            self.overview.tr("הייצוא נכשל: {0}").format(message), error=True))
        self.export = export
        self.export_button.setEnabled(False)
        self.overview.say(self.overview.tr("מייצא את כל המידע על הלקוח…"))
        export.start()
        return export

    def _exported(self, file: str) -> None:
        self._export_ended(self.overview.tr("כל המידע על הלקוח נשמר אל {0}").format(ltr(file)))
        self.exported.emit(file)

    def _export_ended(self, text: str, *, error: bool = False) -> None:
        self.export = None
        self.export_button.setEnabled(True)
        self.overview.say(text, error=error)

    # -- erasure -------------------------------------------------------------------------
    def question(self) -> str:
        tr = self.overview.tr
        name = self.overview.customer.get("name") or ""
        return "\n\n".join((
            tr("למחוק את המידע האישי של {0}? אי אפשר לבטל את המחיקה.").format(name),
            tr("יימחקו: השם, הטלפון, האימייל, הכתובת, ההערות ומספר ח.פ. / ע.מ.; ההקלטות והתמלולים של "
               "השיחות; תוכן הודעות הוואטסאפ והקבצים שצורפו; תוכן המשימות; נוסח החוזים שלא נחתמו."),
            tr("יישמרו, כפי שמחייב החוק: החשבוניות (עם פרטי הקונה כפי שהיו בעת ההפקה) והחוזים החתומים, "
               "וכן רישום השיחות וההודעות בלי תוכנן (מתי, כמה זמן, סטטוס)."),
        ))

    def erase(self) -> None:
        tr = self.overview.tr
        if not self.confirm(self.overview, tr("מחיקת מידע אישי"), self.question(),
                            yes=tr("מחיקת המידע האישי"), no=tr("חזרה"), danger=True):
            return
        api, path = self.ctx.api, f"/api/crm/customers/{self.ctx.customer_id}/erase"
        self.overview.say(tr("מוחק…"))
        self.overview.act(lambda: api.post(path, {"confirm": True}), self._erased,
                          lambda error: self.overview.say(error_text(error), error=True), busy=self.erase_button)

    def _erased(self, customer: dict) -> None:
        self.overview.show_customer(customer)
        self.overview.say(self.overview.tr("המידע האישי של הלקוח נמחק. החשבוניות והחוזים החתומים נשמרו."))
        self.erased.emit(customer)
