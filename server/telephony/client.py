"""Twilio's REST API, in one place: the base URLs (`TWILIO_API_BASE`, and
`TWILIO_CONTENT_API_BASE` for the Content API's templates; tests point them at a local fake),
the account's basic auth, the timeouts, and what Twilio's answers and errors look like.

Every request ends in Twilio's JSON or in one of two errors, and the caller decides what each
means for it (a 502 for an agent's call, a failed message or a retry for a job):

- `TwilioRefusedError`: Twilio answered a 4xx (but 429); sending the same again cannot help.
  `code` is Twilio's error code (21211, 63016, ...) when its answer carried one.
- `TwilioUnavailableError`: no answer (a network failure, a timeout), a 429, a 5xx, or an
  answer that is not Twilio's; the same request may well succeed later.

Neither error carries a credential or Twilio's own text, which can name the account (its SID is
in every URL): only the HTTP status, Twilio's numeric code, and the kind of network failure.

Why httpx and not `twilio.rest.Client`: the REST client's base URL is a fixed attribute of each
domain (`https://api.twilio.com`, rewritten only for Twilio's own edges and regions), so it
cannot target `TWILIO_API_BASE` without patching internals, and its async transport would add
aiohttp beside httpx. Each endpoint used here is one documented form POST or GET.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import httpx

from server import outbound
from server.config import Settings
from server.jobs.errors import PermanentJobError

MEDIA_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
API_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
API_VERSION = "2010-04-01"


class TwilioError(Exception):
    """Twilio did not do what was asked; its message is safe to log."""


class TwilioRefusedError(TwilioError):
    def __init__(self, *, status: int, code: int | None) -> None:
        error = f", error {code}" if code is not None else ""
        super().__init__(f"Twilio refused the request (HTTP {status}{error})")
        self.status, self.code = status, code


class TwilioUnavailableError(TwilioError):
    def __init__(self, reason: str, *, status: int | None = None) -> None:
        super().__init__(f"Twilio is unavailable ({reason})")
        self.status, self.reason = status, reason


def _account_url(settings: Settings, resource: str) -> str:
    return f"{settings.twilio_api_base.rstrip('/')}/{API_VERSION}/Accounts/{settings.twilio_account_sid}/{resource}"


def _auth(settings: Settings) -> tuple[str, str]:
    return settings.twilio_account_sid, settings.twilio_auth_token


def _network_failure(error: httpx.HTTPError) -> TwilioUnavailableError:
    # The exception's own text names the URL, and with it the account SID: keep only its kind.
    return TwilioUnavailableError(type(error).__name__)


def _raise_for_status(response: httpx.Response) -> None:
    status = response.status_code
    if 400 <= status < 500 and status != 429:
        raise TwilioRefusedError(status=status, code=_error_code(response))
    if not 200 <= status < 300:
        raise TwilioUnavailableError(f"HTTP {status}", status=status)


def _error_code(response: httpx.Response) -> int | None:
    """Twilio's error code from its error JSON (`{"code", "message", "more_info", "status"}`)."""
    try:
        code = response.json().get("code")
    except (ValueError, AttributeError):
        return None
    return code if isinstance(code, int) and not isinstance(code, bool) else None


async def _json(settings: Settings, method: str, resource: str, *, form: dict | None = None,
                params: dict | None = None, with_sid: bool = False) -> dict:
    """One request on one of the account's resources; Twilio's JSON object of the answer (with
    `with_sid`, the resource itself: its sid)."""
    return await _request_json(settings, method, _account_url(settings, resource), form=form, params=params,
                               with_sid=with_sid)


async def _request_json(settings: Settings, method: str, url: str, *, form: dict | None = None,
                        params: dict | None = None, with_sid: bool = False) -> dict:
    try:
        async with httpx.AsyncClient(auth=_auth(settings), timeout=API_TIMEOUT) as client:
            response = await client.request(method, url, data=form, params=params)
    except httpx.HTTPError as error:
        raise _network_failure(error) from None
    _raise_for_status(response)
    try:
        answer = response.json()
    except ValueError:
        answer = None
    # A 2xx that is not Twilio's JSON (or, for a resource, has no sid) came from something
    # between us and Twilio (a proxy's page), not from Twilio.
    if not isinstance(answer, dict):
        raise TwilioUnavailableError("an answer that is not Twilio's JSON", status=response.status_code)
    if with_sid and (not isinstance(answer.get("sid"), str) or not answer["sid"]):
        raise TwilioUnavailableError("an answer without a sid", status=response.status_code)
    return answer


