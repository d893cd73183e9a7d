"""A disk that fails under MEDIA_ROOT must not keep the server from starting: calls still
come in and are filed (the recordings' jobs retry until the disk is back). Caused for real:
MEDIA_ROOT under a regular file (ENOTDIR), which stops root too, unlike chmod."""

from __future__ import annotations

from server.app import create_app
from server.businesses.service import create_business
from server.calls.models import Call
from tests.conftest import BUSINESS_PHONE, PUBLIC_HOST
from tests.twilio_helpers import call_params, signed_form


async def test_the_server_starts_and_answers_calls_while_media_root_cannot_be_made(settings, tmp_path):
    in_the_way = tmp_path / "disk"
    in_the_way.write_text("a file where the media folder's parent should be")
    app = create_app(settings=settings.with_overrides(media_root=in_the_way / "media"))
    async with app.test_app():
        with app.extensions["runtime"].activated():
            await create_business(name="דיסק תקול", phone=BUSINESS_PHONE)
            path, body, headers = signed_form(PUBLIC_HOST, "/webhook/incoming_call", call_params("CA" + "d" * 32))
            response = await app.test_client().post(path, data=body, headers=headers)
            assert response.status_code == 200
            assert "<Record" in await response.get_data(as_text=True)
            assert await Call.filter(call_sid="CA" + "d" * 32).exists()
