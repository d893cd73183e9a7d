"""A business's live-call settings: defaults, what an admin may set, the 422 each mistake gets,
and the week itself (Israel's: a short Friday, Shabbat and the holidays closed)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from server.businesses.hours import Week, checked_hours, holiday_name, upcoming_holidays
from server.businesses.models import default_hours
from server.errors import APIError
from tests.conftest import login

ISRAEL = "Asia/Jerusalem"


def israel(*parts) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(*parts, tzinfo=ZoneInfo(ISRAEL))


async def test_defaults_are_the_brief_flow_and_an_israeli_week(client, auth_headers):
    body = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert (body["call_mode"], body["ring_seconds"], body["callback_minutes"], body["closed_on_holidays"]) == (
        "voicemail", 20, 30, True)
    assert body["hours"] == {"sun": [["08:00", "17:00"]], "mon": [["08:00", "17:00"]], "tue": [["08:00", "17:00"]],
                             "wed": [["08:00", "17:00"]], "thu": [["08:00", "17:00"]], "fri": [["08:00", "13:00"]],
                             "sat": []}
    assert body["closed_greeting_url"] == "/server/static/voice_responses/closed.mp3"
    assert isinstance(body["open_now"], bool)
    assert all(set(holiday) == {"date", "name"} for holiday in body["upcoming_holidays"])


async def test_an_admin_sets_them(client, auth_headers):
    hours = {**default_hours(), "fri": [], "sun": [["13:00", "18:00"], ["08:00", "12:00"]]}
    response = await client.patch("/api/business", json={
        "call_mode": "ring_agents", "ring_seconds": 30, "callback_minutes": 15, "closed_on_holidays": False,
        "hours": hours}, headers=auth_headers)
    assert response.status_code == 200, await response.get_data(as_text=True)
    body = await response.get_json()
    assert (body["call_mode"], body["ring_seconds"], body["callback_minutes"], body["closed_on_holidays"]) == (
        "ring_agents", 30, 15, False)
    assert body["hours"]["sun"] == [["08:00", "12:00"], ["13:00", "18:00"]]  # kept in order
    assert body["hours"]["fri"] == []


@pytest.mark.parametrize(("change", "code"), [
    ({"hours": []}, "invalid_hours"),
    ({"hours": {"sun": [["08:00"]]}}, "invalid_hours"),
    ({"hours": {"sun": [["8:00", "17:00"]]}}, "invalid_hours"),
    ({"hours": {"sun": [["17:00", "08:00"]]}}, "invalid_hours"),
    ({"hours": {"mon": [["25:00", "26:00"]]}}, "invalid_hours"),
    ({"hours": {"sun": [["08:00", "12:00"], ["11:00", "14:00"]]}}, "hours_overlap"),
    ({"hours": {"sunday": [["08:00", "12:00"]]}}, "hours_unknown_day"),
    ({"call_mode": "ring"}, "invalid_call_mode"),
    ({"ring_seconds": 2}, "invalid_ring_seconds"),
    ({"ring_seconds": "20"}, "invalid_ring_seconds"),
    ({"callback_minutes": 0}, "invalid_callback_minutes"),
    ({"callback_minutes": 99999}, "invalid_callback_minutes"),
])
async def test_each_mistake_is_a_422_that_names_it_and_changes_nothing(client, auth_headers, change, code):
    response = await client.patch("/api/business", json={"name": "שם חדש", **change}, headers=auth_headers)
    assert response.status_code == 422
    assert (await response.get_json())["error"]["code"] == code
    body = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert body["name"] != "שם חדש" and body["hours"] == default_hours() and body["call_mode"] == "voicemail"


async def test_agents_may_not_change_them(client, business, auth_headers):
    from server.auth.service import create_user
    from tests.conftest import PASSWORD

    await create_user(business_id=business.id, email="agent2@example.com", password=PASSWORD, role="agent")
    response = await client.patch("/api/business", json={"call_mode": "ring_agents"},
                                  headers=await login(client, "agent2@example.com"))
    assert response.status_code == 403


def test_adjacent_ranges_do_not_overlap():
    assert checked_hours({"sun": [["12:00", "24:00"], ["08:00", "12:00"]]})["sun"] == [
        ["08:00", "12:00"], ["12:00", "24:00"]]
    with pytest.raises(APIError):
        checked_hours({"sun": [["24:00", "24:00"]]})


def test_the_israeli_week():
    week = Week(hours=default_hours(), timezone=ISRAEL, closed_on_holidays=True)
    assert week.is_open(israel(2026, 12, 3, 16, 59))  # Thursday
    assert not week.is_open(israel(2026, 12, 3, 17, 0))
    assert week.is_open(israel(2026, 12, 4, 12, 59))  # a short Friday
    assert not week.is_open(israel(2026, 12, 4, 13, 0))
    assert not week.is_open(israel(2026, 12, 5, 10, 0))  # Shabbat
    assert week.next_opening(israel(2026, 12, 4, 13, 0)) == israel(2026, 12, 6, 8, 0)  # Sunday
    assert week.next_opening(israel(2026, 12, 3, 7, 0)) == israel(2026, 12, 3, 8, 0)
    # Across the zone change: the week is kept in Israel's own clock (winter +02, summer +03).
    assert week.is_open(datetime(2026, 7, 5, 5, 0, tzinfo=UTC))  # Sunday 08:00 IDT
    assert not week.is_open(datetime(2026, 12, 6, 5, 59, tzinfo=UTC))  # Sunday 07:59 IST


def test_the_holidays_come_from_the_calendar():
    assert holiday_name(date(2026, 9, 21)) == "יום כיפור"
    assert holiday_name(date(2026, 4, 2)) == "פסח"
    assert holiday_name(date(2026, 9, 22)) is None
    week = Week(hours=default_hours(), timezone=ISRAEL, closed_on_holidays=True)
    assert not week.is_open(israel(2026, 9, 21, 10, 0))  # Yom Kippur, a Monday
    # Rosh Hashana 2026 is Shabbat and Sunday: the next opening is Monday.
    assert week.next_opening(israel(2026, 9, 11, 13, 0)) == israel(2026, 9, 14, 8, 0)
    ignoring = Week(hours=default_hours(), timezone=ISRAEL, closed_on_holidays=False)
    assert ignoring.is_open(israel(2026, 9, 21, 10, 0))
    assert [h["name"] for h in upcoming_holidays(date(2026, 9, 1), days=30)] == [
        "ראש השנה", "ראש השנה", "יום כיפור", "סוכות"]
