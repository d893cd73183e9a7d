"""Google Cloud Speech-to-Text over REST, authenticated as the service account in
`GOOGLE_APPLICATION_CREDENTIALS` (the shared JWT bearer grant: server/google_auth.py).

Only the two documented calls are made: the token exchange at the account's `token_uri`
and `speech:recognize` (v1p1beta1, the version that takes MP3 directly).
"""

from __future__ import annotations

import base64
from pathlib import Path

import httpx
from mutagen.mp3 import MP3

from server.google_auth import GoogleAuthRefusedError, GoogleCredentialsError, ServiceAccountTokens
from server.jobs.errors import PermanentJobError
from server.transcription.base import TranscriptionUnavailableError

TIMEOUT = httpx.Timeout(60.0, connect=10.0)


class GoogleTranscriber:
    def __init__(self, *, credentials_file: str, api_base: str) -> None:
        self.api_base = api_base.rstrip("/")
        self._tokens = ServiceAccountTokens(credentials_file=credentials_file)

    async def _access_token(self, client: httpx.AsyncClient) -> str:
        try:
            return await self._tokens.get(client)
        except GoogleCredentialsError as error:
            raise TranscriptionUnavailableError(str(error)) from None
        except GoogleAuthRefusedError as error:
            raise PermanentJobError(str(error)) from None

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
            self._tokens.forget()  # revoked early: the retry fetches a new one
        if response.status_code in (400, 403, 404):
            raise PermanentJobError(f"Google Speech refused the request ({response.status_code}): "
                                    f"{response.text[:200]}")
        response.raise_for_status()
        results = response.json().get("results", [])
        return " ".join(
            r["alternatives"][0]["transcript"].strip() for r in results if r.get("alternatives")
        ).strip()
