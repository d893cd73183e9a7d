"""What counts as the database being away (server/outages.py): only that is ridden out."""

import httpx
import pytest

from server.outages import database_unavailable


def raised(make):
    try:
        make()
    except Exception as error:  # noqa: BLE001 - the error is what is looked at
        return error
    raise AssertionError("nothing was raised")


def test_a_refused_database_connection_is_an_outage():
    def refused():
        try:
            raise ConnectionRefusedError(111, "Connection refused")
        except ConnectionRefusedError as error:
            raise RuntimeError("the ORM's own wrapper") from error

    assert database_unavailable(raised(refused))


def test_an_outbound_request_that_could_not_connect_is_not_an_outage():
    """httpx wraps the socket's ConnectionRefusedError: Twilio or Google being away must not hold a
    request for seconds as if the database were."""
    def twilio_away():
        with httpx.Client(timeout=2) as client:
            client.get("http://127.0.0.1:9/")  # the discard port: nothing listens on loopback

    error = raised(twilio_away)
    assert isinstance(error, httpx.ConnectError)
    assert not database_unavailable(error)


@pytest.mark.parametrize("suppressed", [True, False])
def test_an_error_raised_from_none_does_not_carry_what_it_was_raised_in(suppressed):
    def wrapped():
        try:
            raise ConnectionRefusedError(111, "Connection refused")
        except ConnectionRefusedError:
            if suppressed:
                raise ValueError("a clear error of our own") from None
            raise ValueError("a clear error of our own")  # noqa: B904 - the implicit context is the point

    assert database_unavailable(raised(wrapped)) is not suppressed
