"""The public signing page a customer opens from the link: `GET/POST /sign/<token>`.

No login: the unguessable token (secrets.token_urlsafe(32)) is the key. A draft's token
answers 404 like an unknown one; a signed or declined contract shows its state instead of
the form. The page runs no inline script and loads nothing from elsewhere (see CSP below).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from quart import Blueprint, current_app, render_template, request, send_from_directory
from quart_rate_limiter import rate_limit
from quart_schema import document_response, hide, tag_blueprint, validate_request, validate_response

from server.businesses.models import Business
from server.contracts import service
from server.contracts.models import Contract, Signature
from server.contracts.schemas import SignedOut, SignRequest
from server.errors import APIError, ErrorResponse
from server.openapi import HTML
from server.public_url import request_base_url

bp = Blueprint("signing", __name__, url_prefix="/sign")
tag_blueprint(bp, ["signing"])

ASSETS = Path(__file__).resolve().parent.parent / "static" / "sign"
ISRAEL = ZoneInfo("Asia/Jerusalem")
PAGE_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; "
                                "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                                "frame-ancestors 'none'"),
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",  # the token is in the URL
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex",
}


async def _page(status: int, **context):
    html = await render_template("sign.html", **context)
    return html, status, {**PAGE_HEADERS, "Content-Type": "text/html; charset=utf-8"}


@bp.get("/assets/<name>")
@hide  # the page's own script and style
async def asset(name: str):
    if name not in ("sign.js", "sign.css"):
        raise APIError(404, "not_found", "no such file")
    response = await send_from_directory(ASSETS, name)
    response.headers["Cache-Control"] = "public, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/<token>")
@document_response(HTML)
@document_response(HTML, 404)
async def page(token: str):
    contract = await service.contract_for_token(token)
    if contract is None:
        return await _page(404, state="missing")
    business = await Business.get(id=contract.business_id)
    signature = await Signature.get_or_none(contract_id=contract.id) if contract.status == "signed" else None
    signed_at = signature.signed_at.astimezone(ISRAEL).strftime("%d/%m/%Y %H:%M") if signature else ""
    state = {"sent": "form", "signed": "signed", "declined": "declined"}.get(contract.status, "missing")
    return await _page(200, state=state, contract=contract, business=business, signature=signature,
                       signed_at=signed_at)


@bp.post("/<token>")
@rate_limit(10, timedelta(minutes=1))
@validate_request(SignRequest)
@validate_response(SignedOut)
@document_response(ErrorResponse, 404)
@document_response(ErrorResponse, 409)
@document_response(ErrorResponse, 429)
async def sign(token: str, data: SignRequest):
    contract = await service.contract_for_token(token)
    if contract is None:
        raise APIError(404, "not_found", "no such contract")
    if contract.status != "sent":
        raise APIError(409, "not_signable", service.refusal(contract))
    png = service.signature_png(data.signature_png)
    signature = await service.sign(
        contract=contract, name=data.name, png=png, ip=request.remote_addr or "",
        user_agent=request.headers.get("User-Agent", ""), media_root=current_app.config["SETTINGS"].media_root,
        base_url=request_base_url(),
    )
    signed = await Contract.get(id=contract.id)
    return {"status": signed.status, "signer_name": signature.signer_name,
            "signed_at": signature.signed_at.isoformat(), "document_sha256": signature.document_sha256}
