from server.businesses.service import greeting_file
from server.version import VERSION
from tests.conftest import ROOT

WELCOME = (ROOT / "server/static/voice_responses/welcome.mp3").read_bytes()


async def test_welcome_is_audio_mpeg_on_get_and_head(client):
    head = await client.head("/server/static/voice_responses/welcome.mp3")
    assert head.status_code == 200 and head.headers["Content-Type"] == "audio/mpeg"
    assert head.headers["X-Revision"] == "test-rev"
    get = await client.get("/server/static/voice_responses/welcome.mp3")
    assert get.status_code == 200 and await get.get_data() == WELCOME


async def test_range_request_gets_partial_content(client):
    response = await client.get("/server/static/voice_responses/welcome.mp3", headers={"Range": "bytes=10-19"})
    assert response.status_code == 206
    assert await response.get_data() == WELCOME[10:20]
    assert response.headers["Content-Range"] == f"bytes 10-19/{len(WELCOME)}"


async def test_business_greeting_is_served_and_missing_one_is_json_404(client, settings, business):
    missing = await client.get(f"/server/static/voice_responses/{business.id}/greeting.mp3")
    assert missing.status_code == 404 and (await missing.get_json())["error"]["code"] == "not_found"
    path = greeting_file(settings.media_root, business.id)
    path.parent.mkdir(parents=True)
    path.write_bytes(WELCOME)
    found = await client.head(f"/server/static/voice_responses/{business.id}/greeting.mp3")
    assert found.status_code == 200 and found.headers["Content-Type"] == "audio/mpeg"


async def test_health_reports_database_and_worker(client):
    response = await client.get("/api/health")
    assert response.status_code == 200
    assert await response.get_json() == {"ok": True, "version": VERSION, "db": "ok", "worker": "missing",
                                         "queue": "ok", "heartbeat_age_seconds": None,
                                         "oldest_queued_seconds": None, "dead_jobs": 0}


async def test_every_response_carries_revision_even_errors(client):
    # An API path: an app path (a GET no route matches) is the web app's own Hebrew 404 page.
    response = await client.get("/api/no/such/page")
    assert response.status_code == 404 and response.headers["X-Revision"] == "test-rev"
    assert (await response.get_json())["error"]["code"] == "not_found"
