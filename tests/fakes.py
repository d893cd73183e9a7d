"""Local stand-ins for the services outside our control, speaking their wire protocol over
real HTTP on 127.0.0.1: Twilio's media host and Google's OAuth + Speech-to-Text and
Text-to-Speech REST APIs."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


class FakeServer:
    """A threaded HTTP server on a free port; `requests` records (method, path, headers)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict]] = []
        self.request_seen = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                owner._record(self)
                owner.handle_get(self)

            def do_POST(self):
                owner._record(self)
                length = int(self.headers.get("Content-Length") or 0)
                owner.handle_post(self, self.rfile.read(length))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def _record(self, handler) -> None:
        self.requests.append((handler.command, handler.path, dict(handler.headers)))
        self.request_seen.set()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    @staticmethod
    def reply(handler, status: int, body: bytes = b"", content_type: str = "application/json") -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def handle_get(self, handler) -> None:
        self.reply(handler, 404)

    def handle_post(self, handler, body: bytes) -> None:
        self.reply(handler, 404)


class FakeTwilioMedia(FakeServer):
    """Serves `<RecordingUrl>.mp3` to requests with the account's basic auth, like
    api.twilio.com with "Enforce HTTP Auth on Media URLs" on.

    `hold_first` makes the first download stall until `release` is set, so a test can kill the
    worker mid-download.
    """

    def __init__(self, *, account_sid: str, auth_token: str, audio: bytes, hold_first: bool = False) -> None:
        super().__init__()
        self.expected_auth = "Basic " + base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode()
        self.audio = audio
        self.hold_first = hold_first
        self.release = threading.Event()
        self.downloads = 0

    def handle_get(self, handler) -> None:
        if handler.headers.get("Authorization") != self.expected_auth:
            self.reply(handler, 401, b'{"code": 20003, "message": "Authenticate"}')
            return
        if not handler.path.endswith(".mp3") or "/Recordings/RE" not in handler.path:
            self.reply(handler, 404, b'{"code": 20404}')
            return
        self.downloads += 1
        if self.hold_first and self.downloads == 1:
            handler.send_response(200)
            handler.send_header("Content-Type", "audio/mpeg")
            handler.send_header("Content-Length", str(len(self.audio)))
            handler.end_headers()
            handler.wfile.write(self.audio[:100])  # half a file, then the worker dies
            handler.wfile.flush()
            self.release.wait(30)
            return
        self.reply(handler, 200, self.audio, "audio/mpeg")


