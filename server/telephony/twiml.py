"""The one TwiML builder: twilio's VoiceResponse / MessagingResponse, answered as text/xml."""

from __future__ import annotations

from functools import lru_cache

from quart import Response
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

THANK_YOU_HE = "תודה, קיבלנו את ההודעה"
UNKNOWN_NUMBER_HE = "המספר שחייגתם אינו פעיל כרגע. תודה ולהתראות"
CUSTOMER_DID_NOT_ANSWER_HE = "הלקוח לא ענה. נסו שוב מאוחר יותר"


CONTENT_TYPE = "text/xml; charset=utf-8"


def twiml(document) -> Response:
    return twiml_text(str(document))


def twiml_text(text: str) -> Response:
    return Response(text, status=200, content_type=CONTENT_TYPE)


# Every call to a business gets the same document: built once (a few per business), not per call.
@lru_cache(maxsize=1024)
def greet_and_record_text(*, greeting_url: str, action: str, notice_url: str | None = None) -> str:
    """The greeting, the recording notice (that the message is recorded, and why; None when an
    admin turned it off), a pause and the recording."""
    response = VoiceResponse()
    response.play(greeting_url)
    if notice_url:
        response.play(notice_url)
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
    return str(response)


def say_and_hang_up(text: str) -> Response:
    return twiml_text(say_and_hang_up_text(text))


@lru_cache(maxsize=64)
def say_and_hang_up_text(text: str) -> str:
    response = VoiceResponse()
    response.say(text, language="he-IL")
    response.hangup()
    return str(response)


def no_reply() -> Response:
    """`<Response/>`: a message received, nothing sent back from the webhook."""
    return twiml(MessagingResponse())


def dial_agents_text(*, numbers: list[tuple[str, str]], timeout: int, action: str, caller_id: str | None) -> str:
    """Ring every (agent's phone, its answer URL) together for `timeout` seconds; Twilio posts
    the outcome to `action`, and fetches an agent's answer URL the moment that agent picks up."""
    response = VoiceResponse()
    dial = response.dial(action=action, method="POST", timeout=timeout, caller_id=caller_id or None)
    for number, answer_url in numbers:
        dial.number(number, url=answer_url, method="POST")
    return str(response)


def hang_up_text() -> str:
    response = VoiceResponse()
    response.hangup()
    return str(response)


def say_text(text: str) -> str:
    """What the agent who picked up hears before the caller is put through."""
    response = VoiceResponse()
    response.say(text, language="he-IL")
    return str(response)
