"""What a user's role lets them do with personal data: admins always may; agents may listen to
recordings and export CSV as their business's admins decide (`agents_can_listen`,
`agents_can_export`). Read from the business row each time, so a change counts at once."""

from __future__ import annotations

from server.auth.models import User
from server.businesses.models import Business
from server.errors import APIError


def permissions(user: User, business: Business) -> dict[str, bool]:
    admin = user.role == "admin"
    return {"can_listen": admin or business.agents_can_listen, "can_export": admin or business.agents_can_export}


async def user_permissions(user: User) -> dict[str, bool]:
    return permissions(user, await Business.get(id=user.business_id))


async def require_listen(user: User) -> None:
    if not (await user_permissions(user))["can_listen"]:
        raise APIError(403, "forbidden_listen", "your role may not listen to recordings")


async def require_export(user: User) -> None:
    if not (await user_permissions(user))["can_export"]:
        raise APIError(403, "forbidden_export", "your role may not export data")
