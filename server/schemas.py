"""Request- and response-model pieces every domain shares."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator


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
