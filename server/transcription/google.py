"""Google Cloud Speech-to-Text over REST, authenticated as the service account in
`GOOGLE_APPLICATION_CREDENTIALS` (OAuth 2.0 JWT bearer grant, RFC 7523).

Only the two documented calls are made: the token exchange at the account's `token_uri`
and `speech:recognize` (v1p1beta1, the version that takes MP3 directly).
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from pathlib import Path

import httpx
import jwt
from mutagen.mp3 import MP3

from server.jobs.errors import PermanentJobError
from server.transcription.base import TranscriptionUnavailableError

SCOPE = "https://www.googleapis.com/auth/cloud-platform"
TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class GoogleTranscriber:
    def __init__(self, *, credentials_file: str, api_base: str) -> None:
        self.credentials_file = credentials_file
        self.api_base = api_base.rstrip("/")
        self._token: str | None = None
        self._token_expires = 0.0
        self._lock = asyncio.Lock()

    def _account(self) -> dict:
        if not self.credentials_file:
            raise TranscriptionUnavailableError("GOOGLE_APPLICATION_CREDENTIALS is not set")
        try:
            account = json.loads(Path(self.credentials_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise TranscriptionUnavailableError(f"cannot read the Google credentials file: {error}") from error
        missing = [k for k in ("client_email", "private_key", "token_uri") if not account.get(k)]
        if missing:
            raise TranscriptionUnavailableError("the Google credentials file lacks " + ", ".join(missing))
        return account

    async def _access_token(self, client: httpx.AsyncClient) -> str:
        async with self._lock:
            if self._token and time.time() < self._token_expires - 60:
                return self._token
            account = self._account()
            issued = int(time.time())
            assertion = jwt.encode(
                {"iss": account["client_email"], "scope": SCOPE, "aud": account["token_uri"],
                 "iat": issued, "exp": issued + 3600},
                account["private_key"], algorithm="RS256",
                headers={"kid": account.get("private_key_id", "")},
            )
            response = await client.post(account["token_uri"], data={
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": assertion,
            })
            if response.status_code in (400, 401, 403):
                raise PermanentJobError(f"Google refused the service account ({response.status_code})")
            response.raise_for_status()
            body = response.json()
            self._token = body["access_token"]
            self._token_expires = time.time() + float(body.get("expires_in", 3600))
            return self._token

    async def transcribe(self, audio: Path, *, language: str) -> str:
        sample_rate = MP3(audio).info.sample_rate
        request = {
            "config": {
                "encoding": "MP3",
                "sampleRateHertz": sample_rate,
                "languageCode": language,
                "audioChannelCount": 1,
                "enableAutomaticPunctuation": True,
            },
            "audio": {"content": base64.b64encode(audio.read_bytes()).decode("ascii")},
        }
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            token = await self._access_token(client)
            response = await client.post(
                f"{self.api_base}/v1p1beta1/speech:recognize", json=request,
                headers={"Authorization": f"Bearer {token}"},
            )
        if response.status_code == 401:
            self._token = None  # revoked early: the retry fetches a new one
        if response.status_code in (400, 403, 404):
            raise PermanentJobError(f"Google Speech refused the request ({response.status_code}): "
                                    f"{response.text[:200]}")
        response.raise_for_status()
        results = response.json().get("results", [])
        return " ".join(
            r["alternatives"][0]["transcript"].strip() for r in results if r.get("alternatives")
        ).strip()
