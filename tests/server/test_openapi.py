"""/openapi.json describes every response, so the clients (and schemathesis) can rely on it."""

from openapi_spec_validator import validate

from server.auth.schemas import SessionOut
from tests.conftest import PASSWORD, login

JSON = "application/json"
# Operations that never succeed: an invoice is never deleted (409), so its number stays.
NO_SUCCESS = {("delete", "/api/crm/invoices/{invoice_id}")}


async def _spec(client) -> dict:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    return await response.get_json()


def _operations(spec: dict):
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def _resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


async def test_the_spec_is_valid_openapi(client):
    validate(await _spec(client))


async def test_every_api_operation_documents_its_success(client):
    spec = await _spec(client)
    missing = []
    for method, path, operation in _operations(spec):
        if not path.startswith(("/api/", "/auth/")) or (method, path) in NO_SUCCESS:
            continue
        success = {status: body for status, body in operation["responses"].items() if status.startswith("2")}
        # A route without one: add @validate_response(Model) (JSON) or @document_response(Body) (server/openapi.py).
        if not success or any(JSON in body.get("content", {}) and not body["content"][JSON].get("schema")
                              for body in success.values()):
            missing.append(f"{method.upper()} {path}")
    assert missing == []


async def test_errors_and_security_are_documented(client):
    spec = await _spec(client)
    operations = {(method, path): operation for method, path, operation in _operations(spec)}
    read = operations[("get", "/api/crm/customers/{customer_id}")]
    assert {"200", "401", "404"} <= read["responses"].keys() and read["security"] == [{"bearer": []}]
    assert {"201", "401", "422"} <= operations[("post", "/api/crm/customers")]["responses"].keys()
    error = _resolve(spec, read["responses"]["404"]["content"][JSON]["schema"])
    assert _resolve(spec, error["properties"]["error"])["required"] == ["code", "message"]
    assert "security" not in operations[("post", "/auth/login")]
    assert "text/csv" in operations[("get", "/api/crm/customers/export.csv")]["responses"]["200"]["content"]
    assert "application/pdf" in operations[("get", "/api/crm/invoices/{invoice_id}/pdf")]["responses"]["200"]["content"]
    assert "content" not in operations[("delete", "/api/crm/customers/{customer_id}")]["responses"]["204"]
    ids = [operation["operationId"] for operation in operations.values()]
    assert len(ids) == len(set(ids))
    assert operations[("get", "/api/crm/customers")]["tags"] == ["customers"]


async def test_the_customers_list_is_a_page(client):
    spec = await _spec(client)
    schema = spec["paths"]["/api/crm/customers"]["get"]["responses"]["200"]["content"][JSON]["schema"]
    page = _resolve(spec, schema)
    assert {"results", "page", "pages", "total"} <= set(page["required"])
    customer = _resolve(spec, page["properties"]["results"]["items"])
    assert {"id", "name", "phone", "email", "status", "owner_id", "created_at", "updated_at",
            "last_contact_at"} <= customer["properties"].keys()


async def test_responses_match_their_models(client, user):
    """Login is documented rather than validated (it answers a Response, to set the cookie)."""
    response = await client.post("/auth/login", json={"email": user.email, "password": PASSWORD,
                                                      "client": "desktop"})
    SessionOut.model_validate(await response.get_json())
    headers = await login(client, user.email)
    created = await client.post("/api/crm/customers", json={"name": "דנה", "phone": "052-555-1234"},
                                headers=headers)
    assert created.status_code == 201
    body = await created.get_json()
    assert list(body)[:3] == ["id", "name", "phone"]  # the serialiser's order survives validation
    assert body["created_at"].endswith("+00:00")  # the serialiser's string, not re-rendered
    page = await (await client.get("/api/crm/customers", headers=headers)).get_json()
    assert page["total"] == 1 and page["results"][0] == body
