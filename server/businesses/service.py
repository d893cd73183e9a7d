"""Businesses, their Twilio numbers and their greetings."""

from __future__ import annotations

import asyncio
import shutil
import time
import uuid
from io import BytesIO
from pathlib import Path

from mutagen.mp3 import MP3, HeaderNotFoundError
from tortoise import timezone
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server import runtime
from server.businesses.models import Business, PhoneNumber
from server.errors import APIError
from server.phones import national, to_e164
from server.tenancy import owned, scoped

GREETING_NAME = "greeting.mp3"
# What callers hear outside opening hours (live calls): the business's own, else closed.mp3.
CLOSED_NAME = "closed.mp3"
# What callers hear after either greeting, before the recording: that the message is recorded
# and why (the Privacy Protection Law's notice duty). The business's own wording, else the default.
NOTICE_NAME = "notice.mp3"
DEFAULT_NOTICE_PATH = "/server/static/voice_responses/recording_notice.mp3"
DEFAULT_NOTICE_TEXT = "לידיעתכם, ההודעה מוקלטת ונשמרת כדי שנוכל לחזור אליכם ולטפל בפנייתכם."


async def create_business(*, name: str, phone: str | None = None) -> Business:
    name = name.strip()
    if not name:
        raise APIError(422, "invalid_name", "a business needs a name")
    e164 = checked_e164(phone) if phone else None
    if e164:
        await _refuse_taken(e164)
    async with in_transaction():
        business = await Business.create(name=name)
        if e164:
            await PhoneNumber.create(e164=e164, business=business)
    _numbers().clear()
    return business


def checked_e164(raw: str) -> str:
    """A business's number in E.164 (Israeli local forms accepted); APIError for what is not one."""
    e164 = to_e164(raw)
    if e164 is None:
        raise APIError(422, "invalid_phone", f"not a phone number: {raw}")
    return e164


async def _refuse_taken(e164: str) -> None:
    if await PhoneNumber.exists(e164=e164):
        raise APIError(409, "phone_taken", f"{e164} already belongs to a business")


async def link_number(*, e164: str, business_id: int) -> PhoneNumber:
    """Give the business a number no business has yet (E.164)."""
    if not await Business.exists(id=business_id):
        raise APIError(404, "not_found", f"no business {business_id}")
    await _refuse_taken(e164)
    phone = await PhoneNumber.create(e164=e164, business_id=business_id)
    _numbers().clear()
    return phone


class NumberCache:
    """The business each called number belongs to, remembered for a short while: every webhook
    looks its business up by the number called, and numbers move between businesses rarely.
    One per runtime."""

    SECONDS = 30.0

    def __init__(self) -> None:
        self._entries: dict[str, tuple[float, int | None]] = {}

    def get(self, e164: str) -> tuple[bool, int | None]:
        """(known, business id) for the number."""
        entry = self._entries.get(e164)
        if entry and entry[0] > time.monotonic():
            return True, entry[1]
        return False, None

    def put(self, e164: str, business_id: int | None) -> None:
        self._entries[e164] = (time.monotonic() + self.SECONDS, business_id)

    def clear(self) -> None:
        self._entries.clear()


def _numbers() -> NumberCache:
    return runtime.current().keep(NumberCache, NumberCache)


async def business_id_for_number(number: str | None) -> int | None:
    """The id of the business a called number (`To`) belongs to, or None."""
    e164 = to_e164(number)
    if e164 is None:
        return None
    numbers = _numbers()
    known, business_id = numbers.get(e164)
    if known:
        return business_id
    phone = await PhoneNumber.get_or_none(e164=e164)
    business_id = phone.business_id if phone else None
    numbers.put(e164, business_id)
    return business_id


def greeting_file(media_root: Path, business_id: int, *, closed: bool = False, name: str | None = None) -> Path:
    # Made of an int and a constant only, so it cannot leave MEDIA_ROOT; not resolved through
    # server.storage.media_path, which would add a few syscalls to every incoming call.
    return media_root / "voice_responses" / str(business_id) / (name or (CLOSED_NAME if closed else GREETING_NAME))


def greeting_path(media_root: Path, business_id: int) -> str:
    """The URL path callers hear: the business's own greeting if it has one, else welcome."""
    if greeting_file(media_root, business_id).is_file():
        return f"/server/static/voice_responses/{business_id}/{GREETING_NAME}"
    return "/server/static/voice_responses/welcome.mp3"


DEFAULT_CLOSED_PATH = f"/server/static/voice_responses/{CLOSED_NAME}"


def closed_greeting_path(media_root: Path, business_id: int) -> str:
    """The URL path callers hear when the business is closed: its own, else the default."""
    if greeting_file(media_root, business_id, closed=True).is_file():
        return f"/server/static/voice_responses/{business_id}/{CLOSED_NAME}"
    return DEFAULT_CLOSED_PATH


