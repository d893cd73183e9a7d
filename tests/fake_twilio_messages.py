"""A local stand-in for Twilio's Messages API and its media host, over real HTTP.

`POST /2010-04-01/Accounts/{AccountSid}/Messages.json` checks the account's basic auth and
answers like Twilio: 201 with the new message (`status: queued`), or the error JSON Twilio
sends (`{"code", "message", "more_info", "status"}`). `GET .../Messages/MM.../Media/ME...`
serves attachments set in `media` (path → (content type, bytes)).
"""

from __future__ import annotations

import base64
import json
import threading
from urllib.parse import parse_qs

from tests.fakes import FakeServer


class FakeTwilioMessages(FakeServer):
    def __init__(self, *, account_sid: str, auth_token: str) -> None:
        super().__init__()
        self.account_sid = account_sid
        self.expected_auth = "Basic " + base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode()
        self.sent: list[dict] = []  # the form of every accepted create
        self.media: dict[str, tuple[str, bytes]] = {}
        self.fail_with: list[tuple[int, int | None]] = []  # (HTTP status, Twilio code) for the next creates
        self.lock = threading.Lock()

    def media_url(self, message_sid: str, media_sid: str) -> str:
        return f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}/Messages/{message_sid}/Media/{media_sid}"

    def add_media(self, message_sid: str, media_sid: str, content_type: str, data: bytes) -> str:
        url = self.media_url(message_sid, media_sid)
        self.media[url.removeprefix(self.base_url)] = (content_type, data)
        return url

    def _authorized(self, handler) -> bool:
        if handler.headers.get("Authorization") != self.expected_auth:
            self.reply(handler, 401, json.dumps({"code": 20003, "message": "Authenticate", "status": 401}).encode())
            return False
        return True

    def handle_get(self, handler) -> None:
        if not self._authorized(handler):
            return
        found = self.media.get(handler.path)
        if found is None:
            self.reply(handler, 404, b'{"code": 20404, "status": 404}')
            return
        self.reply(handler, 200, found[1], found[0])

    def handle_post(self, handler, body: bytes) -> None:
        if not self._authorized(handler):
            return
        if handler.path != f"/2010-04-01/Accounts/{self.account_sid}/Messages.json":
            self.reply(handler, 404, b'{"code": 20404, "status": 404}')
            return
        form = {key: values[0] for key, values in parse_qs(body.decode(), keep_blank_values=True).items()}
        with self.lock:
            failure = self.fail_with.pop(0) if self.fail_with else None
            if failure:
                status, code = failure
                self.reply(handler, status, json.dumps({"code": code, "message": f"error {code}", "status": status,
                                                        "more_info": f"https://www.twilio.com/docs/errors/{code}"})
                           .encode())
                return
            if not form.get("To", "").startswith("whatsapp:") or not form.get("From", "").startswith("whatsapp:"):
                self.reply(handler, 400, b'{"code": 21211, "message": "Invalid To", "status": 400}')
                return
            if "Body" not in form and "ContentSid" not in form:
                self.reply(handler, 400, b'{"code": 21619, "message": "A message body is required", "status": 400}')
                return
            self.sent.append(form)
            sid = f"SM{len(self.sent):032x}"
        self.reply(handler, 201, json.dumps({
            "sid": sid, "account_sid": self.account_sid, "to": form["To"], "from": form["From"],
            "body": form.get("Body", ""), "status": "queued", "error_code": None, "error_message": None,
            "num_media": "0", "direction": "outbound-api", "api_version": "2010-04-01",
        }).encode())
