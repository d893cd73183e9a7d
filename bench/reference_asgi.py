"""Floor reference for bench/webhooks.py: the incoming_call webhook as a bare ASGI app.

What Hypercorn itself allows on this machine: the same Twilio signature check and the same
TwiML as bench/reference_flask.py, no framework and no database, served by the same command
as our server (`hypercorn --workers 2 --backlog 2048`). Our server can at best come near it.

    PUBLIC_HOST=http://127.0.0.1:18082 TWILIO_AUTH_TOKEN=... \
        hypercorn --workers 2 --backlog 2048 -b 127.0.0.1:18082 bench.reference_asgi:app
"""

import os
from urllib.parse import parse_qsl

from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import VoiceResponse

PUBLIC_HOST = os.environ["PUBLIC_HOST"].rstrip("/")
validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])


def _twiml() -> bytes:
    twiml = VoiceResponse()
    twiml.play(f"{PUBLIC_HOST}/server/static/voice_responses/welcome.mp3")
    twiml.pause(length=1)
    twiml.record(action="/webhook/handle_recording", method="POST", max_length=30, timeout=5,
                 finish_on_key="*", transcribe=False)
    return str(twiml).encode()


async def _body(receive) -> bytes:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


async def _answer(send, status: int, content_type: bytes, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    if scope["path"] != "/webhook/incoming_call" or scope["method"] != "POST":
        return await _answer(send, 404, b"text/plain", b"Not Found")
    form = dict(parse_qsl((await _body(receive)).decode(), keep_blank_values=True))
    signature = dict(scope["headers"]).get(b"x-twilio-signature", b"").decode("latin-1")
    url = PUBLIC_HOST + scope["path"]
    if scope["query_string"]:
        url += "?" + scope["query_string"].decode("latin-1")
    if not validator.validate(url, form, signature):
        return await _answer(send, 403, b"text/plain", b"Forbidden")
    # Built per request, as the Flask reference does.
    await _answer(send, 200, b"text/xml", _twiml())
