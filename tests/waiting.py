"""Waiting on a condition inside a test's event loop, with a deadline: the async twin of
tests/e2e/live.py's `wait_until`, for state that something else changes (a worker's slots, a
server's rows)."""

from __future__ import annotations

import asyncio
import inspect


async def eventually(predicate, *, timeout: float = 15.0, interval: float = 0.05, what: str = "condition"):
    """Check `predicate()` (a plain or an async function) until it returns something truthy,
    and return that; fail loudly after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = predicate()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return result
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(interval)
