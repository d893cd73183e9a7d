"""The HTTP baseline every response gets: CORS for exactly the configured origins, security
headers, and no caching of API answers."""

from __future__ import annotations

from quart import Quart, request
from quart_cors import cors

from server.config import Settings

API_PREFIXES = ("/api/", "/auth/")


def install(app: Quart, settings: Settings) -> None:
    if settings.cors_origins:
        # Exact origins only: quart-cors echoes an Origin back only when it is in this list,
        # so "*", "null" and look-alike hosts get no Access-Control-Allow-Origin.
        cors(app, allow_origin=list(settings.cors_origins), allow_credentials=True,
             allow_headers=["Authorization", "Content-Type"],
             allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"], max_age=600)

    baseline = baseline_headers(settings)

    @app.after_request
    async def _headers(response):
        headers = response.headers
        for name, value in baseline:
            headers.setdefault(name, value)
        if request.path.startswith(API_PREFIXES) and "Cache-Control" not in headers:
            headers["Cache-Control"] = "no-store"
        return response


def baseline_headers(settings: Settings) -> tuple[tuple[str, str], ...]:
    """The security headers every response carries unless its view set its own."""
    headers = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        # Pages that need more (the signing page) set a fuller policy of their own.
        ("Content-Security-Policy", "frame-ancestors 'none'"),
        ("X-Frame-Options", "DENY"),
    ]
    if settings.production:
        headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    return tuple(headers)
