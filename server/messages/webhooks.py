"""Twilio's WhatsApp webhooks: an inbound message and a delivery status. Each is signed like
every webhook, writes a row (and maybe a job), and answers in milliseconds."""

from __future__ import annotations

import logging

from quart import Blueprint, Response, request
from quart_schema import document_response, tag_blueprint

from server.businesses.service import business_id_for_number
from server.messages import service
from server.messages.media import media_entry
from server.openapi import NO_CONTENT, TWIML
from server.outages import rides_out_outages
from server.telephony.errors import answer_errors_in_twiml
from server.telephony.form import MESSAGE_SID_KINDS, form_sid, integer, text, whatsapp_address
from server.telephony.signature import twilio_signed
from server.telephony.twiml import no_reply

bp = Blueprint("whatsapp_webhooks", __name__, url_prefix="/webhook")
tag_blueprint(bp, ["webhooks"])
answer_errors_in_twiml(bp, voice=False)  # whatever goes wrong, Twilio gets TwiML
log = logging.getLogger("agentlocator.webhooks")


def _media(form) -> list[dict]:
    count = min(integer(form.get("NumMedia")) or 0, service.MAX_MEDIA)
    return [media_entry(text(form.get(f"MediaUrl{i}")), text(form.get(f"MediaContentType{i}"))) for i in range(count)]


@bp.post("/whatsapp")
@document_response(TWIML)
@twilio_signed
@rides_out_outages
async def whatsapp():
    form = await request.form
    message_sid = form_sid(form, "MessageSid", *MESSAGE_SID_KINDS, also="SmsMessageSid")
    business_id = await business_id_for_number(form.get("To"))
    if business_id is None:
        log.error("WhatsApp message to a number no business owns: %s", form.get("To"))
    elif message_sid:
        await service.receive(
            business_id=business_id, message_sid=message_sid, sender=whatsapp_address(form.get("From")),
            wa_id=text(form.get("WaId")).strip(), profile_name=text(form.get("ProfileName")).strip(),
            body=text(form.get("Body")), media=_media(form),
        )
    return no_reply()


@bp.post("/whatsapp_status")
@document_response(NO_CONTENT, 204)
@twilio_signed
@rides_out_outages
async def whatsapp_status():
    form = await request.form
    message_sid = form_sid(form, "MessageSid", *MESSAGE_SID_KINDS, also="SmsMessageSid")
    status = text(form.get("MessageStatus")).strip().lower()
    if message_sid and status:
        moved = await service.advance_status(message_sid=message_sid, status=status,
                                             error_code=integer(form.get("ErrorCode")))
        if moved:
            await service.announce("wa:status", moved)
    return Response(status=204)
