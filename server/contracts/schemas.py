"""Contract and signature requests."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.pagination import ListQuery
from server.schemas import DbId, PatchModel, ResponseModel, Timestamp

# base64 of a 500 KB PNG plus the data-URL prefix.
MAX_SIGNATURE_URL = 700_000


class ContractCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    customer_id: DbId
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=100_000)


class ContractPatch(PatchModel):
    """Writable fields only; anything else in the body is ignored (mass assignment)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    customer_id: DbId | None = None
    title: str | None = Field(None, min_length=1, max_length=300)
    body: str | None = Field(None, min_length=1, max_length=100_000)
    status: Literal["sent", "declined"] | None = None


ContractStatus = Literal["draft", "sent", "signed", "declined"]


class ContractListQuery(ListQuery):
    customer_id: DbId | None = None
    status: ContractStatus | None = None


class SignatureListQuery(ListQuery):
    contract_id: DbId | None = None
    customer_id: DbId | None = None


class SignRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    name: str = Field(min_length=2, max_length=200)
    signature_png: str = Field(min_length=30, max_length=MAX_SIGNATURE_URL)


CONTRACT_SORTS = ("id", "created_at", "title", "status", "signed_at", "sent_at")
SIGNATURE_SORTS = ("id", "signed_at", "signer_name")


class ContractOut(ResponseModel):
    id: int
    customer_id: int
    title: str
    body: str
    status: ContractStatus
    status_label: str  # Hebrew, server/labels.py
    sign_url: str | None  # the public link, once sent
    sent_at: Timestamp | None
    signed_at: Timestamp | None
    declined_at: Timestamp | None
    happened_at: Timestamp  # its latest event (created, sent, signed, declined): the timeline's date
    document_sha256: str
    pdf_url: str
    created_at: Timestamp
    updated_at: Timestamp


class SignatureOut(ResponseModel):
    id: int
    contract_id: int
    signer_name: str
    signed_at: Timestamp
    ip: str
    user_agent: str
    document_sha256: str


class SignedOut(ResponseModel):
    """The answer to a signature on the public page."""

    status: ContractStatus
    signer_name: str
    signed_at: Timestamp
    document_sha256: str
