"""Presence: the agent's own available/away switch, and the business's view of who is in."""

from quart import Blueprint, g
from quart_schema import tag_blueprint, validate_request, validate_response

from server.auth.current import login_required
from server.presence.schemas import PresenceIn, PresenceList, PresenceOut
from server.presence.service import business_presence, presence_of, set_presence

bp = Blueprint("presence", __name__, url_prefix="/api/crm")
tag_blueprint(bp, ["presence"])


@bp.get("/me/presence")
@login_required
@validate_response(PresenceOut)
async def my_presence():
    return await presence_of(g.user)


@bp.put("/me/presence")
@login_required
@validate_request(PresenceIn)
@validate_response(PresenceOut)
async def put_my_presence(data: PresenceIn):
    return await set_presence(user=g.user, status=data.status)


@bp.get("/presence")
@login_required
@validate_response(PresenceList)
async def presence_list():
    return {"results": await business_presence(business_id=g.user.business_id)}
