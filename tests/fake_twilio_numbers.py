"""A local stand-in for Twilio's IncomingPhoneNumbers API, over real HTTP.

`GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json?PhoneNumber=...` lists the
account's numbers matching the filter (Twilio matches partial numbers, so an exact match is the
caller's job) in Twilio's page JSON; `POST .../IncomingPhoneNumbers/{PN...}.json` updates the
number's fields from the form (an empty value clears one) and answers its JSON. Both check the
account's basic auth and answer errors as Twilio does (`{"code", "message", "more_info",
"status"}`). `updates` keeps each accepted form; `fail_with` (status, code) fails the next
updates, `fail_lookups_with` the next lists. Stricter than Twilio in one way: a parameter it
does not know is a 400, so a typo in our form cannot pass unseen.
"""

from __future__ import annotations

import json
import threading
from urllib.parse import parse_qs, urlsplit

from tests.fake_twilio_messages import FakeTwilioMessages

# Twilio's form parameters for an update, and the JSON field each sets.
PARAMETERS = {
    "FriendlyName": "friendly_name", "VoiceUrl": "voice_url", "VoiceMethod": "voice_method",
    "VoiceFallbackUrl": "voice_fallback_url", "VoiceFallbackMethod": "voice_fallback_method",
    "VoiceApplicationSid": "voice_application_sid", "TrunkSid": "trunk_sid",
    "StatusCallback": "status_callback", "StatusCallbackMethod": "status_callback_method",
    "SmsUrl": "sms_url", "SmsMethod": "sms_method", "SmsFallbackUrl": "sms_fallback_url",
    "SmsFallbackMethod": "sms_fallback_method", "SmsApplicationSid": "sms_application_sid",
}
SIDS = {"voice_application_sid", "trunk_sid", "sms_application_sid"}  # cleared to null; URLs to ""
METHOD_FIELDS = {"voice_method", "voice_fallback_method", "status_callback_method", "sms_method", "sms_fallback_method"}


def number_json(account_sid: str, sid: str, phone_number: str, **fields) -> dict:
    """An IncomingPhoneNumber as Twilio's JSON shows it, with `fields` over its defaults."""
    return {
        "account_sid": account_sid, "address_requirements": "none", "address_sid": None, "api_version": "2010-04-01",
        "beta": False, "bundle_sid": None, "capabilities": {"voice": True, "sms": True, "mms": False, "fax": False},
        "date_created": "Thu, 30 Jul 2026 20:12:31 +0000", "date_updated": "Thu, 30 Jul 2026 20:12:33 +0000",
        "emergency_address_sid": None, "emergency_status": "Inactive", "friendly_name": phone_number,
        "identity_sid": None, "origin": "twilio", "phone_number": phone_number, "sid": sid, "status": "in-use",
        "sms_application_sid": "", "sms_fallback_method": "POST", "sms_fallback_url": "", "sms_method": "POST",
        "sms_url": "", "status_callback": "", "status_callback_method": "POST", "trunk_sid": None,
        "uri": f"/2010-04-01/Accounts/{account_sid}/IncomingPhoneNumbers/{sid}.json", "voice_application_sid": None,
        "voice_caller_id_lookup": False, "voice_fallback_method": "POST", "voice_fallback_url": None,
        "voice_method": "POST", "voice_receive_mode": "voice", "voice_url": None, **fields,
    }


