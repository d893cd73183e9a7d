"""The business's greeting, as its admins set it: an uploaded MP3, or Hebrew text rendered to
speech (previewed first, then installed)."""

from datetime import timedelta

from quart import Blueprint, Response, current_app, g, request
from quart_rate_limiter import rate_limit
from quart_schema import document_response, tag_blueprint, validate_request, validate_response

from server.audit.service import record
from server.auth.current import admin_required
from server.businesses.models import Business
from server.businesses.service import NOTICE_NAME, reset_notice
from server.businesses.settings import business_json
from server.errors import APIError, ErrorResponse, domain_errors
from server.greetings.base import SpeechFailedError, SpeechUnavailableError
from server.greetings.engines import engine_for
from server.greetings.schemas import GreetingOut, GreetingText, TextGreetingOut
from server.greetings.service import install_text_greeting, render, upload_greeting
from server.openapi import MP3, NO_CONTENT

bp = Blueprint("greetings", __name__)
tag_blueprint(bp, ["business"])

# A spoken greeting at 128 kbps is about 1 MB a minute: 5 MB is several minutes, more than any
# greeting, and Twilio fetches the whole file before the caller hears a word.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Each render costs Google money or a core of espeak-ng for a second: enough for an admin
# trying wordings, not for a script.
RENDERS_PER_MINUTE = 30
SPEECH_ERRORS = {SpeechFailedError: 502, SpeechUnavailableError: 503}


def _settings():
    return current_app.config["SETTINGS"]


async def _upload(limit: int) -> bytes:
    """The request body, refused with a JSON 413 as soon as it is over `limit` (read in chunks,
    so a body sent without a Content-Length cannot grow past it either)."""
    too_large = APIError(413, "too_large", f"a greeting is limited to {limit // (1024 * 1024)} MB")
    if (request.content_length or 0) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.body:
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def _renders(view):
    """A route that renders text to speech: admins only (checked before the body), the text
    validated, a bounded rate, and the engine's failures in the one error shape (502, 503)."""
    view = domain_errors(SPEECH_ERRORS)(view)
    view = validate_request(GreetingText)(view)
    view = admin_required(view)
    return rate_limit(RENDERS_PER_MINUTE, timedelta(minutes=1))(view)


async def _answer(duration: float, **extra) -> dict:
    """GET /api/business's answer, plus what was just installed."""
    business = await Business.get(id=g.user.business_id)
    return {**business_json(business, settings=_settings()), "greeting_duration": round(duration, 2), **extra}


async def _put_mp3(*, closed: bool) -> dict:
    if request.mimetype != "audio/mpeg":
        raise APIError(415, "unsupported_media_type", "send the greeting as audio/mpeg")
    duration = await upload_greeting(media_root=_settings().media_root, business_id=g.user.business_id,
                                     audio=await _upload(MAX_UPLOAD_BYTES), closed=closed)
    return await _answer(duration)


@bp.put("/api/business/greeting")
@admin_required
@validate_response(GreetingOut)
@document_response(ErrorResponse, 413)
@document_response(ErrorResponse, 415)
async def put_greeting():
    return await _put_mp3(closed=False)


@bp.put("/api/business/closed_greeting")
@admin_required
@validate_response(GreetingOut)
@document_response(ErrorResponse, 413)
@document_response(ErrorResponse, 415)
async def put_closed_greeting():
    """What callers hear outside opening hours (a ring_agents business)."""
    return await _put_mp3(closed=True)


@bp.post("/api/business/greeting/preview")
@_renders
@document_response(MP3)
async def preview_greeting(data: GreetingText):
    rendered = await render(engine=engine_for(_settings()), text=data.text)
    return Response(rendered.audio, mimetype="audio/mpeg",
                    headers={"Cache-Control": "no-store", "X-Greeting-Engine": rendered.engine})


@bp.put("/api/business/greeting/text")
@validate_response(TextGreetingOut)
@_renders
async def put_greeting_text(data: GreetingText):
    rendered = await install_text_greeting(media_root=_settings().media_root, business_id=g.user.business_id,
                                           engine=engine_for(_settings()), text=data.text)
    return await _answer(rendered.duration, greeting_engine=rendered.engine)


@bp.put("/api/business/closed_greeting/text")
@validate_response(TextGreetingOut)
@_renders
async def put_closed_greeting_text(data: GreetingText):
    rendered = await install_text_greeting(media_root=_settings().media_root, business_id=g.user.business_id,
                                           engine=engine_for(_settings()), text=data.text, closed=True)
    return await _answer(rendered.duration, greeting_engine=rendered.engine)


@bp.put("/api/business/recording_notice/text")
@validate_response(TextGreetingOut)
@_renders
async def put_recording_notice_text(data: GreetingText):
    """The business's own wording of the recording notice callers hear after the greeting. It
    can be reworded, never emptied: only `recording_notice: false` (PATCH /api/business) turns
    it off."""
    rendered = await install_text_greeting(media_root=_settings().media_root, business_id=g.user.business_id,
                                           engine=engine_for(_settings()), text=data.text, name=NOTICE_NAME)
    await record(action="settings.recording_notice", user=g.user, target_type="business",
                 target_id=g.user.business_id, details={"wording": "own"})
    return await _answer(rendered.duration, greeting_engine=rendered.engine)


@bp.delete("/api/business/recording_notice/text")
@admin_required
@document_response(NO_CONTENT, 204)
async def delete_recording_notice_text():
    """Back to the default wording."""
    await reset_notice(media_root=_settings().media_root, business_id=g.user.business_id)
    await record(action="settings.recording_notice", user=g.user, target_type="business",
                 target_id=g.user.business_id, details={"wording": "default"})
    return "", 204
