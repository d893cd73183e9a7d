"""The customer timeline, under both the contract's URLs."""

from pydantic import BaseModel, Field
from quart import Blueprint, current_app, g, request
from quart_schema import validate_querystring

from server.auth.current import login_required
from server.timeline import DEFAULT_LIMIT, MAX_LIMIT, customer_timeline

bp = Blueprint("timeline", __name__)


class TimelineQuery(BaseModel):
    before: str | None = Field(None, max_length=100)  # an ISO time or a `next_before` cursor
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


@bp.get("/api/customers/<int:customer_id>/timeline")
@bp.get("/api/crm/customers/<int:customer_id>/timeline")
@login_required
@validate_querystring(TimelineQuery)
async def timeline(customer_id: int, query_args: TimelineQuery):
    return await customer_timeline(business_id=g.user.business_id, customer_id=customer_id,
                                   before=query_args.before, limit=query_args.limit,
                                   base_url=current_app.config["SETTINGS"].public_base_url or request.host_url)
