"""Twilio's voice webhooks: each writes a row, maybe enqueues a job, and answers in
milliseconds. Slow work (download, transcription) happens in jobs."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from quart import Blueprint, Response, current_app, request
from quart_schema import document_response, tag_blueprint

from server.businesses.service import business_id_for_number, greeting_path
from server.calls import service
from server.messages import followup
from server.openapi import TEXT, TWIML
from server.outages import rides_out_outages
from server.public_url import request_base_url
from server.telephony.errors import answer_errors_in_twiml
from server.telephony.form import form_sid, integer, text
from server.telephony.signature import twilio_signed
from server.telephony.twiml import (
    THANK_YOU_HE,
    UNKNOWN_NUMBER_HE,
    greet_and_record_text,
    say_and_hang_up,
    say_and_hang_up_text,
    twiml_text,
)

bp = Blueprint("voice_webhooks", __name__, url_prefix="/webhook")
tag_blueprint(bp, ["webhooks"])
answer_errors_in_twiml(bp, voice=True)  # whatever goes wrong, Twilio gets TwiML
log = logging.getLogger("agentlocator.webhooks")


@bp.post("/incoming_call")
@document_response(TWIML)
@twilio_signed
@rides_out_outages
async def incoming_call():
    settings = current_app.config["SETTINGS"]
    return twiml_text(await answer_incoming_call(await request.form, base_url=request_base_url(),
                                                 media_root=settings.media_root))


async def answer_incoming_call(form: Mapping[str, str], *, base_url: str, media_root: Path) -> str:
    """The TwiML for a call that has just come in, after filing it (and its caller) under the
    business that owns the number called. The route above and the fast path
    (server/telephony/fast_path.py) both answer through here."""
    business_id = await business_id_for_number(form.get("To"))
    if business_id is None:
        log.error("call to a number no business owns: %s", form.get("To"))
        return say_and_hang_up_text(UNKNOWN_NUMBER_HE)
    if call_sid := form_sid(form, "CallSid", "CA"):
        await service.call_for_webhook(
            business_id=business_id, call_sid=call_sid, from_number=text(form.get("From")),
            to_number=text(form.get("To")), direction=text(form.get("Direction", "inbound")),
            status=text(form.get("CallStatus", "ringing")),
        )
    return greet_and_record_text(greeting_url=base_url + greeting_path(media_root, business_id),
                                 action="/webhook/handle_recording")


@bp.post("/handle_recording")
@document_response(TWIML)
@twilio_signed
@rides_out_outages
async def handle_recording():
    form = await request.form
    call_sid, recording_sid = form_sid(form, "CallSid", "CA"), form_sid(form, "RecordingSid", "RE")
    recording_url = text(form.get("RecordingUrl"))
    business_id = await business_id_for_number(form.get("To"))
    if business_id and call_sid and recording_sid and recording_url:
        call = await service.call_for_webhook(
            business_id=business_id, call_sid=call_sid, from_number=text(form.get("From")),
            to_number=text(form.get("To")), status=text(form.get("CallStatus", "in-progress")),
        )
        await service.attach_recording(
            call=call, recording_sid=recording_sid, recording_url=recording_url,
            recording_duration=integer(form.get("RecordingDuration")),
        )
    return say_and_hang_up(THANK_YOU_HE)


@bp.post("/call_status")
@document_response(TEXT)
@twilio_signed
@rides_out_outages
async def call_status():
    form = await request.form
    call_sid, status = form_sid(form, "CallSid", "CA"), text(form.get("CallStatus"))
    if call_sid and status:
        moved = await service.advance_status(call_sid=call_sid, status=status,
                                             duration=integer(form.get("CallDuration")))
        if moved:
            await followup.schedule(call_sid=call_sid, status=status)
    return Response("OK", status=200, content_type="text/plain; charset=utf-8")
