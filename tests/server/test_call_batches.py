"""New calls written in batches (server/batching.py, calls.service._insert_calls), on SQLite
and PostgreSQL: what concurrent webhooks write together is what they would write one by one."""

from __future__ import annotations

import asyncio

import pytest

from server.batching import Batcher
from server.calls import service
from server.calls.models import Call
from server.customers.counts import customer_count
from server.customers.models import Customer

pytestmark = pytest.mark.both_databases  # the SQL itself differs by dialect


@pytest.fixture
def batch_sizes(app, monkeypatch) -> list[int]:
    sizes: list[int] = []
    with app.extensions["runtime"].activated():
        batcher = service.new_calls()
    write = batcher._write

    async def counting(batch):
        sizes.append(len(batch))
        return await write(batch)

    monkeypatch.setattr(batcher, "_write", counting)
    return sizes


def incoming(business, n: int, *, caller: str | None = None, sid: str | None = None):
    return service.call_for_webhook(business_id=business.id, call_sid=sid or f"CA{n:032d}",
                                    from_number=caller or f"+9725412{n:05d}", to_number="+97235550100")


async def test_concurrent_calls_are_one_batch_with_the_rows_one_by_one_would_write(business, batch_sizes):
    known = await service.call_for_webhook(business_id=business.id, call_sid="CA" + "k" * 32,
                                           from_number="054-130-0007", to_number="+97235550100")
    assert batch_sizes == [1]
    calls = await asyncio.gather(
        *(incoming(business, n) for n in range(30)),
        incoming(business, 99, caller="0541300007"),  # the known caller, in another format
        incoming(business, 100, caller="0541200100"), incoming(business, 101, caller="+972541200100"),
        incoming(business, 102, caller="anonymous"),  # a hidden number: no customer
    )
    assert batch_sizes == [1, 34]
    assert len({c.id for c in calls}) == 34 and all(c.id for c in calls)
    by_sid = {c.call_sid: c for c in await Call.all()}
    for call in calls:
        assert by_sid[call.call_sid].customer_id == call.customer_id
    assert calls[30].customer_id == known.customer_id
    assert calls[31].customer_id == calls[32].customer_id is not None
    assert calls[33].customer_id is None
    customers = await Customer.all()
    assert len(customers) == 1 + 30 + 1
    assert {c.status for c in customers} == {"lead"} and {c.source for c in customers} == {"call"}
    assert await customer_count(business_id=business.id) == 32


async def test_a_retry_in_the_same_batch_or_later_writes_nothing(business, batch_sizes):
    first, again = await asyncio.gather(incoming(business, 1), incoming(business, 1))
    later = await incoming(business, 1)
    assert batch_sizes == [2, 1]
    assert first.id == again.id == later.id
    assert await Call.all().count() == 1 and await Customer.all().count() == 1


async def test_one_bad_row_fails_only_its_own_call(business, batch_sizes):
    too_long = "CA" + "x" * 200  # longer than the column: PostgreSQL refuses the statement
    results = await asyncio.gather(incoming(business, 1), incoming(business, 2, sid=too_long), incoming(business, 3),
                                   return_exceptions=True)
    assert isinstance(results[0], Call) and isinstance(results[2], Call)
    if isinstance(results[1], Exception):  # PostgreSQL: the batch failed, then went row by row
        assert batch_sizes == [3, 1, 1, 1]
        assert await Call.all().count() == 2
    else:  # SQLite keeps the long text
        assert batch_sizes == [3]
        assert await Call.all().count() == 3


async def test_batcher_hands_each_caller_its_own_result_or_error():
    written: list[list[int]] = []

    async def write(items):
        written.append(list(items))
        if 13 in items:
            raise ValueError("thirteen")
        return [item * 2 for item in items]

    batcher = Batcher(write, limit=4)
    results = await asyncio.gather(*(batcher.submit(n) for n in range(10, 20)), return_exceptions=True)
    assert results[:3] == [20, 22, 24] and isinstance(results[3], ValueError)
    assert results[4:] == [28, 30, 32, 34, 36, 38]
    assert written == [[10, 11, 12, 13], [10], [11], [12], [13], [14, 15, 16, 17], [18, 19]]
    assert await batcher.submit(1) == 2  # idle again: a batch of one, at once
