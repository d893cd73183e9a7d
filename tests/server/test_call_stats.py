"""The calls board, `GET /api/crm/stats/calls`: days in the business's time zone, the figures
overall and per agent, the median call-back delay, the tenant wall and the range's refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest

from server.auth.models import User
from server.auth.service import create_user
from server.businesses.service import create_business
from server.calls.models import Call
from tests.conftest import BUSINESS_PHONE, PASSWORD, login
from tests.server.test_live_calls import ALWAYS_OPEN, ring_business, served
from tests.twilio_helpers import call_params

pytestmark = pytest.mark.both_databases

ISRAEL = ZoneInfo("Asia/Jerusalem")
_sids = count(1)


def israel(text: str) -> datetime:
    """An Israel wall-clock time ("2026-12-01 23:30") as the UTC instant the server stores."""
    return datetime.fromisoformat(text).replace(tzinfo=ISRAEL).astimezone(UTC)


async def add_call(business, started: str, *, answered_by: User | None = None, recording: bool = False,
                   back_after: int | None = None, back_by: User | None = None,
                   direction: str = "inbound") -> Call:
    """An inbound call started at Israel time `started`; `back_after` seconds later called back."""
    n = next(_sids)
    at = israel(started)
    return await Call.create(
        business=business, call_sid=f"CA{n:032d}", direction=direction, from_number="+972541234567",
        started_at=at, answered_by=answered_by, answered_at=at + timedelta(seconds=5) if answered_by else None,
        handling="answered" if answered_by else "missed", recording_sid=f"RE{n:032d}" if recording else None,
        called_back_at=at + timedelta(seconds=back_after) if back_after is not None else None,
        called_back_by=back_by)


async def board(client, headers, query: str = "") -> dict:
    response = await client.get(f"/api/crm/stats/calls{query}", headers=headers)
    assert response.status_code == 200, await response.get_data(as_text=True)
    return await response.get_json()


@pytest.fixture
async def agents(business, user) -> dict[str, User]:
    """The admin ("סוכנת") and two agents; a third, disabled, is left off the board."""
    made = {"admin": user}
    for key, name in (("avi", "אבי"), ("dana", "דנה"), ("gone", "זאב")):
        made[key] = await create_user(business_id=business.id, email=f"{key}@example.com", password=PASSWORD,
                                      name=name)
    await User.filter(id=made["gone"].id).update(is_active=False)
    return made


async def test_days_are_the_business_s_own_days(client, business, auth_headers, agents):
    # Israel is UTC+2 in December: 23:30 on the 1st is 21:30 UTC, 00:30 on the 2nd is still
    # the 1st in UTC (22:30), and 00:10 on the 1st is 30 November in UTC.
    await add_call(business, "2026-12-01 00:10")
    await add_call(business, "2026-12-01 23:30", answered_by=agents["avi"])
    await add_call(business, "2026-12-02 00:30", recording=True)
    await add_call(business, "2026-11-30 23:59:59")
    await add_call(business, "2026-12-03 00:00")
    first = await board(client, auth_headers, "?from=2026-12-01&to=2026-12-01")
    second = await board(client, auth_headers, "?from=2026-12-02&to=2026-12-02")
    both = await board(client, auth_headers, "?from=2026-12-01&to=2026-12-02")
    assert (first["totals"]["calls"], first["totals"]["answered"], first["totals"]["messages_left"]) == (2, 1, 0)
    assert (second["totals"]["calls"], second["totals"]["answered"], second["totals"]["messages_left"]) == (1, 0, 1)
    assert (both["totals"]["calls"], both["totals"]["missed"]) == (3, 2)
    assert (await board(client, auth_headers, "?from=2026-11-30&to=2026-12-03"))["totals"]["calls"] == 5


async def test_the_answer_s_exact_shape(client, business, auth_headers, agents):
    avi, dana = agents["avi"], agents["dana"]
    await add_call(business, "2026-12-01 09:00", answered_by=avi)
    await add_call(business, "2026-12-01 09:10", answered_by=avi, recording=True)
    await add_call(business, "2026-12-01 09:20", answered_by=dana)
    await add_call(business, "2026-12-01 10:00", recording=True, back_after=600, back_by=dana)
    await add_call(business, "2026-12-01 11:00", recording=True, back_after=1800, back_by=dana)
    await add_call(business, "2026-12-01 12:00", back_after=300, back_by=avi)
    await add_call(business, "2026-12-01 13:00")  # missed, never called back
    # Not on the board: an agent's click-to-call, and a call the disabled agent answered only
    # in the totals.
    await add_call(business, "2026-12-01 14:00", direction="outbound-api", answered_by=avi)
    await add_call(business, "2026-12-01 15:00", answered_by=agents["gone"])
    assert await board(client, auth_headers, "?from=2026-12-01&to=2026-12-01") == {
        "from": "2026-12-01", "to": "2026-12-01", "timezone": "Asia/Jerusalem",
        "totals": {"calls": 8, "answered": 4, "missed": 4, "messages_left": 3, "called_back": 3,
                   "median_callback_seconds": 600},
        "agents": [  # by name: אבי, דנה, סוכנת
            {"user_id": avi.id, "name": "אבי", "answered": 2, "called_back": 1, "median_callback_seconds": 300},
            {"user_id": dana.id, "name": "דנה", "answered": 1, "called_back": 2, "median_callback_seconds": 1200},
            {"user_id": agents["admin"].id, "name": "סוכנת", "answered": 0, "called_back": 0,
             "median_callback_seconds": None},
        ],
    }


async def test_the_median_of_odd_and_even_counts(client, business, auth_headers, agents):
    avi, dana = agents["avi"], agents["dana"]
    for minute, seconds in enumerate((3000, 60, 1200, 600)):  # even overall: (600 + 1200) / 2
        await add_call(business, f"2026-12-01 10:{minute:02d}", back_after=seconds, back_by=avi)
    for minute, seconds in enumerate((90, 30, 45)):  # odd: the middle one
        await add_call(business, f"2026-12-02 10:{minute:02d}", back_after=seconds, back_by=dana)
    # A call answered live is never a call-back, whatever its columns say.
    await add_call(business, "2026-12-02 11:00", answered_by=dana, back_after=5, back_by=dana)
    first = await board(client, auth_headers, "?from=2026-12-01&to=2026-12-01")
    assert (first["totals"]["called_back"], first["totals"]["median_callback_seconds"]) == (4, 900)
    second = await board(client, auth_headers, "?from=2026-12-02&to=2026-12-02")
    assert (second["totals"]["called_back"], second["totals"]["median_callback_seconds"]) == (3, 45)
    both = await board(client, auth_headers, "?from=2026-12-01&to=2026-12-02")
    assert (both["totals"]["called_back"], both["totals"]["median_callback_seconds"]) == (7, 90)
    by_agent = {a["name"]: (a["called_back"], a["median_callback_seconds"]) for a in both["agents"]}
    assert by_agent == {"אבי": (4, 900), "דנה": (3, 45), "סוכנת": (0, None)}


async def test_another_business_s_calls_are_not_counted(client, business, auth_headers, agents):
    other = await create_business(name="עסק אחר", phone="+97235550199")
    theirs = await create_user(business_id=other.id, email="other@example.com", password=PASSWORD, name="אחרת")
    await add_call(business, "2026-12-01 09:00", answered_by=agents["avi"])
    for minute in range(3):
        await add_call(other, f"2026-12-01 09:{minute:02d}", answered_by=theirs, recording=True)
    await add_call(other, "2026-12-01 10:00", back_after=60, back_by=theirs)
    mine = await board(client, auth_headers, "?from=2026-12-01&to=2026-12-01")
    assert (mine["totals"]["calls"], mine["totals"]["messages_left"], mine["totals"]["called_back"]) == (1, 0, 0)
    assert theirs.id not in {a["user_id"] for a in mine["agents"]}
    other_board = await board(client, await login(client, "other@example.com"), "?from=2026-12-01&to=2026-12-01")
    assert other_board["totals"] == {"calls": 4, "answered": 3, "missed": 1, "messages_left": 3, "called_back": 1,
                                     "median_callback_seconds": 60}
    assert [a["user_id"] for a in other_board["agents"]] == [theirs.id]


async def test_an_agent_sees_the_board_and_today_is_the_default(client, business, agents):
    now = datetime.now(UTC)
    await Call.create(business=business, call_sid="CA" + "9" * 32, started_at=now, answered_by=agents["dana"])
    today = now.astimezone(ISRAEL).date().isoformat()
    body = await board(client, await login(client, "dana@example.com"))
    assert (body["from"], body["to"], body["totals"]["calls"], body["totals"]["answered"]) == (today, today, 1, 1)
    assert (await board(client, await login(client, "avi@example.com"), f"?to={today}"))["from"] == today


@pytest.mark.parametrize("query", [
    "?from=2026-12-02&to=2026-12-01",  # reversed
    "?from=2025-11-30&to=2026-12-01",  # 367 days
    "?from=2026-02-30&to=2026-03-01",  # no such day
    "?from=2026-1-01&to=2026-01-02",
    "?from=20261201&to=20261202",
    "?from=yesterday",
    "?from=2026-12-01T00:00&to=2026-12-02",
    "?from=&to=2026-12-02",
])
async def test_a_bad_range_is_422_invalid_range(client, auth_headers, query):
    response = await client.get(f"/api/crm/stats/calls{query}", headers=auth_headers)
    assert response.status_code == 422
    error = (await response.get_json())["error"]
    assert error["code"] == "invalid_range" and error["message"]


async def test_366_days_is_the_longest_range_and_a_login_is_needed(client, auth_headers):
    body = await board(client, auth_headers, "?from=2025-12-02&to=2026-12-02")
    assert (body["from"], body["to"], body["totals"]["calls"]) == ("2025-12-02", "2026-12-02", 0)
    response = await client.get("/api/crm/stats/calls")
    assert response.status_code == 401


async def test_the_board_is_in_the_openapi_document(client):
    spec = await (await client.get("/openapi.json")).get_json()
    operation = spec["paths"]["/api/crm/stats/calls"]["get"]
    assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == {"from", "to"}
    assert {"200", "401", "422"} <= operation["responses"].keys()


async def test_calls_handled_through_the_real_webhooks_are_on_the_board(settings):
    """Twilio's requests on a real server (the live calls' own helpers): a call Yossi picks up,
    one nobody answers that Dana's click-to-call reaches later; the click-to-call itself is no
    inbound call."""
    async with served(settings) as office:
        business, (dana, yossi, *_rest) = await ring_business(office, hours=ALWAYS_OPEN, closed_on_holidays=False)
        await office.online(dana)
        await office.online(yossi)
        answered_sid, missed_sid = "CA" + "c" * 32, "CA" + "d" * 32
        await office.twilio("/webhook/incoming_call", call_params(answered_sid))
        with office.db():
            answered = await Call.get(call_sid=answered_sid)
        await office.twilio("/webhook/dial_answered", call_params("CA" + "e" * 32, To=yossi.phone),
                            query=f"call={answered.id}&user={yossi.id}")
        await office.twilio("/webhook/dial_status", call_params(answered_sid, DialCallStatus="completed"))
        await office.twilio("/webhook/incoming_call", call_params(missed_sid))
        await office.twilio("/webhook/dial_status", call_params(missed_sid, DialCallStatus="no-answer"))
        with office.db():
            missed = await Call.get(call_sid=missed_sid).prefetch_related("customer")
            outbound = await Call.create(business=business, customer=missed.customer, call_sid="CA" + "f" * 32,
                                         direction="outbound-api", status="in-progress", from_number=BUSINESS_PHONE,
                                         to_number=missed.customer.phone, started_at=datetime.now(UTC), placed_by=dana)
        await office.twilio("/webhook/dial_status", call_params(outbound.call_sid, Direction="outbound-api",
                                                                 DialCallStatus="completed"))
        response = await office.http.get("/api/crm/stats/calls",
                                         headers={"Authorization": f"Bearer {await office.token(yossi.email)}"})
        assert response.status_code == 200, response.text
        body = response.json()
        with office.db():
            missed = await Call.get(call_sid=missed_sid)
        delay = round((missed.called_back_at - missed.started_at).total_seconds())
        assert body["totals"] == {"calls": 2, "answered": 1, "missed": 1, "messages_left": 0, "called_back": 1,
                                  "median_callback_seconds": delay}
        figures = {a["user_id"]: (a["answered"], a["called_back"], a["median_callback_seconds"])
                   for a in body["agents"]}
        assert figures[yossi.id] == (1, 0, None) and figures[dana.id] == (0, 1, delay)