async def account_get(*, settings: Settings, resource: str, params: dict | None = None) -> dict:
    """GET one of the account's resources (a list: `IncomingPhoneNumbers.json?PhoneNumber=...`)."""
    return await _json(settings, "GET", resource, params=params)


async def account_post(*, settings: Settings, resource: str, form: dict) -> dict:
    """POST a form that creates or updates one of the account's resources; Twilio's JSON of
    it, with its sid."""
    return await _json(settings, "POST", resource, form=form, with_sid=True)


# Twilio's own page size limit for the Content API is 1000; a page this size keeps each answer
# small, and MAX_CONTENT_PAGES bounds a list whose next page never ends (a broken proxy).
CONTENT_PAGE_SIZE = 100
MAX_CONTENT_PAGES = 50


async def content_list(*, settings: Settings, resource: str) -> list[dict]:
    """Every item of a Content API list (`ContentAndApprovals`, ...) on
    `TWILIO_CONTENT_API_BASE`, following `meta.next_page_url` page by page.

    A next page off that origin is not followed (our credentials would go with it): it is
    Twilio's answer gone wrong, reported like an outage.
    """
    base = settings.twilio_content_api_base.rstrip("/")
    url, params = f"{base}/v1/{resource}", {"PageSize": CONTENT_PAGE_SIZE}
    items: list[dict] = []
    for _ in range(MAX_CONTENT_PAGES):
        page = await _request_json(settings, "GET", url, params=params)
        meta = page.get("meta") if isinstance(page.get("meta"), dict) else {}
        found = page.get(meta.get("key") or "contents")
        if not isinstance(found, list):
            raise TwilioUnavailableError("a Content API page without its list")
        items.extend(item for item in found if isinstance(item, dict))
        url, params = meta.get("next_page_url"), None
        if not url:
            return items
        if not isinstance(url, str) or _origin(url) != _origin(base):
            raise TwilioUnavailableError("a next page off the Content API host")
    raise TwilioUnavailableError(f"more than {MAX_CONTENT_PAGES} Content API pages")


async def send_message(*, settings: Settings, to: str, from_: str, status_callback: str, body: str | None = None,
                       content_sid: str | None = None, content_variables: dict | None = None) -> dict:
    """Create a message (Messages API): a `body`, or a template (`content_sid` with its
    variables, which WhatsApp needs outside its 24-hour window). Twilio's JSON (sid, status...)."""
    form = {"To": to, "From": from_, "StatusCallback": status_callback}
    if content_sid:
        form["ContentSid"] = content_sid
        if content_variables:
            form["ContentVariables"] = json.dumps(content_variables, ensure_ascii=False)
    else:
        form["Body"] = body or ""
    return await account_post(settings=settings, resource="Messages.json", form=form)


async def create_call(*, settings: Settings, to: str, from_: str, url: str, status_callback: str,
                      status_events: Iterable[str]) -> dict:
    """Create a call (Calls API): Twilio rings `to` and, once answered, asks `url` for TwiML;
    both webhooks by POST, the status callback once per event. Twilio's JSON (sid, status...)."""
    form = {"To": to, "From": from_, "Url": url, "Method": "POST", "StatusCallback": status_callback,
            "StatusCallbackMethod": "POST", "StatusCallbackEvent": list(status_events)}
    return await account_post(settings=settings, resource="Calls.json", form=form)


# Where a media download may be redirected (https only): Twilio's own hosts, and the two its
# documentation names for media. Messaging media redirects to a short-lived URL on
# mms.twiliocdn.com when "Enforce HTTP Auth on Media URLs" is on, and to
# s3-external-1.amazonaws.com for media stored while it was off. Our credentials never
# follow a hop to another origin (httpx drops Authorization there), and each hop's address is
# checked again by server/outbound.py.
TWILIO_MEDIA_DOMAINS = ("twilio.com", "twiliocdn.com")
TWILIO_LEGACY_MEDIA_HOSTS = frozenset({"s3-external-1.amazonaws.com"})
MAX_MEDIA_REDIRECTS = 3
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: str | httpx.URL) -> tuple[str, str, int | None]:
    try:
        parts = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return "", "", None
    return parts.scheme, parts.host.rstrip(".").lower(), parts.port or _DEFAULT_PORTS.get(parts.scheme)


