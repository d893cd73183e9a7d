"""Services raise DomainErrors; `@domain_errors` on a route gives each its HTTP status, in the
one error shape, and documents it. A bare Quart app: no database needed."""

from __future__ import annotations

import pytest
from quart import Quart
from quart_schema import QuartSchema

from server.errors import APIError, DomainError, domain_errors, register_error_handlers


class NotYetError(DomainError):
    code = "not_yet"
    default_message = "come back later"


class TooLateError(NotYetError):
    code = "too_late"


class UnmappedError(DomainError):
    code = "unmapped"


@pytest.fixture
def app():
    app = Quart(__name__)
    QuartSchema(app)
    register_error_handlers(app)
    raised = {"not_yet": NotYetError(), "too_late": TooLateError("it was yesterday", since="2026-01-01"),
              "unmapped": UnmappedError(), "api": APIError(404, "not_found", "no such thing")}

    @app.post("/things/<what>")
    @domain_errors({NotYetError: 409})
    async def things(what: str):
        if what == "ok":
            return {"ok": True}, 201
        raise raised[what]

    return app


async def test_a_mapped_error_answers_its_status_code_and_message(app):
    response = await app.test_client().post("/things/not_yet")
    assert response.status_code == 409
    assert await response.get_json() == {"error": {"code": "not_yet", "message": "come back later"}}


async def test_a_subclass_takes_its_bases_status_and_keeps_its_own_code_message_and_details(app):
    response = await app.test_client().post("/things/too_late")
    assert response.status_code == 409
    assert await response.get_json() == {"error": {"code": "too_late", "message": "it was yesterday",
                                                   "details": {"since": "2026-01-01"}}}


async def test_an_unmapped_domain_error_is_a_generic_500(app):
    response = await app.test_client().post("/things/unmapped")
    assert response.status_code == 500
    assert (await response.get_json())["error"]["code"] == "internal_error"


async def test_success_and_api_errors_pass_through(app):
    client = app.test_client()
    ok = await client.post("/things/ok")
    assert ok.status_code == 201 and await ok.get_json() == {"ok": True}
    assert (await client.post("/things/api")).status_code == 404


async def test_the_mapped_statuses_are_documented(app):
    spec = await (await app.test_client().get("/openapi.json")).get_json()
    responses = spec["paths"]["/things/{what}"]["post"]["responses"]
    assert "409" in responses and "500" not in responses


def test_a_domain_error_without_a_message_reads_its_code():
    assert UnmappedError().message == "unmapped"
    assert str(NotYetError()) == "come back later"
