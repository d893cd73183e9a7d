"""The ASGI app Hypercorn serves, composed around the Quart app, and Hypercorn's settings."""

from __future__ import annotations

import socketio
from hypercorn.config import Config
from hypercorn.middleware import ProxyFixMiddleware
from quart import Quart

from server.telephony.fast_path import with_voice_fast_path


def asgi_app(quart_app: Quart):
    """Socket.IO at /ws, /ws/ and /ws/*; everything else, lifespan included, to Quart; in
    front of both, the one webhook every phone call starts with (see its module); and all of
    it under the app's runtime, so Socket.IO's handlers and the fast path use the app's own
    database and events."""
    runtime = quart_app.extensions["runtime"]
    # Behind nginx every request comes from 127.0.0.1: take the client's address from the
    # X-Forwarded-For that our own proxy sets (and only as many hops as we have proxies).
    hops = runtime.settings.trusted_proxy_hops
    http_app = ProxyFixMiddleware(quart_app, mode="legacy", trusted_hops=hops) if hops else quart_app
    with_socketio = socketio.ASGIApp(runtime.events.server, other_asgi_app=http_app, socketio_path="ws")
    return runtime.bind(with_voice_fast_path(_no_new_sockets_while_draining(with_socketio, runtime.events), quart_app))


def _no_new_sockets_while_draining(app, events):
    """While this process stops (Realtime.drain), /ws answers 503: a client reconnecting now
    backs off and tries again, and reaches a process that stays (nginx passes a 503 on)."""
    async def guarded(scope, receive, send):
        if events.draining and scope["type"] in ("http", "websocket") and _is_socket_path(scope["path"]):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1012})  # 1012: service restart
                return
            await send({"type": "http.response.start", "status": 503,
                        "headers": [(b"content-type", b"text/plain"), (b"retry-after", b"1")]})
            await send({"type": "http.response.body", "body": b"restarting"})
            return
        await app(scope, receive, send)

    return guarded


def _is_socket_path(path: str) -> bool:
    return path == "/ws" or path.startswith("/ws/")


def hypercorn_config(port: int, host: str = "127.0.0.1") -> Config:
    config = Config()
    config.bind = [f"{host}:{port}"]
    config.backlog = 2048  # Hypercorn's default of 100 overflows under 200 concurrent connections
    config.accesslog = None  # the app writes its own structured line per request
    config.errorlog = "-"
    return config
