"""The calls board: how the business's inbound calls went over a range of days.

Days are the business's own (`Business.timezone`): a range of dates becomes one half-open
range of UTC instants on `call.started_at`, read from the indexes of migration 7
(`call_stats_indexes`) without touching the table. Every figure is aggregated in the database,
per agent by conditional counts (`COUNT(*) FILTER (WHERE agent = ...)`, one column per active
user) in one row, which on SQLite costs a third of a GROUP BY (it sorts every row to group):

- the calls: how many, answered (and by whom), with a message;
- the call-backs (missed calls called back), by whom, and the median delay (called back -
  started), overall and per agent: PostgreSQL's `percentile_cont` in the same statement;
  SQLite has no percentile function, so a second statement takes each group's middle row(s)
  by LIMIT/OFFSET over its count, sorting only the range's call-backs (measured against
  ROW_NUMBER() windows, which sorted them twice: docs/BENCHMARKS.md).
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
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Twilio's Direction for a call to the business is "inbound"; ours start "outbound-".
_INBOUND = """"business_id" = {business} AND "started_at" >= {start} AND "started_at" < {end}
    AND "direction" LIKE 'inbound%'"""
ANSWERED_BY = '"answered_by_id"'
CALLED_BACK_BY = '"called_back_by_id"'


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


def _delay(postgres: bool) -> str:
    """Seconds from the call to its call-back. date_part, not EXTRACT: EXTRACT's numeric result
    made PostgreSQL's median 1.7 x slower over a year of call-backs; SQLite stores text, julianday
    parses it."""
    if postgres:
        return """date_part('epoch', "called_back_at" - "started_at")"""
    return '(julianday("called_back_at") - julianday("started_at")) * 86400.0'


def _per_agent(aggregate: str, column: str, agents: list[int], params: rows.Params) -> str:
    return "".join(f", {aggregate} FILTER (WHERE {column} = {params.add(agent)})" for agent in agents)


# Each statement is written left to right, its values added in that order (SQLite's `?`s
# are positional): the select list's agent ids, then the range.


def _calls_sql(agents: list[int], params: rows.Params, in_range) -> str:
    """One row: calls, answered, messages_left, then answered by each agent."""
    counts = _per_agent("COUNT(*)", ANSWERED_BY, agents, params)
    return f'SELECT COUNT(*), COUNT({ANSWERED_BY}), COUNT("recording_sid"){counts} FROM "call" WHERE {in_range(params)}'


def _callbacks_sql(agents: list[int], params: rows.Params, in_range, postgres: bool) -> str:
    """One row: call-backs, then each agent's; on PostgreSQL then the median overall and each
    agent's."""
    columns = "COUNT(*)" + _per_agent("COUNT(*)", CALLED_BACK_BY, agents, params)
    if postgres:
        median = f"percentile_cont(0.5) WITHIN GROUP (ORDER BY {_delay(True)})"
        columns += f", {median}{_per_agent(median, CALLED_BACK_BY, agents, params)}"
    return f'SELECT {columns} FROM "call" WHERE {in_range(params)}'


def _sqlite_medians_sql(groups: list[tuple[int, int | None, int]], params: rows.Params, in_range) -> str:
    """(group, its median) for each (group, agent or None for all, call-backs): the middle row
    of an odd count, the mean of the middle two of an even one."""
    parts = []
    for group, agent, n in groups:
        where = in_range(params) + ("" if agent is None else f" AND {CALLED_BACK_BY} = {params.add(agent)}")
        parts.append(f'SELECT {group}, AVG(delay) FROM (SELECT {_delay(False)} AS delay FROM "call" '
                     f"WHERE {where} ORDER BY delay LIMIT {2 - n % 2} OFFSET {(n - 1) // 2})")
    return " UNION ALL ".join(parts)


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
    users = await (User.filter(business_id=business_id, is_active=True).order_by("name", "id")
                   .values_list("id", "name"))
    agents = [user_id for user_id, _name in users]

    def calls_in_range(params: rows.Params) -> str:
        return _INBOUND.format(business=params.add(business_id), start=params.add(lower), end=params.add(upper))

    def callbacks_in_range(params: rows.Params) -> str:
        return calls_in_range(params) + f' AND {ANSWERED_BY} IS NULL AND "called_back_at" IS NOT NULL'

    params = rows.Params()
    sql = _calls_sql(agents, params, calls_in_range)
    calls, answered, messages, *answered_by = (await rows.fetch(sql, params.values))[0]
    params = rows.Params()
    sql = _callbacks_sql(agents, params, callbacks_in_range, postgres)
    found = list((await rows.fetch(sql, params.values))[0])
    called_back, medians = found[: len(agents) + 1], found[len(agents) + 1:]
    if not postgres:  # the medians by a statement of their own (the module's docstring)
        groups = [(group, agent, n) for group, (agent, n) in enumerate(zip([None, *agents], called_back, strict=True))
                  if n]
        params = rows.Params()
        picked = dict(await rows.fetch(_sqlite_medians_sql(groups, params, callbacks_in_range), params.values)
                      if groups else [])
        medians = [picked.get(group) for group in range(len(called_back))]
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "timezone": business.timezone,
        "totals": {
            "calls": calls,
            "answered": answered,
            "missed": calls - answered,
            "messages_left": messages,
            "called_back": called_back[0],
            "median_callback_seconds": _seconds(medians[0]),
        },
        "agents": [
            {"user_id": user_id, "name": name, "answered": answered_by[k], "called_back": called_back[k + 1],
             "median_callback_seconds": _seconds(medians[k + 1])}
            for k, (user_id, name) in enumerate(users)
        ],
    }
