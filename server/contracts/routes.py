"""Contracts and signatures, for agents: `/api/crm/contracts` and `/api/crm/signatures`."""

from quart import Blueprint, Response, current_app, g
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_request, validate_response

from server.audit.service import record
from server.auth.current import login_required
from server.contracts import service
from server.contracts.schemas import (
    CONTRACT_SORTS,
    SIGNATURE_SORTS,
    ContractCreate,
    ContractListQuery,
    ContractOut,
    ContractPatch,
    SignatureListQuery,
    SignatureOut,
)
from server.openapi import NO_CONTENT, PDF
from server.pagination import ordering, page_of, paginated
from server.public_url import request_base_url

bp = Blueprint("contracts", __name__, url_prefix="/api/crm")
tag_blueprint(bp, ["contracts"])


def _json(contract) -> dict:
    return service.contract_json(contract, base_url=request_base_url())


@bp.get("/contracts")
@login_required
@validate_querystring(ContractListQuery)
@validate_response(page_of(ContractOut))
async def list_contracts(query_args: ContractListQuery):
    query = service.contracts_query(business_id=g.user.business_id, customer_id=query_args.customer_id,
                                    status=query_args.status, q=query_args.q)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=CONTRACT_SORTS, default="-created_at"),
                           serialize=_json)


@bp.post("/contracts")
@login_required
@validate_request(ContractCreate)
@validate_response(ContractOut, 201)
async def create_contract(data: ContractCreate):
    contract = await service.create_contract(business_id=g.user.business_id, customer_id=data.customer_id,
                                             title=data.title, body=data.body, base_url=request_base_url())
    return _json(contract), 201


@bp.get("/contracts/<int:contract_id>")
@login_required
@validate_response(ContractOut)
async def read_contract(contract_id: int):
    return _json(await service.get_contract(business_id=g.user.business_id, contract_id=contract_id))


@bp.patch("/contracts/<int:contract_id>")
@login_required
@validate_request(ContractPatch)
@validate_response(ContractOut)
async def update_contract(contract_id: int, data: ContractPatch):
    contract = await service.update_contract(business_id=g.user.business_id, contract_id=contract_id,
                                             changes=data.changes(), base_url=request_base_url())
    return _json(contract)


@bp.delete("/contracts/<int:contract_id>")
@login_required
@document_response(NO_CONTENT, 204)
async def delete_contract(contract_id: int):
    await service.delete_contract(business_id=g.user.business_id, contract_id=contract_id,
                                  base_url=request_base_url())
    return "", 204


@bp.post("/contracts/<int:contract_id>/send")
@login_required
@validate_response(ContractOut)
async def send_contract(contract_id: int):
    return _json(await service.send_contract(business_id=g.user.business_id, contract_id=contract_id,
                                             base_url=request_base_url()))


@bp.get("/contracts/<int:contract_id>/pdf")
@login_required
@document_response(PDF)
async def contract_pdf(contract_id: int):
    pdf = await service.contract_pdf(business_id=g.user.business_id, contract_id=contract_id,
                                     media_root=current_app.config["SETTINGS"].media_root)
    await record(action="contract.pdf", user=g.user, target_type="contract", target_id=contract_id)
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="contract-{contract_id}.pdf"',
        "Cache-Control": "private, no-store",
    })


@bp.get("/signatures")
@login_required
@validate_querystring(SignatureListQuery)
@validate_response(page_of(SignatureOut))
async def list_signatures(query_args: SignatureListQuery):
    query = service.signatures_query(business_id=g.user.business_id, contract_id=query_args.contract_id,
                                     customer_id=query_args.customer_id, q=query_args.q)
    return await paginated(query, page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=SIGNATURE_SORTS, default="-signed_at"),
                           serialize=service.signature_json)


@bp.get("/signatures/<int:signature_id>")
@login_required
@validate_response(SignatureOut)
async def read_signature(signature_id: int):
    return service.signature_json(await service.get_signature(business_id=g.user.business_id,
                                                              signature_id=signature_id))
