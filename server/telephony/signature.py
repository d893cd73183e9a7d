"""The one check that a webhook really comes from Twilio.

The URL signed is `PUBLIC_HOST` + path + the raw query string: never `request.url`, which
decodes percent-escapes (Hebrew query strings would fail), and never the Host header, which a
proxy rewrites. The result is kept on `g`, so the rate limiter's skip check and the view share
one HMAC computation.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import wraps

from quart import current_app, g, request
from quart_rate_limiter import rate_limit
from twilio.request_validator import (
    SIGNATURE_HEADER,
    SIGNATURE_SETTINGS_HEADER,
    RequestValidator,
    get_signature_algorithm,
)

from server.errors import APIError

log = logging.getLogger("agentlocator.telephony")


def signed_url() -> str:
    settings = current_app.config["SETTINGS"]
    url = settings.public_base_url + request.path
    if request.query_string:
        url += "?" + request.query_string.decode("latin-1")
    return url


async def signature_is_valid() -> bool:
    if "twilio_signature_ok" in g:
        return g.twilio_signature_ok
    settings = current_app.config["SETTINGS"]
    if not settings.signatures_enforced:
        ok = True
    else:
        signature = request.headers.get(SIGNATURE_HEADER, "")
        algorithm = get_signature_algorithm(request.headers.get(SIGNATURE_SETTINGS_HEADER))
        params = await request.form
        validator = RequestValidator(settings.twilio_auth_token)
        ok = bool(signature) and validator.validate(signed_url(), params, signature, algorithm)
        if not ok:
            log.warning("rejected webhook with a bad signature: %s %s", request.method, request.path)
    g.twilio_signature_ok = ok
    return ok


def twilio_signed(view):
    """403 before the view runs, so an unsigned request writes and enqueues nothing; and
    unsigned requests are throttled per source IP."""

    @throttle_unsigned
    @wraps(view)
    async def wrapper(*args, **kwargs):
        if not await signature_is_valid():
            raise APIError(403, "bad_signature", "the request is not signed by Twilio")
        return await view(*args, **kwargs)

    return wrapper


async def _skip_when_signed() -> bool:
    return await signature_is_valid()


# Twilio counts a 429 as a failed webhook: per source IP, only what fails the signature counts.
BAD_SIGNATURES_PER_MINUTE = 30
throttle_unsigned = rate_limit(BAD_SIGNATURES_PER_MINUTE, timedelta(minutes=1), skip_function=_skip_when_signed)
