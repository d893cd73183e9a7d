"""`app`: the one ASGI app (`hypercorn server.main:app`); `python -m server.main` serves it."""

from __future__ import annotations

import asyncio
import signal

from hypercorn.asyncio import serve

from server.app import create_app
from server.asgi import asgi_app, hypercorn_config
from server.config import ConfigError
from server.observability import configure_logging

configure_logging()
try:
    quart_app = create_app()
except ConfigError as error:
    raise SystemExit(f"agentlocator: configuration error: {error}") from None

app = asgi_app(quart_app)


def run() -> None:
    settings = quart_app.config["SETTINGS"]
    host = "0.0.0.0" if settings.production else "127.0.0.1"
    shutdown = asyncio.Event()

    async def _serve() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, shutdown.set)
        await serve(app, hypercorn_config(settings.port, host), shutdown_trigger=shutdown.wait)

    asyncio.run(_serve())


if __name__ == "__main__":
    run()
