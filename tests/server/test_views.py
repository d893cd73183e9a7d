"""Saved views: each user's own; one default per user and table."""

from __future__ import annotations

import pytest

from server.auth.service import create_user
from server.views.models import SavedView
from tests.conftest import login

VIEW = {"resource": "customers", "name": "לידים חמים", "columns": ["name", "phone", "status"], "sort": "-created_at",
        "filters": {"status": "lead"}, "density": "compact"}


async def post_view(client, headers, **changes) -> dict:
    response = await client.post("/api/crm/views", json={**VIEW, **changes}, headers=headers)
    assert response.status_code == 201, await response.get_data(as_text=True)
    return await response.get_json()


async def defaults(user_id: int, resource: str) -> list[str]:
    return [v.name for v in await SavedView.filter(user_id=user_id, resource=resource, is_default=True)]


async def test_create_and_list_own_views_by_resource(client, business, user, auth_headers):
    view = await post_view(client, auth_headers)
    assert {k: view[k] for k in VIEW} == VIEW and view["is_default"] is False
    await post_view(client, auth_headers, resource="calls", name="שיחות")
    body = await (await client.get("/api/crm/views?resource=customers", headers=auth_headers)).get_json()
    assert [v["name"] for v in body["results"]] == ["לידים חמים"]
    assert (await (await client.get("/api/crm/views", headers=auth_headers)).get_json())["total"] == 2


async def test_setting_a_default_clears_the_others(client, business, user, auth_headers):
    first = await post_view(client, auth_headers, name="א", is_default=True)
    second = await post_view(client, auth_headers, name="ב", is_default=True)
    await post_view(client, auth_headers, name="שיחות", resource="calls", is_default=True)
    assert await defaults(user.id, "customers") == ["ב"]
    response = await client.patch(f"/api/crm/views/{first['id']}", json={"is_default": True}, headers=auth_headers)
    assert (await response.get_json())["is_default"] is True
    assert await defaults(user.id, "customers") == ["א"]
    assert await defaults(user.id, "calls") == ["שיחות"]  # another table keeps its own default
    read = await (await client.get(f"/api/crm/views/{second['id']}", headers=auth_headers)).get_json()
    assert read["is_default"] is False


async def test_another_users_view_is_404_and_invisible(client, business, user, auth_headers):
    colleague = await create_user(business_id=business.id, email="b@example.com", password="colleague-pass-1")
    theirs = await post_view(client, await login(client, colleague.email, "colleague-pass-1"), is_default=True)
    await post_view(client, auth_headers, is_default=True)  # same name and table, another user: fine
    for method, body in (("get", None), ("patch", {"name": "שלי"}), ("delete", None)):
        response = await getattr(client, method)(f"/api/crm/views/{theirs['id']}", json=body, headers=auth_headers)
        assert response.status_code == 404, method
    assert (await (await client.get("/api/crm/views", headers=auth_headers)).get_json())["total"] == 1
    assert await defaults(colleague.id, "customers") == ["לידים חמים"]


async def test_update_delete_and_mass_assignment(client, business, user, auth_headers):
    view = await post_view(client, auth_headers)
    response = await client.patch(f"/api/crm/views/{view['id']}", headers=auth_headers, json={
        "name": "חדש", "columns": ["name"], "density": "comfortable", "user_id": 999, "resource": "calls"})
    body = await response.get_json()
    assert (body["name"], body["columns"], body["density"], body["resource"]) == ("חדש", ["name"], "comfortable",
                                                                                   "customers")
    assert (await SavedView.get(id=view["id"])).user_id == user.id
    assert (await client.delete(f"/api/crm/views/{view['id']}", headers=auth_headers)).status_code == 204
    assert await SavedView.filter(id=view["id"]).count() == 0


@pytest.mark.both_databases
async def test_duplicate_name_is_409_and_bad_input_422(client, business, auth_headers):
    await post_view(client, auth_headers)
    again = await client.post("/api/crm/views", json=VIEW, headers=auth_headers)
    assert again.status_code == 409
    for body in ({**VIEW, "density": "huge"}, {**VIEW, "resource": "users"}, {**VIEW, "name": ""},
                 {**VIEW, "columns": "name"}, {**VIEW, "filters": {"q": "x" * 5000}}):
        response = await client.post("/api/crm/views", json=body, headers=auth_headers)
        assert response.status_code == 422, body
    assert (await client.get("/api/crm/views?resource=users", headers=auth_headers)).status_code == 422
