"""The desktop's one home for display rules it must apply itself.

Records from the server carry their own display forms (`phone_display`, `status_label`, ...,
server/labels.py and server/phones.py): views show those. This module is for what the client
shows before or without a record: the choices of a combo box, and dates in local time. Its
table is server/labels.json word for word (tests/desktop/test_display.py holds them equal),
written out here so Qt's lupdate finds every word to translate; Hebrew is the source text.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Display"

LABELS: dict[str, dict[str, str]] = {
    "customer_status": {
        "lead": QT_TRANSLATE_NOOP("Display", "ליד"),
        "active": QT_TRANSLATE_NOOP("Display", "פעיל"),
        "inactive": QT_TRANSLATE_NOOP("Display", "לא פעיל"),
    },
    "customer_source": {
        "manual": QT_TRANSLATE_NOOP("Display", "הזנה ידנית"),
        "call": QT_TRANSLATE_NOOP("Display", "שיחה נכנסת"),
        "whatsapp": QT_TRANSLATE_NOOP("Display", "וואטסאפ"),
        "import": QT_TRANSLATE_NOOP("Display", "ייבוא"),
    },
    "task_status": {
        "open": QT_TRANSLATE_NOOP("Display", "פתוחה"),
        "done": QT_TRANSLATE_NOOP("Display", "בוצעה"),
    },
    "invoice_status": {
        "draft": QT_TRANSLATE_NOOP("Display", "טיוטה"),
        "awaiting_allocation": QT_TRANSLATE_NOOP("Display", "ממתינה למספר הקצאה"),
        "issued": QT_TRANSLATE_NOOP("Display", "הופקה"),
        "paid": QT_TRANSLATE_NOOP("Display", "שולמה"),
        "cancelled": QT_TRANSLATE_NOOP("Display", "בוטלה"),
    },
    "contract_status": {
        "draft": QT_TRANSLATE_NOOP("Display", "טיוטה"),
        "sent": QT_TRANSLATE_NOOP("Display", "נשלח לחתימה"),
        "signed": QT_TRANSLATE_NOOP("Display", "נחתם"),
        "declined": QT_TRANSLATE_NOOP("Display", "נדחה"),
    },
    "message_status": {
        "pending": QT_TRANSLATE_NOOP("Display", "ממתינה לשליחה"),
        "accepted": QT_TRANSLATE_NOOP("Display", "התקבלה לשליחה"),
        "scheduled": QT_TRANSLATE_NOOP("Display", "מתוזמנת"),
        "queued": QT_TRANSLATE_NOOP("Display", "בתור לשליחה"),
        "sending": QT_TRANSLATE_NOOP("Display", "נשלחת"),
        "sent": QT_TRANSLATE_NOOP("Display", "נשלחה"),
        "delivered": QT_TRANSLATE_NOOP("Display", "נמסרה"),
        "read": QT_TRANSLATE_NOOP("Display", "נקראה"),
        "failed": QT_TRANSLATE_NOOP("Display", "השליחה נכשלה"),
        "undelivered": QT_TRANSLATE_NOOP("Display", "לא נמסרה"),
        "canceled": QT_TRANSLATE_NOOP("Display", "בוטלה"),
        "receiving": QT_TRANSLATE_NOOP("Display", "מתקבלת"),
        "received": QT_TRANSLATE_NOOP("Display", "התקבלה"),
    },
    "call_status": {
        "queued": QT_TRANSLATE_NOOP("Display", "בהמתנה"),
        "initiated": QT_TRANSLATE_NOOP("Display", "מחייגת"),
        "ringing": QT_TRANSLATE_NOOP("Display", "מצלצלת"),
        "in-progress": QT_TRANSLATE_NOOP("Display", "בשיחה"),
        "completed": QT_TRANSLATE_NOOP("Display", "הושלמה"),
        "busy": QT_TRANSLATE_NOOP("Display", "תפוס"),
        "failed": QT_TRANSLATE_NOOP("Display", "נכשלה"),
        "no-answer": QT_TRANSLATE_NOOP("Display", "לא נענתה"),
        "canceled": QT_TRANSLATE_NOOP("Display", "בוטלה"),
    },
    "call_direction": {
        "inbound": QT_TRANSLATE_NOOP("Display", "שיחה נכנסת"),
        "outbound": QT_TRANSLATE_NOOP("Display", "שיחה יוצאת"),
        "outbound-api": QT_TRANSLATE_NOOP("Display", "שיחה יוצאת"),
        "outbound-dial": QT_TRANSLATE_NOOP("Display", "שיחה יוצאת"),
    },
    "transcript_status": {
        "none": QT_TRANSLATE_NOOP("Display", "אין תמלול"),
        "pending": QT_TRANSLATE_NOOP("Display", "התמלול בתהליך"),
        "done": QT_TRANSLATE_NOOP("Display", "תומלל"),
        "failed": QT_TRANSLATE_NOOP("Display", "התמלול נכשל"),
        "unavailable": QT_TRANSLATE_NOOP("Display", "תמלול לא זמין"),
        "purged": QT_TRANSLATE_NOOP("Display", "נמחק לפי מדיניות שמירת המידע"),
    },
    "allocation_status": {
        "not_required": QT_TRANSLATE_NOOP("Display", "לא נדרש מספר הקצאה"),
        "pending": QT_TRANSLATE_NOOP("Display", "ממתינה למספר הקצאה"),
        "allocated": QT_TRANSLATE_NOOP("Display", "התקבל מספר הקצאה"),
        "refused": QT_TRANSLATE_NOOP("Display", "רשות המסים סירבה להקצות מספר"),
    },
    "audit_action": {
        "recording.listen": QT_TRANSLATE_NOOP("Display", "האזנה להקלטה"),
        "invoice.pdf": QT_TRANSLATE_NOOP("Display", "הורדת חשבונית"),
        "contract.pdf": QT_TRANSLATE_NOOP("Display", "הורדת חוזה"),
        "customers.export_csv": QT_TRANSLATE_NOOP("Display", "ייצוא לקוחות ל-CSV"),
        "customer.export": QT_TRANSLATE_NOOP("Display", "ייצוא כל המידע על לקוח"),
        "customer.erase": QT_TRANSLATE_NOOP("Display", "מחיקת מידע אישי של לקוח"),
        "customer.update": QT_TRANSLATE_NOOP("Display", "עדכון לקוח"),
        "customer.delete": QT_TRANSLATE_NOOP("Display", "מחיקת לקוח"),
        "audit.export": QT_TRANSLATE_NOOP("Display", "ייצוא יומן הפעולות"),
        "settings.update": QT_TRANSLATE_NOOP("Display", "שינוי הגדרות העסק"),
        "settings.recording_notice": QT_TRANSLATE_NOOP("Display", "שינוי הודעת ההקלטה"),
        "settings.tax_authority": QT_TRANSLATE_NOOP("Display", "שינוי פרטי רשות המסים"),
    },
    "call_outcome": {
        "handled": QT_TRANSLATE_NOOP("Display", "טופלה"),
        "callback": QT_TRANSLATE_NOOP("Display", "לחזור ללקוח"),
        "meeting": QT_TRANSLATE_NOOP("Display", "נקבעה פגישה"),
        "message": QT_TRANSLATE_NOOP("Display", "הושארה הודעה"),
        "not_relevant": QT_TRANSLATE_NOOP("Display", "לא רלוונטי"),
    },
    "timeline_type": {
        "call": QT_TRANSLATE_NOOP("Display", "שיחה"),
        "whatsapp": QT_TRANSLATE_NOOP("Display", "וואטסאפ"),
        "task": QT_TRANSLATE_NOOP("Display", "משימה"),
        "invoice": QT_TRANSLATE_NOOP("Display", "חשבונית"),
        "contract": QT_TRANSLATE_NOOP("Display", "חוזה"),
    },
}


def label(kind: str, value: str | None) -> str:
    """The label of `value` (translated when a translation is loaded); an unknown value is
    shown as it came, never as a blank."""
    text = LABELS[kind].get(value or "")
    return QCoreApplication.translate(CONTEXT, text) if text else str(value or "")


def options(kind: str) -> list[tuple[str, str]]:
    """(label, value) for every value of `kind`, in the table's order: a combo box's items."""
    return [(label(kind, value), value) for value in LABELS[kind]]


def when(value: object) -> str:
    """An ISO-8601 time from the server, in the computer's local time: 24/11/2026 10:30."""
    if not value:
        return ""
    try:
        return datetime.fromisoformat(str(value)).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return str(value)


