"""Phone numbers: everything is stored in E.164; Israeli local formats are accepted."""

from __future__ import annotations

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


def national(e164: str) -> str:
    """How an Israeli agent writes the number: `054-123-4567`."""
    # An Israeli E.164 number's national digits are what follows +972: no parse needed (every
    # new caller's name, and every row of a list or an export, comes through here).
    if e164.startswith("+972") and e164[4:].isdigit():
        return _israeli(str(int(e164[4:])))
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code != 972:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return _israeli(str(number.national_number))


def _israeli(national_number: str) -> str:
    digits = "0" + national_number
    if len(digits) == 10:  # mobile and 07x numbers
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"
