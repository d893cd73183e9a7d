"""Inbound WhatsApp media: downloaded by a job, with the account's basic auth, only from
Twilio's API host, within a size limit and a list of types, into MEDIA_ROOT."""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from server.config import Settings
from server.jobs.errors import PermanentJobError
from server.messages.models import Message
from server.messages.service import announce
from server.storage import media_path
from server.telephony.client import download_media
from server.telephony.form import MESSAGE_SID_KINDS, sid

log = logging.getLogger("agentlocator.messages")

MAX_MEDIA_BYTES = 16 * 1024 * 1024  # WhatsApp's own limit for images, audio and video
ACCEPTED_TYPES = frozenset({
    "image/jpeg", "image/png", "image/webp", "image/gif",
    "audio/ogg", "audio/mpeg", "audio/mp4", "audio/aac", "audio/amr",
    "video/mp4", "video/3gpp",
    "application/pdf", "text/vcard", "text/x-vcard", "text/plain",
    "application/msword", "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
})
_EXTENSIONS = {"audio/ogg": ".ogg", "image/jpeg": ".jpg", "text/vcard": ".vcf", "text/x-vcard": ".vcf"}


def media_entry(url: str, content_type: str) -> dict:
    """What the webhook stores per attachment; only accepted types are fetched."""
    kind = content_type.split(";")[0].strip().lower()
    return {"remote_url": url, "content_type": kind, "path": None, "size": None,
            "status": "pending" if kind in ACCEPTED_TYPES and url else "refused"}


def media_file(message: Message, number: int, content_type: str) -> Path:
    """Where attachment `number` (1-based) lives, relative to MEDIA_ROOT. The MessageSid names
    the file, so it must be one (the webhook stores no other; an older row might)."""
    if sid(message.message_sid, *MESSAGE_SID_KINDS) is None:
        raise PermanentJobError(f"message {message.id}'s MessageSid is not a Twilio SID; nothing is stored")
    extension = _EXTENSIONS.get(content_type) or mimetypes.guess_extension(content_type) or ".bin"
    return Path("whatsapp") / str(message.business_id) / f"{message.message_sid}-{number}{extension}"


async def fetch_media(job, *, settings: Settings) -> None:
    message = await Message.get_or_none(id=job.payload.get("message_id"))
    if message is None:
        raise PermanentJobError(f"message {job.payload.get('message_id')} is gone")
    if message.purged_at is not None:  # erased (or past retention) while queued: nothing may be stored
        return
    media = [dict(item) for item in message.media or []]
    try:
        for number, item in enumerate(media, start=1):
            if item.get("status") != "pending":
                continue
            relative = media_file(message, number, item["content_type"])
            dest = media_path(settings.media_root, relative)
            try:
                item["size"] = await download_media(url=item["remote_url"], dest=dest,
                                                    settings=settings, max_bytes=MAX_MEDIA_BYTES,
                                                    content_types=frozenset({item["content_type"]}))
            except PermanentJobError as error:
                log.warning("media %d of %s refused: %s", number, message.message_sid, error)
                item["status"] = "refused"
                continue
            item.update(path=str(relative), status="stored")
    finally:
        # What was stored stays stored, even when a later attachment fails and is retried.
        if media != message.media:
            await Message.filter(id=message.id).update(media=media)
            message.media = media
            await announce("wa:message", message)