class FakeGoogle(FakeServer):
    """Google's OAuth token endpoint (JWT bearer grant), Speech-to-Text `speech:recognize` and
    Text-to-Speech `text:synthesize`.

    `grants` holds the claims of every JWT the token endpoint accepted (signed with `key`);
    `synthesize_bodies` every synthesize request; `speech` is the MP3 it answers with, and
    `synthesize_status` (when set) the error status it answers instead.
    """

    TOKEN = "ya29.fake-access-token"

    def __init__(self, *, transcript: str = "", speech: bytes = b"") -> None:
        super().__init__()
        self.transcript = transcript
        self.speech = speech
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.recognize_bodies: list[dict] = []
        self.synthesize_bodies: list[dict] = []
        self.grants: list[dict] = []
        self.fail_next: int | None = None
        self.synthesize_status: int | None = None
        self.token = self.TOKEN  # the one access token Google honours; change it to revoke the old

    def credentials_file(self, directory: Path) -> Path:
        pem = self.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                     serialization.NoEncryption()).decode()
        path = directory / "service-account.json"
        path.write_text(json.dumps({
            "type": "service_account", "project_id": "agentlocator-test", "private_key_id": "k1",
            "private_key": pem, "client_email": "speech@agentlocator-test.iam.gserviceaccount.com",
            "token_uri": f"{self.base_url}/token",
        }))
        return path

    def settings(self, directory: Path) -> dict:
        """The settings (lower case) or environment (upper case) that point us at this fake."""
        return {"transcriber": "google", "google_application_credentials": str(self.credentials_file(directory)),
                "google_speech_api_base": self.base_url, "google_tts_api_base": self.base_url}

    def handle_post(self, handler, body: bytes) -> None:
        if handler.path == "/token":
            self._token(handler, body)
        elif handler.path == "/v1p1beta1/speech:recognize":
            self._recognize(handler, body)
        elif handler.path == "/v1/text:synthesize":
            self._synthesize(handler, body)
        else:
            self.reply(handler, 404)

    def _token(self, handler, body: bytes) -> None:
        from urllib.parse import parse_qs

        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        try:
            assert form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
            claims = jwt.decode(form["assertion"], self.key.public_key(), algorithms=["RS256"],
                                audience=f"{self.base_url}/token")
        except Exception:  # noqa: BLE001 - any flaw in the grant is Google's invalid_grant
            self.reply(handler, 400, b'{"error": "invalid_grant"}')
            return
        self.grants.append(claims)
        self.reply(handler, 200, json.dumps({"access_token": self.token, "expires_in": 3599,
                                             "token_type": "Bearer"}).encode())

    def _recognize(self, handler, body: bytes) -> None:
        if handler.headers.get("Authorization") != f"Bearer {self.token}":
            self.reply(handler, 401, b'{"error": {"code": 401, "status": "UNAUTHENTICATED"}}')
            return
        if self.fail_next:
            status, self.fail_next = self.fail_next, None
            self.reply(handler, status, b'{"error": {"code": 503, "status": "UNAVAILABLE"}}')
            return
        request = json.loads(body)
        self.recognize_bodies.append(request)
        config = request["config"]
        if config.get("encoding") != "MP3" or not base64.b64decode(request["audio"]["content"]):
            self.reply(handler, 400, b'{"error": {"code": 400, "status": "INVALID_ARGUMENT"}}')
            return
        words = self.transcript.split(" ")
        half = len(words) // 2
        results = [{"alternatives": [{"transcript": " ".join(part), "confidence": 0.93}],
                    "languageCode": config["languageCode"].lower()}
                   for part in (words[:half], words[half:])]
        self.reply(handler, 200, json.dumps({"results": results}, ensure_ascii=False).encode())


    def _synthesize(self, handler, body: bytes) -> None:
        if handler.headers.get("Authorization") != f"Bearer {self.token}":
            self.reply(handler, 401, b'{"error": {"code": 401, "status": "UNAUTHENTICATED"}}')
            return
        request = json.loads(body)
        self.synthesize_bodies.append(request)
        if self.synthesize_status:
            self.reply(handler, self.synthesize_status,
                       json.dumps({"error": {"code": self.synthesize_status, "status": "UNAVAILABLE",
                                             "message": "The service is currently unavailable."}}).encode())
            return
        if not request.get("input", {}).get("text") or request.get("audioConfig", {}).get("audioEncoding") != "MP3":
            self.reply(handler, 400, b'{"error": {"code": 400, "status": "INVALID_ARGUMENT"}}')
            return
        self.reply(handler, 200, json.dumps({"audioContent": base64.b64encode(self.speech).decode()}).encode())


class FakePushService(FakeServer):
    """A Web Push service (RFC 8030) holding one browser's subscription: it checks the VAPID
    header (RFC 8292), decrypts the aes128gcm body (RFC 8291) with the browser's private key
    and auth secret, and answers `status` (201, or 410 for an expired subscription)."""

    def __init__(self, *, status: int = 201) -> None:
        super().__init__()
        import os

        from cryptography.hazmat.primitives.asymmetric import ec

        self.status = status
        self.browser_key = ec.generate_private_key(ec.SECP256R1())
        self.auth_secret = os.urandom(16)
        self.messages: list[dict] = []
        self.headers: list[dict] = []
        self.message_seen = threading.Event()

    def subscription(self) -> dict:
        from py_vapid import b64urlencode

        public = self.browser_key.public_key().public_bytes(serialization.Encoding.X962,
                                                            serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": f"{self.base_url}/push/browser-1",
                "keys": {"p256dh": b64urlencode(public), "auth": b64urlencode(self.auth_secret)}}

    def handle_post(self, handler, body: bytes) -> None:
        import http_ece
        from py_vapid import Vapid02

        headers = {name.lower(): value for name, value in handler.headers.items()}
        authorization = headers.get("authorization", "")
        if not authorization.startswith("vapid ") or not Vapid02.verify(authorization):
            self.reply(handler, 401, b'{"reason": "bad VAPID"}')
            return
        token = authorization.split("t=", 1)[1].split(",", 1)[0]
        claims = jwt.decode(token, options={"verify_signature": False})  # signature checked by Vapid02
        if claims.get("aud") != self.base_url:
            self.reply(handler, 403, b'{"reason": "wrong audience"}')
            return
        plain = http_ece.decrypt(body, private_key=self.browser_key, auth_secret=self.auth_secret,
                                 version=headers.get("content-encoding", ""))
        self.headers.append(headers)
        self.messages.append(json.loads(plain))
        self.message_seen.set()
        self.reply(handler, self.status, b"")
