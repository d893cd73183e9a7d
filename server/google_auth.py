"""Access tokens for Google's REST APIs, as the service account in
`GOOGLE_APPLICATION_CREDENTIALS` (the OAuth 2.0 JWT bearer grant, RFC 7523).

Speech-to-Text (server/transcription/google.py) and Text-to-Speech (server/greetings/google.py)
both call `ServiceAccountTokens.get`; each keeps one instance on its runtime, so a token is
fetched once and reused until a minute before it expires. Neither the private key nor a token
ever appears in an exception message: those reach logs and, for greetings, the admin.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import httpx
import jwt

CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"
GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"


class GoogleCredentialsError(Exception):
    """The credentials file is missing, unreadable or incomplete: no retry mends it."""


class GoogleAuthRefusedError(Exception):
    """Google's token endpoint refused the service account (400/401/403)."""


def read_account(credentials_file: str) -> dict:
    if not credentials_file:
        raise GoogleCredentialsError("GOOGLE_APPLICATION_CREDENTIALS is not set")
    try:
        account = json.loads(Path(credentials_file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        # The error's class only: a JSON error's text quotes the file, which holds the key.
        raise GoogleCredentialsError(f"cannot read the Google credentials file ({type(error).__name__})") from None
    if not isinstance(account, dict):
        raise GoogleCredentialsError("the Google credentials file is not a service-account JSON object")
    missing = [k for k in ("client_email", "private_key", "token_uri") if not account.get(k)]
    if missing:
        raise GoogleCredentialsError("the Google credentials file lacks " + ", ".join(missing))
    return account


class ServiceAccountTokens:
    def __init__(self, *, credentials_file: str, scope: str = CLOUD_PLATFORM) -> None:
        self.credentials_file = credentials_file
        self.scope = scope
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()  # one token request at a time; the others reuse its token

    def forget(self) -> None:
        """Drop the cached token (Google answered 401: revoked early); the next call fetches one."""
        self._token = None

    async def get(self, client: httpx.AsyncClient) -> str:
        async with self._lock:
            if self._token and time.time() < self._expires - 60:
                return self._token
            account = read_account(self.credentials_file)
            issued = int(time.time())
            try:
                assertion = jwt.encode(
                    {"iss": account["client_email"], "scope": self.scope, "aud": account["token_uri"],
                     "iat": issued, "exp": issued + 3600},
                    account["private_key"], algorithm="RS256",
                    headers={"kid": account.get("private_key_id", "")},
                )
            except (ValueError, TypeError, jwt.PyJWTError):
                raise GoogleCredentialsError("the private key in the Google credentials file is not usable") from None
            response = await client.post(account["token_uri"], data={"grant_type": GRANT_TYPE,
                                                                     "assertion": assertion})
            if response.status_code in (400, 401, 403):
                raise GoogleAuthRefusedError(f"Google refused the service account ({response.status_code})")
            response.raise_for_status()
            body = response.json()
            self._token = body["access_token"]
            self._expires = time.time() + float(body.get("expires_in", 3600))
            return self._token
