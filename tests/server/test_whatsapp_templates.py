"""The business's approved WhatsApp templates (GET /api/crm/whatsapp/templates), read from a
local fake of Twilio's Content API over real HTTP: only approved ones, every page, the cache
and its refresh, Twilio down or refusing, and no secret in what the agent or the log sees."""

from __future__ import annotations

import json
import logging
import socket

import pytest

from server.auth.service import create_user
from server.customers.service import create_customer
from server.messages import templates
from server.messages.models import Message
from server.telephony import client as twilio_client
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, login
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.server.test_whatsapp import run_jobs

URL = "/api/crm/whatsapp/templates"
REMINDER = "תזכורת: {{1}}, נתראה ב-{{2}} במשרד."


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def twilio():
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


def point_at(app, base_url: str, **overrides):
    settings = app.config["SETTINGS"].with_overrides(twilio_content_api_base=base_url, twilio_api_base=base_url,
                                                     **overrides)
    app.config["SETTINGS"] = settings
    return settings


@pytest.fixture
def on_fake(app, twilio):
    return point_at(app, twilio.base_url)


async def listed(client, headers, **params) -> dict:
    response = await client.get(URL, headers=headers, query_string=params)
    assert response.status_code == 200, await response.get_data(as_text=True)
    return await response.get_json()


async def test_only_approved_whatsapp_templates_are_listed_by_name_with_their_text(client, auth_headers, on_fake,
                                                                                   twilio):
    reminder = twilio.add_template("תזכורת לפגישה", REMINDER, {"1": "דנה", "2": "10:00"})
    twilio.add_template("מבצע חורף", "מבצע!", status="rejected")
    twilio.add_template("טיוטה", "עוד לא", status="unsubmitted")
    twilio.add_template("ממתינה", "בבדיקה", status="pending")
    menu = twilio.add_template("אישור הגעה", "", {"1": "יוסי"}, content_type="twilio/quick-reply", types={
        "twilio/quick-reply": {"body": "שלום {{1}}, תגיעו מחר?", "actions": [{"title": "כן", "id": "yes"}]},
        "twilio/text": {"body": "שלום {{1}}, תגיעו מחר? ענו כן או לא"}})
    card = twilio.add_template("Card", "", content_type="twilio/card", language="en", category="MARKETING",
                               types={"twilio/card": {"title": "Welcome", "subtitle": "Hi {{1}}"}})

    page = await listed(client, auth_headers)

    assert (page["page"], page["pages"], page["total"], page["stale"]) == (1, 1, 3, False)
    assert [t["name"] for t in page["results"]] == ["Card", "אישור הגעה", "תזכורת לפגישה"]
    by_sid = {t["sid"]: t for t in page["results"]}
    assert by_sid[reminder] == {"sid": reminder, "name": "תזכורת לפגישה", "language": "he", "category": "UTILITY",
                                "body": REMINDER, "variables": {"1": "דנה", "2": "10:00"}}
    assert by_sid[menu]["body"] == "שלום {{1}}, תגיעו מחר?"  # its approved type's text
    # A placeholder with no example is still a variable to fill.
    assert (by_sid[card]["body"], by_sid[card]["variables"], by_sid[card]["category"]) == (
        "Welcome\nHi {{1}}", {"1": ""}, "MARKETING")
    (request,) = [r for r in twilio.requests if r[1].startswith("/v1/")]
    assert request[1] == "/v1/ContentAndApprovals?PageSize=100"


async def test_every_page_is_read(client, auth_headers, on_fake, twilio, monkeypatch):
    monkeypatch.setattr(twilio_client, "CONTENT_PAGE_SIZE", 2)
    sids = [twilio.add_template(f"תבנית {n}", f"טקסט {n}") for n in range(5)]

    page = await listed(client, auth_headers)

    assert page["total"] == 5 and sorted(t["sid"] for t in page["results"]) == sids
    paths = [r[1] for r in twilio.requests if r[1].startswith("/v1/")]
    assert paths == ["/v1/ContentAndApprovals?PageSize=2", "/v1/ContentAndApprovals?PageSize=2&Page=1&PageToken=PT2",
                     "/v1/ContentAndApprovals?PageSize=2&Page=2&PageToken=PT4"]


async def test_the_list_is_cached_until_it_expires_or_is_refreshed(client, auth_headers, on_fake, twilio,
                                                                   monkeypatch):
    twilio.add_template("תזכורת", REMINDER)
    for _ in range(3):
        assert (await listed(client, auth_headers))["total"] == 1
    assert twilio.content_requests == 1

    twilio.add_template("חדשה", "שלום")
    assert (await listed(client, auth_headers))["total"] == 1  # still the cached list
    assert (await listed(client, auth_headers, refresh="1"))["total"] == 2
    assert twilio.content_requests == 2

    monkeypatch.setattr(templates, "CACHE_SECONDS", 0.0)
    await listed(client, auth_headers, refresh="1")  # cached again, this time already expired
    await listed(client, auth_headers)
    assert twilio.content_requests == 4


