from typing import Literal

from pydantic import BaseModel, Field


class LoginRequest(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1024)
    client: Literal["web", "desktop"] = "web"


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=200)
