"""`GET /api/desktop/version` offers the installers an admin published for exactly the server's
version, and `/downloads/desktop/<name>` serves them (public, Range and conditional GETs) and
nothing outside that folder."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os

import pytest

from server.app import create_app
from server.desktop_updates import service
from server.version import VERSION
from tests.conftest import PUBLIC_HOST, ROOT
from tests.hypercorn_served import hypercorn_served

DEB = f"agentlocator-desktop_{VERSION}_amd64.deb"
EXE = f"AgentLocator-Setup-{VERSION}.exe"
CONTENT = bytes(range(256)) * 40  # 10 kB, every byte value


@pytest.fixture
def settings(settings, tmp_path):
    return settings.with_overrides(desktop_downloads_dir=tmp_path / "downloads" / "desktop")


@pytest.fixture
def folder(settings):
    settings.desktop_downloads_dir.mkdir(parents=True)
    return settings.desktop_downloads_dir


async def release(client) -> dict:
    response = await client.get("/api/desktop/version")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    return await response.get_json()


async def test_the_version_is_the_products_one_version(client):
    version = (ROOT / "desktop" / "VERSION").read_text().strip()
    assert VERSION == version
    assert (await release(client))["version"] == version
    health = await client.get("/api/health")
    assert health.status_code == 200 and (await health.get_json())["version"] == version


async def test_no_folder_offers_no_downloads(client, settings):
    assert not settings.desktop_downloads_dir.exists()
    assert await release(client) == {"version": VERSION, "downloads": {"linux": None, "windows": None}}


async def test_the_installers_for_this_version_are_offered_with_size_and_digest(client, folder):
    (folder / DEB).write_bytes(CONTENT)
    (folder / EXE).write_bytes(CONTENT[:1000] + b"windows")
    assert await release(client) == {"version": VERSION, "downloads": {
        "linux": {"file": DEB, "url": f"{PUBLIC_HOST}/downloads/desktop/{DEB}", "size": len(CONTENT),
                  "sha256": hashlib.sha256(CONTENT).hexdigest()},
        "windows": {"file": EXE, "url": f"{PUBLIC_HOST}/downloads/desktop/{EXE}", "size": 1007,
                    "sha256": hashlib.sha256(CONTENT[:1000] + b"windows").hexdigest()}}}


async def test_installers_of_another_version_are_not_offered(client, folder):
    (folder / "agentlocator-desktop_0.1.9_amd64.deb").write_bytes(CONTENT)
    (folder / "AgentLocator-Setup-9.9.9.exe").write_bytes(CONTENT)
    (folder / f"AgentLocator-Setup-{VERSION}.exe.part").write_bytes(CONTENT)  # still being copied
    (folder / DEB).mkdir()  # a folder by the right name is no installer
    assert (await release(client))["downloads"] == {"linux": None, "windows": None}


async def test_a_symlink_out_of_the_folder_is_not_offered(client, folder, tmp_path):
    (tmp_path / "elsewhere.deb").write_bytes(CONTENT)
    (folder / DEB).symlink_to(tmp_path / "elsewhere.deb")
    assert (await release(client))["downloads"]["linux"] is None
    assert (await client.get(f"/downloads/desktop/{DEB}")).status_code == 404


async def test_the_digest_is_computed_once_per_size_and_mtime(client, folder, monkeypatch):
    computed = []
    digest = service._sha256

    def counting(path, stamp):
        computed.append(path.name)
        return digest(path, stamp)

    monkeypatch.setattr(service, "_sha256", counting)
    (folder / DEB).write_bytes(CONTENT)
    first = (await release(client))["downloads"]["linux"]
    assert (await release(client))["downloads"]["linux"] == first
    assert computed == [DEB]

    (folder / DEB).write_bytes(b"a rebuilt installer")  # new size and mtime
    rebuilt = (await release(client))["downloads"]["linux"]
    assert computed == [DEB, DEB]
    assert (rebuilt["size"], rebuilt["sha256"]) == (19, hashlib.sha256(b"a rebuilt installer").hexdigest())

    stat = (folder / DEB).stat()
    os.utime(folder / DEB, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # touched: same size
    assert (await release(client))["downloads"]["linux"] == rebuilt
    assert computed == [DEB, DEB, DEB]


async def test_the_cache_belongs_to_the_app(settings, folder, monkeypatch):
    """Two apps in one process each compute their own: nothing is kept in the module."""
    computed = []
    digest = service._sha256
    monkeypatch.setattr(service, "_sha256", lambda path, stamp: computed.append(path) or digest(path, stamp))
    (folder / DEB).write_bytes(CONTENT)
    for _ in range(2):
        application = create_app(settings=settings)
        async with application.test_app():
            assert (await release(application.test_client()))["downloads"]["linux"]["size"] == len(CONTENT)
    assert len(computed) == 2


async def test_a_file_that_changes_while_hashed_is_not_offered(client, folder, monkeypatch):
    (folder / DEB).write_bytes(CONTENT)
    digest = service._sha256

    def appended_meanwhile(path, stamp):
        with path.open("ab") as file:
            file.write(b"more")
        return digest(path, stamp)

    monkeypatch.setattr(service, "_sha256", appended_meanwhile)
    assert (await release(client))["downloads"]["linux"] is None
    monkeypatch.setattr(service, "_sha256", digest)
    assert (await release(client))["downloads"]["linux"]["size"] == len(CONTENT) + 4


async def test_without_public_host_the_url_is_the_requests_host(settings, folder):
    (folder / EXE).write_bytes(CONTENT)
    application = create_app(settings=settings.with_overrides(public_host="", twilio_auth_token=""))
    async with application.test_app():
        body = await release(application.test_client())
    assert body["downloads"]["windows"]["url"] == f"http://localhost/downloads/desktop/{EXE}"


async def test_an_installer_downloads_as_an_attachment(client, folder):
    (folder / DEB).write_bytes(CONTENT)
    (folder / EXE).write_bytes(CONTENT)
    (folder / "notes.txt").write_bytes(b"release notes")
    response = await client.get(f"/downloads/desktop/{DEB}")
    assert response.status_code == 200 and await response.get_data() == CONTENT
    assert response.headers["Content-Type"] == "application/vnd.debian.binary-package"
    assert response.headers["Content-Disposition"] == f"attachment; filename={DEB}"
    assert response.headers["Accept-Ranges"] == "bytes"
    exe = await client.get(f"/downloads/desktop/{EXE}")
    assert exe.headers["Content-Type"] == "application/vnd.microsoft.portable-executable"
    other = await client.get("/downloads/desktop/notes.txt")
    assert (other.status_code, other.headers["Content-Type"]) == (200, "application/octet-stream")


async def test_head_range_and_conditional_get(client, folder):
    (folder / DEB).write_bytes(CONTENT)
    head = await client.head(f"/downloads/desktop/{DEB}")  # its body is dropped by Hypercorn (tested below)
    assert head.status_code == 200 and head.headers["Content-Length"] == str(len(CONTENT))
    assert head.headers["Content-Type"] == "application/vnd.debian.binary-package"

    part = await client.get(f"/downloads/desktop/{DEB}", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and await part.get_data() == CONTENT[100:200]
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(CONTENT)}"

    etag = head.headers["ETag"]
    again = await client.get(f"/downloads/desktop/{DEB}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and await again.get_data() == b""
    resumed = await client.get(f"/downloads/desktop/{DEB}", headers={"Range": "bytes=10000-", "If-Range": etag})
    assert resumed.status_code == 206 and await resumed.get_data() == CONTENT[10000:]


@pytest.mark.parametrize("name", [
    "..%2Fsecret.deb", "%2E%2E%2Fsecret.deb", "..%252Fsecret.deb", "../secret.deb", "sub%2Finner.deb",
    "sub/inner.deb", ".hidden.deb", ".", "..", "sub", "missing.deb", "a" * 300, "%D7%A9.deb",
])
async def test_nothing_outside_the_folder_and_no_dot_file_is_served(client, folder, name):
    (folder.parent / "secret.deb").write_bytes(b"outside")
    (folder / ".hidden.deb").write_bytes(b"hidden")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.deb").write_bytes(b"in a sub-folder")
    response = await client.get(f"/downloads/desktop/{name}")
    assert response.status_code == 404
    assert (await response.get_json())["error"]["code"] == "not_found"


async def test_no_folder_serves_nothing(client):
    response = await client.get(f"/downloads/desktop/{DEB}")
    assert response.status_code == 404 and (await response.get_json())["error"]["code"] == "not_found"


@pytest.fixture
async def served(settings):
    """The app as Hypercorn serves it (which decodes the path, %2F included, before routing)."""
    async with hypercorn_served(create_app(settings=settings)) as port:
        yield port


async def raw(port: int, target: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """`method target` exactly as written (no client normalises it), on a connection of its own:
    (status, headers by lower-case name, body)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    answer = await reader.read()
    writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return int(status_line.split()[1]), headers, body


