from quart import Blueprint, g
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.auth.current import login_required
from server.openapi import NO_CONTENT
from server.pagination import ordering, page_of, paginated
from server.views.schemas import VIEW_SORTS, ViewCreate, ViewListQuery, ViewOut, ViewUpdate
from server.views.service import create_view, delete_view, get_view, update_view, view_json, views_query

bp = Blueprint("views", __name__, url_prefix="/api/crm/views")
tag_blueprint(bp, ["views"])


def _owner() -> dict:
    return {"business_id": g.user.business_id, "user_id": g.user.id}


@bp.get("")
@login_required
@validate_querystring(ViewListQuery)
@validate_response(page_of(ViewOut))
async def list_views(query_args: ViewListQuery):
    return await paginated(views_query(**_owner(), resource=query_args.resource), page=query_args.page,
                           limit=query_args.limit, order_by=ordering(query_args.sort, allowed=VIEW_SORTS,
                                                                     default="name"),
                           serialize=view_json)


@bp.post("")
@login_required
@validate_request(ViewCreate)
@validate_response(ViewOut, 201)
async def create(data: ViewCreate):
    return view_json(await create_view(**_owner(), **data.model_dump())), 201


@bp.get("/<int:view_id>")
@login_required
@validate_response(ViewOut)
async def read(view_id: int):
    return view_json(await get_view(**_owner(), view_id=view_id))


@bp.patch("/<int:view_id>")
@login_required
@validate_request(ViewUpdate)
@validate_response(ViewOut)
async def update(view_id: int, data: ViewUpdate):
    return view_json(await update_view(**_owner(), view_id=view_id, changes=data.changes()))


@bp.delete("/<int:view_id>")
@login_required
@document_response(NO_CONTENT, 204)
async def delete(view_id: int):
    await delete_view(**_owner(), view_id=view_id)
    return "", 204
