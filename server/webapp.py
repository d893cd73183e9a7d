"""The web app: serves the Vite build (web/dist) with the caching the deployment relies on.

`index.html` is never cached (a hard refresh always shows the latest build), the hashed files
under /assets are cached for a year, and the push-only service worker and the shared brand
stylesheet are revalidated on every load (`no-cache`). Without a build, `/` answers a short
JSON hint instead.

Every other GET of an app path (`/settings`, `/crm/customers/abc`, `/nope`) is the app too, so
a reload or a mistyped link shows the app's own Hebrew page, not a JSON 404. An app path is
any path no other blueprint's route begins with: the API's prefixes are read from the URL map,
so a new API blueprint needs nothing here. Other methods, API paths and file names (a path
whose last part has a dot) keep the JSON 404.
"""

from __future__ import annotations

from pathlib import Path

from quart import Blueprint, current_app, request, send_file, send_from_directory
from quart_schema import hide
from werkzeug.exceptions import NotFound

from server.errors import APIError, error_response

INDEX_CACHE = "no-store"
ASSET_CACHE = "public, max-age=31536000, immutable"
WORKER_CACHE = "no-cache"
ICON_CACHE = "public, max-age=86400"  # not hashed: a new icon shows within a day
BRAND_CACHE = "no-cache"  # names the hashed fonts of the current build

# The build's root files that come from web/public (the icons, the manifest) and their types
# where Python's mimetypes guesses wrong or not at all.
ROOT_FILES = {
    "favicon.svg": "image/svg+xml",
    "favicon.ico": "image/x-icon",
    "apple-touch-icon.png": "image/png",
    "icon-192.png": "image/png",
    "icon-512.png": "image/png",
    "manifest.webmanifest": "application/manifest+json",
    "robots.txt": "text/plain",
}
# Served outside Quart's URL map (Socket.IO answers /ws before Quart sees it).
OTHER_PREFIXES = frozenset({"ws"})
# The web app's tokens, for the signing page when there is no build (system fonts then).
SOURCE_TOKENS = Path(__file__).resolve().parent.parent / "web" / "src" / "styles" / "tokens.css"

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


def _server_prefixes() -> set[str]:
    """The first path segments of every route that is not the web app's."""
    return {rule.rule.split("/")[1] for rule in current_app.url_map.iter_rules()
            if not rule.endpoint.startswith(f"{bp.name}.")} | OTHER_PREFIXES


def _is_app_path(path: str) -> bool:
    parts = path.split("/")
    return request.method in ("GET", "HEAD") and "." not in parts[-1] and parts[1] not in _server_prefixes()


@bp.app_errorhandler(NotFound)
async def app_path_or_not_found(error: NotFound):
    # Only a path no route matched: a view's own NotFound (a missing file) stays a 404.
    if request.url_rule is None and _built() and _is_app_path(request.path):
        return await _index()
    return error_response(404, "not_found", error.description or "not found")


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


async def root_file():
    name = request.path.lstrip("/")
    try:
        response = await send_from_directory(_dist(), name, mimetype=ROOT_FILES[name])
    except NotFound as error:
        raise APIError(404, "not_found", "no such file") from error
    response.headers["Cache-Control"] = ICON_CACHE
    return response


for _name in ROOT_FILES:
    bp.add_url_rule(f"/{_name}", f"root_file_{_name.replace('.', '_')}", hide(root_file), methods=["GET"])


@bp.get("/brand.css")
@hide
async def brand():
    """The web app's fonts and design tokens for the server's own pages (the signing page):
    the build's brand.css (vite.config.ts writes it), else the source tokens alone."""
    built = _dist() / "brand.css"
    if built.is_file():
        response = await send_from_directory(_dist(), "brand.css", mimetype="text/css")
    elif SOURCE_TOKENS.is_file():
        response = await send_file(SOURCE_TOKENS, mimetype="text/css")
    else:
        raise APIError(404, "not_found", "no brand stylesheet")
    response.headers["Cache-Control"] = BRAND_CACHE
    return response
