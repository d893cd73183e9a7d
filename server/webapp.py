"""The web app: serves the Vite build (web/dist) with the caching the deployment relies on.

`index.html` is never cached (a hard refresh always shows the latest build), the hashed files
under /assets are cached for a year, and the push-only service worker is revalidated on
every load (`no-cache`). Without a build, `/` answers a short JSON hint instead.
"""

from __future__ import annotations

from pathlib import Path

from quart import Blueprint, current_app, send_from_directory
from quart_schema import hide
from werkzeug.exceptions import NotFound

from server.errors import APIError

INDEX_CACHE = "no-store"
ASSET_CACHE = "public, max-age=31536000, immutable"
WORKER_CACHE = "no-cache"

bp = Blueprint("webapp", __name__)


def _dist() -> Path:
    return current_app.config["SETTINGS"].web_dist


def _built() -> bool:
    return (_dist() / "index.html").is_file()


async def _index():
    if not _built():
        revision = current_app.config["SETTINGS"].app_rev
        return {"name": "AgentLocator", "revision": revision,
                "hint": "the web app is not built: run `make web` (cd web && npm ci && npm run build)"}
    response = await send_from_directory(_dist(), "index.html")
    response.headers["Cache-Control"] = INDEX_CACHE
    return response


@bp.get("/")
@bp.get("/index.html")  # the same page by its file name (nginx's `location = /index.html`)
@hide
async def index():
    return await _index()


@bp.get("/login")
@bp.get("/crm/customers")
@bp.get("/crm/customers/<int:customer_id>")
@bp.get("/settings")
@bp.get("/profile")
@hide
async def app_page(customer_id: int | None = None):
    if not _built():
        raise APIError(404, "not_found", "the web app is not built")
    return await _index()


@bp.get("/assets/<path:name>")
@hide
async def asset(name: str):
    try:
        response = await send_from_directory(_dist() / "assets", name)
    except NotFound as error:
        raise APIError(404, "not_found", "no such asset") from error
    response.headers["Cache-Control"] = ASSET_CACHE
    return response


@bp.get("/sw.js")
@hide
async def service_worker():
    try:
        response = await send_from_directory(_dist(), "sw.js")
    except NotFound as error:
        raise APIError(404, "not_found", "the web app is not built") from error
    response.headers["Cache-Control"] = WORKER_CACHE
    response.headers["Service-Worker-Allowed"] = "/"
    return response