async def reset_notice(*, media_root: Path, business_id: int) -> None:
    """Back to the default wording of the recording notice (the business's own file removed)."""
    async with in_transaction():
        await Business.filter(id=business_id).update(recording_notice_text=None, updated_at=timezone.now())
        greeting_file(media_root, business_id, name=NOTICE_NAME).unlink(missing_ok=True)


def notice_path(media_root: Path, business_id: int) -> str:
    """The URL path of the recording notice callers hear: the business's own wording, else the default."""
    if greeting_file(media_root, business_id, name=NOTICE_NAME).is_file():
        return f"/server/static/voice_responses/{business_id}/{NOTICE_NAME}"
    return DEFAULT_NOTICE_PATH


def check_mp3(source: Path | bytes) -> float:
    """The duration in seconds of a real MP3 (a file, or its bytes); APIError for anything else."""
    name = source.name if isinstance(source, Path) else "the audio"
    try:
        audio = MP3(source if isinstance(source, Path) else BytesIO(source))
    except (HeaderNotFoundError, Exception) as error:  # mutagen raises several kinds
        raise APIError(422, "not_mp3", f"{name} is not an MP3 file") from error
    if not audio.info or audio.info.length <= 0:
        raise APIError(422, "not_mp3", f"{name} is not an MP3 file")
    return audio.info.length


# Each recording a business may replace: its file, and the field that keeps what it says.
TEXT_FIELDS = {GREETING_NAME: "greeting_text", CLOSED_NAME: "closed_greeting_text",
               NOTICE_NAME: "recording_notice_text"}


async def set_greeting(*, media_root: Path, business_id: int, source: Path, text: str | None = None,
                       closed: bool = False, name: str | None = None) -> float:
    """Install the MP3 `source` as the business's greeting (`closed`: its closed greeting;
    `name`: another of TEXT_FIELDS, the recording notice); its duration in seconds. `text` is
    what it says when it was made from text (None, for an uploaded file, clears the text shown
    for editing)."""
    if not await Business.exists(id=business_id):
        raise APIError(404, "not_found", f"no business {business_id}")
    duration = await asyncio.to_thread(check_mp3, source)
    target = greeting_file(media_root, business_id, closed=closed, name=name)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Copy then rename, so a caller never hears half a file; a name of its own, so two admins
    # installing at once never write into each other's copy.
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    shutil.copyfile(source, partial)
    try:
        # The text is saved with the rename: if the rename fails, the old text stays with the
        # old audio.
        async with in_transaction():
            # updated_at by hand: a queryset update skips auto_now, and clients refresh on it.
            text_field = TEXT_FIELDS[target.name]
            await Business.filter(id=business_id).update(**{text_field: text}, updated_at=timezone.now())
            partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return duration


# ---------------------------------------------------------------- the numbers admins manage


def numbers_query(*, business_id: int):
    return scoped(PhoneNumber, business_id)


async def add_number(*, business_id: int, number: str) -> PhoneNumber:
    """Give the business a Twilio number typed in any Israeli format: a 422 for what is not a
    number, a 409 for one already linked (to another business: `number_taken`, never saying
    which; to this one: `number_exists`)."""
    e164 = checked_e164(number)
    linked = await PhoneNumber.get_or_none(e164=e164)
    if linked is not None:
        if linked.business_id == business_id:
            raise APIError(409, "number_exists", f"{e164} is already one of the business's numbers")
        raise APIError(409, "number_taken", f"{e164} belongs to another business")
    try:
        phone = await PhoneNumber.create(e164=e164, business_id=business_id)
    except IntegrityError:  # linked meanwhile (the unique e164 is the backstop)
        raise APIError(409, "number_taken", f"{e164} belongs to another business") from None
    _numbers().clear()
    return phone


async def remove_number(*, business_id: int, number_id: int) -> None:
    """Unlink one of the business's numbers (another business's is a 404). The last one stays:
    without a number the business's callers reach nobody and click-to-call has nothing to call
    from, so a number is replaced by adding the new one first (409 `last_number`)."""
    await owned(PhoneNumber, number_id, business_id=business_id, what="number")
    async with in_transaction() as connection:
        # Lock the business row, so two admins removing its last two numbers cannot both succeed.
        await Business.filter(id=business_id).select_for_update().using_db(connection).first()
        if await PhoneNumber.filter(business_id=business_id).using_db(connection).count() <= 1:
            raise APIError(409, "last_number", "a business keeps at least one number; add the new one first")
        await PhoneNumber.filter(id=number_id, business_id=business_id).using_db(connection).delete()
    _numbers().clear()


def number_json(phone: PhoneNumber) -> dict:
    return {"id": phone.id, "number": phone.e164, "number_display": national(phone.e164),
            "created_at": phone.created_at.isoformat()}
