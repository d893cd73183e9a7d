"""Fixtures shared by the whole suite.

Every database test runs on SQLite; those marked `both_databases` run again on PostgreSQL
when TEST_DATABASE_URL is set (`make test` sets it when 127.0.0.1:5432 answers). Each test
gets an empty database of its own with the real migrations applied: a copy of one migrated
once per session (tests/databases.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from server.app import create_app
from server.auth import passwords
from server.config import Settings
from tests.databases import Databases

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_HOST = "https://agentlocator.example.com"
AUTH_TOKEN = "test-auth-token-not-secret"
ACCOUNT_SID = "AC" + "0" * 32
BUSINESS_PHONE = "+97235550100"
PASSWORD = "correct-horse-battery"

BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get("TEST_DATABASE_URL") else [])


def pytest_generate_tests(metafunc):
    """What depends on the dialect (SQL, locking, migrations, counts, search) is marked
    `both_databases` and runs on PostgreSQL too when TEST_DATABASE_URL is set; the rest runs
    on SQLite alone."""
    if "database_url" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("database_url", BACKENDS, indirect=True)


def postgres_only(test):
    """For what only a PostgreSQL server shows (connections over TCP that can be cut): the
    test runs on PostgreSQL alone, and is skipped without TEST_DATABASE_URL."""
    test = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)(test)
    return pytest.mark.skipif("postgres" not in BACKENDS, reason="needs TEST_DATABASE_URL")(test)


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    """Migrated once per session per dialect; each test gets a copy."""
    made = Databases(tmp_path_factory.mktemp("templates"), os.environ.get("TEST_DATABASE_URL"))
    yield made
    made.close()


@pytest.fixture
def database_url(request, databases, tmp_path) -> str:
    """A migrated database of this test's own: SQLite unless the test runs on both."""
    url = databases.fresh(getattr(request, "param", "sqlite"), tmp_path)
    yield url
    databases.discard(url)


@pytest.fixture
def settings(database_url, tmp_path) -> Settings:
    return Settings(
        public_host=PUBLIC_HOST,
        database_url=database_url,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN,
        twilio_api_base="http://127.0.0.1:9",  # tests that download start their own fake
        jwt_secret="test-jwt-secret-0123456789abcdef",
        media_root=tmp_path / "media",
        run_worker=False,
        run_scheduler=False,
        auto_migrate=False,  # migrated already (a copy of the session's template)
        app_rev="test-rev",
    )


@pytest.fixture
async def app(settings):
    """A started app; the test runs under its runtime, so services called directly use its
    database and events."""
    application = create_app(settings=settings)
    async with application.test_app():
        with application.extensions["runtime"].activated():
            yield application


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(autouse=True)
def quick_password_hashing(request, monkeypatch):
    """Argon2id at its lowest cost for tests in this process: with the production parameters
    each hash and each login's check take ~0.2 s of CPU here, and most tests log in. Tests
    marked `production_hashing`, and every server a test starts as a process of its own, keep
    the production parameters."""
    if request.node.get_closest_marker("production_hashing") is None:
        monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
async def business(app):
    from server.businesses.service import create_business

    return await create_business(name="משרד בדיקות", phone=BUSINESS_PHONE)


@pytest.fixture
async def user(business):
    from server.auth.service import create_user

    return await create_user(business_id=business.id, email="agent@example.com", password=PASSWORD,
                             role="admin", name="סוכנת")


async def login(client, email: str, password: str = PASSWORD) -> dict:
    response = await client.post("/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, await response.get_data(as_text=True)
    return {"Authorization": f"Bearer {(await response.get_json())['access_token']}"}


@pytest.fixture
async def auth_headers(client, user) -> dict:
    return await login(client, user.email)
