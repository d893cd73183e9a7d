"""Click-to-call from the desktop: `POST /api/crm/calls/outbound`, which rings the agent's own
phone and then dials the customer; the outcome as a Hebrew sentence for the agent. Used by the
customer card's Call action and the task-due dialog's Call button."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from desktop.api import Api, ApiError
from desktop.tasks import TaskManager


def _t(text: str) -> str:
    return QCoreApplication.translate("Calls", text)


def error_message(error: BaseException) -> str:
    if not isinstance(error, ApiError):
        return _t("השיחה לא בוצעה: {0}").format(error)
    code = re.search(r"\d{5}", error.server_message or "")
    messages = {
        "agent_phone_missing": _t("לא הוגדר מספר טלפון למשתמש שלך, ולכן אין לאן לצלצל. "
                                  "אפשר להגדיר אותו ב„הפרופיל שלי”."),
        "customer_phone_missing": _t("ללקוח אין מספר טלפון."),
        "no_business_number": _t("לעסק אין מספר Twilio להתקשר ממנו."),
        "twilio_refused": _t("Twilio סירבה לבצע את השיחה{0}. נסו שוב או בדקו את הגדרות החשבון.").format(
            _t(" (שגיאה {0})").format(code.group()) if code else ""),
        "twilio_unreachable": _t("אין כרגע חיבור ל-Twilio. נסו שוב בעוד רגע."),
    }
    return messages.get(error.code or "", error.message)


def started_message(call: dict) -> str:
    return _t("הטלפון שלך יצלצל עכשיו; כשתענו, נחייג אל הלקוח ({0}).").format(call.get("to_number", ""))


def needs_own_phone(error: BaseException) -> bool:
    """The call failed because the agent has set no phone of their own (the profile sets it)."""
    return isinstance(error, ApiError) and error.code == "agent_phone_missing"


def call_customer(api: Api, tasks: TaskManager, customer_id: int, on_result: Callable[[bool, str], None], *,
                  owner: QObject | None = None) -> None:
    """Ask the server to call; `on_result(ok, message)` on the UI thread. An owner with an
    `own_phone_missing` signal (the customer card) also hears when the agent has no phone, to
    offer the profile where it is set."""
    def failed(error: BaseException) -> None:
        on_result(False, error_message(error))
        hint = getattr(owner, "own_phone_missing", None)
        if needs_own_phone(error) and hint is not None:
            hint.emit()

    tasks.run(lambda: api.post("/api/crm/calls/outbound", {"customer_id": customer_id}),
              lambda call: on_result(True, started_message(call)), failed, owner=owner)
