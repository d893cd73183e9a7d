"""Who can take a call now: an agent is available when they chose "available" and have a live
Socket.IO connection (a desktop or a browser of theirs is open); an agent whose last socket
disconnected counts as away, whatever they chose.

Live sockets are rows of `socket_presence`, written by the process that holds the socket and
refreshed by it every HEARTBEAT_SECONDS; a row not refreshed for ONLINE_SECONDS belongs to a
process that died, and no longer counts.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from server import realtime
from server.auth.models import User
from server.background import wind_down
from server.errors import APIError
from server.presence.models import SocketPresence

log = logging.getLogger("agentlocator.presence")

STATUSES = ("available", "away")
HEARTBEAT_SECONDS = 30
ONLINE_SECONDS = 90


def _fresh_since() -> datetime:
    return datetime.now(UTC) - timedelta(seconds=ONLINE_SECONDS)


async def online_user_ids(*, business_id: int) -> set[int]:
    return set(await SocketPresence.filter(business_id=business_id, seen_at__gte=_fresh_since())
               .distinct().values_list("user_id", flat=True))


async def _is_online(user_id: int) -> bool:
    return await SocketPresence.filter(user_id=user_id, seen_at__gte=_fresh_since()).exists()


def presence_json(user: User, *, online: bool) -> dict:
    effective = "available" if online and user.presence == "available" else "away"
    return {"status": user.presence, "effective": effective, "online": online}


async def presence_of(user: User) -> dict:
    return presence_json(user, online=await _is_online(user.id))


async def _announce(user: User, *, online: bool) -> None:
    await realtime.publish("presence:changed", {"user_id": user.id, **presence_json(user, online=online)},
                           room=realtime.business_room(user.business_id))


async def set_presence(*, user: User, status: object) -> dict:
    if status not in STATUSES:
        raise APIError(422, "invalid_presence", f"status is one of {', '.join(STATUSES)}")
    if user.presence != status:
        user.presence = status
        await User.filter(id=user.id).update(presence=status)
    online = await _is_online(user.id)
    await _announce(user, online=online)
    return presence_json(user, online=online)


async def business_presence(*, business_id: int) -> list[dict]:
    online = await online_user_ids(business_id=business_id)
    users = await User.filter(business_id=business_id, is_active=True).order_by("name", "id")
    return [{"user_id": user.id, "name": user.name, "role": user.role, "has_phone": bool(user.phone),
             **presence_json(user, online=user.id in online)} for user in users]


async def available_agents(*, business_id: int) -> list[User]:
    """The users to ring for a live call: active, with a phone, available and online."""
    online = await online_user_ids(business_id=business_id)
    if not online:
        return []
    return await User.filter(id__in=online, business_id=business_id, is_active=True, presence="available",
                             phone__not="").order_by("id")


class PresenceKeeper:
    """This process's live sockets in `socket_presence`: written on connect, removed on
    disconnect, refreshed on a heartbeat; wired to the Realtime's connect and disconnect hooks."""

    def __init__(self) -> None:
        self._sids: dict[str, User] = {}
        self._stopping = asyncio.Event()
        self._task: asyncio.Task | None = None

    async def connected(self, sid: str, user: User) -> None:
        self._sids[sid] = user
        now = datetime.now(UTC)
        try:
            await SocketPresence.create(sid=sid, user_id=user.id, business_id=user.business_id,
                                        connected_at=now, seen_at=now)
            if sid not in self._sids:  # gone again while the row was written
                await SocketPresence.filter(sid=sid).delete()
                return
            # Always, not only when the user was offline: a reconnect races the old socket's
            # disconnect, and the client that just connected must hear that it counts. `user`
            # was read from the database by this very connect.
            await _announce(user, online=True)
        except Exception:  # noqa: BLE001 - presence is best effort; the socket works without it
            log.exception("could not record socket %s of user %s", sid, user.id)

    async def disconnected(self, sid: str) -> None:
        user = self._sids.pop(sid, None)
        if user is None:
            return
        try:
            await SocketPresence.filter(sid=sid).delete()
            if not await _is_online(user.id):
                await _announce(await User.get(id=user.id), online=False)
        except Exception:  # noqa: BLE001 - the row goes stale and stops counting on its own
            log.exception("could not forget socket %s of user %s", sid, user.id)

    def start(self) -> None:
        self._stopping = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name="presence-heartbeat")

    async def stop(self) -> None:
        self._stopping.set()
        if self._task:
            await wind_down([self._task])
        if self._sids:
            try:
                await SocketPresence.filter(sid__in=list(self._sids)).delete()
            except Exception:  # noqa: BLE001 - stale rows stop counting after ONLINE_SECONDS
                log.exception("could not forget this process's sockets")
            self._sids.clear()

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                if self._sids:
                    await SocketPresence.filter(sid__in=list(self._sids)).update(seen_at=datetime.now(UTC))
                await SocketPresence.filter(seen_at__lt=_fresh_since() - timedelta(hours=1)).delete()
            except Exception:  # noqa: BLE001 - the database may be restarting: next beat
                log.exception("presence heartbeat failed")
            try:
                await asyncio.wait_for(self._stopping.wait(), HEARTBEAT_SECONDS)
            except TimeoutError:
                pass
