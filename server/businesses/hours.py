"""A business's opening hours: its week (Sunday to Thursday, a short Friday, closed on
Shabbat by default) in its own time zone, and Israel's official holidays from the `holidays`
library (its maintainers follow the Hebrew calendar and the government's shifts, such as
Independence Day moved off Shabbat), never a hand-written list."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from server.businesses.models import WEEKDAYS
from server.errors import APIError

_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")
# Python's weekday(): Monday is 0; our week starts on Sunday.
_DAY_OF = dict(enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun")))
LOOK_AHEAD_DAYS = 30  # a business closed for longer than this has no next opening


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def checked_hours(hours: object) -> dict[str, list[list[str]]]:
    """`hours` as stored (every day present, ranges sorted), or a 422 that says what is wrong:
    `hours_unknown_day`, `hours_overlap`, or `invalid_hours` for any other malformed shape."""
    if not isinstance(hours, dict):
        raise APIError(422, "invalid_hours", "hours must be an object of days (sun..sat)")
    unknown = sorted(str(day) for day in hours if day not in WEEKDAYS)
    if unknown:
        raise APIError(422, "hours_unknown_day", f"unknown day: {', '.join(unknown)} (use sun..sat)")
    week: dict[str, list[list[str]]] = {}
    for day in WEEKDAYS:
        ranges = hours.get(day, [])
        if not isinstance(ranges, list) or len(ranges) > 8:
            raise APIError(422, "invalid_hours", f"{day}: a list of at most 8 [start, end] ranges")
        spans = []
        for span in ranges:
            if (not isinstance(span, list | tuple) or len(span) != 2
                    or not all(isinstance(clock, str) and _CLOCK.match(clock) for clock in span)):
                raise APIError(422, "invalid_hours", f"{day}: each range is [\"HH:MM\", \"HH:MM\"]")
            start, end = span
            if start == "24:00" or _minutes(start) >= _minutes(end):
                raise APIError(422, "invalid_hours", f"{day}: {start}-{end} does not end after it starts")
            spans.append([start, end])
        spans.sort(key=lambda span: _minutes(span[0]))
        for earlier, later in zip(spans, spans[1:], strict=False):
            if _minutes(later[0]) < _minutes(earlier[1]):
                raise APIError(422, "hours_overlap",
                               f"{day}: {earlier[0]}-{earlier[1]} and {later[0]}-{later[1]} overlap")
        week[day] = spans
    return week


@lru_cache(maxsize=8)
def _israel_holidays(year: int) -> holidays.HolidayBase:
    # Pure data for a year, the same for every business: built once per process.
    return holidays.country_holidays("IL", years=year, language="he")


def holiday_name(day: date) -> str | None:
    """The official holiday on `day` in Israel (its Hebrew name), or None."""
    return _israel_holidays(day.year).get(day)


def upcoming_holidays(today: date, *, days: int = 90) -> list[dict]:
    """The official holidays from `today` on, for the settings screens."""
    last = today + timedelta(days=days)
    found = {}
    for year in range(today.year, last.year + 1):
        found.update({day: name for day, name in _israel_holidays(year).items() if today <= day <= last})
    return [{"date": day.isoformat(), "name": name} for day, name in sorted(found.items())]


class Week:
    """One business's hours, asked in its zone."""

    def __init__(self, *, hours: dict, timezone: str, closed_on_holidays: bool) -> None:
        self.zone = ZoneInfo(timezone)
        self.closed_on_holidays = closed_on_holidays
        self.spans = {day: [(_minutes(start), _minutes(end)) for start, end in hours.get(day, [])]
                      for day in WEEKDAYS}

    def _closed_day(self, day: date) -> bool:
        return self.closed_on_holidays and holiday_name(day) is not None

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(self.zone)
        if self._closed_day(local.date()):
            return False
        minute = local.hour * 60 + local.minute
        return any(start <= minute < end for start, end in self.spans[_DAY_OF[local.weekday()]])

    def next_opening(self, after: datetime) -> datetime | None:
        """When the business next opens after `after` (itself when open then), or None when
        it stays closed for LOOK_AHEAD_DAYS."""
        if self.is_open(after):
            return after
        local = after.astimezone(self.zone)
        for offset in range(LOOK_AHEAD_DAYS + 1):
            day = local.date() + timedelta(days=offset)
            if self._closed_day(day):
                continue
            for start, _end in self.spans[_DAY_OF[day.weekday()]]:
                opening = datetime.combine(day, time(start // 60, start % 60), self.zone)
                if opening > after:
                    return opening
        return None


def week_of(business) -> Week:
    return Week(hours=business.hours, timezone=business.timezone, closed_on_holidays=business.closed_on_holidays)