# Left-to-right isolate (LRI … PDI): a path, phone number, e-mail or code inside Hebrew text
# keeps its own order and stays in one piece. An isolate, unlike the older LRE … PDF
# embedding, does not let the text around it reorder into it (the export's "אל /tmp/x.csv"
# showed the path's leading slash at its far end); LRI rather than FSI, since FSI takes its
# direction from the first letter and turns a path whose first folder is Hebrew right to left.
LRI, PDI = "\u2066", "\u2069"


def ltr(text: object) -> str:
    """`text` isolated left to right inside Hebrew text; "" for None or ""."""
    return f"{LRI}{text}{PDI}" if text not in (None, "") else ""


def count_text(n: int, *, one: str, many: str, none: str | None = None, **values: object) -> str:
    """A counted noun in Hebrew: `one` for 1 ("לקוח אחד": Hebrew puts "one" after a single noun,
    and "1 לקוחות" is wrong), `many` for the rest with {0} the number grouped by thousands
    ("{0} לקוחות" → "1,000,000 לקוחות"), `none` for 0 when given. Named {fields} in the forms
    take `values` ("יוצאו {0} לקוחות אל {path}"). Callers pass each form through their own tr(),
    so Hebrew stays the source text and every form is translatable."""
    form = none if n == 0 and none is not None else one if n == 1 else many
    return form.format(f"{n:,}", **values)


