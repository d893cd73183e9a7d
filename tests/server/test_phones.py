"""`server.phones.national`, the server's one phone formatter: every shape an Israeli office
sees, and the unusual ones handed to phonenumbers instead of being split by length."""

import pytest

from server.phones import national, to_e164


@pytest.mark.parametrize(("e164", "shown"), [
    ("+972541234567", "054-123-4567"),  # a mobile phonenumbers' metadata does not know yet
    ("+972521234567", "052-123-4567"),
    ("+972732345678", "073-234-5678"),  # 07x
    ("+97235550100", "03-555-0100"),
    ("+97225555555", "02-555-5555"),
    ("+97248123456", "04-812-3456"),
    ("+97289123456", "08-912-3456"),
    ("+97297123456", "09-712-3456"),
    ("+9721800123456", "1-800-123-456"),  # not "01-800-123456"
    ("+9721700500500", "1-700-500-500"),
    ("+14155550100", "+1 415-555-0100"),
    ("+442071838750", "+44 20 7183 8750"),
    ("+9725012345678", "+972 5012345678"),  # too long for Israel: shown whole, still dialable
    ("Anonymous", "Anonymous"),
    ("", ""),
])
def test_every_shape_reads_as_it_is_dialled(e164, shown):
    assert national(e164) == shown


@pytest.mark.parametrize("typed", ["054-1234567", "0541234567", "+972 54 123 4567", "054-123-4567"])
def test_what_is_typed_comes_back_in_one_form(typed):
    assert national(to_e164(typed)) == "054-123-4567"
