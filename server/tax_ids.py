"""Israeli tax ids (ח.פ. of a company, ע.מ. of a licensed dealer, ת.ז. of a person): nine
digits, the last a check digit (each digit times 1, 2, 1, 2, ..., the digits of each product
summed, the total a multiple of ten). Shorter ids are written without their leading zeros."""

from __future__ import annotations

from server.errors import APIError

LENGTH = 9


def valid_tax_id(digits: str) -> bool:
    if len(digits) != LENGTH or not digits.isdigit() or digits == "0" * LENGTH:
        return False
    total = 0
    for index, digit in enumerate(digits):
        product = int(digit) * (1 + index % 2)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def checked_tax_id(value: str | None) -> str:
    """The id as nine digits ("" for none); a 422 `invalid_tax_id` for what is not one. Dashes
    and spaces, as people type them, are dropped."""
    text = "".join(ch for ch in (value or "") if ch not in " -")
    if not text:
        return ""
    if not text.isdigit() or len(text) > LENGTH or not valid_tax_id(text.zfill(LENGTH)):
        raise APIError(422, "invalid_tax_id", "not a valid Israeli tax id (9 digits with a check digit)")
    return text.zfill(LENGTH)
