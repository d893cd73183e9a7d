"""Accounts: creating users and checking who is logging in."""

from __future__ import annotations

from server.auth import throttle
from server.auth.models import ROLES, User
from server.auth.passwords import hash_password, needs_rehash, verify_password
from server.businesses.models import Business
from server.errors import APIError
from server.phones import national

MIN_PASSWORD = 10
LOGIN_FAILED = "wrong email or password"


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def create_user(*, business_id: int, email: str, password: str, role: str = "agent",
                      name: str = "") -> User:
    email = normalise_email(email)
    if "@" not in email:
        raise APIError(422, "invalid_email", "not an email address")
    if role not in ROLES:
        raise APIError(422, "invalid_role", f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise APIError(422, "weak_password", f"a password needs at least {MIN_PASSWORD} characters")
    if not await Business.exists(id=business_id):
        raise APIError(404, "not_found", f"no business {business_id}")
    if await User.exists(email=email):
        raise APIError(409, "email_taken", "a user with this email exists")
    return await User.create(business_id=business_id, email=email, role=role, name=name,
                             password_hash=await hash_password(password))


async def authenticate(*, email: str, password: str) -> User:
    """The active user with these credentials; one generic 401 for every kind of failure
    (unknown email, wrong password, disabled), costing the same Argon2 time."""
    user = await User.get_or_none(email=normalise_email(email))
    ok = await verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        raise APIError(401, "login_failed", LOGIN_FAILED)
    if needs_rehash(user.password_hash):
        user.password_hash = await hash_password(password)
        await user.save(update_fields=["password_hash"])
    return user


class TooManyAttemptsError(APIError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(429, "too_many_attempts", "too many failed logins; try again later")
        self.retry_after = retry_after


async def login(*, email: str, password: str, ip: str) -> User:
    """`authenticate`, behind the per-address and per-account failure brake (throttle.py): the
    attempt is reserved before the password is checked, so parallel guesses cannot outrun it."""
    email = normalise_email(email)
    attempt = await throttle.begin(email=email, ip=ip)
    if attempt.retry_after:
        raise TooManyAttemptsError(attempt.retry_after)
    try:
        user = await authenticate(email=email, password=password)
    except APIError:
        await throttle.failed(attempt)
        raise
    await throttle.succeeded(attempt)
    return user


def user_json(user: User) -> dict:
    return {"id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "business_id": user.business_id}


def me_json(user: User, *, can: dict[str, bool]) -> dict:
    """`user_json`, the user's own phone and what their role lets them do (`can`:
    server/auth/permissions.py), for `/auth/me` (read and changed)."""
    return {**user_json(user), "phone": user.phone or "", "phone_display": national(user.phone) if user.phone else "",
            **can}
