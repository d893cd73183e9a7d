import json
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from server.pagination import ListQuery
from server.schemas import PatchModel, ResponseModel, Timestamp

Resource = Literal["customers", "calls", "messages", "tasks", "invoices", "contracts", "signatures"]
Density = Literal["compact", "normal", "comfortable"]
VIEW_SORTS = ("name", "resource", "created_at", "id")
MAX_FILTERS_JSON = 4_000


def _small(filters: dict) -> dict:
    if len(json.dumps(filters)) > MAX_FILTERS_JSON:
        raise ValueError(f"filters are limited to {MAX_FILTERS_JSON} characters of JSON")
    return filters


Columns = Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=64)]], Field(max_length=100)]
Filters = Annotated[dict[str, Any], AfterValidator(_small)]


class ViewListQuery(ListQuery):
    limit: int = Field(100, ge=1, le=200)
    resource: Resource | None = None


class ViewCreate(BaseModel):
    resource: Resource
    name: str = Field(min_length=1, max_length=100)
    columns: Columns = []
    sort: str = Field("", max_length=64)
    filters: Filters = {}
    density: Density = "normal"
    is_default: bool = False


class ViewUpdate(PatchModel):
    """Only the fields sent change; resource, owner and business never do."""

    name: str | None = Field(None, min_length=1, max_length=100)
    columns: Columns | None = None
    sort: str | None = Field(None, max_length=64)
    filters: Filters | None = None
    density: Density | None = None
    is_default: bool | None = None


class ViewOut(ResponseModel):
    id: int
    resource: Resource
    name: str
    columns: list[str]
    sort: str
    filters: dict[str, Any]
    density: Density
    is_default: bool
    created_at: Timestamp
    updated_at: Timestamp
