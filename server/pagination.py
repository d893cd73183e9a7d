"""The one pagination helper: every list in the API answers through `paginated`."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Iterable
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, create_model

from server.errors import APIError

MAX_LIMIT = 200
DEFERRED_FROM = 1000  # offsets from which a page is read by its ids first


class ListQuery(BaseModel):
    """The query string every list accepts; resources extend it with their filters."""

    page: int = Field(1, ge=1, le=1_000_000)
    limit: int = Field(25, ge=1, le=MAX_LIMIT)
    sort: str | None = Field(None, max_length=64)
    q: str | None = Field(None, max_length=200)


def ordering(sort: str | None, *, allowed: Iterable[str], default: str) -> list[str]:
    """`sort=field` or `sort=-field` over an allow-list; id breaks ties so pages are stable."""
    sort = sort or default
    field = sort.removeprefix("-")
    if field not in allowed:
        raise APIError(422, "invalid_sort", f"cannot sort by {field!r}; choose one of: {', '.join(sorted(allowed))}")
    direction = "-" if sort.startswith("-") else ""
    return [sort] if field == "id" else [sort, f"{direction}id"]


@cache
def page_of(model: type[BaseModel]) -> type[BaseModel]:
    """The response model of a list of `model`: what `paginated` answers."""
    return create_model(f"{model.__name__.removesuffix('Out')}Page", __config__=ConfigDict(extra="forbid"),
                        results=(list[model], ...), page=(int, ...), pages=(int, ...), total=(int, ...))


async def paginated(query, *, page: int, limit: int, order_by: list[str], serialize: Callable,
                    count: Callable[[], Awaitable[int]] | None = None) -> dict:
    """One page of `query` and the exact total.

    `count`: where the caller knows a cheaper exact count than COUNT(*) over the query (the
    customers list keeps counts per business and status). Deep pages first find the page's
    ids alone (an index-only walk over the sort index) and then read just those rows, instead
    of reading and discarding every row before the offset.
    """
    total = await count() if count is not None else await query.count()
    offset = (page - 1) * limit
    if offset < DEFERRED_FROM:
        rows = await query.order_by(*order_by).offset(offset).limit(limit)
    else:
        ids = await query.order_by(*order_by).offset(offset).limit(limit).values_list("id", flat=True)
        found = {row.id: row for row in await query.filter(id__in=ids)} if ids else {}
        rows = [found[i] for i in ids if i in found]
    return {
        "results": [serialize(row) for row in rows],
        "page": page,
        "pages": max(1, math.ceil(total / limit)),
        "total": total,
    }
