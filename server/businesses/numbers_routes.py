"""The business's Twilio numbers (the number called tells which business a call is for):
everyone may read them, admins add and remove them. Twilio's own configuration of a number is
`python -m server.cli twilio-configure`; this only links numbers to the business."""

from quart import Blueprint, g
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.auth.current import admin_required, login_required
from server.businesses import service
from server.businesses.schemas import NUMBER_SORTS, NumberCreate, NumberListQuery, NumberOut
from server.errors import ErrorResponse
from server.openapi import NO_CONTENT
from server.pagination import ordering, page_of, paginated

bp = Blueprint("business_numbers", __name__, url_prefix="/api/business/numbers")
tag_blueprint(bp, ["business"])


@bp.get("")
@login_required
@validate_querystring(NumberListQuery)
@validate_response(page_of(NumberOut))
async def list_numbers(query_args: NumberListQuery):
    return await paginated(service.numbers_query(business_id=g.user.business_id), page=query_args.page,
                           limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=NUMBER_SORTS, default="id"),
                           serialize=service.number_json)


@bp.post("")
@admin_required
@validate_request(NumberCreate)
@validate_response(NumberOut, 201)
@document_response(ErrorResponse, 409)  # number_taken, number_exists
@document_response(ErrorResponse, 422)  # invalid_phone
async def add_number(data: NumberCreate):
    phone = await service.add_number(business_id=g.user.business_id, number=data.number)
    return service.number_json(phone), 201


@bp.delete("/<int:number_id>")
@admin_required
@document_response(NO_CONTENT, 204)
@document_response(ErrorResponse, 404)
@document_response(ErrorResponse, 409)  # last_number
async def remove_number(number_id: int):
    await service.remove_number(business_id=g.user.business_id, number_id=number_id)
    return "", 204
