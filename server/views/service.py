"""Saved views: each user's own table layouts. Another user's view is a 404, like a missing one.

At most one default per user and resource: setting `is_default` clears the others in the same
transaction.
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.errors import APIError
from server.tenancy import scoped
from server.views.models import SavedView


def view_json(view: SavedView) -> dict:
    return {
        "id": view.id,
        "resource": view.resource,
        "name": view.name,
        "columns": view.columns,
        "sort": view.sort,
        "filters": view.filters,
        "density": view.density,
        "is_default": view.is_default,
        "created_at": view.created_at.isoformat(),
        "updated_at": view.updated_at.isoformat(),
    }


def views_query(*, business_id: int, user_id: int, resource: str | None = None):
    query = scoped(SavedView, business_id).filter(user_id=user_id)
    return query.filter(resource=resource) if resource else query


async def get_view(*, business_id: int, user_id: int, view_id: int) -> SavedView:
    view = await views_query(business_id=business_id, user_id=user_id).get_or_none(id=view_id)
    if view is None:
        raise APIError(404, "not_found", "no such view")
    return view


async def _save(view: SavedView) -> SavedView:
    try:
        async with in_transaction() as connection:
            await view.save(using_db=connection)
            if view.is_default:
                await SavedView.filter(user_id=view.user_id, resource=view.resource, is_default=True).exclude(
                    id=view.id).using_db(connection).update(is_default=False)
    except IntegrityError as error:
        raise APIError(409, "duplicate_name", "you already have a view with this name for this table") from error
    return view


async def create_view(*, business_id: int, user_id: int, **fields) -> SavedView:
    return await _save(SavedView(business_id=business_id, user_id=user_id, **fields))


async def update_view(*, business_id: int, user_id: int, view_id: int, changes: dict) -> SavedView:
    view = await get_view(business_id=business_id, user_id=user_id, view_id=view_id)
    for name, value in changes.items():
        setattr(view, name, value)
    return await _save(view)


async def delete_view(*, business_id: int, user_id: int, view_id: int) -> None:
    view = await get_view(business_id=business_id, user_id=user_id, view_id=view_id)
    await view.delete()
