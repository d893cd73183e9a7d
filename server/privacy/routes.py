"""A customer's data on request: all of it as a zip, or its personal data erased (admins only)."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime

from quart import Blueprint, Response, current_app, g, request
from quart_schema import document_response, tag_blueprint, validate_request, validate_response

from server.audit.service import record
from server.auth.current import admin_required
from server.customers.models import Customer
from server.customers.schemas import CustomerOut
from server.customers.service import customer_json
from server.errors import APIError
from server.openapi import Body
from server.privacy.erasure import erase_customer
from server.privacy.export import export_zip
from server.privacy.schemas import EraseRequest
from server.public_url import request_base_url
from server.tenancy import owned

bp = Blueprint("privacy", __name__, url_prefix="/api/crm/customers")
tag_blueprint(bp, ["customers"])

ZIP = Body("application/zip", "A zip: summary.pdf, customer.json, recordings/, media/")
CHUNK = 256 * 1024


def _streamed(path) -> Response:
    """The file as the response body. It is unlinked at once and read through the open handle,
    so it is gone however the download ends (finished, or the client gone half way)."""
    handle = open(path, "rb")  # noqa: SIM115 - closed by the generator below
    path.unlink()
    size = os.fstat(handle.fileno()).st_size

    async def chunks():
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK):
                yield chunk
        finally:
            handle.close()

    response = Response(chunks(), mimetype="application/zip")
    response.headers["Content-Length"] = str(size)
    return response


@bp.get("/<int:customer_id>/export.zip")
@admin_required
@document_response(ZIP)
async def export(customer_id: int):
    if request.method == "HEAD":
        # A HEAD (a download manager probing) neither builds the zip nor counts as an export.
        await owned(Customer, customer_id, business_id=g.user.business_id, what="customer")
        return Response(b"", mimetype="application/zip", headers={"Cache-Control": "no-store"})
    path, made = await export_zip(business_id=g.user.business_id, customer_id=customer_id,
                                  media_root=current_app.config["SETTINGS"].media_root, base_url=request_base_url())
    try:
        await record(action="customer.export", user=g.user, target_type="customer", target_id=customer_id,
                     details=made.counts)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    response = _streamed(path)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="customer-{customer_id}-{datetime.now(UTC):%Y-%m-%d}.zip"')
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/<int:customer_id>/erase")
@admin_required
@validate_request(EraseRequest)
@validate_response(CustomerOut)
async def erase(customer_id: int, data: EraseRequest):
    if not data.confirm:
        raise APIError(422, "confirm_required", 'erasing cannot be undone: send {"confirm": true}')
    customer, counts = await erase_customer(business_id=g.user.business_id, customer_id=customer_id,
                                            media_root=current_app.config["SETTINGS"].media_root)
    if counts is not None:  # erased now (a second request changes nothing, and records nothing)
        await record(action="customer.erase", user=g.user, target_type="customer", target_id=customer.id,
                     details=counts)
    return customer_json(customer)
