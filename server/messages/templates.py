"""The business's approved WhatsApp templates, as agents pick them: Twilio's Content API
(`ContentAndApprovals`), read with the account's credentials and kept for a while.

Why a cache: every card opened outside the 24-hour window lists the templates, and they change
a few times a year (a new one waits days for Meta's approval). Why a stale copy outlives its
time: when Twilio cannot be reached, the agent still sees the templates they know (a send
then fails or succeeds on its own), rather than no way at all to open a conversation.
The cache is the runtime's (one per app, per account), never the module's.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass, field

from server import runtime
from server.config import Settings
from server.errors import DomainError
from server.telephony.client import TwilioError, TwilioRefusedError, content_list

log = logging.getLogger("agentlocator.messages")

CACHE_SECONDS = 600.0
# The content types whose text is the message's (twilio/card's is its title and body), in the
# order a template that carries several shows one.
BODY_TYPES = ("twilio/text", "twilio/media", "twilio/quick-reply", "twilio/call-to-action", "twilio/list-picker",
              "whatsapp/card", "twilio/card")
_PLACEHOLDER = re.compile(r"\{\{\s*([0-9A-Za-z_]+)\s*\}\}")


class TwilioNotConfiguredError(DomainError):
    code = "twilio_not_configured"
    default_message = "לא הוגדר בשרת חשבון Twilio (TWILIO_ACCOUNT_SID ו-TWILIO_AUTH_TOKEN), ולכן אין תבניות וואטסאפ"


class TemplatesUnavailableError(DomainError):
    """Twilio did not answer (a network failure, a timeout, a 5xx) and nothing is cached."""

    code = "templates_unavailable"
    default_message = "לא ניתן לטעון את תבניות הוואטסאפ: שירות Twilio אינו זמין כרגע; נסו שוב בעוד רגע"


class TemplatesRefusedError(DomainError):
    """Twilio refused the listing (wrong credentials, 401; a 4xx) and nothing is cached."""

    code = "templates_refused"
    default_message = "Twilio סירב לבקשת תבניות הוואטסאפ (HTTP {status}): ייתכן שפרטי חשבון Twilio בשרת שגויים"


@dataclass
class _Entry:
    templates: list[dict]
    expires: float


@dataclass
class TemplateCache:
    """The templates of each account (by Content API host and account SID), and one lock per
    account so that a burst of cards opening at once asks Twilio once."""

    entries: dict[tuple[str, str], _Entry] = field(default_factory=dict)
    locks: dict[tuple[str, str], asyncio.Lock] = field(default_factory=dict)


def _cache() -> TemplateCache:
    return runtime.current().keep(TemplateCache, TemplateCache)


def _key(settings: Settings) -> tuple[str, str]:
    return settings.twilio_content_api_base.rstrip("/"), settings.twilio_account_sid


def _variable_order(key: str) -> tuple[int, int | str]:
    return (0, int(key)) if key.isdigit() else (1, key)


def body_of(types: dict, preferred: str = "") -> str:
    """The text a template sends: its preferred type's when that has one, else the first of
    BODY_TYPES that does."""
    for kind in (preferred, *BODY_TYPES):
        content = types.get(kind) if kind else None
        if not isinstance(content, dict):
            continue
        parts = [content.get("title"), content.get("body") or content.get("subtitle")] if kind == "twilio/card" \
            else [content.get("body")]
        text = "\n".join(part for part in parts if isinstance(part, str) and part.strip())
        if text:
            return text
    return ""


def template_json(content: dict) -> dict | None:
    """A Content API item as the picker shows it, or None unless WhatsApp approved it."""
    approval = content.get("approval_requests") if isinstance(content.get("approval_requests"), dict) else {}
    if isinstance(approval.get("whatsapp"), dict):  # the per-channel form of the approval
        approval = approval["whatsapp"]
    sid = content.get("sid")
    if str(approval.get("status", "")).lower() != "approved" or not isinstance(sid, str):
        return None
    types = content.get("types") if isinstance(content.get("types"), dict) else {}
    body = body_of(types, str(approval.get("content_type") or ""))
    examples = content.get("variables") if isinstance(content.get("variables"), dict) else {}
    # A placeholder in the text with no example is a variable all the same: Twilio needs its value.
    keys = {str(key) for key in examples} | set(_PLACEHOLDER.findall(body))
    return {
        "sid": sid,
        "name": content.get("friendly_name") or approval.get("name") or sid,
        "language": content.get("language") or "",
        "category": approval.get("category") or "",
        "body": body,
        "variables": {key: "" if examples.get(key) is None else str(examples[key])
                      for key in sorted(keys, key=_variable_order)},
    }


async def _fetch(settings: Settings) -> list[dict]:
    contents = await content_list(settings=settings, resource="ContentAndApprovals")
    templates = [t for t in (template_json(c) for c in contents) if t is not None]
    return sorted(templates, key=lambda t: (t["name"].casefold(), t["sid"]))


async def approved_templates(*, settings: Settings, refresh: bool = False) -> tuple[list[dict], bool]:
    """The account's approved WhatsApp templates and whether they are a stale copy (Twilio
    failed, the last list is served). Fresh from the cache for CACHE_SECONDS unless `refresh`."""
    if not (settings.twilio_account_sid and settings.twilio_auth_token):
        raise TwilioNotConfiguredError()
    cache, key = _cache(), _key(settings)
    lock = cache.locks.setdefault(key, asyncio.Lock())
    async with lock:
        entry = cache.entries.get(key)
        if entry is not None and not refresh and entry.expires > time.monotonic():
            return entry.templates, False
        try:
            templates = await _fetch(settings)
        except TwilioError as error:
            failure = error
        else:
            cache.entries[key] = _Entry(templates, time.monotonic() + CACHE_SECONDS)
            return templates, False
    # The error's text holds only Twilio's status and code, never a credential or the SID.
    log.warning("WhatsApp templates not listed: %s%s", failure, "; the last list is served" if entry else "")
    if entry is not None:
        return entry.templates, True
    # Raised out here, not inside the except: the network error must not ride along as the
    # context, where the GET retry of server/outages.py takes a refused connection for the
    # database's and tries again for seconds.
    if isinstance(failure, TwilioRefusedError):
        raise TemplatesRefusedError(TemplatesRefusedError.default_message.format(status=failure.status))
    raise TemplatesUnavailableError()


def fill(body: str, variables: dict[str, str] | None) -> str:
    """The template's text with the values given in place of their {{n}}; a placeholder without
    a value stays as it is."""
    values = variables or {}
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), body)


def sent_text(*, settings: Settings, content_sid: str, variables: dict[str, str] | None) -> str:
    """What a template send says, from the cached list (no request to Twilio: the agent picked it
    from that list a moment ago); "" for a template not in it."""
    entry = _cache().entries.get(_key(settings))
    template = next((t for t in entry.templates if t["sid"] == content_sid), None) if entry else None
    return fill(template["body"], variables) if template else ""
