"""Twilio's form and query values, read one way by every webhook.

A webhook's values are text that Twilio chose (and signed): a count, a duration or an error
code is a string of ASCII digits, an id we put in a callback URL comes back as we wrote it.
Anything else (empty, a sign, a space, a fraction, Arabic-Indic or superscript digits, which
`str.isdigit` accepts and `int` may not) is not a number: these answer None, never an
exception that would make the webhook a 500 and Twilio retry it.

`refusal` tells a form no Twilio request carries (a value longer than anything Twilio sends
in that field, and than its column) before any webhook writes a row of it: `twilio_signed`
refuses those. A NUL is no reason to lose a call or a message: `text` drops it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from werkzeug.datastructures import MultiDict

log = logging.getLogger("agentlocator.webhooks")

# Integer columns and ids are 32-bit in both databases (as server/tenancy.MAX_ID): a larger
# number would be PostgreSQL's int4 overflow, a 500.
MAX_INT = 2**31 - 1
_MAX_DIGITS = len(str(MAX_INT))
WHATSAPP_PREFIX = "whatsapp:"

# The longest value each field the webhooks store may have. Twilio's SIDs are 34 characters,
# its addresses (E.164, `whatsapp:+...`, `client:...`, `sip:...`) and statuses a few dozen,
# its URLs about 150; the columns they land in hold 64, 32 and 500. A numbered field
# (MediaUrl0, MediaUrl1...) is looked up without its number.
LIMITS = {
    **dict.fromkeys(("AccountSid", "CallSid", "RecordingSid", "MessageSid", "SmsMessageSid", "ParentCallSid"), 64),
    **dict.fromkeys(("From", "To", "Called", "Caller", "WaId"), 64),
    **dict.fromkeys(("Direction", "CallStatus", "MessageStatus", "SmsStatus", "RecordingStatus"), 32),
    **dict.fromkeys(("RecordingUrl", "MediaUrl"), 500),
    "MediaContentType": 255,
    "ProfileName": 1000,
    "Body": 16_384,  # four times WhatsApp's own 4,096 characters
}


def text(value: str | None) -> str:
    """The value, "" when absent, without NUL characters (PostgreSQL refuses them in text)."""
    return (value or "").replace("\x00", "")


def integer(value: str | None) -> int | None:
    """A count, a duration or an error code (NumMedia, CallDuration, ErrorCode...): 0 up to
    MAX_INT, or None for an absent value or one that is not plain decimal digits."""
    if not value or len(value) > _MAX_DIGITS or not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if number <= MAX_INT else None


def row_id(value: str | None) -> int | None:
    """A database id we put in a callback URL (`?call=<id>`): 1 up to MAX_INT, else None."""
    number = integer(value)
    return number if number else None


def refusal(form: Mapping[str, str]) -> str | None:
    """Why no Twilio request carries this form (a stored field longer than its LIMITS), or
    None for a form a webhook may read."""
    pairs = form.items(multi=True) if isinstance(form, MultiDict) else form.items()
    for name, value in pairs:
        limit = LIMITS.get(name.rstrip("0123456789"))
        if limit is not None and len(value) > limit:
            return f"{name!r} is longer than {limit} characters"
    return None


def whatsapp_address(value: str | None) -> str:
    """`whatsapp:+9725...` → `+9725...`; a business-scoped user id (BSUID) stays as it came."""
    address = text(value).strip()
    return address.removeprefix(WHATSAPP_PREFIX)


# Twilio's documented SID pattern: a two-letter kind and 32 hex digits (its API reference gives
# `^CA[0-9a-fA-F]{32}$` and the like). SIDs name files and dedupe keys here, so nothing else
# may pass for one: a signed request can still carry any text Twilio was told to sign.
_HEX = frozenset("0123456789abcdefABCDEF")
SID_LENGTH = 34
MESSAGE_SID_KINDS = ("SM", "MM")  # a message's SID: SM, or MM for one that carries media


def sid(value: str | None, *kinds: str) -> str | None:
    """The value if it is a Twilio SID of one of `kinds` ("CA", "RE", "SM", "MM"...), else None."""
    if not value or len(value) != SID_LENGTH or value[:2] not in kinds:
        return None
    return value if _HEX.issuperset(value[2:]) else None


def form_sid(form: Mapping[str, str], name: str, *kinds: str, also: str | None = None) -> str | None:
    """The SID a webhook's field `name` (or, when empty, `also`) carries, if it is one of
    `kinds`. Anything else is stored nowhere, a SID naming files and dedupe keys, and logged;
    the webhook still answers as usual, since Twilio would only send it again."""
    raw = text(form.get(name) or (form.get(also) if also else None)).strip()
    value = sid(raw, *kinds)
    if value is None and raw:
        log.warning("%s is not a Twilio %s SID (%r): nothing stored for it", name, "/".join(kinds), raw[:40])
    return value
