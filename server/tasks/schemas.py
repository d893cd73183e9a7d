from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from server.pagination import ListQuery
from server.schemas import DbId, Instant, PatchModel, ResponseModel, Timestamp

TASK_SORTS = ("due_at", "created_at", "title", "status", "id")
MAX_SNOOZE_MINUTES = 7 * 24 * 60


class TaskListQuery(ListQuery):
    status: Literal["open", "done"] | None = None
    customer_id: DbId | None = None
    assignee_id: DbId | None = None
    mine: bool = False
    due_before: Instant | None = None  # on the effective due time (fires_at)
    kind: Literal["task", "callback"] | None = None  # "callback": the call-backs of missed calls


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=300)
    notes: str = Field("", max_length=10_000)
    due_at: Instant
    customer_id: DbId | None = None
    assignee_id: DbId | None = None


class TaskUpdate(PatchModel):
    """Only the fields sent change (`model_fields_set`); anything else in the body is ignored."""

    nullable = frozenset({"customer_id"})  # null unlinks the task from its customer

    title: str | None = Field(None, min_length=1, max_length=300)
    notes: str | None = Field(None, max_length=10_000)
    due_at: Instant | None = None
    customer_id: DbId | None = None
    assignee_id: DbId | None = None
    status: Literal["open", "done"] | None = None


class Snooze(BaseModel):
    until: Instant | None = None
    minutes: int | None = Field(None, ge=1, le=MAX_SNOOZE_MINUTES)

    @model_validator(mode="after")
    def _exactly_one(self):
        if (self.until is None) == (self.minutes is None):
            raise ValueError("give exactly one of until and minutes")
        if self.until is not None and self.until <= datetime.now(UTC):
            raise ValueError("until must be in the future")
        return self

    def wake_at(self, now: datetime) -> datetime:
        return self.until.astimezone(UTC) if self.until is not None else now + timedelta(minutes=self.minutes)


class CallbackCallOut(ResponseModel):
    id: int
    started_at: Timestamp
    from_number: str
    from_number_display: str
    handling: str
    duration: int | None
    recording_url: str | None  # our /api/crm/calls/<id>/recording, when the caller left a message
    transcript: str | None
    transcript_status: str


class TaskOut(ResponseModel):
    id: int
    title: str
    notes: str
    customer_id: int | None
    assignee_id: int
    created_by_id: int | None
    due_at: Timestamp
    snoozed_until: Timestamp | None
    fires_at: Timestamp  # when task:due goes out: snoozed_until, else due_at
    overdue: bool  # open, and fires_at has passed
    alert_dismissed_at: Timestamp | None  # when the alert of the current fires_at was put away
    status: Literal["open", "done"]
    status_label: str  # Hebrew, server/labels.py
    done_at: Timestamp | None
    kind: Literal["task", "callback"]  # a call-back of a missed or after-hours call
    call_id: int | None  # the call-back's call
    call: CallbackCallOut | None  # that call, as the task shows it; null for an ordinary task
    escalated_at: Timestamp | None  # when an overdue call-back was raised to the admins
    created_at: Timestamp
    updated_at: Timestamp
