"""Twilio's webhooks answer in TwiML whatever goes wrong.

Twilio acts on a webhook's answer only when it is TwiML with a 2xx status. Anything else on a
voice webhook (a 500, a JSON error) makes the caller hear Twilio's "an application error has
occurred" and hang up; so every error there, bad input or our own fault, answers 200 with an
apology in Hebrew and a hangup. A WhatsApp webhook has nobody listening: it answers the empty
`<Response/>` with the error's status (4xx for bad input, 500 for our own fault, which a
retry policy can retry and Twilio's debugger shows).

Two answers stay as the app gives them, because they answer a request that is not Twilio's:
a bad signature's 403, and the unsigned-request throttle's 429 (found by Flask's handler
lookup before any blueprint's, as a handler for its own status).
"""

from __future__ import annotations

import logging

from quart import Blueprint, Response, request
from werkzeug.exceptions import HTTPException

from server.errors import APIError, error_response
from server.telephony.twiml import no_reply, say_and_hang_up_text, twiml_text

log = logging.getLogger("agentlocator.webhooks")

SORRY_HE = "מצטערים, אירעה תקלה. אנא נסו שוב מאוחר יותר"


def answer_errors_in_twiml(bp: Blueprint, *, voice: bool) -> None:
    """Every error a view of `bp` raises is answered as this module says."""

    @bp.errorhandler(Exception)
    async def _in_twiml(error: Exception):
        if isinstance(error, APIError) and error.status == 403:
            return error_response(error.status, error.code, error.message, **error.details)
        if isinstance(error, APIError | HTTPException):
            status = error.status if isinstance(error, APIError) else error.code or 400
            log.warning("webhook %s refused (%s): %s", request.path, status, error)
        else:
            status = 500
            log.exception("webhook %s failed", request.path)
        if voice:
            return twiml_text(say_and_hang_up_text(SORRY_HE))
        answer: Response = no_reply()
        answer.status_code = status
        return answer
