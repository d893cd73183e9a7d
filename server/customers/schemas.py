from typing import Literal

from pydantic import BaseModel, Field

from server.customers.export import COLUMNS, DEFAULT_COLUMNS
from server.pagination import ListQuery
from server.schemas import DbId, PatchModel, ResponseModel, Timestamp

CustomerStatus = Literal["lead", "active", "inactive"]
CUSTOMER_SORTS = ("id", "name", "created_at", "updated_at", "last_contact_at", "status")


class CustomerListQuery(ListQuery):
    status: CustomerStatus | None = None
    owner_id: DbId | Literal["none"] | None = None  # "none": the customers nobody owns
    source: str | None = Field(None, max_length=32)


class CustomerExportQuery(CustomerListQuery):
    """The list's query, plus which columns the CSV holds (`page` and `limit` are ignored: the
    export is every matching row)."""

    columns: str | None = Field(
        None, max_length=300, examples=[",".join(DEFAULT_COLUMNS)],
        description="Comma-separated column ids, in the order the screen shows them; only these are exported. "
                    f"Ids: {', '.join(COLUMNS)}. An unknown or repeated id is a 422 `invalid_columns`. "
                    f"Default: {','.join(DEFAULT_COLUMNS)}.")


class CustomerCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    status: CustomerStatus = "lead"
    owner_id: DbId | None = None
    address: str = Field("", max_length=300)
    notes: str = Field("", max_length=20_000)
    tax_id: str = Field("", max_length=20)  # ח.פ. / ע.מ.; checked by server/tax_ids.py


class CustomerUpdate(PatchModel):
    nullable = frozenset({"phone", "email", "owner_id"})

    name: str | None = Field(None, min_length=1, max_length=200)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    status: CustomerStatus | None = None
    owner_id: DbId | None = None
    address: str | None = Field(None, max_length=300)
    notes: str | None = Field(None, max_length=20_000)
    tax_id: str | None = Field(None, max_length=20)  # "" clears


class CustomerOut(ResponseModel):
    id: int
    name: str
    phone: str | None  # E.164
    phone_display: str | None  # the local format, for people
    email: str | None
    status: CustomerStatus
    status_label: str  # Hebrew, server/labels.py (as every *_label field)
    owner_id: int | None
    address: str
    notes: str
    source: str
    source_label: str
    created_at: Timestamp
    updated_at: Timestamp
    last_contact_at: Timestamp | None
    tax_id: str  # nine digits, "" for none
    erased_at: Timestamp | None  # its personal data was erased on request
