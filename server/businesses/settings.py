"""A business's own settings, as its admins change them (the greeting: server/greetings/)."""

from __future__ import annotations

from server.auth.models import User
from server.businesses.models import Business
from server.businesses.service import greeting_path
from server.config import Settings
from server.tenancy import owned

# None means "not sent"; these may not be blanked.
_REQUIRED = ("name", "tax_id_kind", "vat_rate", "timezone")


async def update_business(*, business_id: int, changes: dict) -> Business:
    business = await Business.get(id=business_id)
    if changes.get("on_duty_user_id") is not None:
        await owned(User, changes["on_duty_user_id"], business_id=business_id, what="user")
    for field, value in changes.items():
        if field == "on_duty_user_id":
            business.on_duty_user_id = value
            continue
        if value is None:
            if field in _REQUIRED:
                continue
            value = ""
        setattr(business, field, value)
    await business.save()
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
        "updated_at": business.updated_at.isoformat(),
    }
