"""CORS, security headers, body size limit and the generic 500."""

from __future__ import annotations

import pytest

from server.app import create_app

ALLOWED = "https://app.agentlocator.example.com"


@pytest.fixture
async def cors_client(settings):
    application = create_app(settings=settings.with_overrides(cors_origins=(ALLOWED,)))
    async with application.test_app():
        yield application.test_client()


async def test_exact_origin_gets_cors_with_credentials(cors_client):
    response = await cors_client.options("/api/crm/customers", headers={
        "Origin": ALLOWED, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "Authorization"})
    assert response.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert response.headers["Access-Control-Allow-Credentials"] == "true"


@pytest.mark.parametrize("origin", ["https://evil.example", "null", ALLOWED + ".evil.example",
                                    "http://app.agentlocator.example.com"])
async def test_other_origins_get_no_cors(cors_client, origin):
    response = await cors_client.get("/api/health", headers={"Origin": origin})
    assert "Access-Control-Allow-Origin" not in response.headers


async def test_no_configured_origins_means_no_cors(client):
    response = await client.get("/api/health", headers={"Origin": ALLOWED})
    assert "Access-Control-Allow-Origin" not in response.headers


async def test_security_headers_and_no_store_on_the_api(client, auth_headers):
    response = await client.get("/api/crm/customers", headers=auth_headers)
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Strict-Transport-Security" not in headers  # development
    mp3 = await client.head("/server/static/voice_responses/welcome.mp3")
    assert mp3.headers["Cache-Control"] == "public, max-age=300"


async def test_hsts_in_production(settings):
    application = create_app(settings=settings.with_overrides(app_env="production"))
    async with application.test_app():
        response = await application.test_client().get("/api/health")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


async def test_oversized_body_is_413_json(client):
    response = await client.post("/auth/login", data=b"x" * (11 * 1024 * 1024),
                                 headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert (await response.get_json())["error"]["code"] == "request_entity_too_large"


async def test_unexpected_error_says_nothing_internal(settings):
    application = create_app(settings=settings)

    @application.get("/boom")
    async def boom():
        raise RuntimeError("database password is hunter2")

    async with application.test_app():
        response = await application.test_client().get("/boom")
    body = await response.get_data(as_text=True)
    assert response.status_code == 500 and "hunter2" not in body and "Traceback" not in body
    assert (await response.get_json())["error"] == {
        "code": "internal_error", "message": "something went wrong on our side"}


async def test_openapi_describes_the_api(client):
    spec = await (await client.get("/openapi.json")).get_json()
    assert {"/api/crm/customers", "/api/crm/calls", "/auth/login"} <= spec["paths"].keys()
    assert (await client.get("/docs")).status_code == 200


@pytest.mark.both_databases
async def test_absurd_ids_are_404_not_overflow(client, auth_headers):
    for path in ("/api/crm/calls/99999999999999999999", "/api/crm/customers/0", "/api/crm/customers/2147483648"):
        response = await client.get(path, headers=auth_headers)
        assert response.status_code == 404, path


async def test_body_that_is_not_utf8_is_400(client, auth_headers):
    response = await client.post("/api/crm/customers", data=b"\xff\xfe{", headers={
        **auth_headers, "Content-Type": "application/json"})
    assert response.status_code in (400, 422)
    assert "error" in await response.get_json()


async def test_null_for_a_required_field_is_422(client, auth_headers):
    created = await (await client.post("/api/crm/customers", json={"name": "דנה"}, headers=auth_headers)).get_json()
    response = await client.patch(f"/api/crm/customers/{created['id']}", json={"name": None}, headers=auth_headers)
    assert response.status_code == 422
    cleared = await client.patch(f"/api/crm/customers/{created['id']}", json={"email": None}, headers=auth_headers)
    assert cleared.status_code == 200
