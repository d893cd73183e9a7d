"""The web app's files and their caching: index.html never cached, hashed assets for a year,
the service worker revalidated; without a build, `/` is a JSON hint."""

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
    return root


@pytest.fixture
def settings(settings, dist):
    """The app serves this test's own build (WEB_DIST)."""
    return settings.with_overrides(web_dist=dist)


@pytest.mark.parametrize("path", ["/", "/login", "/crm/customers", "/crm/customers/42"])
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


async def test_missing_files_are_json_404s(client, dist):
    for path in ("/assets/nope.js", "/assets/../index.html", "/crm/customers/abc"):
        response = await client.get(path)
        assert response.status_code == 404, path
        assert "immutable" not in response.headers.get("Cache-Control", "")


async def test_without_a_build_root_is_a_json_hint(settings, tmp_path):
    application = create_app(settings=settings.with_overrides(web_dist=tmp_path / "missing"))
    async with application.test_app():
        client = application.test_client()
        response = await client.get("/")
        assert response.status_code == 200
        body = await response.get_json()
        assert body["name"] == "AgentLocator" and body["revision"] == "test-rev" and "make web" in body["hint"]
        assert (await client.get("/crm/customers")).status_code == 404
        assert (await client.get("/sw.js")).status_code == 404


def test_the_built_service_worker_is_push_only():
    source = (DEFAULT_WEB_DIST.parent / "public" / "sw.js").read_text()
    for needed in ("skipWaiting", "clients.claim", "showNotification", '"AgentLocator"', "notificationclick"):
        assert needed in source
    assert '"fetch"' not in source and "'fetch'" not in source
