"""Who is calling the API: `login_required` puts the verified user on `g.user`; `admin_required`
also requires the admin role (read from the user row, not the token, so a demotion counts at once).

The business (tenant) comes only from the verified token and the user row, never from the
request. A token of an ended session (logout, new password, disabled user) is a 401 at once.
"""

from __future__ import annotations

from functools import wraps

from quart import current_app, g, request
from quart_schema import document_response, security_scheme

from server.auth.models import User
from server.auth.sessions import token_user
from server.errors import APIError, ErrorResponse

BEARER = [{"bearer": []}]


async def user_from_token(token: str) -> tuple[User, dict]:
    """The user an access token speaks for, and its claims (`sid`: the session)."""
    found = await token_user(token, settings=current_app.config["SETTINGS"])
    if found is None:
        raise APIError(401, "invalid_token", "the access token is invalid or expired")
    return found


def login_required(view):
    @wraps(view)
    async def wrapper(*args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise APIError(401, "unauthenticated", "log in first")
        g.user, claims = await user_from_token(token.strip())
        g.session_id = str(claims["sid"])  # which session asks: a password change keeps it alive
        return await view(*args, **kwargs)

    # The OpenAPI document: this operation needs the bearer token, and answers 401 without it.
    return document_response(ErrorResponse, 401)(security_scheme(BEARER)(wrapper))


def admin_required(view):
    """`login_required`, and the user must be an admin of their business (403 otherwise)."""
    @login_required
    @wraps(view)
    async def wrapper(*args, **kwargs):
        if g.user.role != "admin":
            raise APIError(403, "forbidden", "only an admin may do this")
        return await view(*args, **kwargs)

    return document_response(ErrorResponse, 403)(wrapper)
