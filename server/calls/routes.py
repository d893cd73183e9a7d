from quart import Blueprint, current_app, g, request, send_file
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.audit.service import record
from server.auth.current import login_required
from server.auth.permissions import require_listen
from server.calls.schemas import CALL_SORTS, CallListQuery, CallOut, CallUpdate
from server.calls.service import call_json, calls_query, get_call, update_call
from server.errors import APIError
from server.openapi import MP3
from server.pagination import ordering, page_of, paginated
from server.storage import stored_file

bp = Blueprint("calls", __name__, url_prefix="/api/crm/calls")
tag_blueprint(bp, ["calls"])


@bp.get("")
@login_required
@validate_querystring(CallListQuery)
@validate_response(page_of(CallOut))
async def list_calls(query_args: CallListQuery):
    query = calls_query(business_id=g.user.business_id, customer_id=query_args.customer_id,
                        status=query_args.status, outcome=query_args.outcome, q=query_args.q)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=CALL_SORTS, default="-started_at"),
                           serialize=call_json)


@bp.get("/<int:call_id>")
@login_required
@validate_response(CallOut)
async def read_call(call_id: int):
    return call_json(await get_call(business_id=g.user.business_id, call_id=call_id))


@bp.patch("/<int:call_id>")
@login_required
@validate_request(CallUpdate)
@validate_response(CallOut)
async def edit_call(call_id: int, data: CallUpdate):
    return call_json(await update_call(business_id=g.user.business_id, call_id=call_id, changes=data.changes()))


def _starts_a_listen(range_header: str | None) -> bool:
    """A player fetches a recording in ranges as it plays and seeks: only the request for its
    start (no Range, or one from byte 0) is a listen, so one play is one audit row."""
    if not range_header:
        return True
    unit, _, ranges = range_header.partition("=")
    return unit.strip() == "bytes" and ranges.strip().startswith("0-")


@bp.get("/<int:call_id>/recording")
@login_required
@document_response(MP3)
async def recording(call_id: int):
    call = await get_call(business_id=g.user.business_id, call_id=call_id)
    await require_listen(g.user)
    path = stored_file(current_app.config["SETTINGS"].media_root, call.recording_path)
    if path is None:
        raise APIError(404, "no_recording", "this call has no stored recording yet")
    if _starts_a_listen(request.headers.get("Range")):
        await record(action="recording.listen", user=g.user, target_type="call", target_id=call.id,
                     details={"customer_id": call.customer_id})
    # conditional=True answers Range requests (206), so the player can seek.
    response = await send_file(path, mimetype="audio/mpeg", conditional=True)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
