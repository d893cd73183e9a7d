"""desktop.api against the real server: login, keyring, typed Hebrew errors, single-flight refresh."""

from __future__ import annotations

import socket
import threading

import pytest

from desktop.api import KEYRING_SERVICE, Api, ApiError, ServerUnreachableError, SessionExpiredError
from tests.conftest import PASSWORD
from tests.desktop.conftest import CUSTOMERS, EMAIL


def test_login_keeps_the_refresh_token_in_the_keyring_and_the_access_token_in_memory(live_server, memory_keyring):
    api = Api(live_server.base_url)
    user = api.login(EMAIL, PASSWORD)
    assert user["email"] == EMAIL
    stored = memory_keyring.passwords[(KEYRING_SERVICE, live_server.base_url)]
    assert stored and stored != api._access_token
    assert list(memory_keyring.passwords) == [(KEYRING_SERVICE, live_server.base_url)]
    assert api.list("customers", limit=5)["total"] == CUSTOMERS


def test_a_new_run_resumes_from_the_keyring_and_logout_forgets_it(live_server, memory_keyring):
    Api(live_server.base_url).login(EMAIL, PASSWORD)
    again = Api(live_server.base_url)
    assert again.resume()["email"] == EMAIL
    again.logout()
    assert memory_keyring.passwords == {}
    with pytest.raises(SessionExpiredError):
        Api(live_server.base_url).resume()


def test_a_wrong_password_is_an_api_error_in_hebrew(live_server):
    with pytest.raises(ApiError) as caught:
        Api(live_server.base_url).login(EMAIL, "wrong-password")
    assert caught.value.status == 401
    assert "הסיסמה" in caught.value.message


def test_an_unreachable_server_is_a_hebrew_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    with pytest.raises(ServerUnreachableError) as caught:
        Api(f"http://127.0.0.1:{port}").login(EMAIL, PASSWORD)
    assert "לא ניתן להתחבר לשרת" in caught.value.message
    assert caught.value.status is None


def test_a_connection_that_breaks_mid_way_is_a_hebrew_error_without_httpx_words():
    """A server (or a proxy) that takes the request and closes the connection without an answer."""
    listener = socket.create_server(("127.0.0.1", 0))

    def hang_up() -> None:
        connection, _ = listener.accept()
        connection.recv(65536)
        connection.close()

    thread = threading.Thread(target=hang_up, daemon=True)
    thread.start()
    try:
        with pytest.raises(ServerUnreachableError) as caught:
            Api(f"http://127.0.0.1:{listener.getsockname()[1]}").login(EMAIL, PASSWORD)
    finally:
        thread.join(10)
        listener.close()
    assert caught.value.message == "החיבור לשרת נקטע. נסו שוב בעוד רגע."
    assert not any("a" <= ch.lower() <= "z" for ch in caught.value.message)


def test_concurrent_401s_refresh_once_and_keep_the_token_family_alive(live_server):
    api = Api(live_server.base_url)
    api.login(EMAIL, PASSWORD)
    api._access_token = "expired-or-garbage"  # every call below gets a 401 first
    results, errors = [], []

    def call():
        try:
            results.append(api.list("customers", limit=1)["total"])
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == [] and results == [CUSTOMERS] * 8
    assert api.refresh_count == 1
    api._access_token = "expired-again"
    assert api.list("customers", limit=1)["total"] == CUSTOMERS  # the rotated family still works
    assert api.refresh_count == 2
