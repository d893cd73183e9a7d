"""The calls board: how the business's inbound calls went over a range of days.

Days are the business's own (`Business.timezone`): a range of dates becomes one half-open
range of UTC instants on `call.started_at`, so the work is a range over the
`(business_id, started_at, ...)` index (migration 7, `call_stats_indexes`). Two statements, each
aggregating in the database:

- the figures, grouped by who answered: a handful of groups (one per agent, and the
  unanswered calls), whose sums are the totals;
- the call-backs (missed calls called back) with their median delay, per agent who called back
  and overall: PostgreSQL's `percentile_cont`; SQLite has no percentile function, so each
  group's middle row(s) are picked by `ROW_NUMBER()` over the delays, which sorts only the
  range's call-backs (measured in docs/BENCHMARKS.md).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from server import rows
from server.auth.models import User
from server.businesses.models import Business
from server.errors import DomainError

MAX_DAYS = 366
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Twilio's Direction for a call to the business is "inbound"; ours start "outbound-".
_INBOUND = """"business_id" = {business} AND "started_at" >= {start} AND "started_at" < {end}
    AND "direction" LIKE 'inbound%'"""


class InvalidRangeError(DomainError):
    code = "invalid_range"
    default_message = "from and to must be dates (YYYY-MM-DD), from not after to, at most 366 days apart"


def _day(text: str | None, default: date) -> date:
    if text is None:
        return default
    if not _DATE.fullmatch(text):
        raise InvalidRangeError()
    try:
        return date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        raise InvalidRangeError() from None


def day_range(*, start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The inclusive dates asked for: `end` defaults to today, `start` to `end`."""
    last = _day(end, today)
    first = _day(start, last)
    if first > last or (last - first).days >= MAX_DAYS:
        raise InvalidRangeError()
    return first, last


def utc_bounds(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[midnight of `first`, midnight after `last`) in `zone`, as UTC instants."""
    def midnight(day: date) -> datetime:
        return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)

    return midnight(first), midnight(last + timedelta(days=1))


def _figures_sql(where: str) -> str:
    return f"""SELECT "answered_by_id", COUNT(*), COUNT("recording_sid")
FROM "call" WHERE {where}
GROUP BY "answered_by_id\""""


def _callbacks_sql(where: str, postgres: bool) -> str:
    """(agent, is the overall row, call-backs, median delay in seconds) per agent who called
    back, and one overall row; no rows when there were no call-backs."""
    where += ' AND "answered_by_id" IS NULL AND "called_back_at" IS NOT NULL'
    if postgres:
        return f"""SELECT "called_back_by_id", GROUPING("called_back_by_id"), COUNT(*),
    percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM "called_back_at" - "started_at"))
FROM "call" WHERE {where}
GROUP BY GROUPING SETS (("called_back_by_id"), ())"""
    return f"""WITH back AS (
    SELECT "called_back_by_id" AS agent,
           (julianday("called_back_at") - julianday("started_at")) * 86400.0 AS delay
    FROM "call" WHERE {where}),
ranked AS (
    SELECT agent, 0 AS overall, delay, ROW_NUMBER() OVER (PARTITION BY agent ORDER BY delay) AS k,
           COUNT(*) OVER (PARTITION BY agent) AS n FROM back
    UNION ALL
    SELECT NULL, 1, delay, ROW_NUMBER() OVER (ORDER BY delay), COUNT(*) OVER () FROM back)
SELECT agent, overall, MAX(n), AVG(CASE WHEN k IN ((n + 1) / 2, (n + 2) / 2) THEN delay END)
FROM ranked GROUP BY overall, agent"""


def _seconds(value) -> int | None:
    return None if value is None else round(float(value))


async def call_stats(*, business_id: int, start: str | None = None, end: str | None = None,
                     now: datetime | None = None) -> dict:
    """The board's answer for the business's dates `start`..`end` (inclusive, YYYY-MM-DD,
    today by default); InvalidRangeError for malformed or reversed dates, or more than
    MAX_DAYS days."""
    business = await Business.get(id=business_id)
    zone = ZoneInfo(business.timezone)
    first, last = day_range(start=start, end=end, today=(now or datetime.now(UTC)).astimezone(zone).date())
    lower, upper = utc_bounds(first, last, zone)
    postgres = rows.dialect() == "postgres"

    def where(params: rows.Params) -> str:
        return _INBOUND.format(business=params.add(business_id), start=params.add(lower), end=params.add(upper))

    params = rows.Params()
    figures = await rows.fetch(_figures_sql(where(params)), params.values)
    params = rows.Params()
    callbacks = await rows.fetch(_callbacks_sql(where(params), postgres), params.values)

    answered_by = {agent: count for agent, count, _recorded in figures if agent is not None}
    calls = sum(count for _agent, count, _recorded in figures)
    answered = sum(answered_by.values())
    overall = next(((n, median) for _agent, is_overall, n, median in callbacks if is_overall), (0, None))
    called_back = {agent: (n, median) for agent, is_overall, n, median in callbacks if not is_overall}
    agents = await (User.filter(business_id=business_id, is_active=True).order_by("name", "id")
                    .values_list("id", "name"))
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "timezone": business.timezone,
        "totals": {
            "calls": calls,
            "answered": answered,
            "missed": calls - answered,
            "messages_left": sum(recorded for _agent, _count, recorded in figures),
            "called_back": overall[0],
            "median_callback_seconds": _seconds(overall[1]),
        },
        "agents": [
            {"user_id": user_id, "name": name, "answered": answered_by.get(user_id, 0),
             "called_back": called_back.get(user_id, (0, None))[0],
             "median_callback_seconds": _seconds(called_back.get(user_id, (0, None))[1])}
            for user_id, name in agents
        ],
    }
