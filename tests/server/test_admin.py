"""Admin endpoints: users, business settings, greeting; roles, mass assignment, tenancy."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.auth.models import RefreshToken, User
from server.auth.service import create_user
from server.businesses.models import Business
from server.businesses.service import create_business, greeting_file
from tests.conftest import PASSWORD, login

WELCOME = Path(__file__).resolve().parents[2] / "server" / "static" / "voice_responses" / "welcome.mp3"


@pytest.fixture
async def agent(business):
    return await create_user(business_id=business.id, email="plain@example.com", password=PASSWORD, name="סוכן")


@pytest.fixture
async def agent_headers(client, agent):
    return await login(client, agent.email)


ADMIN_CALLS = [
    ("post", "/api/crm/users", {"json": {"email": "new@example.com", "password": PASSWORD}}),
    ("patch", "/api/crm/users/{agent}", {"json": {"name": "x"}}),
    ("patch", "/api/business", {"json": {"name": "x"}}),
    ("put", "/api/business/greeting", {"data": b"ID3", "headers": {"Content-Type": "audio/mpeg"}}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), ADMIN_CALLS)
async def test_agents_get_403_on_admin_routes(client, agent, agent_headers, method, path, kwargs):
    kwargs = {**kwargs, "headers": {**kwargs.get("headers", {}), **agent_headers}}
    response = await getattr(client, method)(path.format(agent=agent.id), **kwargs)
    assert response.status_code == 403
    assert (await response.get_json())["error"]["code"] == "forbidden"


@pytest.mark.parametrize(("method", "path", "kwargs"), ADMIN_CALLS)
async def test_admin_routes_need_a_login(client, agent, method, path, kwargs):
    response = await getattr(client, method)(path.format(agent=agent.id), **kwargs)
    assert response.status_code == 401


async def test_any_user_lists_the_business_users(client, business, user, agent, agent_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    await create_user(business_id=other.id, email="stranger@example.com", password=PASSWORD)
    body = await (await client.get("/api/crm/users?sort=email", headers=agent_headers)).get_json()
    assert body["total"] == 2 and body["pages"] == 1
    assert [u["email"] for u in body["results"]] == ["agent@example.com", "plain@example.com"]
    assert "password_hash" not in body["results"][0]
    admins = await (await client.get("/api/crm/users?role=admin", headers=agent_headers)).get_json()
    assert [u["id"] for u in admins["results"]] == [user.id]
    assert (await client.get("/api/crm/users?sort=password_hash", headers=agent_headers)).status_code == 422


async def test_admin_creates_an_agent_in_their_own_business(client, business, auth_headers):
    response = await client.post("/api/crm/users", headers=auth_headers,
                                 json={"email": "New@Example.com", "password": PASSWORD, "name": "חדש"})
    assert response.status_code == 201
    body = await response.get_json()
    assert (body["email"], body["role"], body["business_id"]) == ("new@example.com", "agent", business.id)
    logged_in = await client.post("/auth/login", json={"email": "new@example.com", "password": PASSWORD})
    assert logged_in.status_code == 200
    again = await client.post("/api/crm/users", headers=auth_headers,
                              json={"email": "new@example.com", "password": PASSWORD})
    assert again.status_code == 409
    weak = await client.post("/api/crm/users", headers=auth_headers,
                             json={"email": "w@example.com", "password": "short"})
    assert weak.status_code == 422


async def test_create_refuses_business_id(client, business, auth_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    response = await client.post("/api/crm/users", headers=auth_headers,
                                 json={"email": "sneaky@example.com", "password": PASSWORD, "business_id": other.id})
    assert response.status_code == 422
    assert not await User.exists(email="sneaky@example.com")


async def test_agent_cannot_escalate_or_move(client, business, agent, agent_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    response = await client.patch(f"/api/crm/users/{agent.id}", headers=agent_headers,
                                  json={"role": "admin", "business_id": other.id})
    assert response.status_code == 403
    await agent.refresh_from_db()
    assert (agent.role, agent.business_id) == ("agent", business.id)


async def test_admin_patch_refuses_fields_outside_the_allow_list(client, business, agent, auth_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    for body in ({"business_id": other.id}, {"id": 999}, {"email": "x@example.com"}, {"role": "owner"}):
        response = await client.patch(f"/api/crm/users/{agent.id}", headers=auth_headers, json=body)
        assert response.status_code == 422, body
    await agent.refresh_from_db()
    assert (agent.business_id, agent.id, agent.email, agent.role) == (business.id, agent.id, "plain@example.com",
                                                                       "agent")


async def test_admin_updates_name_and_role(client, agent, auth_headers):
    response = await client.patch(f"/api/crm/users/{agent.id}", headers=auth_headers,
                                  json={"name": "שם חדש", "role": "admin"})
    assert response.status_code == 200
    assert (await response.get_json())["role"] == "admin"
    await agent.refresh_from_db()
    assert (agent.name, agent.role) == ("שם חדש", "admin")


async def test_demotion_counts_at_once(client, user, agent, auth_headers):
    """admin_required reads the role from the user row, not from the (older) token."""
    other_admin = await create_user(business_id=user.business_id, email="boss2@example.com", password=PASSWORD,
                                    role="admin")
    headers = await login(client, other_admin.email)
    await client.patch(f"/api/crm/users/{other_admin.id}", headers=auth_headers, json={"role": "agent"})
    assert (await client.patch("/api/business", headers=headers, json={"name": "x"})).status_code == 403


async def test_other_business_user_is_404(client, auth_headers):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    stranger = await create_user(business_id=other.id, email="stranger@example.com", password=PASSWORD)
    response = await client.patch(f"/api/crm/users/{stranger.id}", headers=auth_headers, json={"name": "x"})
    assert response.status_code == 404
    await stranger.refresh_from_db()
    assert stranger.name == ""


@pytest.mark.both_databases
async def test_last_active_admin_cannot_be_demoted_or_disabled(client, user, auth_headers):
    for body in ({"role": "agent"}, {"is_active": False}):
        response = await client.patch(f"/api/crm/users/{user.id}", headers=auth_headers, json=body)
        assert response.status_code == 409, body
        assert (await response.get_json())["error"]["code"] == "last_admin"
    await user.refresh_from_db()
    assert (user.role, user.is_active) == ("admin", True)
    # With a second active admin, the first may step down.
    second = await create_user(business_id=user.business_id, email="boss2@example.com", password=PASSWORD,
                               role="admin")
    assert (await client.patch(f"/api/crm/users/{user.id}", headers=auth_headers,
                               json={"role": "agent"})).status_code == 200
    headers = await login(client, second.email)
    assert (await client.patch(f"/api/crm/users/{second.id}", headers=headers,
                               json={"is_active": False})).status_code == 409


async def test_an_inactive_admin_does_not_count(client, user, auth_headers):
    await create_user(business_id=user.business_id, email="gone@example.com", password=PASSWORD, role="admin")
    await User.filter(email="gone@example.com").update(is_active=False)
    response = await client.patch(f"/api/crm/users/{user.id}", headers=auth_headers, json={"role": "agent"})
    assert response.status_code == 409


async def refresh_token_of(client, email: str) -> str:
    response = await client.post("/auth/login", json={"email": email, "password": PASSWORD, "client": "desktop"})
    return (await response.get_json())["refresh_token"]


async def test_disabling_a_user_ends_their_sessions(client, agent, auth_headers):
    token = await refresh_token_of(client, agent.email)
    response = await client.patch(f"/api/crm/users/{agent.id}", headers=auth_headers, json={"is_active": False})
    assert response.status_code == 200
    assert await RefreshToken.filter(user_id=agent.id, revoked_at__isnull=True).count() == 0
    assert (await client.post("/auth/refresh", json={"refresh_token": token})).status_code == 401
    failed = await client.post("/auth/login", json={"email": agent.email, "password": PASSWORD})
    assert failed.status_code == 401


async def test_new_password_ends_sessions_and_works(client, agent, auth_headers):
    token = await refresh_token_of(client, agent.email)
    new_password = "another-long-password"
    response = await client.patch(f"/api/crm/users/{agent.id}", headers=auth_headers, json={"password": new_password})
    assert response.status_code == 200
    assert (await client.post("/auth/refresh", json={"refresh_token": token})).status_code == 401
    assert (await client.post("/auth/login", json={"email": agent.email, "password": PASSWORD})).status_code == 401
    assert (await client.post("/auth/login", json={"email": agent.email, "password": new_password})).status_code == 200
    short = await client.patch(f"/api/crm/users/{agent.id}", headers=auth_headers, json={"password": "short"})
    assert short.status_code == 422


async def test_read_business(client, business, agent_headers):
    body = await (await client.get("/api/business", headers=agent_headers)).get_json()
    assert body["id"] == business.id and body["name"] == "משרד בדיקות"
    assert body["vat_rate"] == 18 and body["timezone"] == "Asia/Jerusalem"
    assert body["greeting_url"] == "/server/static/voice_responses/welcome.mp3"


async def test_admin_patches_business_settings(client, business, auth_headers):
    changes = {"name": "  משרד חדש ", "tax_id": "514000000", "tax_id_kind": "licensed_dealer",
               "address": "רחוב הרצל 1, תל אביב", "phone": "03-5550100", "email": "office@example.com",
               "vat_rate": 17.5, "timezone": "Europe/London"}
    response = await client.patch("/api/business", headers=auth_headers, json=changes)
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    assert body["name"] == "משרד חדש" and body["vat_rate"] == 17.5 and body["timezone"] == "Europe/London"
    saved = await Business.get(id=business.id)
    assert (saved.name, saved.tax_id_kind, str(saved.vat_rate)) == ("משרד חדש", "licensed_dealer", "17.50")


@pytest.mark.parametrize("body", [
    {"vat_rate": 101}, {"vat_rate": -1}, {"timezone": "Mars/Olympus"}, {"tax_id_kind": "king"},
    {"id": 5}, {"invoice_seq": 0}, {"name": ""},
])
async def test_bad_business_patches_are_422(client, business, auth_headers, body):
    response = await client.patch("/api/business", headers=auth_headers, json=body)
    assert response.status_code == 422
    saved = await Business.get(id=business.id)
    assert (saved.id, saved.name, saved.timezone) == (business.id, "משרד בדיקות", "Asia/Jerusalem")


async def test_greeting_upload(app, client, business, auth_headers):
    audio = WELCOME.read_bytes()
    response = await client.put("/api/business/greeting", headers={**auth_headers, "Content-Type": "audio/mpeg"},
                                data=audio)
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    assert body["greeting_url"] == f"/server/static/voice_responses/{business.id}/greeting.mp3"
    assert body["greeting_duration"] > 0
    stored = greeting_file(app.config["SETTINGS"].media_root, business.id)
    assert stored.read_bytes() == audio
    served = await client.get(body["greeting_url"])
    assert served.status_code == 200 and served.mimetype == "audio/mpeg"


async def test_greeting_that_is_not_mp3_is_422(app, client, business, auth_headers):
    response = await client.put("/api/business/greeting", headers={**auth_headers, "Content-Type": "audio/mpeg"},
                                data=b"this is not audio at all" * 100)
    assert response.status_code == 422
    assert (await response.get_json())["error"]["code"] == "not_mp3"
    assert not greeting_file(app.config["SETTINGS"].media_root, business.id).exists()
    wrong_type = await client.put("/api/business/greeting", headers={**auth_headers, "Content-Type": "text/plain"},
                                  data=WELCOME.read_bytes())
    assert wrong_type.status_code == 415