class FakeTwilioNumbers(FakeTwilioMessages):
    def __init__(self, *, account_sid: str, auth_token: str) -> None:
        super().__init__(account_sid=account_sid, auth_token=auth_token)
        self.numbers: dict[str, dict] = {}  # by sid
        self.updates: list[tuple[str, dict[str, list[str]]]] = []  # (sid, form) of every accepted update
        self.fail_lookups_with: list[tuple[int, int]] = []

    def add(self, phone_number: str, **fields) -> str:
        sid = f"PN{len(self.numbers) + 1:032x}"
        self.numbers[sid] = number_json(self.account_sid, sid, phone_number, **fields)
        return sid

    @property
    def _prefix(self) -> str:
        return f"/2010-04-01/Accounts/{self.account_sid}/IncomingPhoneNumbers"

    def _error(self, handler, status: int, code: int, message: str) -> None:
        self.reply(handler, status, json.dumps({"code": code, "message": message, "status": status,
                                                "more_info": f"https://www.twilio.com/docs/errors/{code}"}).encode())

    def _failed(self, handler, failures: list[tuple[int, int]]) -> bool:
        with self.lock:
            failure = failures.pop(0) if failures else None
        if failure:
            self._error(handler, failure[0], failure[1], f"error {failure[1]} for {self.account_sid}")
        return failure is not None

    def handle_get(self, handler) -> None:
        if not self._authorized(handler) or self._failed(handler, self.fail_lookups_with):
            return
        url = urlsplit(handler.path)
        if url.path != self._prefix + ".json":
            self._error(handler, 404, 20404, f"The requested resource {url.path} was not found")
            return
        wanted = parse_qs(url.query).get("PhoneNumber", [""])[0]
        with self.lock:
            listed = [dict(n) for n in self.numbers.values() if wanted in n["phone_number"]]
        self.reply(handler, 200, json.dumps({
            "first_page_uri": f"{self._prefix}.json?PageSize=50&Page=0", "end": max(len(listed) - 1, 0),
            "incoming_phone_numbers": listed, "next_page_uri": None, "page": 0, "page_size": 50,
            "previous_page_uri": None, "start": 0, "uri": f"{self._prefix}.json?PageSize=50&Page=0",
        }).encode())

    def handle_post(self, handler, body: bytes) -> None:
        if not self._authorized(handler) or self._failed(handler, self.fail_with):
            return
        sid = handler.path.removeprefix(self._prefix + "/").removesuffix(".json")
        form = parse_qs(body.decode(), keep_blank_values=True)
        with self.lock:
            number = self.numbers.get(sid) if handler.path == f"{self._prefix}/{sid}.json" else None
            if number is None:
                self._error(handler, 404, 20404, f"The requested resource {handler.path} was not found")
                return
            unknown = sorted(set(form) - set(PARAMETERS))
            if unknown:
                self._error(handler, 400, 21201, f"unknown parameter {unknown[0]} (the fake is strict)")
                return
            for name, values in form.items():
                field, value = PARAMETERS[name], values[-1]
                if field in METHOD_FIELDS and value.upper() not in ("GET", "POST"):
                    self._error(handler, 400, 21205, f"{name} must be GET or POST")
                    return
                number[field] = (None if field in SIDS else "") if value == "" else value
            number["date_updated"] = "Thu, 30 Jul 2026 21:00:00 +0000"
            self.updates.append((sid, form))
            answer = dict(number)
        self.reply(handler, 200, json.dumps(answer).encode())


def stale(fake: FakeTwilioNumbers, phone_number: str) -> str:
    """The number as the brief found it: the voice URL on an old host, by GET, a fallback to a
    dead domain, a TwiML App overriding the URLs, no status callback, Twilio's demo SMS URL."""
    return fake.add(phone_number, voice_url="https://old-crm.example.net/webhook/incoming_call", voice_method="GET",
                    voice_fallback_url="https://crm.dead-domain.example/fallback",
                    voice_application_sid="AP" + "a" * 32, sms_url="https://demo.twilio.com/welcome/sms/reply")


if __name__ == "__main__":
    # `python -m tests.fake_twilio_numbers ACCOUNT_SID AUTH_TOKEN +972...`: serve that number,
    # stale, until killed (for running `twilio-configure` by hand); prints the base URL first.
    import sys

    with FakeTwilioNumbers(account_sid=sys.argv[1], auth_token=sys.argv[2]) as fake:
        stale(fake, sys.argv[3])
        print(fake.base_url, flush=True)
        threading.Event().wait()
