"""Password-guessing brake: failed logins counted per account and per IP.

Once an email or an IP has `LIMIT` failures inside `WINDOW`, further attempts are refused
(429) before any password is checked, until enough of those failures age out of the window.
Throttled attempts are not recorded, so a locked-out attacker cannot extend the lock forever.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from server.auth.models import LoginAttempt

LIMIT = 10
WINDOW = timedelta(minutes=15)


async def _seconds_left(now: datetime, **key) -> int:
    recent = LoginAttempt.filter(at__gt=now - WINDOW, **key)
    count = await recent.count()
    if count < LIMIT:
        return 0
    # The count falls under LIMIT when the (count - LIMIT + 1)th oldest failure leaves the window.
    rows = await recent.order_by("at", "id").offset(count - LIMIT).limit(1).values_list("at", flat=True)
    if not rows:
        return 0
    return max(1, math.ceil((rows[0] + WINDOW - now).total_seconds()))


async def retry_after(*, email: str, ip: str) -> int:
    """Seconds until this email and this IP may try again; 0 when they may now."""
    now = datetime.now(UTC)
    return max(await _seconds_left(now, email=email[:254]), await _seconds_left(now, ip=ip[:64]))


async def record_failure(*, email: str, ip: str) -> None:
    now = datetime.now(UTC)
    await LoginAttempt.create(email=email[:254], ip=ip[:64], at=now)
    # Keep the table small: rows past the window no longer count for anything.
    await LoginAttempt.filter(at__lte=now - WINDOW).delete()


async def forget_failures(*, email: str, ip: str) -> None:
    """A successful login clears its own (email, IP) failures only, never other IPs'."""
    await LoginAttempt.filter(email=email[:254], ip=ip[:64]).delete()
