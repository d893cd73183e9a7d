"""Hand-written SQL over tortoise models, for the few hot paths where the ORM's round trips
cost too much (the voice webhook). The values still come from the model, so defaults, auto
timestamps and each dialect's conversions stay the ORM's."""

from __future__ import annotations

from typing import Any

from tortoise import connections
from tortoise.models import Model


def dialect() -> str:
    return connections.get("default").capabilities.dialect


class Params:
    """The values of one statement, each added where the SQL needs it: `$1, $2, ...` on
    PostgreSQL, `?` on SQLite."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._numbered = dialect() != "sqlite"

    def add(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}" if self._numbered else "?"

    def row(self, values: list[Any]) -> str:
        return "(" + ", ".join(self.add(value) for value in values) + ")"


def insert_values(instance: Model, *, leave_out: tuple[str, ...] = ()) -> tuple[str, list[Any]]:
    """The quoted column list and the database values tortoise itself would INSERT for this
    new instance (generated keys and `leave_out` fields excepted). Sets its auto timestamps."""
    meta = instance._meta
    names = [name for name in meta.fields_db_projection
             if not meta.fields_map[name].generated and name not in leave_out]
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in names)
    return columns, [meta.fields_map[name].to_db_value(getattr(instance, name), instance) for name in names]


async def fetch(sql: str, values: list[Any]) -> list[Any]:
    """The rows a statement returns (RETURNING included), in one round trip."""
    _, rows = await connections.get("default").execute_query(sql, values)
    return list(rows)
