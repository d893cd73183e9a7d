"""Access tokens: short-lived HS256 JWTs; the algorithm, issuer and audience are pinned.

Each names its session (`sid`: the refresh-token family it was issued with), so that ending
the session (logout, a new password, a disabled account, a stolen refresh token) ends every
access token of it at once, not when they expire (server/auth/sessions.py checks).
"""

from __future__ import annotations

import time
import uuid

import jwt

from server.config import Settings

ALGORITHM = "HS256"
ISSUER = "agentlocator"
AUDIENCE = "agentlocator-api"


class InvalidTokenError(Exception):
    pass


def issue_access_token(*, user_id: int, business_id: int, role: str, session_id: str, settings: Settings) -> str:
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": str(user_id),
        "business_id": business_id,
        "role": role,
        "sid": session_id,
        "iat": now,
        "nbf": now,
        "exp": now + settings.access_token_minutes * 60,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, settings.jwt_secret, algorithm=ALGORITHM)


def decode_access_token(token: str, *, settings: Settings) -> dict:
    try:
        return jwt.decode(
            token, settings.jwt_secret, algorithms=[ALGORITHM], audience=AUDIENCE, issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "aud", "iss", "sid"]},
        )
    except jwt.PyJWTError as error:
        raise InvalidTokenError(str(error)) from error
