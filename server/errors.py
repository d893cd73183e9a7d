"""One error type and one error shape: `{"error": {"code", "message"}}`.

Routes raise `APIError(status, code)`. Services raise `DomainError`s instead, which say what
went wrong in the domain's words and know nothing of HTTP; each route names the status of the
ones it lets through with `@domain_errors({SomeError: 409, ...})`, which also puts those
statuses in /openapi.json. A domain error no route mapped is a bug, answered as any other: a
logged 500.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import wraps
from typing import Any

from pydantic import BaseModel
from quart import Quart, jsonify, request
from quart_rate_limiter import RateLimitExceeded
from quart_schema import RequestSchemaValidationError, document_response
from werkzeug.exceptions import HTTPException

from server.outages import database_unavailable

log = logging.getLogger("agentlocator.errors")


class APIError(Exception):
    def __init__(self, status: int, code: str, message: str = "", **details) -> None:
        super().__init__(message or code)
        self.status = status
        self.code = code
        self.message = message or code.replace("_", " ")
        self.details = details


class DomainError(Exception):
    """A service's refusal: `code` is the stable name clients and tests rely on; `message`
    (the class's `default_message` unless given) and `details` go to the client as they are,
    so neither may hold a secret."""

    code = "domain_error"
    default_message = ""

    def __init__(self, message: str = "", **details: Any) -> None:
        self.message = message or self.default_message or self.code.replace("_", " ")
        self.details = details
        super().__init__(self.message)


def domain_errors(statuses: Mapping[type[DomainError], int]):
    """Route decorator: a DomainError of one of these types (or of a subclass) raised by the
    view answers with its status, in the one error shape."""

    def decorator(view):
        @wraps(view)
        async def wrapper(*args, **kwargs):
            try:
                return await view(*args, **kwargs)
            except DomainError as error:
                status = next((statuses[kind] for kind in type(error).__mro__ if kind in statuses), None)
                if status is None:
                    raise
                raise APIError(status, error.code, error.message, **error.details) from error

        for status in sorted(set(statuses.values())):
            wrapper = document_response(ErrorResponse, status)(wrapper)
        return wrapper

    return decorator


def error_response(status: int, code: str, message: str, headers: dict | None = None, **details):
    body = {"code": code, "message": message}
    if details:
        body["details"] = details
    response = jsonify({"error": body})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _validation_details(error: Exception) -> list:
    errors = getattr(error, "errors", None)
    if callable(errors):
        return [
            {"loc": [str(p) for p in item.get("loc", ())], "msg": item.get("msg", "")}
            for item in errors(include_url=False, include_input=False)
        ]
    return [{"msg": str(error)}]


def register_error_handlers(app: Quart) -> None:
    @app.errorhandler(APIError)
    async def _api_error(error: APIError):
        return error_response(error.status, error.code, error.message, **error.details)

    @app.errorhandler(RequestSchemaValidationError)
    async def _schema_error(error: RequestSchemaValidationError):
        return error_response(
            422, "validation_error", "the request is not valid",
            fields=_validation_details(error.validation_error),
        )

    @app.errorhandler(RateLimitExceeded)
    async def _rate_limited(error: RateLimitExceeded):
        return error_response(
            429, "rate_limited", "too many requests, try again later",
            headers={"Retry-After": str(error.retry_after)},
        )

    @app.errorhandler(UnicodeDecodeError)
    async def _bad_encoding(error: UnicodeDecodeError):
        return error_response(400, "bad_encoding", "the request body is not UTF-8")

    @app.errorhandler(HTTPException)
    async def _http_error(error: HTTPException):
        code = (error.name or "error").lower().replace(" ", "_")
        return error_response(error.code or 500, code, error.description or error.name)

    @app.errorhandler(Exception)
    async def _unexpected(error: Exception):
        if database_unavailable(error):
            # A restart or failover of the database: the clients try again (Retry-After).
            log.warning("database unavailable: %s answered 503", request.path)
            return error_response(503, "unavailable", "the service is briefly unavailable, try again shortly",
                                  headers={"Retry-After": "5"})
        # The traceback goes to the log; the client learns nothing about the inside.
        log.exception("unhandled error")
        return error_response(500, "internal_error", "something went wrong on our side")


class ErrorBody(BaseModel):
    code: str
    message: str
    details: dict[str, Any] | None = None


class ErrorResponse(BaseModel):
    """An error: `{"error": {"code", "message", "details"?}}`."""

    error: ErrorBody
