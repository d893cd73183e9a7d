"""The one HTTP client of the desktop app.

Synchronous httpx, called only from worker threads (`desktop.tasks`), never on the UI thread.
The access token lives in memory only; the refresh token is kept by `keyring` (service
"AgentLocator", one entry per server URL). A 401 on an API call refreshes once and retries;
refreshes are single-flight (one lock), because the server revokes a whole token family when a
rotated refresh token is presented twice.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import keyring
import keyring.errors
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.paths import write_private
from desktop.version import VERSION

log = logging.getLogger("agentlocator.desktop.api")

KEYRING_SERVICE = "AgentLocator"
MAX_LIMIT = 200


def _t(text: str) -> str:
    return QCoreApplication.translate("ApiError", text)


class ApiError(Exception):
    """A failed call, with a message fit to show the agent (Hebrew source, translatable)."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 server_message: str = "", details: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.server_message = server_message
        self.details = details or {}  # the error's `details` (e.g. `fields` of a 422)


class ServerUnreachableError(ApiError):
    """No answer from the server: wrong address, server down, or no network."""


class SessionExpiredError(ApiError):
    """The session ended (refresh token missing, expired or revoked): log in again."""


# Refusals any view may meet, by the server's code (contract 19: the permissions on personal
# data and the checks of its fields): every caller shows them in Hebrew without a table of its own.
_CODES = {
    "forbidden_listen": QT_TRANSLATE_NOOP("ApiError", "אין לך הרשאה להאזין להקלטות"),
    "forbidden_export": QT_TRANSLATE_NOOP("ApiError", "אין לך הרשאה לייצא נתונים. מנהל/ת המשרד יכולים לאפשר "
                                                      "זאת בהגדרות הפרטיות."),
    "invalid_tax_id": QT_TRANSLATE_NOOP("ApiError", "מספר ח.פ. / ע.מ. אינו תקין: 9 ספרות, האחרונה ספרת ביקורת."),
    "invalid_retention_months": QT_TRANSLATE_NOOP("ApiError", "תקופת השמירה חייבת להיות בין חודש אחד ל-120 חודשים."),
    "confirm_required": QT_TRANSLATE_NOOP("ApiError", "יש לאשר את המחיקה במפורש."),
    "not_awaiting": QT_TRANSLATE_NOOP("ApiError", "החשבונית כבר אינה ממתינה למספר הקצאה."),
}


def _message_for(status: int, code: str, server_message: str) -> str:
    if code in _CODES:
        return _t(_CODES[code])
    if code == "too_many_attempts" or status == 429:
        return _t("יותר מדי ניסיונות התחברות. נסו שוב בעוד כמה דקות.")
    if status == 401:
        return _t("האימייל או הסיסמה שגויים.")
    if status == 403:
        return _t("אין לך הרשאה לפעולה הזאת.")
    if status == 404:
        return _t("הפריט לא נמצא.")
    if status == 422:
        return _t("הבקשה אינה תקינה: {detail}").format(detail=server_message)
    if status >= 500:
        return _t("שגיאה בשרת ({status}). נסו שוב מאוחר יותר.").format(status=status)
    return server_message or _t("הבקשה נכשלה ({status}).").format(status=status)


def network_error(error: httpx.HTTPError) -> ServerUnreachableError:
    """A connection that broke mid-way (reset, closed, a bad answer): the agent reads Hebrew, the
    log keeps httpx's own words for whoever looks into it."""
    log.info("network error: %r", error)
    return ServerUnreachableError(_t("החיבור לשרת נקטע. נסו שוב בעוד רגע."))


def error_from_response(response: httpx.Response) -> ApiError:
    code, server_message, details = "", "", {}
    try:
        body = response.json()
        error = body.get("error") if isinstance(body, dict) else None
        if isinstance(error, dict):
            code, server_message = str(error.get("code", "")), str(error.get("message", ""))
            details = error.get("details") if isinstance(error.get("details"), dict) else {}
    except ValueError:
        server_message = response.text[:200]
    return ApiError(_message_for(response.status_code, code, server_message), status=response.status_code,
                    code=code, server_message=server_message, details=details)


