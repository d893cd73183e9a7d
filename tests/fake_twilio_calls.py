"""A local stand-in for Twilio's Calls API, over real HTTP.

`POST /2010-04-01/Accounts/{AccountSid}/Calls.json` checks the account's basic auth and the
required parameters (To, From, and Url or Twiml), and answers like Twilio: 201 with the new
call (`status: queued`, `direction: outbound-api`), or Twilio's error JSON
(`{"code", "message", "more_info", "status"}`). `created` keeps every accepted form, each
parameter as the list of its values (StatusCallbackEvent repeats).
"""

from __future__ import annotations

import json
import threading
from urllib.parse import parse_qs

from tests.fake_twilio_messages import FakeTwilioMessages


class FakeTwilioCalls(FakeTwilioMessages):
    def __init__(self, *, account_sid: str, auth_token: str) -> None:
        super().__init__(account_sid=account_sid, auth_token=auth_token)
        self.created: list[dict[str, list[str]]] = []
        self.created_event = threading.Event()

    def handle_post(self, handler, body: bytes) -> None:
        if not self._authorized(handler):
            return
        if handler.path != f"/2010-04-01/Accounts/{self.account_sid}/Calls.json":
            self.reply(handler, 404, b'{"code": 20404, "status": 404}')
            return
        form = parse_qs(body.decode(), keep_blank_values=True)
        with self.lock:
            failure = self.fail_with.pop(0) if self.fail_with else None
            if failure:
                status, code = failure
                self.reply(handler, status, json.dumps({
                    "code": code, "message": f"error {code} for {self.account_sid}", "status": status,
                    "more_info": f"https://www.twilio.com/docs/errors/{code}"}).encode())
                return
            if not form.get("To") or not form.get("From"):
                self.reply(handler, 400, b'{"code": 21201, "message": "No \'To\' number is specified", "status": 400}')
                return
            if not form.get("Url") and not form.get("Twiml"):
                self.reply(handler, 400, b'{"code": 21205, "message": "Url parameter is required", "status": 400}')
                return
            self.created.append(form)
            sid = f"CA{len(self.created):032x}"
        self.created_event.set()
        self.reply(handler, 201, json.dumps({
            "sid": sid, "account_sid": self.account_sid, "to": form["To"][0], "from": form["From"][0],
            "status": "queued", "direction": "outbound-api", "api_version": "2010-04-01",
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Calls/{sid}.json",
        }).encode())


if __name__ == "__main__":
    # `python -m tests.fake_twilio_calls ACCOUNT_SID AUTH_TOKEN`: serve until killed, for a
    # server run by hand or by `make fuzz`; the first line printed is the base URL.
    import sys

    with FakeTwilioCalls(account_sid=sys.argv[1], auth_token=sys.argv[2]) as fake:
        print(fake.base_url, flush=True)
        threading.Event().wait()
