"""Contracts and their one signature.

A contract is edited while it is a draft, sent (which makes its signing link live), then
signed once by the customer or declined. Every change is announced as `contract:updated` to
the business's sockets (`deleted: true` for a deleted draft), so an open card follows a
signature made on the public page; `happened_at` follows the latest of those events (the
timeline's date). The signed text is `title + "\\n\\n" + body`,
encoded as UTF-8; its SHA-256 is stored with the signature and printed on the signed PDF.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import io
import logging
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import realtime
from server.businesses.models import Business
from server.contracts.models import Contract, Signature
from server.customers.models import Customer
from server.errors import APIError
from server.invoices.service import business_dict, customer_dict
from server.labels import label
from server.pdf import render_contract
from server.storage import media_path, stored_file
from server.tenancy import owned, scoped

log = logging.getLogger("agentlocator.contracts")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
DATA_URL_PREFIX = "data:image/png;base64,"
MAX_PNG_BYTES = 500 * 1024
MAX_PNG_SIDE = 4000
MIN_INK_PIXELS = 30


# ---------------------------------------------------------------- agents' side


async def announce(contract: Contract, *, base_url: str = "", deleted: bool = False) -> None:
    """`contract:updated` to the contract's business: created, changed, signed or deleted."""
    await realtime.publish("contract:updated",
                           {"contract": contract_json(contract, base_url=base_url), "deleted": deleted},
                           room=realtime.business_room(contract.business_id))


async def create_contract(*, business_id: int, customer_id: int, title: str, body: str,
                          base_url: str = "") -> Contract:
    await owned(Customer, customer_id, business_id=business_id, what="customer")
    contract = await Contract.create(business_id=business_id, customer_id=customer_id, title=title, body=body,
                                     status="draft", sign_token=secrets.token_urlsafe(32))
    await announce(contract, base_url=base_url)
    return contract


async def get_contract(*, business_id: int, contract_id: int) -> Contract:
    return await owned(Contract, contract_id, business_id=business_id, what="contract")


async def update_contract(*, business_id: int, contract_id: int, changes: dict, base_url: str = "") -> Contract:
    """Edit a draft; `status` may move draft → sent, or draft/sent → declined."""
    contract = await get_contract(business_id=business_id, contract_id=contract_id)
    status = changes.pop("status", None)
    values: dict = {}
    if changes:
        if contract.status != "draft":
            raise APIError(409, "contract_locked", f"a {contract.status} contract cannot be edited")
        if changes.get("customer_id") is not None:
            await owned(Customer, changes["customer_id"], business_id=business_id, what="customer")
        values.update(changes)
    if status == "sent" and contract.status != "sent":
        if contract.status != "draft":
            raise APIError(409, "invalid_transition", f"a {contract.status} contract cannot be sent")
        now = datetime.now(UTC)
        values.update(status="sent", sent_at=now, happened_at=now)
    elif status == "declined" and contract.status != "declined":
        if contract.status not in ("draft", "sent"):
            raise APIError(409, "invalid_transition", f"a {contract.status} contract cannot be declined")
        now = datetime.now(UTC)
        values.update(status="declined", declined_at=now, happened_at=now)
    if values:
        # Conditional on the status read above, so a signature landing meanwhile wins.
        if not await Contract.filter(id=contract.id, status=contract.status).update(**values):
            raise APIError(409, "contract_changed", "the contract changed meanwhile; reload it")
    contract = await get_contract(business_id=business_id, contract_id=contract_id)
    if values:
        await announce(contract, base_url=base_url)
    return contract


async def send_contract(*, business_id: int, contract_id: int, base_url: str = "") -> Contract:
    return await update_contract(business_id=business_id, contract_id=contract_id, changes={"status": "sent"},
                                 base_url=base_url)


async def delete_contract(*, business_id: int, contract_id: int, base_url: str = "") -> None:
    contract = await get_contract(business_id=business_id, contract_id=contract_id)
    if contract.status != "draft" or not await Contract.filter(id=contract.id, status="draft").delete():
        raise APIError(409, "contract_not_draft", "only a draft contract can be deleted; decline it instead")
    await announce(contract, base_url=base_url, deleted=True)


