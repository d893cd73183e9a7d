"""Google Cloud Text-to-Speech over REST (`v1/text:synthesize`), as the service account in
`GOOGLE_APPLICATION_CREDENTIALS` (the shared JWT grant: server/google_auth.py)."""

from __future__ import annotations

import base64
import binascii
import logging

import httpx

from server.google_auth import GoogleAuthRefusedError, GoogleCredentialsError, ServiceAccountTokens
from server.greetings.base import SpeechFailedError

log = logging.getLogger("agentlocator.greetings")
# An admin waits on this (the preview, the install): a stalled Google is a clear error in
# seconds, not a request that hangs.
TIMEOUT = httpx.Timeout(20.0, connect=5.0)


class GoogleSpeech:
    name = "google"

    def __init__(self, *, credentials_file: str, api_base: str, voice: str) -> None:
        self.api_base = api_base.rstrip("/")
        self.voice = voice
        self._tokens = ServiceAccountTokens(credentials_file=credentials_file)

    def request_body(self, text: str) -> dict:
        return {
            "input": {"text": text},
            "voice": {"languageCode": "he-IL", "name": self.voice},
            # Google's MP3 is 32 kbps at the voice's own rate; the telephony profile is the
            # one Google documents for IVR, tuned for what a phone line carries. No
            # sampleRateHertz: Twilio transcodes to 8 kHz itself, and a rate the MP3 encoder
            # does not take is an INVALID_ARGUMENT.
            "audioConfig": {"audioEncoding": "MP3", "effectsProfileId": ["telephony-class-application"]},
        }

    async def synthesize(self, text: str) -> bytes:
        try:
            async with httpx.AsyncClient(timeout=TIMEOUT) as client:
                token = await self._tokens.get(client)
                response = await client.post(f"{self.api_base}/v1/text:synthesize", json=self.request_body(text),
                                             headers={"Authorization": f"Bearer {token}"})
        except (GoogleCredentialsError, GoogleAuthRefusedError) as error:
            raise SpeechFailedError(f"Google Text-to-Speech: {error}") from None
        except httpx.HTTPError as error:
            log.warning("Google Text-to-Speech unreachable: %s", type(error).__name__)
            raise SpeechFailedError("Google Text-to-Speech could not be reached; try again shortly") from None
        if response.status_code == 401:
            self._tokens.forget()  # revoked early: the next try fetches a new token
        if response.status_code != 200:
            # Google's own status name (INVALID_ARGUMENT, PERMISSION_DENIED...) helps the admin;
            # its message may quote the request, so it goes to the log only.
            log.warning("Google Text-to-Speech answered %s: %s", response.status_code, response.text[:300])
            raise SpeechFailedError(f"Google Text-to-Speech refused the request ({response.status_code}"
                                    f"{_status_name(response)})")
        try:
            return base64.b64decode(response.json()["audioContent"], validate=True)
        except (ValueError, KeyError, TypeError, binascii.Error):
            raise SpeechFailedError("Google Text-to-Speech answered without audio") from None


def _status_name(response: httpx.Response) -> str:
    try:
        status = response.json()["error"]["status"]
    except (ValueError, KeyError, TypeError):
        return ""
    return f" {status}" if isinstance(status, str) and status.isupper() and len(status) < 40 else ""
