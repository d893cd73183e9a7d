"""Twilio's `incoming_call`, answered straight off Hypercorn.

Every phone call starts with this request, and under load Quart's request machinery (the
request and response objects, the before/after hooks, the rate limiter's lookup) cost more
than the work itself. This ASGI layer sits outside the whole app and answers the plain case:
a form-encoded POST to /webhook/incoming_call with a valid Twilio signature. It files the call
through the same `answer_incoming_call` as the Quart route, with the same headers and the same
access line.

Everything else goes on to the full app with the body replayed, so the rules live in one
place: a bad or missing signature (403, and the throttle per source IP), a CORS request,
duplicate or odd form fields, a form no Twilio request carries (server/telephony/form.refusal)
or a NUL in the query (server/request_guard.py), a large body, and any error here (the call
is filed idempotently on CallSid, so the full app may safely file it again).
"""

from __future__ import annotations

import logging
import time
from urllib.parse import parse_qsl

from quart import Quart

from server.calls.webhooks import answer_incoming_call
from server.http_security import baseline_headers
from server.observability import log_request
from server.telephony.form import refusal
from server.telephony.signature import signature_matches, signed_url
from server.telephony.twiml import CONTENT_TYPE

log = logging.getLogger("agentlocator.webhooks")

PATH = "/webhook/incoming_call"
# Twilio's voice parameters come to about 1 kB: anything much larger is not a plain call.
MAX_BODY = 64 * 1024
_SIGNATURE = b"x-twilio-signature"
_SIGNATURE_SETTINGS = b"x-twilio-signature-settings"


def with_voice_fast_path(app, quart_app: Quart):
    """`app` with incoming_call answered in front of it; `app` itself when signatures are
    off (development), where the full app is all there is."""
    settings = quart_app.config["SETTINGS"]
    if not settings.signatures_enforced:
        return app
    headers = [(name.lower().encode(), value.encode()) for name, value in (
        ("Content-Type", CONTENT_TYPE), ("X-Revision", settings.app_rev), *baseline_headers(settings))]

    async def fast_path(scope, receive, send):
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            return await app(scope, receive, send)
        started = time.perf_counter()
        request_headers = dict(scope["headers"])
        if (b"origin" in request_headers or not _small(request_headers.get(b"content-length"))
                or not request_headers.get(b"content-type", b"").startswith(b"application/x-www-form-urlencoded")):
            return await app(scope, receive, send)
        body, disconnected = await _read_body(receive)
        if disconnected:
            return None
        replay = _replaying(body, receive)
        form = _plain_form(body)
        if form is None or refusal(form) or b"%00" in scope["query_string"]:
            return await app(scope, replay, send)
        url = signed_url(settings.public_base_url, scope["path"], scope["query_string"])
        signature = request_headers.get(_SIGNATURE, b"").decode("latin-1")
        signature_settings = request_headers.get(_SIGNATURE_SETTINGS)
        if not signature_matches(settings.twilio_auth_token, url, form, signature,
                                 signature_settings.decode("latin-1") if signature_settings else None):
            return await app(scope, replay, send)
        try:
            document = (await answer_incoming_call(form, base_url=settings.public_base_url,
                                                   media_root=settings.media_root)).encode()
        except Exception:  # noqa: BLE001 - the full app answers (and logs) as it would any error
            log.exception("incoming_call fast path failed: the full app answers instead")
            return await app(scope, replay, send)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [*headers, (b"content-length", str(len(document)).encode())]})
        await send({"type": "http.response.body", "body": document})
        log_request("POST", PATH, 200, CONTENT_TYPE, (time.perf_counter() - started) * 1000)
        return None

    return fast_path


def _small(content_length: bytes | None) -> bool:
    """A declared length within MAX_BODY (a chunked body, with none, goes to the full app)."""
    try:
        return content_length is not None and 0 <= int(content_length) <= MAX_BODY
    except ValueError:
        return False


async def _read_body(receive) -> tuple[bytes, bool]:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"", True
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks), False


def _replaying(body: bytes, receive):
    """A `receive` that hands the full app the body already read, then the real messages."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replay():
        return pending.pop() if pending else await receive()

    return replay


def _plain_form(body: bytes) -> dict[str, str] | None:
    """The form as a dict, or None when it is not plain UTF-8 with each field once (a
    repeated field is signed over all its values: the full app's MultiDict handles that)."""
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body),
                          errors="strict")
    except (UnicodeDecodeError, ValueError):
        return None
    form = dict(pairs)
    return form if len(form) == len(pairs) else None
