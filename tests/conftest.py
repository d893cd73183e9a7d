"""Fixtures shared by the whole suite.

Every database test runs on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set
(`make test` sets it when 127.0.0.1:5432 answers). Each test gets an empty database with the
real migrations applied by the app's own start-up.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import asyncpg
import pytest
from argon2 import PasswordHasher

from server.app import create_app
from server.auth import passwords
from server.config import Settings

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_HOST = "https://agentlocator.example.com"
AUTH_TOKEN = "test-auth-token-not-secret"
ACCOUNT_SID = "AC" + "0" * 32
BUSINESS_PHONE = "+97235550100"
PASSWORD = "correct-horse-battery"

BACKENDS = ["sqlite"] + (["postgres"] if os.environ.get("TEST_DATABASE_URL") else [])


@pytest.fixture(scope="session")
def postgres_url():
    """A database of this test run's own inside TEST_DATABASE_URL's server, so that two runs
    (two developers, or CI beside a developer) never wipe each other's tables."""
    base = os.environ["TEST_DATABASE_URL"]
    name = f"agentlocator_test_{os.getpid()}"

    async def _admin(sql: str) -> None:
        connection = await asyncpg.connect(base)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    def admin(sql: str) -> None:
        # First requested from inside a test's event loop: run on a thread with a loop of its own.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, _admin(sql)).result()

    admin(f'DROP DATABASE IF EXISTS "{name}"')
    admin(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def reset_postgres(url: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    finally:
        await connection.close()


@pytest.fixture(params=BACKENDS)
async def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite://{tmp_path}/agentlocator.sqlite3"
    url = request.getfixturevalue("postgres_url")
    await reset_postgres(url)
    return url


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
        auto_migrate=True,
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
