"""A Twilio number's own configuration (the IncomingPhoneNumbers resource): what it should be
for this server, what drifted from that, and the two REST calls that read and mend it.

What a number can route past our URLs, and so is cleared here (Twilio: an empty value clears a
field): a fallback URL (the brief's own failure, a stale fallback to a dead host), a TwiML App
(`VoiceApplicationSid`/`SmsApplicationSid`: Twilio then ignores the number's URLs) and a SIP
trunk (`TrunkSid`: the same for voice). A Messaging Service (`SmsApplicationSid` MG...) is the
exception: it carries the account's sending set-up, so it is kept and reported instead, since
its own inbound URL wins over `SmsUrl` unless it defers to the sender's webhook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.config import Settings
from server.telephony.client import TwilioUnavailableError, account_get, account_post

# Twilio's form parameter, and the same field in its JSON.
VOICE_URL, VOICE_METHOD = "VoiceUrl", "VoiceMethod"
STATUS_CALLBACK, STATUS_CALLBACK_METHOD = "StatusCallback", "StatusCallbackMethod"
SMS_URL, SMS_METHOD = "SmsUrl", "SmsMethod"
SMS_APPLICATION_SID = "SmsApplicationSid"
FIELDS = {
    VOICE_URL: "voice_url", VOICE_METHOD: "voice_method", "VoiceFallbackUrl": "voice_fallback_url",
    "VoiceApplicationSid": "voice_application_sid", "TrunkSid": "trunk_sid",
    STATUS_CALLBACK: "status_callback", STATUS_CALLBACK_METHOD: "status_callback_method",
    SMS_URL: "sms_url", SMS_METHOD: "sms_method", "SmsFallbackUrl": "sms_fallback_url",
    SMS_APPLICATION_SID: "sms_application_sid",
}
METHODS = (VOICE_METHOD, STATUS_CALLBACK_METHOD, SMS_METHOD)
MESSAGING_SERVICE_PREFIX = "MG"
LIST = "IncomingPhoneNumbers.json"
NUMBER_SID = re.compile(r"PN[0-9a-fA-F]{32}")


@dataclass(frozen=True)
class Field:
    name: str  # Twilio's parameter, e.g. VoiceUrl
    now: str  # "" for empty (Twilio's null)
    wanted: str

    @property
    def drifts(self) -> bool:
        return self.now != self.wanted


def current(number: dict) -> dict[str, str]:
    """The managed fields as Twilio gave them; null as "", and a method as Twilio uses it: in
    upper case (it takes either), POST when unset (its default)."""
    values = {name: str(number.get(key) or "") for name, key in FIELDS.items()}
    return {name: (value.upper() or "POST") if name in METHODS else value for name, value in values.items()}


def wanted(*, public_base_url: str, now: dict[str, str]) -> dict[str, str]:
    """What each field must be for calls and messages to reach `public_base_url`'s webhooks."""
    base = public_base_url.rstrip("/")
    service = _service(now)
    return {
        VOICE_URL: f"{base}/webhook/incoming_call", VOICE_METHOD: "POST", "VoiceFallbackUrl": "",
        "VoiceApplicationSid": "", "TrunkSid": "",
        STATUS_CALLBACK: f"{base}/webhook/call_status", STATUS_CALLBACK_METHOD: "POST",
        SMS_URL: f"{base}/webhook/whatsapp", SMS_METHOD: "POST", "SmsFallbackUrl": "",
        SMS_APPLICATION_SID: service,
    }


def plan(*, number: dict, public_base_url: str) -> list[Field]:
    """Every managed field of Twilio's `number`, as it is and as it should be."""
    now = current(number)
    should = wanted(public_base_url=public_base_url, now=now)
    return [Field(name, now[name], should[name]) for name in FIELDS]


def _service(now: dict[str, str]) -> str:
    sid = now[SMS_APPLICATION_SID]
    return sid if sid.startswith(MESSAGING_SERVICE_PREFIX) else ""


def messaging_service(number: dict) -> str:
    """The Messaging Service (MG...) the number belongs to, or ""."""
    return _service(current(number))


async def find(*, settings: Settings, e164: str) -> dict | None:
    """The account's IncomingPhoneNumber for `e164` (Twilio's JSON), or None when the account
    has no such number (Twilio answers an empty list)."""
    page = await account_get(settings=settings, resource=LIST, params={"PhoneNumber": e164})
    listed = page.get("incoming_phone_numbers")
    if not isinstance(listed, list):
        raise TwilioUnavailableError("an answer without incoming_phone_numbers")
    found = [n for n in listed if isinstance(n, dict) and n.get("phone_number") == e164]
    if not found:
        return None
    # Its sid goes into the URL of the update: only Twilio's shape of one.
    if not NUMBER_SID.fullmatch(str(found[0].get("sid") or "")):
        raise TwilioUnavailableError("a number without a PN sid")
    return found[0]


async def update(*, settings: Settings, sid: str, form: dict[str, str]) -> dict:
    """Set these fields of the number `sid` (PN...); Twilio's JSON of the number after."""
    return await account_post(settings=settings, resource=f"IncomingPhoneNumbers/{sid}.json", form=form)
