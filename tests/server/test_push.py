"""Web Push subscriptions: only https endpoints on a named host are taken (the server posts to
them), checked without a server; the API answers 422 for the others."""

from __future__ import annotations

import pytest

from server.config import Settings
from server.errors import APIError
from server.push.service import check_endpoint

PRODUCTION = Settings(app_env="production")
REFUSED = ["http://push.example.com/x", "https://10.0.0.1/x", "https://localhost/x", "ftp://push.example.com/x",
           "https://[::1]/x", "https://user:pw@push.example.com/x", "https://printer.local/x", "http://127.0.0.1/x"]


@pytest.mark.parametrize("endpoint", REFUSED)
def test_push_endpoint_must_be_https_to_a_named_host(endpoint):
    with pytest.raises(APIError) as refused:
        check_endpoint(endpoint, PRODUCTION)
    assert (refused.value.status, refused.value.code) == (422, "invalid_endpoint")


def test_a_push_services_endpoint_is_taken_and_local_http_only_in_development():
    check_endpoint("https://fcm.googleapis.com/fcm/send/abc", PRODUCTION)
    check_endpoint("http://127.0.0.1:8765/push/1", Settings())  # a local push service while developing


async def test_the_api_refuses_a_bad_endpoint_with_422(client, auth_headers):
    keys = {"p256dh": "B" * 87, "auth": "A" * 22}
    response = await client.post("/api/push/subscriptions", headers=auth_headers,
                                 json={"endpoint": "https://10.0.0.1/x", "keys": keys})
    assert response.status_code == 422
    assert (await response.get_json())["error"]["code"] == "invalid_endpoint"
    assert (await (await client.get("/api/push/subscriptions", headers=auth_headers)).get_json())["total"] == 0
