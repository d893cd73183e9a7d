"""Many concurrent requests' writes as one statement: `Batcher`.

A database round trip and a commit cost about the same for one row as for fifty; under load,
the voice webhook's rows arrive faster than the round trips come back. So each process writes
one batch at a time, and what arrives meanwhile waits for the next. When idle a batch is one
row and waits for nothing; under load it holds what came during one round trip.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

log = logging.getLogger("agentlocator.batching")


class Batcher[Item, Result]:
    """`await submit(item)` resolves to `write(items)[i]` for that item.

    When a batch fails, its items are written again one by one, so one bad item fails its own
    caller alone and the others' writes still happen.
    """

    def __init__(self, write: Callable[[Sequence[Item]], Awaitable[Sequence[Result]]], *, limit: int = 50):
        self._write = write
        self._limit = limit
        self._pending: list[tuple[Item, asyncio.Future]] = []
        self._writer: asyncio.Task | None = None

    async def submit(self, item: Item) -> Result:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._pending.append((item, future))
        if self._writer is None or self._writer.done():
            self._writer = loop.create_task(self._drain())
        return await future

    async def aclose(self) -> None:
        """Stop writing (its runtime is closing): whoever still waits gets an error."""
        if self._writer is not None and not self._writer.done():
            self._writer.cancel()
            await asyncio.gather(self._writer, return_exceptions=True)

    async def _drain(self) -> None:
        batch: list[tuple[Item, asyncio.Future]] = []
        try:
            while self._pending:
                batch, self._pending = self._pending[: self._limit], self._pending[self._limit :]
                await self._write_batch(batch)
        except BaseException:  # cancelled at shutdown: no caller waits forever
            for _, future in [*batch, *self._pending]:
                if not future.done():
                    future.set_exception(RuntimeError("the server is shutting down"))
            self._pending = []
            raise

    async def _write_batch(self, batch: list[tuple[Item, asyncio.Future]]) -> None:
        try:
            results = await self._write([item for item, _ in batch])
        except Exception as error:  # noqa: BLE001 - handed to the callers, or retried one by one
            if len(batch) == 1:
                if not batch[0][1].done():
                    batch[0][1].set_exception(error)
                return
            log.warning("a batch of %d writes failed (%s): writing them one by one", len(batch), error)
            for entry in batch:
                await self._write_batch([entry])
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():  # its caller may have gone (a dropped connection)
                future.set_result(result)
