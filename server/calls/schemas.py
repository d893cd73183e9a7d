from pydantic import Field

from server.pagination import ListQuery


class CallListQuery(ListQuery):
    customer_id: int | None = Field(None, ge=1)
    status: str | None = Field(None, max_length=32)


CALL_SORTS = ("id", "started_at", "duration", "status", "from_number")
