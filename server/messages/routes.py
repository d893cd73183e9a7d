from functools import wraps

from quart import Blueprint, current_app, g, send_file
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.auth.current import login_required
from server.customers.models import Customer
from server.errors import APIError, domain_errors
from server.messages.schemas import (
    MESSAGE_SORTS,
    MessageListQuery,
    MessageOut,
    TemplatePage,
    TemplateQuery,
    WhatsAppSend,
)
from server.messages.service import (
    NoWhatsAppAddressError,
    NoWhatsAppSenderError,
    OutsideWindowError,
    get_message,
    message_json,
    messages_query,
    queue_send,
)
from server.messages.templates import (
    TemplatesRefusedError,
    TemplatesUnavailableError,
    TwilioNotConfiguredError,
    approved_templates,
    sent_text,
)
from server.openapi import Body
from server.pagination import ordering, page_of, paginated
from server.storage import stored_file
from server.tenancy import owned

bp = Blueprint("messages", __name__)
tag_blueprint(bp, ["messages"])
MEDIA = Body("application/octet-stream", "The attachment, in its own media type")
# The codes the desktop and web clients act on (outside_window: offer a template instead).
SEND_ERRORS = {NoWhatsAppAddressError: 422, NoWhatsAppSenderError: 409, OutsideWindowError: 409}
TEMPLATE_ERRORS = {TwilioNotConfiguredError: 409, TemplatesRefusedError: 502, TemplatesUnavailableError: 503}


def _customer_first(view):
    """Another business's customer is a 404 before the body is even read (not a 422)."""

    @wraps(view)
    async def wrapper(customer_id: int, **kwargs):
        await owned(Customer, customer_id, business_id=g.user.business_id, what="customer")
        return await view(customer_id=customer_id, **kwargs)

    return wrapper


@bp.get("/api/crm/messages")
@login_required
@validate_querystring(MessageListQuery)
@validate_response(page_of(MessageOut))
async def list_messages(query_args: MessageListQuery):
    query = messages_query(business_id=g.user.business_id, customer_id=query_args.customer_id,
                           direction=query_args.direction, status=query_args.status, q=query_args.q)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=MESSAGE_SORTS, default="-created_at"),
                           serialize=message_json)


@bp.post("/api/crm/customers/<int:customer_id>/whatsapp")
@login_required
@_customer_first
@validate_request(WhatsAppSend)
@validate_response(MessageOut, 202)
@domain_errors(SEND_ERRORS)
async def send_whatsapp(customer_id: int, data: WhatsAppSend):
    """Queue a WhatsApp message; it goes out through a job (202, status `pending`). Outside
    the 24-hour window a free-form body is a 409: send a template."""
    body = data.body
    if data.content_sid:  # kept with the message so the chat and the timeline show what was sent
        body = sent_text(settings=current_app.config["SETTINGS"], content_sid=data.content_sid,
                         variables=data.variables)
    message = await queue_send(business_id=g.user.business_id, customer_id=customer_id, user_id=g.user.id,
                               body=body, content_sid=data.content_sid, variables=data.variables)
    return message_json(message), 202


@bp.get("/api/crm/whatsapp/templates")
@login_required
@validate_querystring(TemplateQuery)
@validate_response(TemplatePage)
@domain_errors(TEMPLATE_ERRORS)
async def list_templates(query_args: TemplateQuery):
    """The business's WhatsApp templates that WhatsApp approved (Twilio's Content API), by
    name; kept 10 minutes (`refresh=1` asks Twilio now). When Twilio fails, the last list is
    served with `stale: true`; with none, a 503 (unreachable) or 502 (refused)."""
    templates, stale = await approved_templates(settings=current_app.config["SETTINGS"], refresh=query_args.refresh)
    return {"results": templates, "page": 1, "pages": 1, "total": len(templates), "stale": stale}


@bp.get("/api/crm/messages/<int:message_id>/media/<int:number>")
@login_required
@document_response(MEDIA)
async def message_media(message_id: int, number: int):
    message = await get_message(business_id=g.user.business_id, message_id=message_id)
    items = message.media or []
    item = items[number - 1] if number <= len(items) else None
    path = stored_file(current_app.config["SETTINGS"].media_root, item.get("path") if item else None)
    if path is None:
        raise APIError(404, "no_media", "no such stored attachment")
    response = await send_file(path, mimetype=item["content_type"] or "application/octet-stream", conditional=True)
    response.headers["Cache-Control"] = "private, max-age=3600"
    if not item["content_type"].startswith(("image/", "audio/", "video/")):
        response.headers["Content-Disposition"] = "attachment"  # documents download, never render here
    return response
