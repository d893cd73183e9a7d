"""Reference app for bench/webhooks.py: the incoming_call webhook as a plain Flask app.

The same Twilio signature check and the same TwiML as our server, with no database. The
benchmark runs it under gunicorn's sync worker (2 workers) and under a gevent worker
(1 worker, the brief's production command), e.g.

    PUBLIC_HOST=http://127.0.0.1:18081 TWILIO_AUTH_TOKEN=... \
        gunicorn -w 2 -k sync --backlog 2048 -b 127.0.0.1:18081 bench.reference_flask:app
"""

import os

from flask import Flask, Response, request
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import VoiceResponse

PUBLIC_HOST = os.environ["PUBLIC_HOST"].rstrip("/")
validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])

app = Flask(__name__)


def _signed_url() -> str:
    # The URL Twilio signed: the public host, the path and the raw (still encoded) query
    # string. Not request.url, which decodes percent-escapes.
    url = PUBLIC_HOST + request.path
    if request.query_string:
        url += "?" + request.query_string.decode("latin-1")
    return url


@app.post("/webhook/incoming_call")
def incoming_call() -> Response:
    signature = request.headers.get("X-Twilio-Signature", "")
    if not validator.validate(_signed_url(), request.form, signature):
        return Response("Forbidden", status=403, content_type="text/plain")
    twiml = VoiceResponse()
    twiml.play(f"{PUBLIC_HOST}/server/static/voice_responses/welcome.mp3")
    twiml.pause(length=1)
    twiml.record(
        action="/webhook/handle_recording",
        method="POST",
        max_length=30,
        timeout=5,
        finish_on_key="*",
        transcribe=False,
    )
    return Response(str(twiml), content_type="text/xml")
