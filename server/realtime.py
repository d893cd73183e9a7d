"""Socket.IO at /ws: who may connect, which rooms they join, and the one `publish()`.

A client connects with `auth={"token": <access JWT>}`; anything else is refused with
`ConnectionRefusedError` (a handler that returns None would accept it), as is the token of an
ended session. The socket joins `user:<id>`, `business:<id>` and `session:<family>`; it is
dropped when its token expires, and at once when its session ends in this process (logout, a
new password, a disabled user: `disconnect_room`). A socket held by another process goes at
its token's expiry, at most ACCESS_TOKEN_MINUTES later, and cannot connect again: Socket.IO
lists only a process's own room members, so a room cannot be closed across processes.

With `REDIS_URL`, every process shares one client manager, so an event published in one
process reaches sockets held by another; a process that holds no sockets (`python -m
server.worker`) publishes through a write-only manager.

Each app has its own `Realtime` (its runtime's `events`); `publish()` sends through the one of
the runtime the caller works for.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import socketio
from engineio import packet

from server import runtime
from server.auth.models import User
from server.auth.sessions import token_user
from server.config import Settings

log = logging.getLogger("agentlocator.realtime")

ConnectHook = Callable[[str, User], Awaitable[None]]
DisconnectHook = Callable[[str], Awaitable[None]]


def user_room(user_id: int) -> str:
    return f"user:{user_id}"


def redis_channel(redis_url: str) -> str:
    """Socket.IO's pub/sub channel on this Redis database. Redis pub/sub ignores the database
    number, so with python-socketio's one default channel, deployments that share a Redis server
    on databases of their own heard each other's events: a task:due for user 5 of one reached
    user 5 of the other."""
    return f"agentlocator:{urlsplit(redis_url).path.lstrip('/') or '0'}"


def business_room(business_id: int) -> str:
    return f"business:{business_id}"


def session_room(family_id: str) -> str:
    """The sockets of one login session (refresh family): closed together when it ends."""
    return f"session:{family_id}"


def allowed_origins(settings: Settings) -> list[str] | None:
    """Exact origins: ours and the configured ones. None (development without PUBLIC_HOST)
    lets python-engineio compare Origin with the Host header."""
    origins = [o for o in (settings.public_base_url, *settings.cors_origins) if o]
    return origins or None


class Realtime:
    """One app's Socket.IO server (`serving`), or a worker process's emitter (`emitting`)."""

    def __init__(self, *, server: socketio.AsyncServer | None = None,
                 emitter: socketio.AsyncRedisManager | None = None) -> None:
        self.server = server
        self.emitter = emitter
        # Called with (sid, user) after a socket joined its rooms: the task clock replays alerts.
        self.on_connect: list[ConnectHook] = []
        # Awaited before the client hears it is connected: presence counts the socket first, so
        # a client that asks at once (GET /api/crm/me/presence) finds itself online.
        self.on_join: list[ConnectHook] = []
        # Called with the sid of a socket that went away: presence counts the live ones.
        self.on_disconnect: list[DisconnectHook] = []
        # Set by drain(): this process is stopping; server.asgi refuses new sockets with a 503.
        self.draining = False

    @classmethod
    def serving(cls, settings: Settings) -> Realtime:
        manager = socketio.AsyncRedisManager(settings.redis_url, channel=redis_channel(settings.redis_url)) \
            if settings.redis_url else None
        sio = socketio.AsyncServer(async_mode="asgi", client_manager=manager,
                                   cors_allowed_origins=allowed_origins(settings), cors_credentials=True)
        realtime = cls(server=sio)
        realtime._handle_connections(settings)
        return realtime

    @classmethod
    def emitting(cls, settings: Settings) -> Realtime:
        """For a process without sockets of its own: events reach other processes' sockets
        through Redis, or nobody without it."""
        emitter = socketio.AsyncRedisManager(settings.redis_url, channel=redis_channel(settings.redis_url),
                                             write_only=True) if settings.redis_url else None
        return cls(emitter=emitter)

    def _handle_connections(self, settings: Settings) -> None:
        sio = self.server
        expiries: dict[str, asyncio.TimerHandle] = {}

        @sio.event
        async def connect(sid, environ, auth):
            token = auth.get("token") if isinstance(auth, dict) else None
            if not token or not isinstance(token, str):
                raise ConnectionRefusedError("authentication required")
            found = await token_user(token, settings=settings)
            if found is None:  # also a token of an ended session
                raise ConnectionRefusedError("invalid or expired token")
            user, claims = found
            await sio.save_session(sid, {"user_id": user.id, "business_id": user.business_id})
            await sio.enter_room(sid, user_room(user.id))
            await sio.enter_room(sid, business_room(user.business_id))
            await sio.enter_room(sid, session_room(claims["sid"]))
            seconds_left = max(0.0, claims["exp"] - time.time())
            expiries[sid] = asyncio.get_running_loop().call_later(
                seconds_left, lambda: asyncio.ensure_future(sio.disconnect(sid)))
            # Which process holds which socket: what an operator (and tests/deploy) needs to see
            # that nginx keeps a client on one process. The sid is no credential.
            log.info("socket %s connected: user %s", sid, user.id)
            for hook in self.on_join:
                await hook(sid, user)
            for hook in self.on_connect:
                asyncio.ensure_future(hook(sid, user))

        @sio.event
        async def disconnect(sid, reason=None):
            timer = expiries.pop(sid, None)
            if timer:
                timer.cancel()
            for hook in self.on_disconnect:
                asyncio.ensure_future(hook(sid))

    async def publish(self, event: str, data: dict, *, room: str, to_sid: str | None = None) -> None:
        target = self.server or self.emitter
        if target is not None:
            await target.emit(event, data, room=to_sid or room)

    async def disconnect_room(self, room: str) -> None:
        """Drop this process's sockets in `room` (Socket.IO lists only local participants)."""
        if self.server is None:
            return
        for sid, _eio_sid in list(self.server.manager.get_participants("/", room)):
            await self.server.disconnect(sid)

    async def close(self) -> None:
        self.on_connect.clear()
        self.on_join.clear()
        self.on_disconnect.clear()

    async def drain(self) -> None:
        """Let go of every socket before this process stops, so that clients reconnect at once
        (to another process of the tier, or to this one restarted) and the process stops in
        seconds: on Python 3.12, Hypercorn's shutdown waits for every open connection to close
        (hypercorn issue 308), and a socket stays open as long as its client does.

        A websocket is closed under Engine.IO's feet, not with its CLOSE packet: on a CLOSE,
        python-socketio's client (the desktop app) takes the disconnect as final and never
        reconnects. A long poll is answered with a NOOP; its client's next request is refused.
        """
        self.draining = True
        if self.server is None:
            return
        for socket in list(self.server.eio.sockets.values()):
            # None ends the websocket writer, which closes the websocket (engineio's async_socket).
            await socket.queue.put(None if socket.upgraded else packet.Packet(packet.NOOP))


async def publish(event: str, data: dict, *, room: str, to_sid: str | None = None) -> None:
    """Send `event` to a room (or to one socket) through the current runtime's events. Never
    raises: a realtime hiccup must not fail the request or job that published."""
    events = runtime.current().events
    if events is None:
        return
    try:
        await events.publish(event, data, room=room, to_sid=to_sid)
    except Exception:  # noqa: BLE001 - logged; the data is in the database either way
        log.exception("publishing %s to %s failed", event, room)


async def disconnect_room(room: str) -> None:
    """Close the sockets this process holds in `room` (a session ended). Never raises, like
    `publish()`: the session is ended in the database either way."""
    events = runtime.current().events
    if not isinstance(events, Realtime):
        return
    try:
        await events.disconnect_room(room)
    except Exception:  # noqa: BLE001 - logged; the tokens are dead regardless
        log.exception("closing the sockets of %s failed", room)
