"""Twilio's voice webhooks: each writes a row, maybe enqueues a job, and answers in
milliseconds. Slow work (download, transcription) happens in jobs."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from quart import Blueprint, Response, current_app, request
from quart_schema import document_response, tag_blueprint

from server.businesses.call_settings import call_settings
from server.businesses.service import business_id_for_number
from server.calls import callbacks, routing, service
from server.calls.outbound import DIRECTION
from server.messages import followup
from server.openapi import TEXT, TWIML
from server.outages import rides_out_outages
from server.public_url import request_base_url
from server.telephony.errors import answer_errors_in_twiml
from server.telephony.form import form_sid, integer, row_id, text
from server.telephony.signature import twilio_signed
from server.telephony.twiml import (
    CUSTOMER_DID_NOT_ANSWER_HE,
    THANK_YOU_HE,
    UNKNOWN_NUMBER_HE,
    hang_up_text,
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
    call = None
    if call_sid := form_sid(form, "CallSid", "CA"):
        call = await service.call_for_webhook(
            business_id=business_id, call_sid=call_sid, from_number=text(form.get("From")),
            to_number=text(form.get("To")), direction=text(form.get("Direction", "inbound")),
            status=text(form.get("CallStatus", "ringing")),
        )
    return await routing.answer_for(business_id, call, base_url=base_url, media_root=media_root)


@bp.post("/dial_status")
@document_response(TWIML)
@twilio_signed
@rides_out_outages
async def dial_status():
    """Twilio's <Dial> action: the agents' phones (inbound) or the customer's (a click-to-call
    call-back) stopped ringing."""
    form = await request.form
    settings = current_app.config["SETTINGS"]
    status = text(form.get("DialCallStatus"))
    call_sid = form_sid(form, "CallSid", "CA")
    call = await service.call_by_sid(call_sid) if call_sid else None
    if call is not None and call.direction == DIRECTION:
        if status in routing.ANSWERED:
            await callbacks.reached(call=call)
            return twiml_text(hang_up_text())
        return say_and_hang_up(CUSTOMER_DID_NOT_ANSWER_HE)
    if call is None:
        business_id = await business_id_for_number(form.get("To"))
        if business_id is None:
            return say_and_hang_up(UNKNOWN_NUMBER_HE)
        return twiml_text(routing.greeting_twiml(base_url=request_base_url(), media_root=settings.media_root,
                                                 settings=await call_settings(business_id)))
    found = await call_settings(call.business_id)
    return twiml_text(await routing.dial_finished(call, status=status, base_url=request_base_url(),
                                                  media_root=settings.media_root, settings=found))


@bp.post("/dial_answered")
@document_response(TWIML)
@twilio_signed
@rides_out_outages
async def dial_answered():
    """An agent picked up (the url of their <Number>): `?call=<id>&user=<id>`."""
    return twiml_text(await routing.agent_picked_up(call_id=row_id(request.args.get("call")),
                                                    user_id=row_id(request.args.get("user"))))


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
        if status in routing.CALL_OVER and (call := await service.call_by_sid(call_sid)) is not None:
            await routing.call_ended(call)
    return Response("OK", status=200, content_type="text/plain; charset=utf-8")
