"""The audio callers hear. Public (Twilio fetches it), `audio/mpeg`, Range-capable."""

from pathlib import Path

from quart import Blueprint, current_app, send_file
from quart_schema import document_response, tag_blueprint

from server.businesses.service import NOTICE_NAME, greeting_file
from server.errors import APIError
from server.openapi import MP3

bp = Blueprint("voice_responses", __name__, url_prefix="/server/static/voice_responses")
tag_blueprint(bp, ["webhooks"])
STATIC = Path(__file__).resolve().parent.parent / "static" / "voice_responses"
WELCOME = STATIC / "welcome.mp3"
CLOSED = STATIC / "closed.mp3"
NOTICE = STATIC / "recording_notice.mp3"


async def _mp3(path: Path):
    if not path.is_file():
        raise APIError(404, "not_found", "no such greeting")
    response = await send_file(path, mimetype="audio/mpeg", conditional=True)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


@bp.route("/welcome.mp3", methods=["GET", "HEAD"])
@document_response(MP3)
async def welcome():
    return await _mp3(WELCOME)


@bp.route("/closed.mp3", methods=["GET", "HEAD"])
@document_response(MP3)
async def closed_default():
    return await _mp3(CLOSED)


@bp.route("/<int:business_id>/greeting.mp3", methods=["GET", "HEAD"])
@document_response(MP3)
async def greeting(business_id: int):
    return await _mp3(greeting_file(current_app.config["SETTINGS"].media_root, business_id))


@bp.route("/<int:business_id>/closed.mp3", methods=["GET", "HEAD"])
@document_response(MP3)
async def closed(business_id: int):
    return await _mp3(greeting_file(current_app.config["SETTINGS"].media_root, business_id, closed=True))


@bp.route("/recording_notice.mp3", methods=["GET", "HEAD"])
@document_response(MP3)
async def notice_default():
    return await _mp3(NOTICE)


@bp.route("/<int:business_id>/notice.mp3", methods=["GET", "HEAD"])
@document_response(MP3)
async def notice(business_id: int):
    return await _mp3(greeting_file(current_app.config["SETTINGS"].media_root, business_id, name=NOTICE_NAME))
