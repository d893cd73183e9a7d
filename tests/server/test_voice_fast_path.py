"""incoming_call's fast path, through the app Hypercorn serves (server/asgi.py), on a real
Hypercorn server: it answers exactly as the Quart route does, and hands everything but the
plain signed case to the full app."""

from __future__ import annotations

import asyncio
from urllib.parse import quote, urlencode

import httpx
import pytest
from quart import request
from werkzeug.datastructures import MultiDict

from server.app import create_app
from server.businesses.service import create_business
from server.calls.models import Call
from server.customers.models import Customer
from server.telephony import fast_path
from tests.conftest import BUSINESS_PHONE, PUBLIC_HOST
from tests.hypercorn_served import hypercorn_served
from tests.twilio_helpers import call_params, sign, signed_form

PATH = "/webhook/incoming_call"


@pytest.fixture
async def served(settings):
    """(client, the Quart app, the paths Quart itself handled) with the composed app served
    by Hypercorn, lifespan and all."""
    quart_app = create_app(settings=settings)
    through_quart: list[str] = []
    async def _seen():
        through_quart.append(request.path)

    # First of the app's hooks, so a request the request guard refuses is seen too.
    quart_app.before_request_funcs.setdefault(None, []).insert(0, _seen)

    async with hypercorn_served(quart_app) as port:
        with quart_app.extensions["runtime"].activated():  # the test reads the app's database
            await create_business(name="Fast", phone=BUSINESS_PHONE)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                yield client, quart_app, through_quart


async def post(client, params, *, query="", headers=None, body=None):
    full_path, signed_body, signed_headers = signed_form(PUBLIC_HOST, PATH, params, query=query)
    return await client.post(full_path, content=signed_body if body is None else body,
                             headers={**signed_headers, **(headers or {})})


def comparable(status: int, headers, text: str) -> tuple:
    """What a response says, but for what Hypercorn adds and the unsigned-request throttle's
    RateLimit-* headers (the fast path answers only signed requests, which it never counts)."""
    kept = {k.lower(): v for k, v in headers.items()
            if k.lower() not in ("date", "server", "content-length") and not k.lower().startswith("ratelimit-")}
    return status, kept, text


async def test_answers_exactly_as_the_quart_route(served):
    client, quart_app, through_quart = served
    fast = await post(client, call_params("CA" + "1" * 32, From="+972541111111"))
    assert through_quart == []
    full_path, body, headers = signed_form(PUBLIC_HOST, PATH, call_params("CA" + "2" * 32, From="+972541111111"))
    slow = await quart_app.test_client().post(full_path, data=body, headers=headers)
    assert through_quart == [PATH]

    assert fast.status_code == 200 and "<Record" in fast.text
    assert fast.headers["x-revision"] == "test-rev"
    assert (comparable(fast.status_code, fast.headers, fast.text)
            == comparable(slow.status_code, slow.headers, (await slow.get_data()).decode()))
    calls = await Call.all().order_by("id")
    assert [c.call_sid for c in calls] == ["CA" + "1" * 32, "CA" + "2" * 32]
    customers = await Customer.all()
    assert len(customers) == 1 and {c.customer_id for c in calls} == {customers[0].id}


@pytest.mark.both_databases
async def test_retries_of_one_call_file_it_once(served):
    client, _, through_quart = served
    params = call_params("CA" + "3" * 32)
    answers = await asyncio.gather(*(post(client, params) for _ in range(5)))
    assert {a.status_code for a in answers} == {200}
    assert through_quart == []
    assert await Call.filter(call_sid=params["CallSid"]).count() == 1
    assert await Customer.all().count() == 1


