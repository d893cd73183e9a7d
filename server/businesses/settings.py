"""A business's own settings, as its admins change them (the greeting: server/greetings/)."""

from __future__ import annotations

from datetime import UTC, datetime

from server.auth.models import User
from server.businesses import call_settings
from server.businesses.call_settings import CALLBACK_MINUTES, RING_SECONDS, checked_int
from server.businesses.hours import checked_hours, upcoming_holidays, week_of
from server.businesses.models import CALL_MODES, Business
from server.businesses.service import (
    DEFAULT_CLOSED_PATH,
    DEFAULT_NOTICE_PATH,
    DEFAULT_NOTICE_TEXT,
    closed_greeting_path,
    greeting_path,
    notice_path,
)
from server.config import Settings
from server.errors import APIError
from server.tenancy import owned

# None means "not sent"; these may not be blanked.
_REQUIRED = ("name", "tax_id_kind", "vat_rate", "timezone")
# How calls are answered, and how long recordings are kept: checked here, with codes the clients name in Hebrew.
_CHECKED_FIELDS = ("call_mode", "ring_seconds", "hours", "closed_on_holidays", "callback_minutes", "retention_months")
RETENTION_MONTHS = (1, 120)


def _checked_call_field(field: str, value):
    if field == "call_mode":
        if value not in CALL_MODES:
            raise APIError(422, "invalid_call_mode", f"call_mode is one of {', '.join(CALL_MODES)}")
        return value
    if field == "ring_seconds":
        return checked_int(value, bounds=RING_SECONDS, code="invalid_ring_seconds", what="ring_seconds")
    if field == "callback_minutes":
        return checked_int(value, bounds=CALLBACK_MINUTES, code="invalid_callback_minutes",
                           what="callback_minutes")
    if field == "hours":
        return checked_hours(value)
    if field == "retention_months":
        return checked_int(value, bounds=RETENTION_MONTHS, code="invalid_retention_months", what="retention_months")
    return value  # closed_on_holidays: a bool, checked by the schema


async def update_business(*, business_id: int, changes: dict) -> Business:
    business = await Business.get(id=business_id)
    if changes.get("on_duty_user_id") is not None:
        await owned(User, changes["on_duty_user_id"], business_id=business_id, what="user")
    checked = {field: _checked_call_field(field, value) for field, value in changes.items()
               if field in _CHECKED_FIELDS and value is not None}
    for field, value in changes.items():
        if field in _CHECKED_FIELDS:
            if field in checked:
                setattr(business, field, checked[field])
            continue
        if field == "on_duty_user_id":
            business.on_duty_user_id = value
            continue
        if value is None:
            if field in _REQUIRED:
                continue
            value = ""
        setattr(business, field, value)
    await business.save()
    call_settings.cache().forget(business_id)
    return business


def business_json(business: Business, *, settings: Settings) -> dict:
    greeting_url = greeting_path(settings.media_root, business.id)
    own_greeting = not greeting_url.endswith("/welcome.mp3")
    return {
        "id": business.id,
        "name": business.name,
        "timezone": business.timezone,
        "tax_id": business.tax_id,
        "tax_id_kind": business.tax_id_kind,
        "address": business.address,
        "phone": business.phone,
        "email": business.email,
        "vat_rate": float(business.vat_rate),
        "greeting_url": greeting_url,
        # The text survives only with the file it was rendered into.
        "greeting_text": business.greeting_text if own_greeting else None,
        "tts_engine": settings.tts_engine,
        "missed_call_followup": business.missed_call_followup,
        "missed_call_template_sid": business.missed_call_template_sid,
        "on_duty_user_id": business.on_duty_user_id,
        **calls_json(business, settings=settings),
        **privacy_json(business, settings=settings),
        "updated_at": business.updated_at.isoformat(),
    }


def tax_authority_source(business: Business, *, settings: Settings) -> str | None:
    """Where the business's Tax Authority credentials come from: its own (saved by an admin),
    the server's environment, or nowhere."""
    if business.tax_authority_credentials:
        return "settings"
    if settings.tax_authority_client_id and settings.tax_authority_refresh_token:
        return "env"
    return None


def privacy_json(business: Business, *, settings: Settings) -> dict:
    notice_url = notice_path(settings.media_root, business.id)
    own_wording = notice_url != DEFAULT_NOTICE_PATH and business.recording_notice_text is not None
    source = tax_authority_source(business, settings=settings)
    return {
        "retention_months": business.retention_months,
        "recording_notice": business.recording_notice,
        "recording_notice_text": business.recording_notice_text if own_wording else DEFAULT_NOTICE_TEXT,
        "recording_notice_default": not own_wording,
        "recording_notice_url": notice_url,
        "agents_can_listen": business.agents_can_listen,
        "agents_can_export": business.agents_can_export,
        "tax_authority": {"configured": source is not None, "source": source},
    }


def calls_json(business: Business, *, settings: Settings) -> dict:
    """How the business answers calls, and what that means right now."""
    now = datetime.now(UTC)
    week = week_of(business)
    opening = week.next_opening(now)
    closed_url = closed_greeting_path(settings.media_root, business.id)
    return {
        "call_mode": business.call_mode,
        "ring_seconds": business.ring_seconds,
        "hours": business.hours,
        "closed_on_holidays": business.closed_on_holidays,
        "callback_minutes": business.callback_minutes,
        "open_now": week.is_open(now),
        "next_opening": opening.isoformat() if opening else None,
        "upcoming_holidays": upcoming_holidays(now.astimezone(week.zone).date()),
        "closed_greeting_url": closed_url,
        # As greeting_text: the text survives only with the file it was rendered into.
        "closed_greeting_text": business.closed_greeting_text if closed_url != DEFAULT_CLOSED_PATH else None,
    }
