"""The business's users and settings: everyone may read, admins may change."""

from quart import Blueprint, current_app, g
from quart_schema import tag_blueprint, validate_querystring, validate_request, validate_response

from server.audit.service import record
from server.auth.current import admin_required, login_required
from server.auth.service import create_user
from server.auth.users import update_user, user_admin_json, users_query
from server.businesses.models import Business
from server.businesses.schemas import (
    USER_SORTS,
    BusinessOut,
    BusinessPatch,
    UserAdminOut,
    UserCreate,
    UserListQuery,
    UserPatch,
)
from server.businesses.settings import business_json, update_business
from server.pagination import ordering, page_of, paginated

bp = Blueprint("business_admin", __name__)
tag_blueprint(bp, ["business"])


def _settings():
    return current_app.config["SETTINGS"]


@bp.get("/api/crm/users")
@login_required
@validate_querystring(UserListQuery)
@validate_response(page_of(UserAdminOut))
async def list_users(query_args: UserListQuery):
    query = users_query(business_id=g.user.business_id, q=query_args.q, role=query_args.role,
                        is_active=query_args.is_active)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=USER_SORTS, default="name"),
                           serialize=user_admin_json)


@bp.post("/api/crm/users")
@admin_required
@validate_request(UserCreate)
@validate_response(UserAdminOut, 201)
async def add_user(data: UserCreate):
    user = await create_user(business_id=g.user.business_id, email=data.email, password=data.password,
                             role=data.role, name=data.name)
    return user_admin_json(user), 201


@bp.patch("/api/crm/users/<int:user_id>")
@admin_required
@validate_request(UserPatch)
@validate_response(UserAdminOut)
async def change_user(user_id: int, data: UserPatch):
    user = await update_user(business_id=g.user.business_id, user_id=user_id,
                             changes=data.changes())
    return user_admin_json(user)


@bp.get("/api/business")
@login_required
@validate_response(BusinessOut)
async def read_business():
    return business_json(await Business.get(id=g.user.business_id), settings=_settings())


@bp.patch("/api/business")
@admin_required
@validate_request(BusinessPatch)
@validate_response(BusinessOut)
async def change_business(data: BusinessPatch):
    changes = data.changes()
    business = await update_business(business_id=g.user.business_id, changes=changes)
    if "recording_notice" in changes:
        # Its own row: turning the notice off is the one setting a regulator would ask about.
        await record(action="settings.recording_notice", user=g.user, target_type="business",
                     target_id=business.id, details={"recording_notice": business.recording_notice})
    if set(changes) - {"recording_notice"}:
        await record(action="settings.update", user=g.user, target_type="business", target_id=business.id,
                     details={"fields": sorted(set(changes) - {"recording_notice"})})
    return business_json(business, settings=_settings())