@pytest.mark.parametrize("target", ["..%2Fsecret.deb", "%2E%2E%2Fsecret.deb", "..%2F..%2Fdesktop%2Fsecret.deb",
                                    "sub%2Finner.deb", "%2Ehidden.deb", "../secret.deb"])
async def test_encoded_traversal_through_a_real_server_is_a_json_404(served, folder, target):
    (folder.parent / "secret.deb").write_bytes(b"outside")
    (folder / ".hidden.deb").write_bytes(b"hidden")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.deb").write_bytes(b"in a sub-folder")
    (folder / DEB).write_bytes(CONTENT)
    status, headers, body = await raw(served, f"/downloads/desktop/{target}")
    assert (status, headers["content-type"]) == (404, "application/json")
    assert json.loads(body)["error"]["code"] == "not_found"
    assert (await raw(served, f"/downloads/desktop/{DEB}"))[::2] == (200, CONTENT)


async def test_head_through_a_real_server_has_the_length_and_no_body(served, folder):
    (folder / DEB).write_bytes(CONTENT)
    status, headers, body = await raw(served, f"/downloads/desktop/{DEB}", method="HEAD")
    assert (status, headers["content-length"], body) == (200, str(len(CONTENT)), b"")


async def test_both_routes_are_documented_and_public(client):
    spec = await (await client.get("/openapi.json")).get_json()
    version = spec["paths"]["/api/desktop/version"]["get"]
    assert "security" not in version
    schema = version["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["version", "downloads"]
    platforms = spec["components"]["schemas"]["DesktopDownloads"]
    assert platforms["required"] == ["linux", "windows"]
    assert spec["components"]["schemas"]["DesktopDownload"]["required"] == ["file", "url", "size", "sha256"]
    download = spec["paths"]["/downloads/desktop/{name}"]["get"]
    assert {"200", "404"} <= download["responses"].keys() and "security" not in download
