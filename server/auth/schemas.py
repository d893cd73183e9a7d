from typing import Literal

from pydantic import BaseModel, Field

from server.schemas import ResponseModel


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


class MeOut(ResponseModel):
    user: UserOut
