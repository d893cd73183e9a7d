"""Request-model pieces every domain shares."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, model_validator


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
        return self.model_dump(exclude_unset=True)
