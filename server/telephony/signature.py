"""The one check that a webhook really comes from Twilio.

The URL signed is `PUBLIC_HOST` + path + the raw query string: never `request.url`, which
decodes percent-escapes (Hebrew query strings would fail), and never the Host header, which a
proxy rewrites. The result is kept on `g`, so the rate limiter's skip check and the view share
one HMAC computation.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import lru_cache, wraps

from quart import current_app, g, request
from quart_rate_limiter import rate_limit
from twilio.request_validator import (
    SIGNATURE_HEADER,
    SIGNATURE_SETTINGS_HEADER,
    RequestValidator,
    get_signature_algorithm,
)

from server.errors import APIError
from server.telephony.form import refusal

log = logging.getLogger("agentlocator.telephony")


def signed_url(public_base_url: str, path: str, query_string: bytes) -> str:
    url = public_base_url + path
    if query_string:
        url += "?" + query_string.decode("latin-1")
    return url


@lru_cache(maxsize=4)
def _validator(token: str) -> RequestValidator:
    return RequestValidator(token)


def signature_matches(token: str, url: str, params, signature: str, signature_settings: str | None) -> bool:
    """True when `signature` (X-Twilio-Signature) is Twilio's for this URL and form."""
    algorithm = get_signature_algorithm(signature_settings)
    return bool(signature) and _validator(token).validate(url, params, signature, algorithm)


async def signature_is_valid() -> bool:
    if "twilio_signature_ok" in g:
        return g.twilio_signature_ok
    settings = current_app.config["SETTINGS"]
    if not settings.signatures_enforced:
        ok = True
    else:
        url = signed_url(settings.public_base_url, request.path, request.query_string)
        ok = signature_matches(settings.twilio_auth_token, url, await request.form,
                               request.headers.get(SIGNATURE_HEADER, ""),
                               request.headers.get(SIGNATURE_SETTINGS_HEADER))
        if not ok:
            log.warning("rejected webhook with a bad signature: %s %s", request.method, request.path)
    g.twilio_signature_ok = ok
    return ok


def twilio_signed(view):
    """403 before the view runs, so an unsigned request writes and enqueues nothing; and
    unsigned requests are throttled per source IP. A signed form no Twilio request carries
    (server/telephony/form.refusal: a value too long for its field) is a 400 before the view
    runs too, so nothing is half-written."""

    @throttle_unsigned
    @wraps(view)
    async def wrapper(*args, **kwargs):
        if not await signature_is_valid():
            raise APIError(403, "bad_signature", "the request is not signed by Twilio")
        if problem := refusal(await request.form):
            raise APIError(400, "bad_twilio_form", problem)
        return await view(*args, **kwargs)

    return wrapper


async def _skip_when_signed() -> bool:
    return await signature_is_valid()


# Twilio counts a 429 as a failed webhook: per source IP, only what fails the signature counts.
BAD_SIGNATURES_PER_MINUTE = 30
throttle_unsigned = rate_limit(BAD_SIGNATURES_PER_MINUTE, timedelta(minutes=1), skip_function=_skip_when_signed)
