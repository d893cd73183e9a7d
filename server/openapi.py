"""What /openapi.json says beyond quart-schema's defaults.

- Responses that are not JSON (PDFs, audio, CSV, HTML, TwiML, 204s) are documented with a
  `Body` (its media type) through `document_response(PDF)`; quart-schema alone would call
  every documented response `application/json`.
- The error responses every route shares are added here once, in the one error shape: 422
  where the route validates a body or a query string, 404 where the path holds an id.
  `login_required` documents its own 401 and the bearer requirement.
- Operation ids are `<method>_<blueprint>_<view>`, unique across the API.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quart_schema import OpenAPIProvider

from server.errors import ErrorResponse


@dataclass(frozen=True)
class Body:
    """A documented response that is not JSON; `media_type=None` for an empty body."""

    media_type: str | None
    description: str


NO_CONTENT = Body(None, "No content")
PDF = Body("application/pdf", "A PDF document")
MP3 = Body("audio/mpeg", "MP3 audio (Range requests answered with 206)")
CSV = Body("text/csv", "CSV, UTF-8 with a BOM")
HTML = Body("text/html", "An HTML page")
TWIML = Body("text/xml", "TwiML for Twilio")
TEXT = Body("text/plain", "Plain text")
INSTALLER = Body("application/octet-stream", "An installer file, as an attachment (Range requests answered with 206)")

SHARED_ERRORS = {
    422: lambda operation: "requestBody" in operation or any(p["in"] == "query" for p in operation["parameters"]),
    404: lambda operation: any(p["in"] == "path" and p["schema"].get("type") == "integer"
                               for p in operation["parameters"]),
}


class Provider(OpenAPIProvider):
    def build_response_object(self, model, headers_model):
        if not isinstance(model, Body):
            return super().build_response_object(model, headers_model)
        response = {"description": model.description}
        if model.media_type is not None:
            response["content"] = {model.media_type: {"schema": {"type": "string", "format": "binary"}}}
        return response, {}

    def build_paths(self, rule):
        paths, components = super().build_paths(rule)
        error, error_components = self.build_response_object(ErrorResponse, None)
        for operations in paths.values():
            for method, operation in operations.items():
                operation["operationId"] = f"{method}_{rule.endpoint.replace('.', '_')}"
                responses = operation["responses"] = dict(operation["responses"])
                for status, applies in SHARED_ERRORS.items():
                    if applies(operation) and status not in responses:
                        responses[status] = error
                        components.update(error_components)
        return paths, components

    def schema(self) -> dict:
        schema = super().schema()
        # One view served at two paths (the timeline) would otherwise share an operation id.
        seen: Counter[str] = Counter()
        for operations in schema["paths"].values():
            for operation in operations.values():
                seen[operation["operationId"]] += 1
                if seen[operation["operationId"]] > 1:
                    operation["operationId"] += f"_{seen[operation['operationId']]}"
        return schema

