"""A Quart app served in-process by a real Hypercorn on 127.0.0.1, lifespan and all, through
the composed ASGI app (server/asgi.py): for tests that need what only a real server does
(path decoding, %2F included, before routing; the voice fast path in front of Quart)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from hypercorn.asyncio import serve
from quart import Quart

from server.asgi import asgi_app, hypercorn_config


@asynccontextmanager
async def hypercorn_served(quart_app: Quart) -> AsyncIterator[int]:
    """The port the app answers on, once its before_serving hooks have run."""
    started, shutdown = asyncio.Event(), asyncio.Event()

    @quart_app.before_serving
    async def _started():
        started.set()

    # Bound and listening before Hypercorn starts (a request waits in the backlog, not refused);
    # Hypercorn owns and closes the socket.
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = hypercorn_config(port)
    config.bind = [f"fd://{listener.detach()}"]
    config.errorlog = None
    server = asyncio.create_task(serve(asgi_app(quart_app), config, shutdown_trigger=shutdown.wait))
    try:
        await asyncio.wait_for(started.wait(), 30)
        yield port
    finally:
        shutdown.set()
        await asyncio.wait_for(server, 30)