async def test_an_agent_may_read_them_and_nobody_logged_out(client, business, on_fake, twilio):
    twilio.add_template("תזכורת", REMINDER)
    await create_user(business_id=business.id, email="agent2@example.com", password="correct-horse-battery",
                      role="agent", name="סוכן")
    assert (await listed(client, await login(client, "agent2@example.com")))["total"] == 1

    response = await client.get(URL)
    assert response.status_code == 401
    assert twilio.content_requests == 1


async def test_twilio_down_serves_the_last_list_and_else_a_clear_error(app, client, auth_headers, caplog):
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        point_at(app, fake.base_url)
        sid = fake.add_template("תזכורת", REMINDER)
        assert (await listed(client, auth_headers))["total"] == 1
        fake.fail_content_with.append((503, 20500))
        page = await listed(client, auth_headers, refresh="1")
        assert page["stale"] is True and [t["sid"] for t in page["results"]] == [sid]
    # The fake is gone: its port refuses connections, and the stale list still serves.
    page = await listed(client, auth_headers, refresh="1")
    assert page["stale"] is True and page["total"] == 1

    caplog.set_level(logging.WARNING)
    point_at(app, f"http://127.0.0.1:{closed_port()}")  # another account host: nothing cached for it
    response = await client.get(URL, headers=auth_headers)
    assert response.status_code == 503
    error = (await response.get_json())["error"]
    assert error["code"] == "templates_unavailable" and "Twilio" in error["message"]
    assert "ConnectError" in caplog.text
    assert "database unavailable" not in caplog.text  # a Twilio outage is not retried as the database's
    for text in (json.dumps(error, ensure_ascii=False), caplog.text):
        assert AUTH_TOKEN not in text and ACCOUNT_SID not in text


async def test_wrong_credentials_are_a_clear_error_without_the_secret(app, client, auth_headers, twilio, caplog):
    caplog.set_level(logging.WARNING)
    point_at(app, twilio.base_url, twilio_auth_token="a-wrong-token-not-secret")
    response = await client.get(URL, headers=auth_headers)
    assert response.status_code == 502
    error = (await response.get_json())["error"]
    assert error["code"] == "templates_refused" and "401" in error["message"]
    assert "HTTP 401, error 20003" in caplog.text
    for text in (json.dumps(error, ensure_ascii=False), caplog.text):
        assert "a-wrong-token-not-secret" not in text and AUTH_TOKEN not in text and ACCOUNT_SID not in text


async def test_no_twilio_account_is_a_clear_409(app, client, auth_headers, twilio):
    point_at(app, twilio.base_url, twilio_account_sid="", twilio_auth_token="")
    response = await client.get(URL, headers=auth_headers)
    assert response.status_code == 409
    assert (await response.get_json())["error"]["code"] == "twilio_not_configured"
    assert twilio.content_requests == 0


async def test_a_picked_template_is_sent_by_sid_and_kept_with_its_text(client, business, auth_headers, on_fake,
                                                                        twilio):
    sid = twilio.add_template("תזכורת", REMINDER, {"1": "דנה", "2": "10:00"})
    await listed(client, auth_headers)
    customer = await create_customer(business_id=business.id, fields={"name": "יוסי לוי", "phone": "054-7654321"})

    response = await client.post(f"/api/crm/customers/{customer.id}/whatsapp", headers=auth_headers,
                                 json={"content_sid": sid, "variables": {"1": "יוסי", "2": "12:30"}})

    assert response.status_code == 202
    assert (await response.get_json())["body"] == "תזכורת: יוסי, נתראה ב-12:30 במשרד."
    await run_jobs(on_fake)
    (sent,) = twilio.sent
    assert sent["ContentSid"] == sid and "Body" not in sent  # the text is ours to show, Twilio gets the sid
    assert json.loads(sent["ContentVariables"]) == {"1": "יוסי", "2": "12:30"}
    assert (await Message.get(id=(await response.get_json())["id"])).content_sid == sid


async def test_the_route_is_described_in_openapi(client):
    document = await (await client.get("/openapi.json")).get_json()
    operation = document["paths"]["/api/crm/whatsapp/templates"]["get"]
    assert {"200", "401", "409", "502", "503"} <= set(operation["responses"])