def checked_media_url(url: str, settings: Settings) -> str:
    """The URL to fetch, only if it is on Twilio's API host: our credentials go with the
    request, so a forged RecordingUrl must not make us send them (or anything) elsewhere."""
    origin = _origin(url)
    if not origin[1] or origin != _origin(settings.twilio_api_base) or httpx.URL(url).userinfo:
        raise PermanentJobError("recording URL is not on the Twilio API host; refused to fetch it")
    return url


def media_hop_allowed(url: str | httpx.URL, settings: Settings) -> bool:
    """May a media download go to `url`: the configured API origin itself, or one of Twilio's
    media hosts over https."""
    origin = scheme, host, _port = _origin(url)
    if host and origin == _origin(settings.twilio_api_base):
        return True
    twilio = any(host == domain or host.endswith("." + domain) for domain in TWILIO_MEDIA_DOMAINS)
    return scheme == "https" and (twilio or host in TWILIO_LEGACY_MEDIA_HOSTS)


def _media_client(settings: Settings) -> httpx.AsyncClient:
    """Redirects are followed hop by hop, each checked before it is requested (a request event
    hook runs before every hop is sent), so nothing at all goes to a host off the list."""
    async def check_hop(request: httpx.Request) -> None:
        if not media_hop_allowed(request.url, settings):
            raise PermanentJobError(f"media was redirected off Twilio's hosts (to {request.url.host[:100]!r}); "
                                    "not followed")

    # TWILIO_API_BASE is the operator's: its host is trusted whatever it resolves to (tests and
    # development point it at a fake on 127.0.0.1); every other host must be public.
    return outbound.client(trusted_hosts=[outbound.host_of(settings.twilio_api_base)], auth=_auth(settings),
                           timeout=MEDIA_TIMEOUT, follow_redirects=True, max_redirects=MAX_MEDIA_REDIRECTS,
                           event_hooks={"request": [check_hop]})


async def download_media(*, url: str, dest: Path, settings: Settings, max_bytes: int | None = None,
                         content_types: frozenset[str] | None = None) -> int:
    """Stream a Twilio media file to `dest` (written whole or not at all); returns its size.

    Jobs call this, so what no retry can mend is a PermanentJobError: a URL off Twilio's API
    host or a redirect off Twilio's media hosts (nothing is requested there), a host that
    resolves to a private address, our credentials refused, and, with `max_bytes` /
    `content_types`, a larger file or another type (nothing is kept). Any other refusal (a
    404: a recording Twilio is still writing) and any outage raise the errors above, which the
    job queue retries.
    """
    checked_media_url(url, settings)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    try:
        async with _media_client(settings) as client:
            async with client.stream("GET", url) as response:
                if response.status_code in (401, 403):
                    raise PermanentJobError(f"Twilio refused our credentials for the media ({response.status_code})")
                if response.is_error:
                    await response.aread()  # the error JSON, for its code
                _raise_for_status(response)
                size = await _save(response, partial, max_bytes=max_bytes, content_types=content_types)
    except outbound.BlockedAddressError as error:
        raise PermanentJobError(str(error)) from None
    except httpx.HTTPError as error:
        raise _network_failure(error) from None
    partial.replace(dest)
    return size


async def _save(response: httpx.Response, partial: Path, *, max_bytes: int | None,
                content_types: frozenset[str] | None) -> int:
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_types is not None and kind not in content_types:
        raise PermanentJobError(f"media type {kind or 'unknown'!r} is not accepted")
    declared = int(response.headers.get("Content-Length") or 0)
    if max_bytes is not None and declared > max_bytes:
        raise PermanentJobError(f"media of {declared} bytes is over the {max_bytes}-byte limit")
    size = 0
    try:
        with partial.open("wb") as out:
            async for chunk in response.aiter_bytes(64 * 1024):
                size += len(chunk)
                if max_bytes is not None and size > max_bytes:
                    raise PermanentJobError(f"media is over the {max_bytes}-byte limit")
                out.write(chunk)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return size
