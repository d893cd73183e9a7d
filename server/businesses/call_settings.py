"""How a business answers its calls (mode, ring time, hours, call-back time, the recording
notice), as every
incoming call reads it: remembered per business for a short while, like the numbers, and
forgotten at once in this process when an admin changes it (other processes within SECONDS)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from server import runtime
from server.businesses.hours import Week, week_of
from server.businesses.models import Business
from server.errors import APIError

RING_SECONDS = (5, 120)
CALLBACK_MINUTES = (1, 24 * 60)


@dataclass(frozen=True)
class CallSettings:
    business_id: int
    call_mode: str
    ring_seconds: int
    callback_minutes: int
    week: Week
    recording_notice: bool = True  # callers hear that the message is recorded (server/calls/routing.py)

    @property
    def rings_agents(self) -> bool:
        return self.call_mode == "ring_agents"


def call_settings_of(business: Business) -> CallSettings:
    return CallSettings(business_id=business.id, call_mode=business.call_mode, ring_seconds=business.ring_seconds,
                        callback_minutes=business.callback_minutes, week=week_of(business),
                        recording_notice=business.recording_notice)


class CallSettingsCache:
    SECONDS = 30.0

    def __init__(self) -> None:
        self._entries: dict[int, tuple[float, CallSettings]] = {}

    def forget(self, business_id: int) -> None:
        self._entries.pop(business_id, None)

    async def get(self, business_id: int) -> CallSettings:
        entry = self._entries.get(business_id)
        if entry and entry[0] > time.monotonic():
            return entry[1]
        found = call_settings_of(await Business.get(id=business_id))
        self._entries[business_id] = (time.monotonic() + self.SECONDS, found)
        return found


def cache() -> CallSettingsCache:
    return runtime.current().keep(CallSettingsCache, CallSettingsCache)


async def call_settings(business_id: int) -> CallSettings:
    return await cache().get(business_id)


def checked_int(value: object, *, bounds: tuple[int, int], code: str, what: str) -> int:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise APIError(422, code, f"{what} must be a whole number from {low} to {high}")
    return value
