"""The desktop client as its own distribution (desktop/pyproject.toml): what an office PC
installs pulls in the client's libraries and none of the server's, the wheel holds every
package of the client, and both distributions take the product's one version."""

from __future__ import annotations

import re
import tomllib

from desktop.version import VERSION
from server.version import VERSION as SERVER_VERSION
from tests.conftest import ROOT

DESKTOP = tomllib.loads((ROOT / "desktop" / "pyproject.toml").read_text())
SERVER = tomllib.loads((ROOT / "pyproject.toml").read_text())
CLIENT_LIBRARIES = {"pyside6-essentials", "pyside6-addons", "httpx", "python-socketio", "python-engineio", "keyring"}


def name(requirement: str) -> str:
    return re.split(r"[\s\[=<>~!;]", requirement, maxsplit=1)[0].lower()


def test_the_client_pulls_in_its_own_libraries_and_none_of_the_servers():
    client = {name(r) for r in DESKTOP["project"]["dependencies"]}
    server = {name(r) for r in SERVER["project"]["dependencies"]}
    assert client == CLIENT_LIBRARIES
    assert not (server - {"httpx", "python-socketio", "python-engineio"}) & client
    assert {"quart", "tortoise-orm", "asyncpg", "fpdf2", "pywebpush", "redis"} <= server


def test_the_wheel_lists_every_package_of_the_client():
    folder = ROOT / "desktop"
    found = {".".join(("desktop", *init.parent.relative_to(folder).parts)) for init in folder.rglob("__init__.py")
             if "build" not in init.relative_to(folder).parts}
    assert set(DESKTOP["tool"]["setuptools"]["packages"]) == found


def test_one_version_for_the_client_and_the_server():
    assert DESKTOP["tool"]["setuptools"]["dynamic"]["version"] == {"file": "VERSION"}
    assert SERVER["tool"]["setuptools"]["dynamic"]["version"] == {"file": "desktop/VERSION"}
    assert VERSION == SERVER_VERSION == (ROOT / "desktop" / "VERSION").read_text().strip()
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
