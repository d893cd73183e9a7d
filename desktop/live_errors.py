"""The server's refusals of live-call settings, presence and the calls board, in Hebrew (the
422 codes of PATCH /api/business, PUT /api/crm/me/presence and GET /api/crm/stats/calls).
The web app's table (web/src/lib/error-messages.json) says the same things."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.api import ApiError

CONTEXT = "LiveErrors"
MESSAGES = {
    "invalid_hours": QT_TRANSLATE_NOOP("LiveErrors", "שעות הפעילות אינן תקינות: בכל טווח שעת הפתיחה "
                                                     "צריכה להיות לפני שעת הסגירה."),
    "hours_overlap": QT_TRANSLATE_NOOP("LiveErrors", "יש ביום אחד שני טווחי שעות שחופפים זה לזה. "
                                                     "אחדו אותם או תקנו את השעות."),
    "hours_unknown_day": QT_TRANSLATE_NOOP("LiveErrors", "שעות הפעילות כוללות יום לא מוכר."),
    "invalid_call_mode": QT_TRANSLATE_NOOP("LiveErrors", "אופן המענה לשיחות אינו מוכר."),
    "invalid_ring_seconds": QT_TRANSLATE_NOOP("LiveErrors", "זמן הצלצול חייב להיות בין 5 ל-120 שניות."),
    "invalid_callback_minutes": QT_TRANSLATE_NOOP("LiveErrors", "הזמן להתקשרות חזרה חייב להיות בין דקה "
                                                                "אחת ל-1,440 דקות (יממה)."),
    "invalid_presence": QT_TRANSLATE_NOOP("LiveErrors", "מצב הזמינות אינו מוכר."),
    "invalid_range": QT_TRANSLATE_NOOP("LiveErrors", "טווח התאריכים אינו תקין: תאריך הסיום לפני תאריך "
                                                     "ההתחלה, או יותר משנה ביניהם."),
    "validation_error": QT_TRANSLATE_NOOP("LiveErrors", "הפרטים אינם תקינים."),
}


def message(code: str) -> str:
    return QCoreApplication.translate(CONTEXT, MESSAGES[code])


def error_text(error: BaseException) -> str:
    """A failed call, in Hebrew: by the server's code when it is one of ours."""
    if isinstance(error, ApiError):
        if error.code in MESSAGES:
            return message(error.code)
        return error.message
    return QCoreApplication.translate(CONTEXT, "שגיאה לא צפויה: {0}").format(error)
