"""Desktop tests: the real widgets (pytest-qt, offscreen) against a real server (Hypercorn in
a subprocess, as tests/e2e does), seeded once per session with a business, an agent and
CUSTOMERS customers. The keyring is an in-memory backend; the user's folders and the
machine's config file are the session's own (`user_dirs`)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from desktop.app import setup  # noqa: E402
from desktop.server_address import MACHINE_CONFIG_ENV  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
from server.auth.service import create_user  # noqa: E402
from server.businesses.service import create_business  # noqa: E402
from server.customers.service import create_customer  # noqa: E402
from tests.conftest import BUSINESS_PHONE, PASSWORD  # noqa: E402
from tests.e2e.live import Live  # noqa: E402

EMAIL = "agent@example.com"
CUSTOMERS = 120
FIRST = ["דנה", "יוסי", "מיכל", "אבי", "רונית", "משה", "נועה", "איתי", "שירה", "עומר", "תמר", "אורי"]
LAST = ["כהן", "לוי", "מזרחי", "פרץ", "ביטון", "דהן", "אברהם", "פרידמן", "שלום", "אזולאי"]


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


def customer_names() -> list[str]:
    return [f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}" for i in range(CUSTOMERS)]


def seed(live: Live) -> None:
    """The business, its agent and CUSTOMERS customers, written before the server starts."""
    async def make() -> None:
        business = await create_business(name="משרד הדגמה", phone=BUSINESS_PHONE)
        await create_user(business_id=business.id, email=EMAIL, password=PASSWORD, role="admin", name="דנה הסוכנת")
        statuses = ("lead", "active", "inactive")
        for i, name in enumerate(customer_names()):
            await create_customer(business_id=business.id, fields={
                "name": name, "phone": f"+9725{i:08d}", "email": f"customer{i}@example.com",
                "status": statuses[i % 3]})

    live.run(make)


def user_env(home: Path) -> dict[str, str]:
    """The environment that points a client's per-user folders (XDG: QStandardPaths reads it on
    each call) and its machine config into `home`."""
    return {"XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_DATA_HOME": str(home / "data"), MACHINE_CONFIG_ENV: str(home / "machine" / "desktop.conf")}


@pytest.fixture(scope="session", autouse=True)
def user_dirs(tmp_path_factory):
    """No desktop test reads or writes the real user's settings and cache, or /etc."""
    env = user_env(tmp_path_factory.mktemp("home"))
    previous = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    yield env
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A test's own per-user folders and machine config (for tests that look at them)."""
    for name, value in user_env(tmp_path / "home").items():
        monkeypatch.setenv(name, value)
    return tmp_path / "home"


@pytest.fixture(scope="session")
def live_server(databases, tmp_path_factory):
    live = Live.on(databases, tmp_path_factory.mktemp("desktop-live"))
    try:
        seed(live)
        live.start_server()
        yield live
    finally:
        live.stop()


@pytest.fixture(scope="package")
def app(qapp):
    """The app as `python -m desktop` sets it up; after the desktop tests, Python's automatic
    garbage collection is back on for the rest of the session (desktop/collector.py)."""
    setup(qapp)
    yield qapp
    qapp.garbage_collector.stop()


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def tasks(app):
    manager = TaskManager()
    yield manager
    manager.wait_for_done(10_000)
    app.processEvents()  # deliver what finished, while its receivers still exist


@pytest.fixture
def shared_tmp(tmp_path, monkeypatch):
    """The system's temp folder, watched: the client must write nothing there."""
    folder = tmp_path / "shared-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == []
