"""Request- and response-model pieces every domain shares."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, ClassVar

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from server.tenancy import MAX_ID

# An id a request names (a body's customer_id, a filter's owner_id): the columns are int4 on
# both databases, so a larger number is a 422 here rather than PostgreSQL's overflow (a 500).
DbId = Annotated[int, Field(ge=1, le=MAX_ID)]

# The times the API takes. Python's datetime spans years 1..9999 in any offset, but
# `0001-01-01T00:00:00+14:00` has no UTC value at all (OverflowError), and times near either
# end overflow as soon as a service adds a snooze or compares them; none is a time a call
# center means. Only times that are in UTC between these bounds are taken.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def storable_time(value: datetime) -> datetime:
    """`value` (aware) when it lies in [EARLIEST, LATEST) once in UTC, else ValueError."""
    try:
        in_range = EARLIEST <= value.astimezone(UTC) < LATEST
    except OverflowError:
        in_range = False
    if not in_range:
        raise ValueError(f"a time must lie between {EARLIEST.year} and {LATEST.year - 1} (UTC)")
    return value


Instant = Annotated[AwareDatetime, AfterValidator(storable_time)]


class PatchModel(BaseModel):
    """A partial update: every field may be left out, but only those in `nullable` may be
    sent as null (a null name would otherwise reach a NOT NULL column as a 500)."""

    nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _no_null_for_required(self):
        for name in self.model_fields_set:
            if getattr(self, name) is None and name not in self.nullable:
                raise ValueError(f"{name} cannot be null")
        return self

    def changes(self) -> dict:
        """The fields the client sent, as validated values (nested models stay models)."""
        return {name: getattr(self, name) for name in self.model_fields_set}


# What the serialisers emit for a time: `datetime.isoformat()` of an aware datetime, kept as
# the string it is (a `datetime` field would re-render it, "+00:00" becoming "Z").
Timestamp = Annotated[str, Field(pattern=r"(Z|[+-]\d{2}:\d{2})$", json_schema_extra={"format": "date-time"})]
# Money as the serialisers emit it: a decimal string with two places ("1180.00").
Money = Annotated[str, Field(pattern=r"^-?\d+\.\d{2}$")]


class ResponseModel(BaseModel):
    """A response body: exactly the serialiser's fields, so a field the model lacks fails the
    response validation (a 500 in the tests) instead of silently vanishing from the answer."""

    model_config = ConfigDict(extra="forbid")
