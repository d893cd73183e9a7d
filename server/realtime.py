"""Socket.IO at /ws: who may connect, which rooms they join, and the one `publish()`.

A client connects with `auth={"token": <access JWT>}`; anything else is refused with
`ConnectionRefusedError` (a handler that returns None would accept it). The socket joins
`user:<id>` and `business:<id>` and is dropped when its token expires, so a revoked session
does not keep receiving events. With `REDIS_URL`, every process shares one client manager, so
an event published in one process reaches sockets held by another; a process that holds no
sockets (`python -m server.worker`) publishes through a write-only manager.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import socketio

from server.auth.models import User
from server.auth.tokens import InvalidTokenError, decode_access_token
from server.config import Settings

log = logging.getLogger("agentlocator.realtime")

EVENTS = ("task:due", "call:new", "call:updated", "wa:message", "wa:status", "customer:updated")

_server: socketio.AsyncServer | None = None
_emitter: socketio.AsyncRedisManager | None = None
# Called with (sid, user) after a socket joins its rooms: the task scheduler replays alerts.
on_connect_hooks: list[Callable[[str, User], Awaitable[None]]] = []


def user_room(user_id: int) -> str:
    return f"user:{user_id}"


def business_room(business_id: int) -> str:
    return f"business:{business_id}"


def allowed_origins(settings: Settings) -> list[str] | None:
    """Exact origins: ours and the configured ones. None (development without PUBLIC_HOST)
    lets python-engineio compare Origin with the Host header."""
    origins = [o for o in (settings.public_base_url, *settings.cors_origins) if o]
    return origins or None


def create_server(settings: Settings) -> socketio.AsyncServer:
    global _server
    manager = socketio.AsyncRedisManager(settings.redis_url) if settings.redis_url else None
    sio = socketio.AsyncServer(async_mode="asgi", client_manager=manager,
                               cors_allowed_origins=allowed_origins(settings), cors_credentials=True)
    expiries: dict[str, asyncio.TimerHandle] = {}

    @sio.event
    async def connect(sid, environ, auth):
        token = auth.get("token") if isinstance(auth, dict) else None
        if not token:
            raise ConnectionRefusedError("authentication required")
        try:
            claims = decode_access_token(token, settings=settings)
        except InvalidTokenError:
            raise ConnectionRefusedError("invalid or expired token") from None
        user = await User.get_or_none(id=int(claims["sub"]), is_active=True)
        if user is None or user.business_id != claims.get("business_id"):
            raise ConnectionRefusedError("invalid or expired token")
        await sio.save_session(sid, {"user_id": user.id, "business_id": user.business_id})
        await sio.enter_room(sid, user_room(user.id))
        await sio.enter_room(sid, business_room(user.business_id))
        seconds_left = max(0.0, claims["exp"] - time.time())
        expiries[sid] = asyncio.get_running_loop().call_later(
            seconds_left, lambda: asyncio.ensure_future(sio.disconnect(sid)))
        for hook in on_connect_hooks:
            asyncio.ensure_future(hook(sid, user))

    @sio.event
    async def disconnect(sid, reason=None):
        timer = expiries.pop(sid, None)
        if timer:
            timer.cancel()

    _server = sio
    return sio


def use_emitter(settings: Settings) -> None:
    """For a process without a Socket.IO server of its own (the job worker)."""
    global _emitter
    if settings.redis_url:
        _emitter = socketio.AsyncRedisManager(settings.redis_url, write_only=True)


async def publish(event: str, data: dict, *, room: str, to_sid: str | None = None) -> None:
    """Send `event` to a room (or to one socket). Never raises: a realtime hiccup must not
    fail the request or job that published."""
    try:
        if _server is not None:
            await _server.emit(event, data, room=to_sid or room)
        elif _emitter is not None:
            await _emitter.emit(event, data, room=to_sid or room)
    except Exception:  # noqa: BLE001 - logged; the data is in the database either way
        log.exception("publishing %s to %s failed", event, room)


def reset() -> None:
    """Forget the server/emitter of a finished app (tests build many apps in one process)."""
    global _server, _emitter
    _server, _emitter = None, None
