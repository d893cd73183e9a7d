"""Ending the loops a process runs in the background (the job worker's slots, the task clock)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

STOP_GRACE_SECONDS = 5.0


async def wind_down(tasks: Iterable[asyncio.Task], *, grace: float = STOP_GRACE_SECONDS) -> None:
    """Wait up to `grace` seconds for `tasks`, already told to stop, to finish the step they are
    in, then cancel what is left. A database call cancelled half way leaves its driver's thread
    answering a loop that may be gone by then; a job cut off is only retried after its lease."""
    tasks = [task for task in tasks if not task.done()]
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=grace)
    for task in pending:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
