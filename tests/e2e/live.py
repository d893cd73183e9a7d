"""Real processes for end-to-end tests: web processes as production runs them (`python -m
server.main --config deploy/hypercorn.toml`, deploy/agentlocator@.service) and job workers,
each a subprocess with its own environment, on a migrated copy of the session's database
(tests/databases.py). What a test prepares beforehand (businesses, users, rows no API makes)
is written in-process, on the databases' own thread, under a runtime of its own: a Python
process per seed cost a second or two each."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from server.auth.service import create_user
from server.businesses.service import create_business
from server.config import Settings
from server.runtime import Runtime
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, ROOT
from tests.databases import Databases


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, *, timeout: float = 15.0, interval: float = 0.05, what: str = "condition"):
    """Poll `predicate` until it returns something truthy; fail loudly after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


@dataclass
class Live:
    database_url: str
    workdir: Path
    databases: Databases
    env_extra: dict = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    processes: list = field(default_factory=list)

    @classmethod
    def on(cls, databases: Databases, workdir: Path, dialect: str = "sqlite", **env_extra: str) -> Live:
        """A server on a migrated database of its own (SQLite's a file in `workdir`)."""
        return cls(database_url=databases.fresh(dialect, workdir), workdir=workdir, databases=databases,
                   env_extra=env_extra)

    def sharing(self, **env_extra: str) -> Live:
        """Another server on this one's database and environment, on a port of its own."""
        return Live(database_url=self.database_url, workdir=self.workdir, databases=self.databases,
                    env_extra={**self.env_extra, **env_extra}, processes=self.processes)

    @property
    def media_root(self) -> Path:
        return self.workdir / "media"

    def run(self, work: Callable[[], Awaitable]):
        """`await work()` in this process, against the server's database."""
        async def within():
            settings = Settings(database_url=self.database_url, media_root=self.media_root)
            async with Runtime.started(settings, run_migrations=False):
                return await work()

        return self.databases.loop.run(within())

    def seed(self, *businesses: dict) -> list[int]:
        """Businesses with their users ({"name", "phone", "users": [{"email", "password", "role"}]});
        their ids."""
        async def make() -> list[int]:
            ids = []
            for entry in businesses:
                business = await create_business(name=entry["name"], phone=entry.get("phone"))
                for user in entry.get("users", []):
                    await create_user(business_id=business.id, email=user["email"], password=user["password"],
                                      role=user.get("role", "agent"), name=user.get("name", ""))
                ids.append(business.id)
            return ids

        return self.run(make)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def login(self, email: str, password: str) -> dict:
        """`POST /auth/login`'s body: `access_token`, `user`."""
        response = httpx.post(f"{self.base_url}/auth/login", json={"email": email, "password": password}, timeout=10)
        assert response.status_code == 200, response.text
        return response.json()

    def env(self, **extra) -> dict:
        # Redis only where a test asks for it: servers sharing its channel hear each other's events.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "APP_", "DATABASE_", "REDIS_"))}
        env.update({
            "APP_ENV": "production",
            "PUBLIC_HOST": self.base_url,
            "DATABASE_URL": self.database_url,
            "JWT_SECRET": "e2e-jwt-secret-0123456789abcdef-0123",
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            # No test lists the real account's WhatsApp templates: a test that wants them starts a fake.
            "TWILIO_CONTENT_API_BASE": "http://127.0.0.1:9",
            "MEDIA_ROOT": str(self.media_root),
            "APP_REV": "e2e-rev",
            "PYTHONPATH": str(ROOT),
        })
        env.update(self.env_extra)
        env.update(extra)
        return env

    def _spawn(self, argv: list[str], name: str, **env) -> subprocess.Popen:
        log = (self.workdir / f"{name}.log").open("ab")
        process = subprocess.Popen(argv, cwd=ROOT, env=self.env(**env), stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.processes.append(process)
        return process

    def start_server(self, log_name: str = "server", **env) -> subprocess.Popen:
        """The server, its output in `log(log_name)` (give servers sharing a workdir a name each
        to tell their logs apart)."""
        process = self._spawn([sys.executable, "-m", "server.main", "--config", str(ROOT / "deploy" / "hypercorn.toml"),
                               "--port", str(self.port)], log_name, **env)

        def healthy():
            if process.poll() is not None:
                raise AssertionError(f"server exited: {self.log(log_name)}")
            try:
                return httpx.get(f"{self.base_url}/api/health", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(healthy, timeout=30, what="the server to answer /api/health")
        return process

    def start_worker(self, **env) -> subprocess.Popen:
        return self._spawn([sys.executable, "-m", "server.worker"], "worker", **env)

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.databases.discard(self.database_url)
