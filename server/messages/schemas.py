from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from server.pagination import ListQuery
from server.schemas import DbId, ResponseModel, Timestamp


class MessageListQuery(ListQuery):
    customer_id: DbId | None = None
    direction: Literal["inbound", "outbound"] | None = None
    status: str | None = Field(None, max_length=16)


MESSAGE_SORTS = ("id", "created_at", "status")


class WhatsAppSend(BaseModel):
    """A free-form `body` (inside the 24-hour window only), or a template: `content_sid`
    (Twilio Content API, HX...) with its `variables` ({"1": "דנה"})."""

    model_config = ConfigDict(extra="forbid")

    body: str | None = Field(None, min_length=1, max_length=4096)
    content_sid: str | None = Field(None, pattern=r"^HX[0-9a-fA-F]{32}$")
    variables: dict[str, str] | None = Field(None, max_length=50)

    @model_validator(mode="after")
    def _one_kind(self):
        if (self.body is None) == (self.content_sid is None):
            raise ValueError("send either body or content_sid (with variables)")
        if self.variables is not None and self.content_sid is None:
            raise ValueError("variables go with content_sid")
        return self


class MediaOut(ResponseModel):
    content_type: str
    size: int | None
    status: str | None  # pending, stored, refused
    url: str | None  # our /api/crm/messages/<id>/media/<n>, once stored


class MessageOut(ResponseModel):
    id: int
    message_sid: str | None
    customer_id: int | None
    direction: str
    body: str
    media: list[MediaOut]
    status: str
    status_label: str  # Hebrew, server/labels.py
    retrying: bool  # pending, and Twilio was out at the last try: `error_message` says so; retried
    error_code: int | None
    error_message: str | None  # Hebrew, for the agent
    sender_id: str
    profile_name: str
    content_sid: str | None
    content_variables: dict | None
    sent_by_id: int | None
    created_at: Timestamp
    updated_at: Timestamp
    status_at: Timestamp | None
    purged_at: Timestamp | None  # retention or an erasure deleted its media


class TemplateQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh: bool = False  # ask Twilio now, not the list kept for the last 10 minutes


class TemplateOut(ResponseModel):
    sid: str  # the content_sid to send (HX...)
    name: str
    language: str
    category: str  # WhatsApp's: UTILITY, MARKETING, AUTHENTICATION
    body: str  # the text, with its {{1}}... placeholders
    variables: dict[str, str]  # each placeholder and its example value


class TemplatePage(ResponseModel):
    results: list[TemplateOut]
    page: int
    pages: int
    total: int
    stale: bool  # Twilio could not be reached: the list last read from it
