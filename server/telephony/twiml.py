"""The one TwiML builder: twilio's VoiceResponse / MessagingResponse, answered as text/xml."""

from __future__ import annotations

from quart import Response
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

THANK_YOU_HE = "תודה, קיבלנו את ההודעה"
UNKNOWN_NUMBER_HE = "המספר שחייגתם אינו פעיל כרגע. תודה ולהתראות"


def twiml(document) -> Response:
    return Response(str(document), status=200, content_type="text/xml; charset=utf-8")


def greet_and_record(*, greeting_url: str, action: str) -> Response:
    response = VoiceResponse()
    response.play(greeting_url)
    response.pause(length=1)
    response.record(
        action=action,
        method="POST",
        max_length=30,
        timeout=5,
        finish_on_key="*",
        transcribe=False,
        play_beep=True,
    )
    # <Record> falls through when the caller records nothing: end the call politely.
    response.hangup()
    return twiml(response)


def say_and_hang_up(text: str) -> Response:
    response = VoiceResponse()
    response.say(text, language="he-IL")
    response.hangup()
    return twiml(response)


def no_reply() -> Response:
    """`<Response/>`: a message received, nothing sent back from the webhook."""
    return twiml(MessagingResponse())
