from typing import Literal

from pydantic import Field

from server.calls.models import HANDLINGS, OUTCOMES
from server.pagination import ListQuery
from server.schemas import DbId, PatchModel, ResponseModel, Timestamp

Outcome = Literal[OUTCOMES]
Handling = Literal[HANDLINGS]


class CallListQuery(ListQuery):
    customer_id: DbId | None = None
    status: str | None = Field(None, max_length=32)
    outcome: Outcome | Literal["none"] | None = None  # "none": the calls still waiting for one


CALL_SORTS = ("id", "started_at", "duration", "status", "from_number")


class CallUpdate(PatchModel):
    """What an agent may change on a call; only the fields sent change, anything else is ignored."""

    # null unlinks the call from its customer; a null outcome takes a filed one back
    nullable = frozenset({"customer_id", "outcome"})

    notes: str | None = Field(None, max_length=10_000)
    outcome: Outcome | None = None
    customer_id: DbId | None = None  # another customer of the business


class CallOut(ResponseModel):
    id: int
    call_sid: str
    customer_id: int | None
    direction: str
    direction_label: str  # Hebrew, server/labels.py (as every *_label field)
    status: str
    status_label: str
    from_number: str
    from_number_display: str  # as people read it (server/phones.py national), as every *_display field
    to_number: str
    to_number_display: str
    started_at: Timestamp
    duration: int | None
    recording_url: str | None  # our /api/crm/calls/<id>/recording, once the recording is stored
    recording_duration: int | None
    transcript: str | None
    transcript_status: str
    transcript_status_label: str
    notes: str
    outcome: Outcome | None
    outcome_label: str | None  # None while the call has no outcome
    handling: Handling  # how it was answered (server/calls/routing.py)
    answered: bool  # an agent took it live
    answered_by_user_id: int | None
    answered_at: Timestamp | None
    called_back_at: Timestamp | None  # a missed call, once an agent's call-back reached the customer
    called_back_by_user_id: int | None
    purged_at: Timestamp | None  # retention or an erasure deleted its recording and transcript
    created_at: Timestamp
    updated_at: Timestamp
