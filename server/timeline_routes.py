"""The customer timeline, under both the contract's URLs."""

from typing import Annotated, Literal

from pydantic import BaseModel, Field
from quart import Blueprint, g
from quart_schema import tag_blueprint, validate_querystring, validate_response

from server.auth.current import login_required
from server.calls.schemas import CallOut
from server.contracts.schemas import ContractOut
from server.invoices.schemas import InvoiceOut
from server.messages.schemas import MessageOut
from server.public_url import request_base_url
from server.schemas import ResponseModel, Timestamp
from server.tasks.schemas import TaskOut
from server.timeline import DEFAULT_LIMIT, MAX_LIMIT, customer_timeline

bp = Blueprint("timeline", __name__)
tag_blueprint(bp, ["customers"])


class TimelineQuery(BaseModel):
    before: str | None = Field(None, max_length=100)  # an ISO time or a `next_before` cursor
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class _Item(ResponseModel):
    type: str  # each kind below narrows it (and keeps it first, as the serialiser does)
    type_label: str  # Hebrew, server/labels.py
    # The card's tab that shows the item, so a client links it there.
    tab: Literal["overview", "timeline", "calls", "whatsapp", "invoices", "contracts", "tasks"]
    id: int
    at: Timestamp
    title: str  # Hebrew, for the card


class CallItem(_Item):
    type: Literal["call"]
    data: CallOut


class ContractItem(_Item):
    type: Literal["contract"]
    data: ContractOut


class InvoiceItem(_Item):
    type: Literal["invoice"]
    data: InvoiceOut


class TaskItem(_Item):
    type: Literal["task"]
    data: TaskOut


class WhatsAppItem(_Item):
    type: Literal["whatsapp"]
    data: MessageOut


class Timeline(ResponseModel):
    items: list[Annotated[CallItem | ContractItem | InvoiceItem | TaskItem | WhatsAppItem,
                          Field(discriminator="type")]]
    next_before: str | None  # the cursor of the next page, when there is one


@bp.get("/api/customers/<int:customer_id>/timeline")
@bp.get("/api/crm/customers/<int:customer_id>/timeline")
@login_required
@validate_querystring(TimelineQuery)
@validate_response(Timeline)
async def timeline(customer_id: int, query_args: TimelineQuery):
    return await customer_timeline(business_id=g.user.business_id, customer_id=customer_id,
                                   before=query_args.before, limit=query_args.limit,
                                   base_url=request_base_url())
