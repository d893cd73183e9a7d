"""Phone numbers: everything is stored in E.164; Israeli local formats are accepted."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "IL"


# Pure and called on every webhook (the business's own `To` number above all): remembered.
@lru_cache(maxsize=4096)
def to_e164(raw: str | None, region: str = DEFAULT_REGION) -> str | None:
    """`054-123-4567`, `0541234567` and `+972 54 123 4567` all give `+972541234567`.

    None for what is not a phone number (Twilio's "Anonymous", "client:...", empty).
    A number only has to be *possible*: phonenumbers' metadata lags new Israeli ranges, and a
    customer's real number must never be refused for that.
    """
    if not raw:
        return None
    text = raw.strip()
    if text.startswith("whatsapp:"):
        text = text[len("whatsapp:"):]
    if not any(ch.isdigit() for ch in text):
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Israel's two everyday shapes, read straight off E.164 (every row of a list or an export, and
# every new caller's name, comes through here): mobiles and 07x numbers (nine national digits,
# 05x/07x) and geographic landlines (eight, 02/03/04/08/09).
_MOBILE = re.compile(r"\+972([57]\d)(\d{3})(\d{4})")
_LANDLINE = re.compile(r"\+972([2-489])(\d{3})(\d{4})")


def national(e164: str) -> str:
    """How an Israeli agent writes the number: `054-123-4567`, `03-555-0100`.

    The one phone formatter of the server: the API's `*_display` fields, the CSV and the PDF
    all show what this returns. Other shapes (1-800, foreign numbers) go to phonenumbers.
    """
    match = _MOBILE.fullmatch(e164) or _LANDLINE.fullmatch(e164)
    if match:
        return f"0{match[1]}-{match[2]}-{match[3]}"
    return _unusual(e164)


@lru_cache(maxsize=1024)
def _unusual(text: str) -> str:
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return text  # "Anonymous", a SIP address: shown as it came
    # A number phonenumbers can place reads as it is dialled at home (1-800-123-456); one it
    # can't stays international, so what is shown still dials ("+972 5012345678", not "5012345678").
    if number.country_code == 972 and phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
