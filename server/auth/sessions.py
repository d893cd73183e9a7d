"""Whether an access token still speaks for someone: its user is active in the business it
names, and its session (the refresh-token family in its `sid` claim) has not been ended.

One indexed lookup per request (refresh_token.family_id), and no cache: a logout is seen by
the next request in any process at once.
"""

from __future__ import annotations

from datetime import UTC, datetime

from server.auth.models import RefreshToken, User
from server.auth.tokens import InvalidTokenError, decode_access_token
from server.config import Settings


async def session_alive(*, family_id: str, user_id: int) -> bool:
    """The family is the user's, and neither revoked nor past its absolute expiry."""
    return await RefreshToken.filter(family_id=family_id, user_id=user_id, revoked_at__isnull=True,
                                     expires_at__gt=datetime.now(UTC)).exists()


async def token_user(token: str, *, settings: Settings) -> tuple[User, dict] | None:
    """The user an access token speaks for, and its claims; None for any token that does not."""
    try:
        claims = decode_access_token(token, settings=settings)
        user_id, session_id = int(claims["sub"]), str(claims["sid"])
    except (InvalidTokenError, ValueError, TypeError):
        return None
    user = await User.get_or_none(id=user_id, is_active=True)
    if user is None or user.business_id != claims.get("business_id"):
        return None
    if not await session_alive(family_id=session_id, user_id=user.id):
        return None
    return user, claims
