from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from server.schemas import ResponseModel

Presence = Literal["available", "away"]


class PresenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Any  # "available" | "away": checked by the service, whose 422 is invalid_presence


class PresenceOut(ResponseModel):
    status: Presence  # what the agent chose
    effective: Presence  # available only while a desktop or browser of theirs is connected
    online: bool


class PresenceRow(PresenceOut):
    user_id: int
    name: str
    role: Literal["admin", "agent"]
    has_phone: bool  # ringing needs the agent's own phone (profile)


class PresenceList(ResponseModel):
    results: list[PresenceRow]
