"""A local stand-in for Twilio's Messages API and its media host, over real HTTP.

`POST /2010-04-01/Accounts/{AccountSid}/Messages.json` checks the account's basic auth and
answers like Twilio: 201 with the new message (`status: queued`), or the error JSON Twilio
sends (`{"code", "message", "more_info", "status"}`). `GET .../Messages/MM.../Media/ME...`
serves attachments set in `media` (path → (content type, bytes)).

The Content API (content.twilio.com in production) is served here too, on its own path:
`GET /v1/ContentAndApprovals?PageSize=N` lists `contents` (add them with `add_template`) page by
page, Twilio's `meta` carrying an absolute `next_page_url` (with a `PageToken`), and counts
every listing request in `content_requests`; `fail_content_with` (status, code) fails the next
listings.
"""

from __future__ import annotations

import base64
import json
import threading
from urllib.parse import parse_qs, urlsplit

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
        self.contents: list[dict] = []  # the Content API's items, in the order it lists them
        self.content_requests = 0
        self.fail_content_with: list[tuple[int, int]] = []

    def add_template(self, name: str, body: str, variables: dict[str, str] | None = None, *,
                     status: str = "approved", content_type: str = "twilio/text", language: str = "he",
                     category: str = "UTILITY", types: dict | None = None) -> str:
        """A template as ContentAndApprovals lists it (its WhatsApp approval in `status`); its sid."""
        sid = f"HX{len(self.contents) + 1:032x}"
        self.contents.append({
            "date_created": "2026-11-02T08:00:00Z", "date_updated": "2026-11-03T08:00:00Z", "sid": sid,
            "account_sid": self.account_sid, "friendly_name": name, "language": language,
            "variables": dict(variables or {}), "types": types or {content_type: {"body": body}},
            "approval_requests": {"name": name.lower().replace(" ", "_"), "category": category,
                                  "content_type": content_type, "status": status, "rejection_reason": "",
                                  "allow_category_change": False},
        })
        return sid

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
        if urlsplit(handler.path).path == "/v1/ContentAndApprovals":
            self._content_page(handler)
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

    def _content_page(self, handler) -> None:
        query = {key: values[0] for key, values in parse_qs(urlsplit(handler.path).query).items()}
        with self.lock:
            self.content_requests += 1
            failure = self.fail_content_with.pop(0) if self.fail_content_with else None
            contents = list(self.contents)
        if failure:
            status, code = failure
            self.reply(handler, status, json.dumps({"code": code, "message": f"error {code}", "status": status,
                                                    "more_info": f"https://www.twilio.com/docs/errors/{code}"})
                       .encode())
            return
        size = min(int(query.get("PageSize", 50)), 1000)
        page = int(query.get("Page", 0))
        start = int(query.get("PageToken", "PT0").removeprefix("PT"))
        url = f"{self.base_url}/v1/ContentAndApprovals"
        more = start + size < len(contents)
        self.reply(handler, 200, json.dumps({
            "contents": contents[start:start + size],
            "meta": {"page": page, "page_size": size, "key": "contents",
                     "first_page_url": f"{url}?PageSize={size}&Page=0",
                     "previous_page_url": None if page == 0 else f"{url}?PageSize={size}&Page={page - 1}",
                     "url": f"{url}?PageSize={size}&Page={page}",
                     "next_page_url": f"{url}?PageSize={size}&Page={page + 1}&PageToken=PT{start + size}"
                     if more else None},
        }, ensure_ascii=False).encode())