def _hours_words(n: int) -> str:
    tr = QCoreApplication.translate
    return tr(CONTEXT, "שעה") if n == 1 else tr(CONTEXT, "שעתיים") if n == 2 else tr(CONTEXT, "{0} שעות").format(n)


def _days_words(n: int) -> str:
    tr = QCoreApplication.translate
    return tr(CONTEXT, "יום") if n == 1 else tr(CONTEXT, "יומיים") if n == 2 else tr(CONTEXT, "{0} ימים").format(n)


def _and(first: str, second: str) -> str:
    """"שעה ו-5 דקות", "שעה ודקה אחת": Hebrew's "and" is a prefix, joined by a hyphen to a digit."""
    return f"{first} ו-{second}" if second[:1].isdigit() else f"{first} ו{second}"


def duration_words(seconds: float | None) -> str:
    """A length of time as one says it in Hebrew, to the minute: "פחות מדקה", "21 דקות",
    "שעה ו-5 דקות", "יומיים ו-3 שעות"; "" for None (nothing measured)."""
    if seconds is None:
        return ""
    tr = QCoreApplication.translate
    minutes = int(seconds) // 60
    if minutes < 1:
        return tr(CONTEXT, "פחות מדקה")
    if minutes < 60:
        return count_text(minutes, one=tr(CONTEXT, "דקה אחת"), many=tr(CONTEXT, "{0} דקות"))
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        if not minutes:
            return _hours_words(hours)
        return _and(_hours_words(hours), count_text(minutes, one=tr(CONTEXT, "דקה אחת"), many=tr(CONTEXT, "{0} דקות")))
    days, hours = divmod(hours, 24)
    return _and(_days_words(days), _hours_words(hours)) if hours else _days_words(days)
