"""A small local HTTP server that answers `GET /api/desktop/version` (a 404 when `version` is
None) and `/api/health` as the AgentLocator server does, with the version and downloads a
test gives it; with `upstream`, every other GET and POST is passed on to a real server
(logging in, the main window's own reads)."""

from __future__ import annotations

import json

import httpx

from tests.fakes import FakeServer


class VersionServer(FakeServer):
    def __init__(self, version: str | None = "0.3.0", *, downloads: dict | None = None,
                 upstream: str | None = None) -> None:
        super().__init__()
        self.version, self.upstream = version, upstream
        self.downloads = {"linux": None, "windows": None} if downloads is None else downloads

    def handle_get(self, handler) -> None:
        if handler.path == "/api/desktop/version" and self.version is not None:
            body = {"version": self.version, "downloads": self.downloads}
            return self.reply(handler, 200, json.dumps(body).encode())
        if handler.path == "/api/health":
            body = {"ok": True, "db": "ok", "worker": "alive", "queue": "ok"}
            return self.reply(handler, 200, json.dumps(body).encode())
        self.pass_on(handler, "GET")

    def handle_post(self, handler, body: bytes) -> None:
        self.pass_on(handler, "POST", body)

    def pass_on(self, handler, method: str, body: bytes | None = None) -> None:
        if self.upstream is None:
            return self.reply(handler, 404, json.dumps({"error": {"code": "not_found", "message": "no"}}).encode())
        headers = {k: v for k, v in handler.headers.items() if k.lower() in ("authorization", "content-type")}
        answer = httpx.request(method, self.upstream + handler.path, headers=headers, content=body, timeout=10)
        self.reply(handler, answer.status_code, answer.content, answer.headers.get("content-type", "application/json"))


def download(url: str) -> dict:
    return {"file": url.rsplit("/", 1)[-1], "url": url, "size": 1, "sha256": "0" * 64}
