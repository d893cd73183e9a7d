from quart import Blueprint, Response, g
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.audit.service import record
from server.auth.current import login_required
from server.errors import APIError, ErrorResponse
from server.invoices import allocation_job, service
from server.invoices.schemas import INVOICE_SORTS, InvoiceCreate, InvoiceListQuery, InvoiceOut, InvoicePatch
from server.openapi import PDF
from server.pagination import ordering, page_of, paginated

bp = Blueprint("invoices", __name__, url_prefix="/api/crm/invoices")
tag_blueprint(bp, ["invoices"])


@bp.get("")
@login_required
@validate_querystring(InvoiceListQuery)
@validate_response(page_of(InvoiceOut))
async def list_invoices(query_args: InvoiceListQuery):
    query = service.invoices_query(business_id=g.user.business_id, customer_id=query_args.customer_id,
                                   status=query_args.status, q=query_args.q)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=INVOICE_SORTS, default="-number"),
                           serialize=service.invoice_json)


@bp.post("")
@login_required
@validate_request(InvoiceCreate)
@validate_response(InvoiceOut, 201)
async def create_invoice(data: InvoiceCreate):
    invoice = await service.create_invoice(business_id=g.user.business_id, customer_id=data.customer_id,
                                           lines=data.lines, notes=data.notes, status=data.status)
    return service.invoice_json(invoice), 201


@bp.get("/<int:invoice_id>")
@login_required
@validate_response(InvoiceOut)
async def read_invoice(invoice_id: int):
    return service.invoice_json(await service.get_invoice(business_id=g.user.business_id, invoice_id=invoice_id))


@bp.patch("/<int:invoice_id>")
@login_required
@validate_request(InvoicePatch)
@validate_response(InvoiceOut)
async def update_invoice(invoice_id: int, data: InvoicePatch):
    invoice = await service.update_invoice(business_id=g.user.business_id, invoice_id=invoice_id,
                                           changes=data.changes())
    return service.invoice_json(invoice)


@bp.post("/<int:invoice_id>/cancel")
@login_required
@validate_response(InvoiceOut)
async def cancel_invoice(invoice_id: int):
    invoice = await service.update_invoice(business_id=g.user.business_id, invoice_id=invoice_id,
                                           changes={"status": "cancelled"})
    return service.invoice_json(invoice)


@bp.post("/<int:invoice_id>/allocate")
@login_required
@validate_response(InvoiceOut)
@document_response(ErrorResponse, 409)
async def allocate_invoice(invoice_id: int):
    """Ask the Tax Authority again, now, for a waiting invoice's allocation number (409
    `not_awaiting` for any other invoice). The outcome follows as `invoice:updated`."""
    invoice = await allocation_job.ask_again(business_id=g.user.business_id, invoice_id=invoice_id)
    return service.invoice_json(invoice)


@bp.delete("/<int:invoice_id>")
@login_required
@document_response(ErrorResponse, 409)
async def delete_invoice(invoice_id: int):
    await service.get_invoice(business_id=g.user.business_id, invoice_id=invoice_id)
    raise APIError(409, "invoices_are_not_deleted",
                   "invoices are never deleted, so their numbers stay without gaps; cancel the invoice instead")


@bp.get("/<int:invoice_id>/pdf")
@login_required
@document_response(PDF)
async def invoice_pdf(invoice_id: int):
    invoice, pdf = await service.invoice_pdf(business_id=g.user.business_id, invoice_id=invoice_id)
    await record(action="invoice.pdf", user=g.user, target_type="invoice", target_id=invoice.id,
                 details={"customer_id": invoice.customer_id, "number": invoice.number})
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="invoice-{invoice.number}.pdf"',
        "Cache-Control": "private, no-store",
    })
