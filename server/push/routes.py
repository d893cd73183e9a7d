from quart import Blueprint, current_app, g, request
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.auth.current import login_required
from server.errors import APIError, ErrorResponse
from server.openapi import NO_CONTENT
from server.pagination import ListQuery, ordering, page_of, paginated
from server.push import vapid
from server.push.models import PushSubscription
from server.push.schemas import SubscriptionIn, SubscriptionOut, SubscriptionRemove, VapidKeyOut
from server.push.service import subscribe, subscription_json, unsubscribe

bp = Blueprint("push", __name__, url_prefix="/api/push")
tag_blueprint(bp, ["push"])


@bp.get("/vapid-public-key")
@validate_response(VapidKeyOut)
@document_response(ErrorResponse, 404)
async def vapid_public_key():
    keys = vapid.load(current_app.config["SETTINGS"])
    if keys is None:
        raise APIError(404, "push_off", "Web Push is not configured on this server")
    return {"public_key": keys.public_key}


@bp.get("/subscriptions")
@login_required
@validate_querystring(ListQuery)
@validate_response(page_of(SubscriptionOut))
async def list_subscriptions(query_args: ListQuery):
    """The caller's own subscriptions (one per browser)."""
    query = PushSubscription.filter(user_id=g.user.id)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=("id", "created_at"), default="-created_at"),
                           serialize=subscription_json)


@bp.post("/subscriptions")
@login_required
@validate_request(SubscriptionIn)
@validate_response(SubscriptionOut, 201)
@document_response(ErrorResponse, 409)
async def add_subscription(data: SubscriptionIn):
    """Subscribe this browser (201), or renew the caller's own subscription's keys; an endpoint
    another user subscribed is a 409 `endpoint_taken`, and theirs stays as it was."""
    row = await subscribe(user=g.user, endpoint=data.endpoint, p256dh=data.keys.p256dh, auth=data.keys.auth,
                          user_agent=request.headers.get("User-Agent", ""), settings=current_app.config["SETTINGS"])
    return subscription_json(row), 201


@bp.delete("/subscriptions")
@login_required
@validate_request(SubscriptionRemove)
@document_response(NO_CONTENT, 204)
async def remove_subscription(data: SubscriptionRemove):
    await unsubscribe(user=g.user, endpoint=data.endpoint)
    return "", 204
