"""The one pagination helper: every list in the API answers through `paginated`."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, create_model
from tortoise.fields import DatetimeField

from server.errors import APIError

MAX_LIMIT = 200
DEFERRED_FROM = 1000  # offsets from which a page is read by its ids first
EARLIEST = datetime(1, 1, 1, tzinfo=UTC)  # before every stored date: `x >= EARLIEST` is "x has a value"


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
    customers list keeps counts per business and status). Rows without a value in a nullable
    sort field (a customer never contacted) come last in both directions, on both databases.
    """
    total = await count() if count is not None else await query.count()
    offset = (page - 1) * limit
    field = order_by[0].removeprefix("-")
    column = query.model._meta.fields_map.get(field)
    if column is not None and column.null:
        rows = await _nulls_last(query, field=field, offset=offset, limit=limit, order_by=order_by)
    else:
        rows = await _rows(query, offset=offset, limit=limit, order_by=order_by)
    return {
        "results": [serialize(row) for row in rows],
        "page": page,
        "pages": max(1, math.ceil(total / limit)),
        "total": total,
    }


async def _nulls_last(query, *, field: str, offset: int, limit: int, order_by: list[str]) -> list:
    """The page as if the rows with a value came first (in `order_by`) and then those without
    (by id, in the same direction). SQLite puts NULLs first going up, PostgreSQL going down,
    and `NULLS LAST` or `ORDER BY x IS NULL` would sort instead of walking the (business,
    field, id) index; two index ranges, each walked in order, need no sort. Only a page past
    the last row with a value counts them (once), to know where the rows without one start."""
    valued = query.filter(**_has_value(query.model._meta.fields_map[field]))
    nulls = query.filter(**{f"{field}__isnull": True})
    rows = await _rows(valued, offset=offset, limit=limit, order_by=order_by)
    if len(rows) == limit:
        return rows
    # The valued rows end on this page (then the nulls start at 0) or before it.
    start = 0 if rows else max(0, offset - await valued.count())
    return rows + await _rows(nulls, offset=start, limit=limit - len(rows), order_by=order_by[1:] or ["id"])


def _has_value(column) -> dict:
    """The filter of the rows with a value. isnull=False writes `NOT x IS NULL`, which SQLite
    cannot seek with: going up it would read every NULL at the start of the index first (40 ms
    over 300,000 never-contacted customers). A date's `x >= year 1` is a range it seeks to."""
    if isinstance(column, DatetimeField):
        return {f"{column.model_field_name}__gte": EARLIEST}
    return {f"{column.model_field_name}__isnull": False}


async def _rows(query, *, offset: int, limit: int, order_by: list[str]) -> list:
    """Deep pages first find the page's ids alone (an index-only walk over the sort index) and
    then read just those rows, instead of reading and discarding every row before the offset."""
    if offset < DEFERRED_FROM:
        return await query.order_by(*order_by).offset(offset).limit(limit)
    ids = await query.order_by(*order_by).offset(offset).limit(limit).values_list("id", flat=True)
    found = {row.id: row for row in await query.filter(id__in=ids)} if ids else {}
    return [found[i] for i in ids if i in found]
