"""The web app's files and their caching: index.html never cached, hashed assets for a year,
the service worker and the brand stylesheet revalidated, the icons for a day; every app path
is the app (its own Hebrew 404), API paths and other methods keep the JSON 404; without a
build, `/` is a JSON hint."""

import pytest

from server.app import create_app
from server.config import DEFAULT_WEB_DIST


@pytest.fixture
def dist(tmp_path):
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text('<!doctype html><html lang="he" dir="rtl"><div id="root"></div></html>')
    (root / "assets" / "index-AbC123.js").write_text("console.log(1)")
    (root / "sw.js").write_text("self.addEventListener('push', () => {})")
    (root / "favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (root / "manifest.webmanifest").write_text('{"name": "AgentLocator"}')
    (root / "brand.css").write_text("@font-face { font-family: Assistant; }")
    return root


@pytest.fixture
def settings(settings, dist):
    """The app serves this test's own build (WEB_DIST)."""
    return settings.with_overrides(web_dist=dist)


@pytest.mark.parametrize("path", ["/", "/login", "/crm/customers", "/crm/customers/42", "/settings", "/profile",
                                  "/tasks", "/crm/customers/abc", "/nope", "/a/b/c?tab=whatsapp"])
async def test_app_pages_are_index_html_never_cached(client, dist, path):
    response = await client.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.mimetype == "text/html"
    assert 'dir="rtl"' in await response.get_data(as_text=True)
    assert response.headers["X-Revision"] == "test-rev"


async def test_hashed_assets_are_immutable_for_a_year(client, dist):
    response = await client.get("/assets/index-AbC123.js")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "javascript" in response.mimetype


async def test_service_worker_is_revalidated(client, dist):
    response = await client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"
    assert "javascript" in response.mimetype


async def test_head_of_an_app_path_is_the_app_too(client, dist):
    response = await client.head("/settings")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"


async def test_missing_files_are_json_404s(client, dist):
    for path in ("/assets/nope.js", "/assets/../index.html", "/favicon.ico", "/nope.php", "/settings/x.png"):
        response = await client.get(path)
        assert response.status_code == 404, path
        assert "immutable" not in response.headers.get("Cache-Control", "")
        assert (await response.get_json())["error"]["code"] == "not_found", path


@pytest.mark.parametrize("path", ["/api/nope", "/api/crm/nope/1", "/auth/nope", "/webhook/nope", "/sign/", "/ws/x",
                                  "/server/static/nope", "/downloads/nope", "/static/nope", "/docs/nope"])
async def test_server_paths_keep_the_json_404(client, dist, path):
    response = await client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert (await response.get_json())["error"]["code"] == "not_found"


@pytest.mark.parametrize("path", ["/nope", "/settings", "/crm/customers/abc", "/login"])
async def test_other_methods_on_app_paths_are_json_404s(client, dist, path):
    response = await client.post(path, json={})
    assert response.status_code == 404
    assert (await response.get_json())["error"]["code"] == "not_found"


async def test_an_api_route_keeps_its_405(client, dist):
    response = await client.delete("/api/crm/customers")
    assert response.status_code == 405
    assert (await response.get_json())["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize(("path", "mimetype"), [("/favicon.svg", "image/svg+xml"),
                                                ("/manifest.webmanifest", "application/manifest+json")])
async def test_root_files_are_cached_for_a_day(client, dist, path, mimetype):
    response = await client.get(path)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["Cache-Control"] == "public, max-age=86400"


async def test_the_brand_stylesheet_is_the_builds_and_revalidated(client, dist):
    response = await client.get("/brand.css")
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert response.headers["Cache-Control"] == "no-cache"
    assert "@font-face" in await response.get_data(as_text=True)


async def test_without_a_build_the_brand_stylesheet_is_the_source_tokens(settings, tmp_path):
    application = create_app(settings=settings.with_overrides(web_dist=tmp_path / "missing"))
    async with application.test_app():
        response = await application.test_client().get("/brand.css")
        assert response.status_code == 200
        body = await response.get_data(as_text=True)
        assert "--color-primary:" in body and "@font-face" not in body


async def test_without_a_build_root_is_a_json_hint(settings, tmp_path):
    application = create_app(settings=settings.with_overrides(web_dist=tmp_path / "missing"))
    async with application.test_app():
        client = application.test_client()
        response = await client.get("/")
        assert response.status_code == 200
        body = await response.get_json()
        assert body["name"] == "AgentLocator" and body["revision"] == "test-rev" and "make web" in body["hint"]
        for path in ("/crm/customers", "/nope", "/sw.js", "/favicon.svg"):
            response = await client.get(path)
            assert response.status_code == 404, path
            assert (await response.get_json())["error"]["code"] == "not_found"


def test_the_built_service_worker_is_push_only():
    source = (DEFAULT_WEB_DIST.parent / "public" / "sw.js").read_text()
    for needed in ("skipWaiting", "clients.claim", "showNotification", '"AgentLocator"', "notificationclick"):
        assert needed in source
    assert '"fetch"' not in source and "'fetch'" not in source
