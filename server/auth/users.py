"""A business's users, as its admins manage them."""

from __future__ import annotations

from tortoise import timezone
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.auth import throttle
from server.auth.models import RefreshToken, User
from server.auth.passwords import hash_password, verify_password
from server.auth.refresh import revoke_family, revoke_user
from server.auth.service import MIN_PASSWORD, TooManyAttemptsError
from server.businesses.models import Business
from server.errors import APIError
from server.phones import national, to_e164
from server.tenancy import owned, scoped


def users_query(*, business_id: int, q: str | None = None, role: str | None = None,
                is_active: bool | None = None):
    query = scoped(User, business_id, role=role, is_active=is_active)
    if q:
        query = query.filter(Q(name__icontains=q) | Q(email__icontains=q))
    return query


async def update_user(*, business_id: int, user_id: int, changes: dict) -> User:
    """Apply allow-listed `changes` (name, role, is_active, password) to the business's user.

    A business always keeps an active admin: demoting or disabling the last one is a 409. A new
    password or a disabled account ends every session of that user.
    """
    await owned(User, user_id, business_id=business_id, what="user")  # 404, also for another business's user
    if "password" in changes and len(changes["password"]) < MIN_PASSWORD:
        raise APIError(422, "weak_password", f"a password needs at least {MIN_PASSWORD} characters")
    password_hash = await hash_password(changes["password"]) if "password" in changes else None
    if changes.get("phone"):
        changes = {**changes, "phone": to_e164(changes["phone"]) or ""}
        if not changes["phone"]:
            raise APIError(422, "invalid_phone", "not a phone number")
    async with in_transaction() as connection:
        # Lock the business row, so two admins demoting each other cannot both succeed.
        await Business.filter(id=business_id).select_for_update().using_db(connection).first()
        user = await scoped(User, business_id).using_db(connection).get(id=user_id)
        stays_admin = changes.get("role", user.role) == "admin" and changes.get("is_active", user.is_active)
        if user.role == "admin" and user.is_active and not stays_admin:
            others = await scoped(User, business_id).filter(role="admin", is_active=True).exclude(id=user.id) \
                .using_db(connection).count()
            if not others:
                raise APIError(409, "last_admin", "a business needs at least one active admin")
        for field in ("name", "role", "is_active", "phone"):
            if field in changes:
                setattr(user, field, changes[field])
        if password_hash:
            user.password_hash = password_hash
        await user.save(using_db=connection)
    if password_hash or not user.is_active:
        await revoke_user(user.id)
    return user


def user_admin_json(user: User) -> dict:
    return {"id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "business_id": user.business_id, "is_active": user.is_active,
            "phone": user.phone, "phone_display": national(user.phone) if user.phone else "",
            "created_at": user.created_at.isoformat()}


def _own_phone(raw: str) -> str:
    """The phone a user typed, in E.164 ("" clears it); a 422 for what is not a number."""
    if not raw.strip():
        return ""
    e164 = to_e164(raw)
    if e164 is None:
        raise APIError(422, "invalid_phone", "not a phone number")
    return e164


async def _check_current_password(user: User, password: str | None, *, ip: str) -> None:
    """The password the user typed is theirs, behind the login brake: a stolen access token
    must not become a way to guess the password at full speed. 403, not 401: the session is
    fine (a 401 would make the clients refresh and try again), the password is not."""
    if not password:
        raise APIError(422, "current_password_required", "type your current password to set a new one")
    attempt = await throttle.begin(email=user.email, ip=ip)
    if attempt.retry_after:
        raise TooManyAttemptsError(attempt.retry_after)
    if not await verify_password(user.password_hash, password):
        await throttle.failed(attempt)
        raise APIError(403, "wrong_password", "the current password is wrong")
    await throttle.succeeded(attempt)


async def end_other_sessions(*, user_id: int, keep_session: str) -> int:
    """End every session of the user but `keep_session` (the family of the request's token)."""
    families = await RefreshToken.filter(user_id=user_id, revoked_at__isnull=True) \
        .exclude(family_id=keep_session).distinct().values_list("family_id", flat=True)
    for family_id in families:
        await revoke_family(family_id)
    return len(families)


async def update_me(*, user: User, changes: dict, session_id: str, ip: str = "") -> User:
    """A user changes their own name, phone or password (allow-listed by MePatch); all or nothing.

    A new password needs the current one and ends the user's other sessions, keeping the one
    that asked: it just proved it knows the password, and the client keeps working without
    swapping tokens mid-flight (every other device logs in again with the new password).
    """
    values: dict = {}
    if changes.get("name") is not None:
        values["name"] = changes["name"].strip()
        if not values["name"]:
            raise APIError(422, "invalid_name", "a name cannot be blank")
    if changes.get("phone") is not None:
        values["phone"] = _own_phone(changes["phone"])
    new_password = changes.get("new_password")
    if new_password is None and changes.get("current_password") is not None:
        raise APIError(422, "new_password_required", "type the new password too")
    if new_password is not None:
        if len(new_password) < MIN_PASSWORD:
            raise APIError(422, "weak_password", f"a password needs at least {MIN_PASSWORD} characters")
        await _check_current_password(user, changes.get("current_password"), ip=ip)
        values["password_hash"] = await hash_password(new_password)
    if values:
        # updated_at by hand: a queryset update skips auto_now.
        await User.filter(id=user.id).update(**values, updated_at=timezone.now())
    if new_password is not None:
        await end_other_sessions(user_id=user.id, keep_session=session_id)
    return await User.get(id=user.id)