def contracts_query(*, business_id: int, customer_id: int | None = None, status: str | None = None,
                    q: str | None = None):
    query = scoped(Contract, business_id, customer_id=customer_id, status=status)
    if q and q.strip():
        text = q.strip()
        query = query.filter(Q(title__icontains=text) | Q(customer__name__icontains=text))
    return query


def signatures_query(*, business_id: int, contract_id: int | None = None, customer_id: int | None = None,
                     q: str | None = None):
    query = scoped(Signature, business_id, contract_id=contract_id, contract__customer_id=customer_id)
    if q and q.strip():
        query = query.filter(signer_name__icontains=q.strip())
    return query


async def get_signature(*, business_id: int, signature_id: int) -> Signature:
    return await owned(Signature, signature_id, business_id=business_id, what="signature")


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def sign_url(contract: Contract, base_url: str) -> str | None:
    """The public link, live once the contract is sent (and kept afterwards to show its state)."""
    return f"{base_url.rstrip('/')}/sign/{contract.sign_token}" if contract.status != "draft" else None


def contract_json(contract: Contract, *, base_url: str) -> dict:
    return {
        "id": contract.id,
        "customer_id": contract.customer_id,
        "title": contract.title,
        "body": contract.body,
        "status": contract.status,
        "status_label": label("contract_status", contract.status),
        "sign_url": sign_url(contract, base_url),
        "sent_at": _time(contract.sent_at),
        "signed_at": _time(contract.signed_at),
        "declined_at": _time(contract.declined_at),
        "happened_at": _time(contract.happened_at),
        "document_sha256": document_sha256(contract),
        "pdf_url": f"/api/crm/contracts/{contract.id}/pdf",
        "created_at": _time(contract.created_at),
        "updated_at": _time(contract.updated_at),
    }


def signature_json(signature: Signature) -> dict:
    return {
        "id": signature.id,
        "contract_id": signature.contract_id,
        "signer_name": signature.signer_name,
        "signed_at": _time(signature.signed_at),
        "ip": signature.ip,
        "user_agent": signature.user_agent,
        "document_sha256": signature.document_sha256,
    }


# ---------------------------------------------------------------- the signed text and PDF


def signed_text(contract: Contract) -> str:
    return f"{contract.title}\n\n{contract.body}"


def document_sha256(contract: Contract) -> str:
    return hashlib.sha256(signed_text(contract).encode("utf-8")).hexdigest()


async def _render(contract: Contract, signature: Signature | None, media_root: Path) -> bytes:
    business = await Business.get(id=contract.business_id)
    customer = await Customer.get(id=contract.customer_id)
    contract_dict = {"title": contract.title, "body": contract.body, "created_at": contract.created_at}
    signature_dict = None
    if signature is not None:
        signature_dict = {
            "signer_name": signature.signer_name, "signed_at": signature.signed_at, "ip": signature.ip,
            "document_sha256": signature.document_sha256,
            "image_png": media_path(media_root, signature.image_path).read_bytes(),
        }
    return await asyncio.to_thread(render_contract, business=business_dict(business),
                                   customer=customer_dict(customer), contract=contract_dict,
                                   signature=signature_dict)


