"""Refresh tokens: opaque, stored as SHA-256, rotated on every use, revoked by family.

A login starts a family with an absolute expiry (30 days) that rotation never extends. Each
refresh marks the presented token used with one conditional UPDATE, so of two concurrent
refreshes of one token exactly one wins; the loser, like any replay of a used token, is
treated as theft and revokes the whole family.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from server import realtime
from server.auth.models import RefreshToken, User
from server.errors import APIError

log = logging.getLogger("agentlocator.auth")

FAMILY_DAYS = 30
COOKIE_NAME = "al_refresh"
COOKIE_PATH = "/auth"


@dataclass(frozen=True)
class Issued:
    user: User
    token: str
    expires_at: datetime
    family_id: str  # the session: access tokens carry it as `sid`

    def seconds_left(self) -> int:
        return max(0, int((self.expires_at - datetime.now(UTC)).total_seconds()))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _invalid() -> APIError:
    return APIError(401, "invalid_refresh_token", "the session has ended; log in again")


async def _create(*, user: User, family_id: str, expires_at: datetime, client: str, user_agent: str,
                  using_db=None) -> tuple[str, RefreshToken]:
    token = secrets.token_urlsafe(32)
    row = await RefreshToken.create(
        user_id=user.id, business_id=user.business_id, family_id=family_id, token_hash=_digest(token),
        client=client, user_agent=user_agent[:300], expires_at=expires_at, using_db=using_db,
    )
    return token, row


async def start_family(*, user: User, client: str, user_agent: str = "") -> Issued:
    """A new family at login."""
    expires_at = datetime.now(UTC) + timedelta(days=FAMILY_DAYS)
    family_id = secrets.token_hex(16)
    token, _ = await _create(user=user, family_id=family_id, expires_at=expires_at,
                             client=client, user_agent=user_agent)
    return Issued(user=user, token=token, expires_at=expires_at, family_id=family_id)


async def rotate(*, token: str, user_agent: str = "") -> Issued:
    """The next token of `token`'s family (and its user); a 401 for anything else."""
    row = await RefreshToken.get_or_none(token_hash=_digest(token)) if token else None
    now = datetime.now(UTC)
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise _invalid()
    if row.used_at is None:
        won, issued = await _advance(row=row, now=now, user_agent=user_agent)
        if issued is not None:
            return issued
        if won:  # the user was disabled (or moved): the session ends
            await revoke_family(row.family_id)
            raise _invalid()
    # Presented after it was used (a replay, or the loser of a race): assume it was stolen.
    await revoke_family(row.family_id)
    log.warning("refresh token reuse: revoked family %s of user %s", row.family_id, row.user_id)
    raise _invalid()


async def _advance(*, row: RefreshToken, now: datetime, user_agent: str) -> tuple[bool, Issued | None]:
    """Mark `row` used if nobody has yet (one conditional UPDATE) and issue its successor."""
    async with in_transaction() as connection:
        won = await RefreshToken.filter(id=row.id, used_at__isnull=True, revoked_at__isnull=True) \
            .using_db(connection).update(used_at=now)
        if not won:
            return False, None
        user = await User.filter(id=row.user_id, is_active=True).using_db(connection).first()
        if user is None or user.business_id != row.business_id:
            return True, None
        token, successor = await _create(user=user, family_id=row.family_id, expires_at=row.expires_at,
                                         client=row.client, user_agent=user_agent, using_db=connection)
        await RefreshToken.filter(id=row.id).using_db(connection).update(replaced_by_id=successor.id)
    return True, Issued(user=user, token=token, expires_at=row.expires_at, family_id=row.family_id)


async def revoke_family(family_id: str) -> int:
    """End a session: its refresh tokens, its access tokens (their `sid` is this family) and
    its sockets held by this process (other processes' sockets close when their token expires,
    and cannot connect again)."""
    revoked = await RefreshToken.filter(family_id=family_id, revoked_at__isnull=True).update(
        revoked_at=datetime.now(UTC))
    await realtime.disconnect_room(realtime.session_room(family_id))
    return revoked


async def revoke_token_family(token: str) -> None:
    """Logout: end the session `token` belongs to (an unknown token changes nothing)."""
    row = await RefreshToken.get_or_none(token_hash=_digest(token)) if token else None
    if row is not None:
        await revoke_family(row.family_id)


async def revoke_user(user_id: int) -> int:
    """Every session of a user (disabled, or a new password), as `revoke_family` ends one."""
    revoked = await RefreshToken.filter(user_id=user_id, revoked_at__isnull=True).update(revoked_at=datetime.now(UTC))
    await realtime.disconnect_room(realtime.user_room(user_id))
    return revoked
