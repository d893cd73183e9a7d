"""A job worker for tests, under a runtime of its own: its own connections to the database (a
URL of its own, e.g. through tests/tcp_proxy.py), as a `python -m server.worker` process has,
while the test keeps reading and writing through its app's runtime."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from urllib.parse import urlsplit

from server.config import Settings
from server.jobs.worker import Worker
from server.runtime import Runtime


def quick_backoff(attempts: int) -> timedelta:
    """The queue's schedule (doubling, capped) in tenths of a second instead of seconds."""
    return timedelta(seconds=min(0.05 * 2 ** attempts, 0.4))


@asynccontextmanager
async def running_worker(settings: Settings, handlers, **options) -> AsyncIterator[Worker]:
    """A started worker on `settings.database_url`; stopped, and its runtime closed, after."""
    options.setdefault("backoff", quick_backoff)
    options.setdefault("reconnect_seconds", (0.05, 0.5))
    options.setdefault("poll_seconds", 0.05)
    own = Runtime(settings)
    with own.activated():  # only the worker's tasks inherit it; the test stays on its own runtime
        await own.open(run_migrations=False)
        worker = Worker(settings, handlers, **options)
        worker.start()
    try:
        yield worker
    finally:
        with own.activated():
            await worker.stop()
            await own.close()


def via(database_url: str, port: int) -> str:
    """`database_url` with its host and port replaced by 127.0.0.1:`port` (a proxy's)."""
    parts = urlsplit(database_url)
    credentials, at, _ = parts.netloc.rpartition("@")
    return parts._replace(netloc=f"{credentials}{at}127.0.0.1:{port}").geturl()
