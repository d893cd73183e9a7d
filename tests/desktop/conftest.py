"""Desktop tests: the real widgets (pytest-qt, offscreen) against a real server (Hypercorn in
a subprocess, as tests/e2e does), seeded once per session with a business, an agent and
CUSTOMERS customers. The keyring is an in-memory backend."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import httpx  # noqa: E402
import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from desktop.app import setup  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
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
    business_id = live.cli("create-business", "--name", "משרד הדגמה", "--phone", BUSINESS_PHONE).stdout.strip()
    live.cli("create-user", "--business-id", business_id, "--email", EMAIL, "--password", PASSWORD,
             "--role", "admin", "--name", "דנה הסוכנת")
    headers = {"Authorization": f"Bearer {live.login(EMAIL, PASSWORD)['access_token']}"}
    with httpx.Client(base_url=live.base_url, timeout=10) as client:
        statuses = ("lead", "active", "inactive")
        for i, name in enumerate(customer_names()):
            response = client.post("/api/crm/customers", headers=headers, json={
                "name": name, "phone": f"+9725{i:08d}", "email": f"customer{i}@example.com",
                "status": statuses[i % 3]})
            assert response.status_code == 201, response.text


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("desktop-live")
    live = Live.on_sqlite(workdir)
    try:
        live.cli("migrate")
        live.start_server()
        seed(live)
        yield live
    finally:
        live.stop()


@pytest.fixture(scope="session")
def app(qapp):
    return setup(qapp)


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
