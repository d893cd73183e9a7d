"""A business's own settings and greeting, as its admins change them."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from server.auth.models import User
from server.businesses.models import Business
from server.businesses.service import check_mp3, greeting_path, set_greeting
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


async def upload_greeting(*, media_root: Path, business_id: int, audio: bytes) -> float:
    """Install `audio` as the business's greeting; its duration, or a 422 if it is not an MP3."""
    media_root.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=media_root, suffix=".mp3") as upload:
        upload.write(audio)
        upload.flush()
        source = Path(upload.name)
        duration = await asyncio.to_thread(check_mp3, source)
        await set_greeting(media_root=media_root, business_id=business_id, source=source)
    return duration


def business_json(business: Business, *, media_root: Path) -> dict:
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
        "greeting_url": greeting_path(media_root, business.id),
        "missed_call_followup": business.missed_call_followup,
        "missed_call_template_sid": business.missed_call_template_sid,
        "on_duty_user_id": business.on_duty_user_id,
        "updated_at": business.updated_at.isoformat(),
    }
