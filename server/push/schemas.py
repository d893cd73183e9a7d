from pydantic import BaseModel, Field


class SubscriptionKeys(BaseModel):
    p256dh: str = Field(min_length=20, max_length=200, pattern=r"^[A-Za-z0-9_\-=]+$")
    auth: str = Field(min_length=8, max_length=100, pattern=r"^[A-Za-z0-9_\-=]+$")


class SubscriptionIn(BaseModel):
    """A browser's `PushSubscription.toJSON()`."""

    endpoint: str = Field(min_length=10, max_length=1000)
    keys: SubscriptionKeys
    expirationTime: float | None = None  # noqa: N815 - the browser's own field name


class SubscriptionRemove(BaseModel):
    endpoint: str = Field(min_length=10, max_length=1000)


class VapidKeyOut(BaseModel):
    public_key: str


class SubscriptionOut(BaseModel):
    model_config = {"extra": "forbid"}

    id: int
    endpoint: str
    user_agent: str
    created_at: str
    last_success_at: str | None
