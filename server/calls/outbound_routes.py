"""Click-to-call: the API an agent calls, and the two Twilio webhooks of an outbound call."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from quart import Blueprint, Response, current_app, g, request
from quart_schema import document_response, tag_blueprint, validate_request, validate_response

from server.auth.current import login_required
from server.calls import outbound
from server.calls.schemas import CallOut
from server.calls.service import call_json
from server.errors import domain_errors
from server.openapi import NO_CONTENT, TWIML
from server.outages import rides_out_outages
from server.telephony.errors import answer_errors_in_twiml
from server.telephony.form import form_sid, row_id
from server.telephony.signature import twilio_signed
from server.telephony.twiml import say_and_hang_up, twiml

bp = Blueprint("outbound_calls", __name__)
tag_blueprint(bp, ["calls"])
# Twilio's two webhooks of an outbound call, on a blueprint of their own: whatever goes wrong
# there, Twilio gets TwiML, while the agent's API call keeps its JSON errors.
webhooks = Blueprint("outbound_call_webhooks", __name__, url_prefix="/webhook")
tag_blueprint(webhooks, ["webhooks"])
answer_errors_in_twiml(webhooks, voice=True)

CALL_GONE_HE = "השיחה אינה זמינה עוד. להתראות"


class OutboundCall(BaseModel):
    model_config = ConfigDict(extra="forbid")

    customer_id: int = Field(ge=1)


# Why a call was not placed, as the API answers it: the desktop (desktop/calls.py) and the web
# app (web/src/lib/errors.ts) show each code in Hebrew.
CALL_ERRORS = {
    outbound.AgentPhoneMissingError: 409,
    outbound.CustomerPhoneMissingError: 409,
    outbound.NoBusinessNumberError: 409,
    outbound.CallRefusedError: 502,
    outbound.CallNotPlacedError: 502,
}


def _call_id() -> int | None:
    return row_id(request.args.get("call"))


@bp.post("/api/crm/calls/outbound")
@login_required
@validate_request(OutboundCall)
@validate_response(CallOut, 201)
@domain_errors(CALL_ERRORS)
async def call_customer(data: OutboundCall):
    """Ring the agent's own phone, then the customer. 409 when the agent, the customer or the
    business has no number; 502 when Twilio refuses or cannot be reached."""
    call = await outbound.start_call(settings=current_app.config["SETTINGS"], business_id=g.user.business_id,
                                     user_id=g.user.id, customer_id=data.customer_id)
    return call_json(call), 201


@webhooks.post("/outbound_call")
@document_response(TWIML)
@twilio_signed
@rides_out_outages
async def outbound_call():
    """Twilio, once the agent answers: dial the customer."""
    call = await outbound.outbound_call(_call_id())
    if call is None:
        return say_and_hang_up(CALL_GONE_HE)
    form = await request.form
    call = await outbound.confirm_sid(call=call, call_sid=form_sid(form, "CallSid", "CA") or "")
    settings = current_app.config["SETTINGS"]
    return twiml(outbound.dial_customer(
        call, recording_callback=outbound.webhook_url(settings, "/webhook/outbound_recording", call.id)))


@webhooks.post("/outbound_recording")
@document_response(NO_CONTENT, 204)
@twilio_signed
@rides_out_outages
async def outbound_recording():
    """Twilio's recording status callback of an outbound call's <Dial>."""
    call = await outbound.outbound_call(_call_id())
    if call is not None:
        await outbound.recording_done(call=call, form=await request.form)
    return Response(status=204)
