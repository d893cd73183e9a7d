"""The calls board: `GET /api/crm/stats/calls?from=&to=`, for any user of the business."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from quart import Blueprint, g
from quart_schema import tag_blueprint, validate_querystring, validate_response

from server.auth.current import login_required
from server.calls.stats import InvalidRangeError, call_stats
from server.errors import domain_errors
from server.schemas import ResponseModel

bp = Blueprint("call_stats", __name__, url_prefix="/api/crm/stats")
tag_blueprint(bp, ["calls"])


class StatsQuery(BaseModel):
    # Plain strings: a malformed date is the service's `invalid_range`, as a reversed or too
    # long range is, rather than the schema's generic `validation_error`.
    start: str | None = Field(None, alias="from", description="first day, YYYY-MM-DD in the business's time zone")
    end: str | None = Field(None, alias="to", description="last day (inclusive); both default to today")


class StatsTotals(ResponseModel):
    calls: int  # inbound calls started in the range
    answered: int  # answered live by an agent
    missed: int  # calls - answered
    messages_left: int  # inbound calls with a recording
    called_back: int  # missed calls called back
    median_callback_seconds: int | None  # median of (called back - started); null without call-backs


class AgentStats(ResponseModel):
    user_id: int
    name: str
    answered: int
    called_back: int
    median_callback_seconds: int | None


class CallStats(ResponseModel):
    # `from` is a Python keyword: the fields carry it as their alias, in and out.
    model_config = ConfigDict(extra="forbid", serialize_by_alias=True)

    start: str = Field(alias="from")
    end: str = Field(alias="to")
    timezone: str
    totals: StatsTotals
    agents: list[AgentStats]  # every active user of the business, by name, zeros included


@bp.get("/calls")
@login_required
@validate_querystring(StatsQuery)
@validate_response(CallStats)
@domain_errors({InvalidRangeError: 422})
async def calls_board(query_args: StatsQuery):
    """How the business's inbound calls went from `from` to `to` (at most 366 days): answered,
    missed, messages left, called back and how fast, overall and per agent."""
    return await call_stats(business_id=g.user.business_id, start=query_args.start, end=query_args.end)
