"""`app`: the one ASGI app (`hypercorn server.main:app`); `python -m server.main` serves it."""

from __future__ import annotations

import asyncio
import signal

import socketio
from hypercorn.asyncio import serve
from hypercorn.config import Config
from hypercorn.middleware import ProxyFixMiddleware

from server.app import create_app
from server.config import ConfigError
from server.observability import configure_logging

configure_logging()
try:
    quart_app = create_app()
except ConfigError as error:
    raise SystemExit(f"agentlocator: configuration error: {error}") from None

# Behind nginx every request comes from 127.0.0.1: take the client's address from the
# X-Forwarded-For that our own proxy sets (and only as many hops as we have proxies).
_hops = quart_app.config["SETTINGS"].trusted_proxy_hops
_http_app = ProxyFixMiddleware(quart_app, mode="legacy", trusted_hops=_hops) if _hops else quart_app
# /ws, /ws/ and /ws/* go to Socket.IO; everything else, lifespan included, to Quart.
app = socketio.ASGIApp(quart_app.config["SOCKETIO"], other_asgi_app=_http_app, socketio_path="ws")


def hypercorn_config(port: int, host: str = "127.0.0.1") -> Config:
    config = Config()
    config.bind = [f"{host}:{port}"]
    config.backlog = 2048  # Hypercorn's default of 100 overflows under 200 concurrent connections
    config.accesslog = None  # the app writes its own structured line per request
    config.errorlog = "-"
    return config


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
