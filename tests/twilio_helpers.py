"""Requests signed as Twilio signs them, with twilio's own RequestValidator."""

from __future__ import annotations

from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE


def sign(url: str, params: dict, token: str = AUTH_TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, params)


def call_params(call_sid: str, **extra) -> dict:
    params = {
        "AccountSid": ACCOUNT_SID, "CallSid": call_sid, "From": "+972541234567",
        "To": BUSINESS_PHONE, "Called": BUSINESS_PHONE, "Caller": "+972541234567",
        "CallStatus": "ringing", "Direction": "inbound", "ApiVersion": "2010-04-01",
    }
    params.update(extra)
    return params


def signed_form(base_url: str, path: str, params: dict, *, query: str = "") -> tuple[str, bytes, dict]:
    """(path with query, body, headers) for a request Twilio would send to base_url + path."""
    full_path = path + (f"?{query}" if query else "")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": sign(base_url + full_path, params),
    }
    return full_path, urlencode(params).encode(), headers
