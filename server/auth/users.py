"""A business's users, as its admins manage them."""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.auth.models import User
from server.auth.passwords import hash_password
from server.auth.refresh import revoke_user
from server.auth.service import MIN_PASSWORD
from server.businesses.models import Business
from server.errors import APIError
from server.phones import to_e164
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
            "phone": user.phone, "created_at": user.created_at.isoformat()}