class TokenStore:
    """The refresh token in the system keyring; memory only when the keyring has no backend."""

    def __init__(self, server_url: str) -> None:
        self.key = server_url.rstrip("/")
        self._memory: str | None = None

    def get(self) -> str | None:
        try:
            return keyring.get_password(KEYRING_SERVICE, self.key) or self._memory
        except keyring.errors.KeyringError as error:
            log.warning("keyring unavailable, refresh token kept in memory: %s", error)
            return self._memory

    def set(self, token: str) -> None:
        self._memory = token
        try:
            keyring.set_password(KEYRING_SERVICE, self.key, token)
        except keyring.errors.KeyringError as error:
            log.warning("keyring unavailable, refresh token kept in memory: %s", error)

    def delete(self) -> None:
        self._memory = None
        try:
            keyring.delete_password(KEYRING_SERVICE, self.key)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            log.warning("keyring unavailable: %s", error)


def _seconds_left(token: str) -> float:
    """Seconds until a JWT's `exp` (read, not verified: the server verifies); 0 if unreadable."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"]) - time.time()
    except (IndexError, KeyError, TypeError, ValueError):
        return 0.0


@dataclass(frozen=True)
class Binary:
    """A binary answer (an MP3 the server rendered on request): its bytes and headers."""

    content: bytes
    headers: httpx.Headers

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()


@dataclass
class Session:
    """Who is logged in, on which server; `api` makes the calls."""

    api: Api
    user: dict = field(default_factory=dict)


class Api:
    def __init__(self, base_url: str, *, store: TokenStore | None = None, timeout: float = 10.0,
                 connect_timeout: float = 3.0, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.store = store or TokenStore(self.base_url)
        self._client = httpx.Client(base_url=self.base_url, transport=transport,
                                    timeout=httpx.Timeout(timeout, connect=connect_timeout),
                                    headers={"User-Agent": f"AgentLocator-desktop/{VERSION}"})
        self._access_token: str | None = None
        self._refresh_lock = threading.Lock()
        self.refresh_count = 0  # how many refreshes reached the server (tests check single-flight)
        # Called (on the worker thread) when the session ends for good: the UI asks to log in again.
        self.session_expired_listeners: list[Callable[[], None]] = []

    # -- transport -----------------------------------------------------------------------
    def _send(self, method: str, path: str, *, token: str | None = None, **kwargs) -> httpx.Response:
        headers = kwargs.pop("headers", {}) or {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            return self._client.request(method, path, headers=headers, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise ServerUnreachableError(
                _t("לא ניתן להתחבר לשרת {url}. בדקו את הכתובת ואת החיבור לרשת.").format(url=self.base_url)
            ) from error
        except httpx.TimeoutException as error:
            raise ServerUnreachableError(_t("השרת לא ענה בזמן. נסו שוב.")) from error
        except httpx.HTTPError as error:
            raise network_error(error) from error

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        if response.status_code >= 400:
            raise error_from_response(response)
        return response.json() if response.content else None

    # -- auth ----------------------------------------------------------------------------
    @property
    def logged_in(self) -> bool:
        return self._access_token is not None

    def _take_session(self, body: dict) -> dict:
        self._access_token = body["access_token"]
        if body.get("refresh_token"):
            self.store.set(body["refresh_token"])
        return body.get("user") or {}

    def login(self, email: str, password: str) -> dict:
        response = self._send("POST", "/auth/login",
                              json={"email": email, "password": password, "client": "desktop"})
        return self._take_session(self._json(response))

    def resume(self) -> dict:
        """Start from the stored refresh token (a previous run's session); the user."""
        self.refresh(stale_token=None)
        return self._json(self._send("GET", "/auth/me", token=self._access_token))["user"]

    def refresh(self, stale_token: str | None) -> None:
        """Rotate the refresh token, once however many threads ask: a thread whose token was
        already replaced by another's refresh just uses the new one."""
        with self._refresh_lock:
            if stale_token is not None and self._access_token not in (None, stale_token):
                return
            token = self.store.get()
            if not token:
                self._access_token = None
                self._session_expired()
                raise SessionExpiredError(_t("החיבור פג. יש להתחבר מחדש."), status=401)
            self.refresh_count += 1
            response = self._send("POST", "/auth/refresh", json={"refresh_token": token})
            if response.status_code in (401, 403):
                self._access_token = None
                self.store.delete()
                self._session_expired()
                raise SessionExpiredError(_t("החיבור פג. יש להתחבר מחדש."), status=response.status_code)
            self._take_session(self._json(response))

    def _session_expired(self) -> None:
        for listener in list(self.session_expired_listeners):
            listener()

    def access_token(self, *, min_seconds: float = 30.0, force: bool = False) -> str:
        """A current access token, refreshed first when it has less than `min_seconds` left, or
        when `force`d (the server refused this one though it has not expired): for the Socket.IO
        handshake, which cannot refresh-and-retry on a 401. Worker threads only."""
        token = self._access_token
        if force or token is None or _seconds_left(token) < min_seconds:
            self.refresh(stale_token=token)
            token = self._access_token
        return token

    def adopt(self, other: Api) -> None:
        """Continue with the session another client of the same server just logged in
        (logging in again after the session expired), so everything holding this client resumes."""
        self._access_token = other._access_token
        token = other.store.get()
        if token and token != self.store.get():  # a keyring-less machine keeps it per client
            self.store.set(token)

    def logout(self) -> None:
        token = self.store.get()
        self._access_token = None
        self.store.delete()
        if token:
            try:
                self._send("POST", "/auth/logout", json={"refresh_token": token})
            except ApiError as error:  # the local session is gone either way
                log.info("logout not confirmed by the server: %s", error)

    def close(self) -> None:
        self._client.close()

    # -- API -----------------------------------------------------------------------------
    def _authorized(self, method: str, path: str, **kwargs) -> httpx.Response:
        token = self._access_token
        if token is None:
            self.refresh(stale_token=None)
            token = self._access_token
        response = self._send(method, path, token=token, **kwargs)
        if response.status_code == 401:
            self.refresh(stale_token=token)
            response = self._send(method, path, token=self._access_token, **kwargs)
        return response

    def request(self, method: str, path: str, **kwargs) -> Any:
        return self._json(self._authorized(method, path, **kwargs))

    def get_public(self, path: str) -> Any:
        """GET what answers without a session (`/api/health`, `/api/desktop/version`)."""
        return self._json(self._send("GET", path))

    def download(self, path: str, dest: Path) -> Path:
        """GET a file that needs the session (a recording, a PDF) into `dest`, private to the
        user (0600) and whole or not at all; the path written (desktop.paths.write_private)."""
        response = self._authorized("GET", path)
        if response.status_code >= 400:
            raise error_from_response(response)
        return write_private(dest, response.content)

    def fetch(self, method: str, path: str, *, json: Any = None, timeout: float | None = None) -> Binary:
        """A call behind the session whose answer is not JSON (an MP3 rendered from text): its
        bytes and headers, kept in memory (small answers only); ApiError on an error status."""
        extra = {"timeout": timeout} if timeout is not None else {}
        response = self._authorized(method, path, json=json, **extra)
        if response.status_code >= 400:
            raise error_from_response(response)
        return Binary(content=response.content, headers=response.headers)

    def upload(self, method: str, path: str, data: bytes, content_type: str, *,
               timeout: float | None = None) -> Any:
        """Send `data` as the raw request body (an MP3 file) with its Content-Type; the JSON answer.
        The body is bytes in memory, so the retry after a refresh sends it whole again."""
        extra = {"timeout": timeout} if timeout is not None else {}
        return self.request(method, path, content=data, headers={"Content-Type": content_type}, **extra)

    @contextmanager
    def stream(self, path: str, **params) -> Iterator[httpx.Response]:
        """GET a large answer (a CSV export) as a stream: `with api.stream(...) as response:`
        then `response.iter_bytes()`. The token is refreshed first when it is about to expire,
        since a stream cannot be replayed after a 401. An error status raises ApiError."""
        token = self.access_token(min_seconds=60.0)
        query = {k: v for k, v in params.items() if v not in (None, "")}
        try:
            with self._client.stream("GET", path, params=query, headers={"Authorization": f"Bearer {token}"},
                                     timeout=httpx.Timeout(60.0, connect=3.0)) as response:
                if response.status_code >= 400:
                    response.read()
                    raise error_from_response(response)
                yield response
        except httpx.HTTPError as error:
            raise network_error(error) from error

    def get(self, path: str, **params) -> Any:
        return self.request("GET", path, params={k: v for k, v in params.items() if v not in (None, "")})

    def post(self, path: str, body: dict) -> Any:
        return self.request("POST", path, json=body)

    def list(self, resource: str, *, page: int = 1, limit: int = 100, sort: str | None = None,
             q: str | None = None, **filters) -> dict:
        """One page of `/api/crm/<resource>`: `{"results", "page", "pages", "total"}`."""
        return self.get(f"/api/crm/{resource}", page=page, limit=min(limit, MAX_LIMIT), sort=sort, q=q, **filters)
