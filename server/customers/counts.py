"""The exact number of a business's customers (with a status), from `customer_tally`: the
counts the triggers of the search-and-counts migration keep in the same transaction as
every change, so an unfiltered total is a sum of a few rows, not a count over a million."""

from __future__ import annotations

from server import rows

COUNT_TABLE = "customer_tally"
# Every count from the table itself: after a bulk load that ran with the triggers off.
RECOUNT = (f"INSERT INTO {COUNT_TABLE} (business_id, status, slot, n) SELECT business_id, status, 0, count(*) "
           f"FROM customer WHERE NOT EXISTS (SELECT 1 FROM {COUNT_TABLE}) GROUP BY business_id, status")


async def customer_count(*, business_id: int, status: str | None = None) -> int:
    """The business's customers (with this status), exact."""
    params = rows.Params()
    sql = f"SELECT COALESCE(SUM(n), 0) FROM {COUNT_TABLE} WHERE business_id = {params.add(business_id)}"
    if status is not None:
        sql += f" AND status = {params.add(status)}"
    (total,), = await rows.fetch(sql, params.values)
    return int(total)