def _write(path: Path, data: bytes) -> None:
    """Write whole or not at all: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


async def contract_pdf(*, business_id: int, contract_id: int, media_root: Path) -> bytes:
    """The signed PDF as stored when the contract is signed; else the unsigned one, fresh."""
    contract = await get_contract(business_id=business_id, contract_id=contract_id)
    signature = await Signature.get_or_none(contract_id=contract.id)
    if signature is None:
        return await _render(contract, None, media_root)
    if stored := stored_file(media_root, signature.pdf_path):
        return stored.read_bytes()
    return await _store_signed_pdf(contract, signature, media_root)


async def _store_signed_pdf(contract: Contract, signature: Signature, media_root: Path) -> bytes:
    pdf = await _render(contract, signature, media_root)
    relative = f"contracts/{contract.business_id}/{contract.id}-signed.pdf"
    _write(media_path(media_root, relative), pdf)
    await Signature.filter(id=signature.id).update(pdf_path=relative)
    return pdf


# ---------------------------------------------------------------- the customer's side


async def contract_for_token(token: str) -> Contract | None:
    if not token or len(token) > 64:
        return None
    contract = await Contract.get_or_none(sign_token=token)
    # A draft's link is not live yet: it looks exactly like an unknown one.
    return None if contract is None or contract.status == "draft" else contract


def signature_png(data_url: str) -> bytes:
    """The PNG inside a `data:image/png;base64,` URL, checked to be a real, non-blank image."""
    if not data_url.startswith(DATA_URL_PREFIX):
        raise APIError(422, "invalid_signature", "the signature must be a data:image/png;base64 URL")
    try:
        png = base64.b64decode(data_url[len(DATA_URL_PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        raise APIError(422, "invalid_signature", "the signature is not valid base64") from None
    if len(png) > MAX_PNG_BYTES:
        raise APIError(422, "invalid_signature", "the signature image is too large")
    if not png.startswith(PNG_MAGIC):
        raise APIError(422, "invalid_signature", "the signature is not a PNG image")
    try:
        with Image.open(io.BytesIO(png)) as image:
            if image.format != "PNG" or max(image.size) > MAX_PNG_SIDE or min(image.size) < 10:
                raise APIError(422, "invalid_signature", "the signature image has an unusable size")
            image.load()
            ink = _ink_pixels(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise APIError(422, "invalid_signature", "the signature is not a readable PNG image") from None
    if ink < MIN_INK_PIXELS:
        raise APIError(422, "blank_signature", "the signature is empty; draw your signature")
    return png


def _ink_pixels(image: Image.Image) -> int:
    """Dark, opaque pixels once the image is laid on white paper."""
    rgba = image.convert("RGBA")
    paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    gray = Image.alpha_composite(paper, rgba).convert("L")
    dark = sum(gray.histogram()[:160])
    # A page that is all ink is not a signature either.
    return dark if dark < gray.width * gray.height * 0.6 else 0


async def sign(*, contract: Contract, name: str, png: bytes, ip: str, user_agent: str,
               media_root: Path, base_url: str = "") -> Signature:
    """Sign once: a conditional UPDATE on the status lets exactly one concurrent signer win."""
    now = datetime.now(UTC)
    image_path = f"signatures/{contract.business_id}/{contract.id}.png"
    try:
        async with in_transaction() as connection:
            won = await Contract.filter(id=contract.id, status="sent").using_db(connection).update(
                status="signed", signed_at=now, happened_at=now)
            if not won:
                current = await Contract.filter(id=contract.id).using_db(connection).get()
                raise APIError(409, "not_signable", refusal(current))
            signature = await Signature.create(
                business_id=contract.business_id, contract_id=contract.id, signer_name=name, signed_at=now,
                ip=(ip or "")[:64], user_agent=(user_agent or "")[:500], document_sha256=document_sha256(contract),
                image_path=image_path, using_db=connection,
            )
            _write(media_path(media_root, image_path), png)
    except IntegrityError:
        raise APIError(409, "not_signable", "this contract is already signed") from None
    contract = await Contract.get(id=contract.id)
    await announce(contract, base_url=base_url)  # before the PDF: the card shows "signed" at once
    try:
        await _store_signed_pdf(contract, signature, media_root)
    except Exception:  # noqa: BLE001 - the signature stands; the PDF is rendered again when asked for
        log.exception("could not store the signed PDF of contract %s", contract.id)
    return signature


def refusal(contract: Contract) -> str:
    if contract.status == "signed":
        return "this contract is already signed"
    if contract.status == "declined":
        return "this contract was declined and can no longer be signed"
    return "this contract cannot be signed"
