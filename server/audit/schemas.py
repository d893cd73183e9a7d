from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from server.audit.service import ACTIONS
from server.pagination import ListQuery
from server.schemas import DbId, ResponseModel, Timestamp

AuditAction = Literal[ACTIONS]  # type: ignore[valid-type]
AUDIT_SORTS = ("at", "id", "action")


class AuditListQuery(ListQuery):
    action: AuditAction | None = None
    user_id: DbId | None = None
    target_type: str | None = Field(None, max_length=32)
    target_id: DbId | None = None
    since: datetime | None = None  # ISO-8601 with a zone
    until: datetime | None = None


class AuditEventOut(ResponseModel):
    id: int
    at: Timestamp
    user_id: int | None
    user_email: str
    user_name: str
    action: AuditAction
    action_label: str  # Hebrew
    target_type: str
    target_id: int | None
    details: dict[str, Any]
    ip: str
