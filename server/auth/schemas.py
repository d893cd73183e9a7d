from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.schemas import PatchModel, ResponseModel


class LoginRequest(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1024)
    client: Literal["web", "desktop"] = "web"


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=200)


class UserOut(ResponseModel):
    id: int
    email: str
    name: str
    role: Literal["admin", "agent"]
    business_id: int


class SessionOut(ResponseModel):
    """A session: the access token, and the refresh token in the body for the desktop client
    (the web client gets it only as the HttpOnly cookie)."""

    access_token: str
    token_type: Literal["bearer"]
    expires_in: int  # seconds
    user: UserOut
    refresh_token: str | None = None


class MeUserOut(UserOut):
    """Who is logged in, with what only they (and their admins) see: their own phone."""

    phone: str  # E.164, "" when not set: click-to-call rings it first
    phone_display: str  # as an Israeli agent writes it (054-123-4567), "" when not set
    can_listen: bool  # may play call recordings (admins always; agents as the business decides)
    can_export: bool  # may export CSV (admins always; agents as the business decides)


class MeOut(ResponseModel):
    user: MeUserOut


class MePatch(PatchModel):
    """What a user may change about themselves. Any other field (role, email, is_active,
    business_id) is refused with a 422 rather than ignored, so a client never believes it
    changed what it may not."""

    model_config = ConfigDict(extra="forbid")  # no stripping: a password is taken as typed

    name: str | None = Field(None, min_length=1, max_length=200)
    phone: str | None = Field(None, max_length=32)  # any Israeli format; "" clears it
    current_password: str | None = Field(None, min_length=1, max_length=1024)
    new_password: str | None = Field(None, min_length=1, max_length=1024)