@pytest.mark.parametrize("tamper", ["unsigned", "tampered", "wrong_url"])
async def test_a_bad_signature_is_the_full_apps_403(served, tamper):
    client, _, through_quart = served
    params = call_params("CA" + "4" * 32)
    full_path, body, headers = signed_form(PUBLIC_HOST, PATH, params)
    if tamper == "unsigned":
        del headers["X-Twilio-Signature"]
    elif tamper == "tampered":
        body = body.replace(b"ringing", b"completed")
    else:
        headers["X-Twilio-Signature"] = signed_form("https://evil.example", PATH, params)[2]["X-Twilio-Signature"]
    response = await client.post(full_path, content=body, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "bad_signature"
    assert through_quart == [PATH]
    assert await Call.all().count() == 0 and await Customer.all().count() == 0


async def test_a_hebrew_query_string_validates(served):
    client, _, through_quart = served
    query = "campaign=" + quote("מבצע חורף")
    response = await post(client, call_params("CA" + "5" * 32), query=query)
    assert response.status_code == 200 and through_quart == []
    assert await Call.filter(call_sid="CA" + "5" * 32).exists()


async def test_a_number_no_business_owns_is_told_so(served):
    client, _, through_quart = served
    response = await post(client, call_params("CA" + "6" * 32, To="+97235559999", Called="+97235559999"))
    assert response.status_code == 200 and "<Say" in response.text and "<Record" not in response.text
    assert through_quart == []
    assert await Call.all().count() == 0


async def test_unusual_requests_go_to_the_full_app(served):
    client, _, through_quart = served
    # A repeated field: signed over both values, which only the full app's MultiDict keeps.
    params = call_params("CA" + "7" * 32)
    pairs = [*params.items(), ("Extra", "a"), ("Extra", "b")]
    signature = sign(PUBLIC_HOST + PATH, MultiDict(pairs))
    response = await client.post(PATH, content=urlencode(pairs).encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})
    assert response.status_code == 200 and through_quart == [PATH]
    # A browser's cross-origin request gets the full app's CORS handling.
    response = await post(client, call_params("CA" + "8" * 32), headers={"Origin": "https://other.example"})
    assert response.status_code == 200 and through_quart == [PATH, PATH]
    assert await Call.filter(call_sid__in=["CA" + "7" * 32, "CA" + "8" * 32]).count() == 2


async def test_an_error_on_the_fast_path_is_answered_by_the_full_app(served, monkeypatch):
    client, _, through_quart = served
    failures = []

    async def failing(form, **kwargs):
        failures.append(form["CallSid"])
        raise ConnectionError("database went away")

    monkeypatch.setattr(fast_path, "answer_incoming_call", failing)
    response = await post(client, call_params("CA" + "9" * 32))
    assert failures == ["CA" + "9" * 32]
    assert response.status_code == 200 and "<Record" in response.text
    assert through_quart == [PATH]
    assert await Call.filter(call_sid="CA" + "9" * 32).count() == 1


@pytest.mark.parametrize("bad, query", [
    ({"From": "+9725" + "4" * 10_000}, ""), ({"Direction": "x" * 100}, ""), ({}, "campaign=a%00b"),
], ids=["long-from", "long-direction", "nul-in-query"])
async def test_a_form_no_twilio_request_carries_is_the_full_apps_apology(served, bad, query):
    """The rules for bad input live in the full app (server/telephony/form.refusal, the request
    guard): the fast path hands such a request over, and the answer is the same both ways."""
    client, quart_app, through_quart = served
    fast = await post(client, call_params("CA" + "a" * 32, **bad), query=query)
    assert through_quart == [PATH]
    full_path, body, headers = signed_form(PUBLIC_HOST, PATH, call_params("CA" + "b" * 32, **bad), query=query)
    slow = await quart_app.test_client().post(full_path, data=body, headers=headers)
    assert fast.status_code == 200 and "<Say" in fast.text and "<Record" not in fast.text
    assert (comparable(fast.status_code, fast.headers, fast.text)
            == comparable(slow.status_code, slow.headers, (await slow.get_data()).decode()))
    assert await Call.all().count() == 0 and await Customer.all().count() == 0
