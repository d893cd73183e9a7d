"""`app`: the one ASGI app (`hypercorn server.main:app`); `python -m server.main` serves it.

`python -m server.main [--config deploy/hypercorn.toml]` is one server process on `PORT`: the
development server, and each process of the production tier (deploy/agentlocator@.service).
Unlike Hypercorn's own runner it stops in seconds with Socket.IO clients connected.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from hypercorn.asyncio import serve
from hypercorn.config import Config

from server.app import create_app
from server.asgi import asgi_app, hypercorn_config
from server.config import ConfigError
from server.observability import configure_logging

log = logging.getLogger("agentlocator.server")

configure_logging()
try:
    quart_app = create_app()
except ConfigError as error:
    raise SystemExit(f"agentlocator: configuration error: {error}") from None

app = asgi_app(quart_app)


def server_config(config_file: str | None, port: int | None = None) -> Config:
    """Hypercorn's settings: the TOML file's (its host), or the defaults; on `port` or `PORT`."""
    settings = quart_app.config["SETTINGS"]
    port = port or settings.port
    if config_file is None:
        return hypercorn_config(port, "0.0.0.0" if settings.production else "127.0.0.1")
    config = Config.from_toml(config_file)
    host = config.bind[0].rpartition(":")[0] if config.bind else "127.0.0.1"
    config.bind = [f"{host}:{port}"]
    return config


async def serve_until_stopped(config: Config) -> None:
    """Serve until SIGTERM or SIGINT; then let go of the sockets so the stop takes seconds."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stopping.set)
    serving = asyncio.create_task(serve(app, config, shutdown_trigger=stopping.wait))
    stopped = asyncio.create_task(stopping.wait())
    await asyncio.wait({serving, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if stopping.is_set():
        log.info("stopping: closing the Socket.IO connections")
        await quart_app.extensions["runtime"].events.drain()
    stopped.cancel()
    await serving


def run(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m server.main", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", help="a Hypercorn TOML file (e.g. deploy/hypercorn.toml); its host is kept")
    parser.add_argument("--port", type=int, help="the port (default: PORT)")
    args = parser.parse_args(argv)
    asyncio.run(serve_until_stopped(server_config(args.config, args.port)))


if __name__ == "__main__":
    run()
