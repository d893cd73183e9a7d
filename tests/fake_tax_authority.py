"""A local stand-in for the Tax Authority's invoices API (חשבוניות ישראל), over real HTTP.

- `POST /longtimetoken/oauth2/token`: the OAuth2 refresh-token grant (a form with grant_type,
  refresh_token, client_id, client_secret, scope). With the registered client and the current
  refresh token it answers `{"access_token", "token_type", "expires_in", "refresh_token",
  "scope"}`; with `rotate` set it gives a new refresh token each time and the old one dies.
  Anything else: 400 `invalid_grant` or 401 `invalid_client`, as RFC 6749 §5.2 has it.
- `POST /Invoices/v1/Approval` (Bearer): records the JSON body in `approvals`, then answers by
  `mode`: "approve" (200, `Approved` true and the next number), "refuse" (`Approved` false,
  `refusal` as the Message, HTTP `refuse_status`: which status the real API gives a refusal is
  not published, 200 by default), "fail" (HTTP `fail_status`, 503 by default), "redirect"
  (302 to `redirect_to`). A token it did not issue (or one revoked: `access_tokens.clear()`)
  gets 401.

`stop()` closes the port (the Authority unreachable: connections are refused) and `start()`
opens it again on the same port. The first line `python -m tests.fake_tax_authority` prints
is its base URL.
"""

from __future__ import annotations

import json
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import parse_qs

from tests.fakes import FakeServer

CLIENT_ID = "fake-client-id"
CLIENT_SECRET = "fake-client-secret-not-real"
REFRESH_TOKEN = "fake-refresh-token-0001"
REFUSAL = "מספר העוסק של הלקוח אינו תקין"


class FakeTaxAuthority(FakeServer):
    def __init__(self, *, client_id: str = CLIENT_ID, client_secret: str = CLIENT_SECRET,
                 refresh_token: str = REFRESH_TOKEN, rotate: bool = False) -> None:
        super().__init__()
        self.client_id, self.client_secret = client_id, client_secret
        self.refresh_token = refresh_token  # the one it honours now
        self.rotate = rotate
        self.mode = "approve"
        self.refusal = REFUSAL
        self.refuse_status = 200
        self.fail_status = 503
        self.redirect_to = ""
        self.grants: list[dict] = []  # every token form received
        self.approvals: list[dict] = []  # every Approval body received with a valid token
        self.access_tokens: set[str] = set()
        self.next_number = 202600000001
        self.lock = threading.Lock()
        self.approval_seen = threading.Event()
        self._port = self.httpd.server_address[1]
        self._handler = self.httpd.RequestHandlerClass

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def stop(self) -> None:
        """Unreachable: the port refuses connections until `start()`."""
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    def start(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self._port), self._handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def settings(self) -> dict:
        """The settings (lower case) that point the server at this fake, credentials included."""
        return {"tax_authority_api_base": self.base_url, "tax_authority_client_id": self.client_id,
                "tax_authority_client_secret": self.client_secret, "tax_authority_refresh_token": self.refresh_token,
                "tax_authority_software_number": "123456"}

    def handle_post(self, handler, body: bytes) -> None:
        if handler.path == "/longtimetoken/oauth2/token":
            self._token(handler, body)
        elif handler.path == "/Invoices/v1/Approval":
            self._approval(handler, body)
        else:
            self.reply(handler, 404, b'{"httpCode": "404", "httpMessage": "Not Found"}')

    def _token(self, handler, body: bytes) -> None:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        with self.lock:
            self.grants.append(form)
            if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
                self.reply(handler, 401, b'{"error": "invalid_client"}')
                return
            if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != self.refresh_token \
                    or form.get("scope") != "scope":
                self.reply(handler, 400, b'{"error": "invalid_grant"}')
                return
            token = f"fake-access-{len(self.grants)}"
            self.access_tokens.add(token)
            if self.rotate:
                self.refresh_token = f"fake-refresh-token-{len(self.grants) + 1:04d}"
            answer = {"access_token": token, "token_type": "Bearer", "expires_in": 600,
                      "refresh_token": self.refresh_token, "scope": "scope"}
        self.reply(handler, 200, json.dumps(answer).encode())

    def _approval(self, handler, body: bytes) -> None:
        authorization = handler.headers.get("Authorization", "")
        if not authorization.startswith("Bearer ") or authorization[7:] not in self.access_tokens:
            self.reply(handler, 401, b'{"httpCode": "401", "httpMessage": "Unauthorized"}')
            return
        with self.lock:
            self.approvals.append(json.loads(body))
            if self.mode == "redirect":
                handler.send_response(302)
                handler.send_header("Location", self.redirect_to)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            if self.mode == "fail":
                status, answer = self.fail_status, {"httpCode": str(self.fail_status), "httpMessage": "Unavailable"}
            elif self.mode == "refuse":
                status, answer = self.refuse_status, {"Status": 400, "Message": self.refusal,
                                                      "Confirmation_Number": None, "Approved": False}
            else:
                number, self.next_number = str(self.next_number), self.next_number + 1
                status, answer = 200, {"Status": 200, "Message": "החשבונית אושרה", "Confirmation_Number": number,
                                       "Approved": True}
        self.approval_seen.set()
        self.reply(handler, status, json.dumps(answer, ensure_ascii=False).encode())


if __name__ == "__main__":
    with FakeTaxAuthority() as fake:
        print(fake.base_url, flush=True)
        threading.Event().wait()
