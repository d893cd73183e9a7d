"""The tenant wall, in one place.

The business comes only from the verified login (`g.user`, set by `login_required`). Every
read of business-owned rows starts from `scoped(Model, business_id)`, and every id taken from
a request (a path or a body's `customer_id`) goes through `owned(...)`, which answers 404 for
another business's row exactly as for one that does not exist.
"""

from __future__ import annotations

from tortoise.models import Model
from tortoise.queryset import QuerySet

from server.errors import APIError

MAX_ID = 2**31 - 1  # ids are 32-bit in both databases; a larger number names no row


def _possible_id(value) -> bool:
    return not isinstance(value, int) or isinstance(value, bool) or 1 <= value <= MAX_ID


def scoped(model: type[Model], business_id: int, **filters) -> QuerySet:
    """The business's rows, narrowed by the list filters given (those left None are not applied)."""
    applied = {k: v for k, v in filters.items() if v is not None and v != ""}
    if not all(_possible_id(v) for v in applied.values()):
        return model.filter(business_id=business_id, id__in=[])  # no row has such an id
    return model.filter(business_id=business_id, **applied)


async def owned(model: type[Model], object_id: int | None, *, business_id: int, what: str | None = None):
    """The business's row with this id, or a 404 (also for another business's row)."""
    found = object_id is not None and _possible_id(object_id)
    row = await scoped(model, business_id).get_or_none(id=object_id) if found else None
    if row is None:
        name = what or model.__name__.lower()
        raise APIError(404, "not_found", f"no such {name}")
    return row
