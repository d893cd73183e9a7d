from quart import Blueprint, Response, g
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.audit.service import record
from server.auth.current import login_required
from server.auth.permissions import require_export
from server.customers.export import attachment, columns_of, csv_stream, sheet_of
from server.customers.models import Customer
from server.customers.schemas import (
    CUSTOMER_SORTS,
    CustomerCreate,
    CustomerExportQuery,
    CustomerListQuery,
    CustomerOut,
    CustomerUpdate,
)
from server.customers.service import (
    create_customer,
    customer_json,
    customers_count,
    customers_query,
    delete_customer,
    update_customer,
)
from server.openapi import CSV, NO_CONTENT
from server.pagination import ordering, page_of, paginated
from server.tenancy import owned

bp = Blueprint("customers", __name__, url_prefix="/api/crm/customers")
tag_blueprint(bp, ["customers"])


def _filters(args: CustomerListQuery) -> dict:
    """The query's filters as the service takes them (owner_id=none is `no_owner`)."""
    no_owner = args.owner_id == "none"
    return {"q": args.q, "status": args.status, "owner_id": None if no_owner else args.owner_id,
            "no_owner": no_owner, "source": args.source}


def _query(args: CustomerListQuery):
    return customers_query(business_id=g.user.business_id, **_filters(args))


def _ordering(args: CustomerListQuery) -> list[str]:
    return ordering(args.sort, allowed=CUSTOMER_SORTS, default="-created_at")


@bp.get("")
@login_required
@validate_querystring(CustomerListQuery)
@validate_response(page_of(CustomerOut))
async def list_customers(query_args: CustomerListQuery):
    return await paginated(_query(query_args), page=query_args.page, limit=query_args.limit,
                           order_by=_ordering(query_args),
                           serialize=customer_json,
                           count=customers_count(business_id=g.user.business_id, **_filters(query_args)))


@bp.get("/export.csv")
@login_required
@validate_querystring(CustomerExportQuery)
@document_response(CSV)
async def export_customers(query_args: CustomerExportQuery):
    await require_export(g.user)
    # A bad filter, sort or column is a 422, and the first batch is read, before the first byte goes out.
    order_by, columns = _ordering(query_args), columns_of(query_args.columns)
    sheet = await sheet_of(business_id=g.user.business_id, columns=columns)
    chunks = await csv_stream(_query(query_args), order_by=order_by, columns=columns, sheet=sheet)
    await record(action="customers.export_csv", user=g.user, details={
        "filters": {key: value for key, value in query_args.model_dump(exclude={"page", "limit"}).items()
                    if value is not None}})
    return Response(chunks, content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": attachment(sheet.today())})


@bp.post("")
@login_required
@validate_request(CustomerCreate)
@validate_response(CustomerOut, 201)
async def create(data: CustomerCreate):
    customer = await create_customer(business_id=g.user.business_id, fields=data.model_dump())
    return customer_json(customer), 201


@bp.get("/<int:customer_id>")
@login_required
@validate_response(CustomerOut)
async def read(customer_id: int):
    return customer_json(await owned(Customer, customer_id, business_id=g.user.business_id, what="customer"))


@bp.patch("/<int:customer_id>")
@login_required
@validate_request(CustomerUpdate)
@validate_response(CustomerOut)
async def update(customer_id: int, data: CustomerUpdate):
    changes = data.changes()
    customer = await update_customer(business_id=g.user.business_id, customer_id=customer_id, fields=changes)
    if changes:
        await record(action="customer.update", user=g.user, target_type="customer", target_id=customer.id,
                     details={"fields": sorted(changes)})
    return customer_json(customer)


@bp.delete("/<int:customer_id>")
@login_required
@document_response(NO_CONTENT, 204)
async def delete(customer_id: int):
    await delete_customer(business_id=g.user.business_id, customer_id=customer_id)
    await record(action="customer.delete", user=g.user, target_type="customer", target_id=customer_id)
    return "", 204
