"""/api/business/numbers: the business's Twilio numbers, listed by anyone of the business,
added and removed by its admins; another business's numbers are out of sight."""

from __future__ import annotations

import pytest

from server.auth.service import create_user
from server.businesses.models import PhoneNumber
from server.businesses.service import business_id_for_number, create_business
from tests.conftest import BUSINESS_PHONE, PASSWORD, login


@pytest.fixture
async def agent(business):
    return await create_user(business_id=business.id, email="plain@example.com", password=PASSWORD)


@pytest.fixture
async def other_business():
    other = await create_business(name="עסק אחר", phone="+97235550199")
    await create_user(business_id=other.id, email="stranger@example.com", password=PASSWORD, role="admin")
    return other


async def numbers(client, headers) -> dict:
    response = await client.get("/api/business/numbers", headers=headers)
    assert response.status_code == 200
    return await response.get_json()


async def test_anyone_of_the_business_lists_its_numbers(client, business, user, agent, other_business):
    body = await numbers(client, await login(client, agent.email))
    assert set(body) == {"results", "page", "pages", "total"}
    assert body["total"] == 1 and body["page"] == 1 and body["pages"] == 1
    [number] = body["results"]
    assert set(number) == {"id", "number", "number_display", "created_at"}
    assert number["number"] == BUSINESS_PHONE and number["number_display"] == "03-555-0100"


@pytest.mark.both_databases
@pytest.mark.parametrize("typed", ["03-5550101", "035550101", "+972 3 555 0101"])
async def test_an_admin_adds_a_number_in_any_israeli_format(client, business, user, auth_headers, typed):
    response = await client.post("/api/business/numbers", json={"number": typed}, headers=auth_headers)
    assert response.status_code == 201
    added = await response.get_json()
    assert added["number"] == "+97235550101" and added["number_display"] == "03-555-0101"
    assert [n["number"] for n in (await numbers(client, auth_headers))["results"]] == [BUSINESS_PHONE, "+97235550101"]
    assert await business_id_for_number("+97235550101") == business.id  # calls to it find the business


async def test_another_business_number_is_409_number_taken(client, user, auth_headers, other_business):
    response = await client.post("/api/business/numbers", json={"number": "03-555-0199"}, headers=auth_headers)
    assert response.status_code == 409
    assert (await response.get_json())["error"]["code"] == "number_taken"
    assert (await PhoneNumber.get(e164="+97235550199")).business_id == other_business.id


async def test_the_own_number_again_is_409_number_exists(client, user, auth_headers):
    response = await client.post("/api/business/numbers", json={"number": "03-555-0100"}, headers=auth_headers)
    assert response.status_code == 409
    assert (await response.get_json())["error"]["code"] == "number_exists"


@pytest.mark.parametrize("body", [{"number": "not a number"}, {"number": "12"}, {"number": ""}, {},
                                  {"number": "03-5550102", "business_id": 7}])
async def test_a_bad_number_is_422(client, user, auth_headers, body):
    response = await client.post("/api/business/numbers", json=body, headers=auth_headers)
    assert response.status_code == 422
    assert (await response.get_json())["error"]["code"] in ("invalid_phone", "validation_error")
    assert await PhoneNumber.all().count() == 1


async def test_agents_may_not_add_or_remove(client, business, user, agent):
    headers = await login(client, agent.email)
    add = await client.post("/api/business/numbers", json={"number": "03-5550101"}, headers=headers)
    [number] = (await numbers(client, headers))["results"]
    remove = await client.delete(f"/api/business/numbers/{number['id']}", headers=headers)
    assert add.status_code == remove.status_code == 403
    assert await PhoneNumber.all().count() == 1


async def test_numbers_need_a_login(client, business):
    assert (await client.get("/api/business/numbers")).status_code == 401


@pytest.mark.both_databases
async def test_an_admin_removes_a_number_but_not_the_last(client, business, user, auth_headers):
    added = await (await client.post("/api/business/numbers", json={"number": "03-5550101"},
                                     headers=auth_headers)).get_json()
    assert await business_id_for_number("+97235550101") == business.id
    response = await client.delete(f"/api/business/numbers/{added['id']}", headers=auth_headers)
    assert response.status_code == 204
    assert [n["number"] for n in (await numbers(client, auth_headers))["results"]] == [BUSINESS_PHONE]
    assert await business_id_for_number("+97235550101") is None  # the cache forgot it too
    [last] = (await numbers(client, auth_headers))["results"]
    response = await client.delete(f"/api/business/numbers/{last['id']}", headers=auth_headers)
    assert response.status_code == 409 and (await response.get_json())["error"]["code"] == "last_number"
    assert await PhoneNumber.filter(business_id=business.id).count() == 1


async def test_another_business_number_is_404_and_unseen(client, user, auth_headers, other_business):
    theirs = await PhoneNumber.get(e164="+97235550199")
    await PhoneNumber.create(e164="+97235550198", business_id=other_business.id)  # so it is not their last
    response = await client.delete(f"/api/business/numbers/{theirs.id}", headers=auth_headers)
    assert response.status_code == 404 and (await response.get_json())["error"]["code"] == "not_found"
    assert await PhoneNumber.exists(id=theirs.id)
    listed = [n["number"] for n in (await numbers(client, auth_headers))["results"]]
    assert listed == [BUSINESS_PHONE]
    assert (await client.delete("/api/business/numbers/99999999999", headers=auth_headers)).status_code == 404


async def test_bad_list_queries_are_422(client, user, auth_headers):
    for query in ("sort=business_id", "page=0", "limit=201"):
        assert (await client.get(f"/api/business/numbers?{query}", headers=auth_headers)).status_code == 422
