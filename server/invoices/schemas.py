"""Invoice requests. Amounts arrive as JSON numbers or strings and become exact Decimals."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NotRequired, TypedDict

from pydantic import BaseModel, ConfigDict, Field

from server.pagination import ListQuery
from server.schemas import DbId, Money, PatchModel, ResponseModel, Timestamp

MAX_LINES = 200


class InvoiceLine(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    description: str = Field(min_length=1, max_length=300)
    quantity: Decimal = Field(gt=0, le=1_000_000, decimal_places=3, allow_inf_nan=False)
    unit_price: Decimal = Field(ge=0, le=100_000_000, decimal_places=2, allow_inf_nan=False)


class InvoiceCreate(BaseModel):
    customer_id: DbId
    lines: list[InvoiceLine] = Field(min_length=1, max_length=MAX_LINES)
    notes: str = Field("", max_length=2000)
    status: Literal["draft", "issued"] = "draft"


class InvoicePatch(PatchModel):
    """Writable fields only; anything else in the body is ignored (mass assignment)."""

    customer_id: DbId | None = None
    lines: list[InvoiceLine] | None = Field(None, min_length=1, max_length=MAX_LINES)
    notes: str | None = Field(None, max_length=2000)
    status: Literal["draft", "issued", "paid", "cancelled"] | None = None


InvoiceStatus = Literal["draft", "awaiting_allocation", "issued", "paid", "cancelled"]
AllocationStatus = Literal["not_required", "pending", "allocated", "refused"]


class InvoiceListQuery(ListQuery):
    customer_id: DbId | None = None
    status: Literal["draft", "awaiting_allocation", "issued", "paid", "cancelled"] | None = None


INVOICE_SORTS = ("id", "number", "total", "status", "issued_at", "created_at")


class InvoiceLineOut(TypedDict):
    """A line as stored: decimals as strings, with its rounded total (rows written before the
    totals were stored have none, and a TypedDict leaves it out rather than answer null)."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    description: str
    quantity: str
    unit_price: str
    total: NotRequired[str]


class AllocationError(TypedDict):
    code: Literal["unreachable", "refused", "no_credentials", "unauthorized", "missing_business_tax_id"]
    message: str  # Hebrew, for the agent


class InvoiceOut(ResponseModel):
    id: int
    number: int
    customer_id: int
    lines: list[InvoiceLineOut]
    subtotal: Money
    vat_rate: Money  # percent
    vat: Money
    total: Money
    currency: str
    status: InvoiceStatus
    status_label: str  # Hebrew, server/labels.py
    notes: str
    issued_at: Timestamp | None
    paid_at: Timestamp | None
    cancelled_at: Timestamp | None
    happened_at: Timestamp  # its latest event (created, issued, paid, cancelled): the timeline's date
    pdf_url: str
    allocation_required: bool  # a B2B tax invoice at or above the threshold of its date
    allocation_status: AllocationStatus
    allocation_status_label: str
    allocation_number: str | None  # מספר הקצאה, once the Tax Authority gave it
    allocation_error: AllocationError | None  # why it still waits, or why it was refused
    buyer_name: str  # the buyer as it was when issued (kept after an erasure)
    buyer_tax_id: str
    created_at: Timestamp
    updated_at: Timestamp
