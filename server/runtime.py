"""What one running server, worker or command owns, and which one the current task serves.

Everything a process builds for its lifetime belongs to a `Runtime`: its database (a tortoise
context of its own, never tortoise's global fallback), its Socket.IO server or emitter, the
caches and batchers its services keep, and who to wake when a job is queued or a task
changes. `create_app` builds one per app (`app.extensions["runtime"]`), `python -m
server.worker` and `python -m server.cli` one each, and `close()` ends all of it.

Code deep inside a service reaches the runtime it works for through `current()`: a context
variable that `bind()` sets around every request, websocket and lifespan, and that the tasks
those start inherit. So one app's connection, socket or cache can never serve another app's
request (the test suite runs hundreds of apps in one process, one after another), which the
module-level state this replaced did.
"""

from __future__ import annotations

import contextvars
import inspect
import logging
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any, Protocol

from server.config import Settings
from server.db import Database

log = logging.getLogger("agentlocator.runtime")

_current: contextvars.ContextVar[Runtime] = contextvars.ContextVar("agentlocator_runtime")

# What a runtime tells its listeners (`notify`): a job was queued in this process; a task's
# due time may have moved.
JOBS_QUEUED = "jobs-queued"
TASKS_CHANGED = "tasks-changed"


class Publisher(Protocol):
    async def publish(self, event: str, data: dict, *, room: str, to_sid: str | None = None) -> None: ...

    async def close(self) -> None: ...


class Runtime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.database = Database(settings.database_url)
        # The Socket.IO server (an app) or a write-only emitter (a worker process); None for
        # a command, which has nobody to tell.
        self.events: Publisher | None = None
        self._kept: dict[Hashable, Any] = {}
        self._listeners: dict[str, list[Callable[[], None]]] = {}

    @classmethod
    @asynccontextmanager
    async def started(cls, settings: Settings, *, run_migrations: bool,
                      events: Publisher | None = None) -> AsyncIterator[Runtime]:
        """A runtime opened for the code inside (a command, a worker, a script) and closed after."""
        runtime = cls(settings)
        runtime.events = events
        with runtime.activated():
            await runtime.open(run_migrations=run_migrations)
            try:
                yield runtime
            finally:
                await runtime.close()

    async def open(self, *, run_migrations: bool) -> None:
        await self.database.open(run_migrations=run_migrations)

    async def close(self) -> None:
        """Everything this runtime made, closed: kept objects that can be, the events, the
        database. A failure to close one thing does not keep the others open."""
        closers = [getattr(kept, "aclose", None) for kept in self._kept.values()]
        if self.events is not None:
            closers.append(self.events.close)
        for close in [c for c in closers if c is not None]:
            try:
                result = close()
                if inspect.isawaitable(result):
                    await result
            except Exception:  # noqa: BLE001 - logged; shutting down goes on
                log.exception("closing %r failed", close)
        self._kept.clear()
        self._listeners.clear()
        await self.database.close()

    def keep(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """This runtime's one object for `key`, made by `make()` on first use (a cache, a
        batcher, a transcriber holding its token); closed with the runtime when it has an
        `aclose`."""
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]

    def subscribe(self, topic: str, callback: Callable[[], None]) -> Callable[[], None]:
        """`callback()` on each `notify(topic)`, until the function returned is called."""
        listeners = self._listeners.setdefault(topic, [])
        listeners.append(callback)

        def unsubscribe() -> None:
            if callback in listeners:
                listeners.remove(callback)

        return unsubscribe

    def notify(self, topic: str) -> None:
        for callback in list(self._listeners.get(topic, [])):
            callback()

    @contextmanager
    def activated(self) -> Iterator[Runtime]:
        """This runtime (and its database) serve the code run inside, and the tasks it starts."""
        token = _current.set(self)
        try:
            with self.database.activated():
                yield self
        finally:
            _current.reset(token)

    def bind(self, app):
        """The ASGI `app`, each of its requests, websockets and lifespan run under this runtime."""
        async def bound(scope, receive, send):
            if _current.get(None) is self:  # bound further out already (server/asgi.py)
                return await app(scope, receive, send)
            with self.activated():
                await app(scope, receive, send)

        return bound


def current() -> Runtime:
    """The runtime the current task works for; a clear error outside any."""
    try:
        return _current.get()
    except LookupError:
        raise RuntimeError("no AgentLocator runtime is active here: run inside an app, a worker "
                           "or `Runtime.activated()`") from None
