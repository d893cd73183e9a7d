"""The Tax Authority's invoices API (חשבוניות ישראל), in one place: the base URL
(`TAX_AUTHORITY_API_BASE`; tests point it at tests/fake_tax_authority.py), the OAuth2
refresh-token grant, the Approval request that gives an allocation number (מספר הקצאה), the
timeouts, and what its answers mean.

Every call ends in an `Answer` (approved with its number, or refused with the Authority's own
message) or in one of two errors, which the allocation job turns into the invoice's state:

- `TaxAuthorityUnavailableError`: no answer (connect error, timeout), a 429 or 5xx, a redirect, or
  an answer that is not the Authority's JSON; the same request may well succeed later (a
  `TransientJobError`, so the job queue retries it with its backoff).
- `TaxAuthorityUnauthorizedError`: the token endpoint refused our client or refresh token, or the
  Approval endpoint refused our access token twice; only new credentials can mend it.

Neither error, nor any log line here, carries a credential, a token or the request body.

Requests go only to the configured base (no redirect is followed: httpx's default), through
server/outbound.py, whose check lets the base's own host through whatever it resolves to and
holds any other host to public addresses.

What public documents do not settle is kept here and marked UNCONFIRMED, so that it changes
in one place once the Authority's specification (or its sandbox) says otherwise.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import httpx

from server import outbound, runtime
from server.jobs.errors import TransientJobError

log = logging.getLogger("agentlocator.tax_authority")

TIMEOUT = httpx.Timeout(20.0, connect=5.0)
TOKEN_PATH = "/longtimetoken/oauth2/token"
APPROVAL_PATH = "/Invoices/v1/Approval"
# UNCONFIRMED: the scope. The Authority's authorize URL, as public examples of it show, passes
# the literal `scope=scope`; the token grant is assumed to take the same.
SCOPE = "scope"
# The access token lives about 10 minutes (public notes on the sandbox); kept until shortly before.
ACCESS_TOKEN_SECONDS = 600
ACCESS_TOKEN_MARGIN = 60
TAX_INVOICE = 305  # חשבונית מס
MESSAGE_LIMIT = 500
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Credentials:
    client_id: str
    client_secret: str = field(repr=False)
    refresh_token: str = field(repr=False)


@dataclass(frozen=True)
class Answer:
    approved: bool
    number: str | None  # the allocation number, when approved
    message: str  # the Authority's own message (Hebrew, as it gives it)


class TaxAuthorityUnavailableError(TransientJobError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"the Tax Authority is unavailable ({reason})")
        self.reason = reason


class TaxAuthorityUnauthorizedError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(f"the Tax Authority refused our credentials ({reason})")
        self.reason = reason


# ---------------------------------------------------------------- the request body


def _amount(value) -> float:
    # JSON numbers with two decimals; a two-decimal Decimal converts to the float that prints the same.
    return float(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


def _digits(value: str) -> int:
    return int("".join(ch for ch in value if ch.isdigit()) or 0)


def approval_body(*, invoice, business, software_number: str, invoice_date: date, issuance_date: date) -> dict:
    """The v1 Approval fields for one tax invoice (`invoice`, `business`: the models).

    UNCONFIRMED, each kept here:
    - Invoice_ID is the printed invoice number (the public v1 sample sends a string), and
      Invoice_Reference_Number repeats it: its use for a plain tax invoice is not documented.
    - Accounting_Software_Number: the registered software's number (TAX_AUTHORITY_SOFTWARE_NUMBER);
      without one, the issuer's own VAT number, as a public integration notes the spec allows.
    - Union_Vat_Number 0 (no VAT group), Branch_ID and Client_Software_Key "" (no branches,
      no per-install key), Action 0 (a new invoice), Discount 0 (we give no discounts).
    - Items' Category 0 and Catalog_ID "": the meaning of Category is not published.
    - Invoice_Note is cut to 200 characters (the field's limit is not published).
    - A line's VAT_Amount is its total × the rate rounded half up, so the lines' VAT may differ
      from the invoice's by an agora of rounding.
    """
    vat_number = _digits(business.tax_id)
    rate = Decimal(invoice.vat_rate)
    items = []
    for index, line in enumerate(invoice.lines, start=1):
        total = Decimal(line.get("total") or Decimal(line["quantity"]) * Decimal(line["unit_price"]))
        items.append({
            "Index": index,
            "Catalog_ID": "",
            "Category": 0,
            "Description": str(line["description"])[:300],
            "Measure_Unit_Description": "יחידה",
            "Quantity": float(Decimal(line["quantity"])),
            "Price_Per_Unit": _amount(line["unit_price"]),
            "Discount": 0,
            "Total_Amount": _amount(total),
            "VAT_Rate": float(rate),
            "VAT_Amount": _amount(total * rate / 100),
        })
    return {
        "Invoice_ID": str(invoice.number),
        "Invoice_Type": TAX_INVOICE,
        "Vat_Number": vat_number,
        "Union_Vat_Number": 0,
        "Invoice_Reference_Number": str(invoice.number),
        "Customer_VAT_Number": _digits(invoice.buyer_tax_id),
        "Customer_Name": invoice.buyer_name[:200],
        "Invoice_Date": invoice_date.isoformat(),
        "Invoice_Issuance_Date": issuance_date.isoformat(),
        "Branch_ID": "",
        "Accounting_Software_Number": _digits(software_number) if software_number else vat_number,
        "Client_Software_Key": "",
        "Amount_Before_Discount": _amount(invoice.subtotal),
        "Discount": 0,
        "Payment_Amount": _amount(invoice.subtotal),
        "VAT_Amount": _amount(invoice.vat),
        "Payment_Amount_Including_VAT": _amount(invoice.total),
        "Invoice_Note": (invoice.notes or "")[:200],
        "Action": 0,
        "Items": items,
    }


# ---------------------------------------------------------------- tokens

class AccessTokens:
    """A runtime's access tokens by (base, client id, hash of the refresh token), with when they
    stop being used; one lock per key, so parallel jobs of one business make one grant (a
    rotating refresh token used twice at once would be refused the second time)."""

    def __init__(self) -> None:
        self.tokens: dict[tuple[str, str, str], tuple[str, float]] = {}
        self.locks: dict[tuple[str, str, str], asyncio.Lock] = {}


def _cache() -> AccessTokens:
    return runtime.current().keep(AccessTokens, AccessTokens)


def _key(base: str, credentials: Credentials) -> tuple[str, str, str]:
    return base, credentials.client_id, hashlib.sha256(credentials.refresh_token.encode()).hexdigest()


def _base(api_base: str) -> str:
    return api_base.rstrip("/")


def _client(base: str) -> httpx.AsyncClient:
    return outbound.client(trusted_hosts=[outbound.host_of(base)], timeout=TIMEOUT, follow_redirects=False)


async def _grant(http: httpx.AsyncClient, base: str, credentials: Credentials) -> tuple[str, str | None, int]:
    """(access token, the refresh token it answered with or None, its lifetime in seconds)."""
    form = {"grant_type": "refresh_token", "refresh_token": credentials.refresh_token,
            "client_id": credentials.client_id, "client_secret": credentials.client_secret, "scope": SCOPE}
    try:
        response = await http.post(base + TOKEN_PATH, data=form, headers={"Accept": "application/json"})
    except httpx.HTTPError as error:
        # The exception's text may name the URL; keep only its kind (no form, no token).
        raise TaxAuthorityUnavailableError(f"token: {type(error).__name__}") from None
    status = response.status_code
    if status in (400, 401, 403):
        # OAuth2's invalid_grant / invalid_client (RFC 6749 §5.2): the refresh token expired or
        # was revoked, or the client id and secret are wrong.
        raise TaxAuthorityUnauthorizedError(f"token endpoint answered HTTP {status}")
    if not 200 <= status < 300:
        raise TaxAuthorityUnavailableError(f"token endpoint answered HTTP {status}")
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if not isinstance(answer, dict) or not isinstance(answer.get("access_token"), str) or not answer["access_token"]:
        raise TaxAuthorityUnavailableError("a token answer without an access token")
    rotated = answer.get("refresh_token")
    lifetime = answer.get("expires_in")
    lifetime = lifetime if isinstance(lifetime, int) and not isinstance(lifetime, bool) and lifetime > 0 \
        else ACCESS_TOKEN_SECONDS
    return answer["access_token"], rotated if isinstance(rotated, str) and rotated else None, lifetime


async def _access_token(http: httpx.AsyncClient, base: str, credentials: Credentials, *,
                        on_rotated: Callable[[str], Awaitable[None]], fresh: bool = False) -> str:
    key, cache = _key(base, credentials), _cache()
    async with cache.locks.setdefault(key, asyncio.Lock()):
        cached = cache.tokens.get(key)
        if cached and not fresh and cached[1] > time.monotonic():
            return cached[0]
        token, rotated, lifetime = await _grant(http, base, credentials)
        until = time.monotonic() + max(lifetime - ACCESS_TOKEN_MARGIN, 1)
        cache.tokens[key] = (token, until)
        # UNCONFIRMED: whether the Authority rotates the refresh token on each grant. If it
        # answers with a new one, the old one may be dead already: store it back at once.
        if rotated and rotated != credentials.refresh_token:
            log.info("the Tax Authority rotated the refresh token; storing the new one")
            await on_rotated(rotated)
            rotated_key = _key(base, Credentials(credentials.client_id, credentials.client_secret, rotated))
            cache.tokens[rotated_key] = (token, until)
        return token


def forget_tokens() -> None:
    """Drop the runtime's cached access tokens (credentials saved or removed; tests). Outside
    any runtime nothing is cached, so there is nothing to drop."""
    try:
        cache = _cache()
    except RuntimeError:
        return
    cache.tokens.clear()


# ---------------------------------------------------------------- the Approval request


async def _no_rotation(_token: str) -> None:
    return None


async def request_allocation(*, api_base: str, credentials: Credentials, body: dict,
                             on_rotated: Callable[[str], Awaitable[None]] = _no_rotation) -> Answer:
    """Ask for the allocation number of the invoice in `body` (see `approval_body`).

    `on_rotated(new_refresh_token)` is awaited when the token endpoint answers with a new
    refresh token, before the Approval request is made.
    """
    base = _base(api_base)
    async with _client(base) as http:
        token = await _access_token(http, base, credentials, on_rotated=on_rotated)
        response = await _approval(http, base, token, body)
        if response.status_code in (401, 403):
            # A cached token the Authority no longer honours: one fresh grant, one more try.
            token = await _access_token(http, base, credentials, on_rotated=on_rotated, fresh=True)
            response = await _approval(http, base, token, body)
            if response.status_code in (401, 403):
                raise TaxAuthorityUnauthorizedError(f"Approval answered HTTP {response.status_code}")
    return _answer(response)


async def _approval(http: httpx.AsyncClient, base: str, token: str, body: dict) -> httpx.Response:
    try:
        return await http.post(base + APPROVAL_PATH, json=body,
                               headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    except httpx.HTTPError as error:
        raise TaxAuthorityUnavailableError(f"Approval: {type(error).__name__}") from None


def _answer(response: httpx.Response) -> Answer:
    """`{"Status", "Message", "Confirmation_Number", "Approved"}` as an Answer.

    UNCONFIRMED: the HTTP status of a refusal. Public samples show the refusal in the body
    (`"Approved": false` with a Message); whether it comes with 200 or a 4xx is not settled,
    so both are read as a refusal. A 4xx without that body is a refusal too (the request was
    rejected: sending it again unchanged cannot help), with our own Hebrew words.
    """
    status = response.status_code
    if status == 429 or status >= 500 or 300 <= status < 400:
        raise TaxAuthorityUnavailableError(f"Approval answered HTTP {status}")
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        if 400 <= status < 500:
            return Answer(approved=False, number=None, message=f"רשות המסים דחתה את הבקשה (HTTP {status})")
        raise TaxAuthorityUnavailableError("an Approval answer that is not the Authority's JSON")
    message = answer.get("Message")
    message = message.strip()[:MESSAGE_LIMIT] if isinstance(message, str) else ""
    number = answer.get("Confirmation_Number")
    number = str(number).strip() if isinstance(number, str | int) and not isinstance(number, bool) else ""
    if answer.get("Approved") is True and number and 200 <= status < 300:
        return Answer(approved=True, number=number[:32], message=message)
    if answer.get("Approved") is False or 400 <= status < 500:
        return Answer(approved=False, number=None, message=message or "רשות המסים סירבה להקצות מספר לחשבונית")
    # A 2xx that neither approves with a number nor refuses: not an answer we can act on.
    raise TaxAuthorityUnavailableError("an Approval answer without a decision")
