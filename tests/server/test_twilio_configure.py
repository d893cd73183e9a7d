"""`server.cli twilio-configure --number ... [--check]` against a local server speaking Twilio's
IncomingPhoneNumbers API (tests/fake_twilio_numbers.py): a number set up by hand the way the
brief found it (an old host, a fallback to a dead domain, a TwiML App overriding both) is
reported by --check without a single POST, mended by one POST of exactly the drifted fields,
linked to its business in the database, and then checks clean. Every refusal is one line."""

from __future__ import annotations

import base64
import socket
from urllib.parse import urlsplit

import pytest

from server.businesses.models import PhoneNumber
from server.telephony import numbers
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE
from tests.fake_twilio_numbers import FakeTwilioNumbers, number_json, stale
from tests.server import test_cli

cli = test_cli.cli  # the command line as a user runs it: main(argv) with only the environment given
HOST = "crm.example.co.il"
BASE = f"https://{HOST}"
AUTH = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()
STALE_FORM = {"VoiceUrl": [f"{BASE}/webhook/incoming_call"], "VoiceMethod": ["POST"], "VoiceFallbackUrl": [""],
              "VoiceApplicationSid": [""], "StatusCallback": [f"{BASE}/webhook/call_status"],
              "SmsUrl": [f"{BASE}/webhook/whatsapp"]}


@pytest.fixture
def twilio():
    with FakeTwilioNumbers(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


def env(fake: FakeTwilioNumbers, **overrides) -> dict:
    return {"PUBLIC_HOST": HOST, "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_API_BASE": fake.base_url, **overrides}


def configure(cli, fake, *args, **overrides):
    result = cli("twilio-configure", *args, **env(fake, **overrides))
    assert AUTH_TOKEN not in result.stdout + result.stderr
    return result


def posts(fake) -> list:
    return [request for request in fake.requests if request[0] == "POST"]


def business_with_number(cli, phone: str | None = BUSINESS_PHONE) -> int:
    made = cli("create-business", "--name", "משרד בדיקות", *(("--phone", phone) if phone else ()))
    assert made.returncode == 0, made.stderr
    return int(made.stdout)


def owner(database_url: str, e164: str) -> int | None:
    async def look():
        phone = await PhoneNumber.get_or_none(e164=e164)
        return phone.business_id if phone else None

    return test_cli.in_runtime(database_url, look)


def line(stdout: str, name: str) -> str:
    found = [text.strip() for text in stdout.splitlines() if text.strip().startswith(name + " ")]
    assert len(found) == 1, stdout
    return " ".join(found[0].split())


@pytest.mark.both_databases
def test_check_reports_every_drift_and_sends_nothing(cli, twilio):
    business_with_number(cli)
    stale(twilio, BUSINESS_PHONE)
    result = configure(cli, twilio, "--number", BUSINESS_PHONE, "--check")
    assert result.returncode == 1, result.stderr
    assert line(result.stdout, "VoiceUrl") == ("VoiceUrl https://old-crm.example.net/webhook/incoming_call → "
                                               f"{BASE}/webhook/incoming_call")
    assert line(result.stdout, "VoiceFallbackUrl") == ("VoiceFallbackUrl https://crm.dead-domain.example/fallback → "
                                                       "(empty)")
    assert line(result.stdout, "VoiceApplicationSid") == f"VoiceApplicationSid AP{'a' * 32} → (empty)"
    assert line(result.stdout, "TrunkSid") == "TrunkSid (empty) (ok)"
    assert ("drift: VoiceUrl, VoiceMethod, VoiceFallbackUrl, VoiceApplicationSid, StatusCallback, SmsUrl "
            "(run without --check to mend it)") in result.stdout.splitlines()
    assert posts(twilio) == [] and twilio.updates == []
    method, path, headers = twilio.requests[0]
    # The "+" encoded: a bare one in a query string is a space, and Twilio would find nothing.
    assert (method, urlsplit(path).query, headers["Authorization"]) == ("GET", "PhoneNumber=%2B97235550100", AUTH)


@pytest.mark.both_databases
def test_configure_sends_exactly_the_drift_then_checks_clean(cli, twilio, database_url):
    business_id = business_with_number(cli)
    sid = stale(twilio, BUSINESS_PHONE)
    twilio.add(BUSINESS_PHONE + "9")  # Twilio's filter matches partial numbers too: never this one
    result = configure(cli, twilio, "--number", "03-555-0100")  # an Israeli local form is the same number
    assert result.returncode == 0, result.stderr
    assert twilio.updates == [(sid, STALE_FORM)]
    method, path, headers = posts(twilio)[0]
    assert (path, headers["Authorization"]) == (f"/2010-04-01/Accounts/{ACCOUNT_SID}/IncomingPhoneNumbers/{sid}.json",
                                                AUTH)
    assert line(result.stdout, "VoiceMethod") == "VoiceMethod GET → POST"
    assert line(result.stdout, "SmsMethod") == "SmsMethod POST (unchanged)"
    assert line(result.stdout, "business") == f"business {business_id} (unchanged)"
    assert ("updated: VoiceUrl, VoiceMethod, VoiceFallbackUrl, VoiceApplicationSid, StatusCallback, SmsUrl"
            in result.stdout.splitlines())
    state = twilio.numbers[sid]
    assert (state["voice_url"], state["voice_fallback_url"], state["voice_application_sid"], state["status_callback"],
            state["sms_url"]) == (f"{BASE}/webhook/incoming_call", "", None, f"{BASE}/webhook/call_status",
                                  f"{BASE}/webhook/whatsapp")

    clean = configure(cli, twilio, "--number", BUSINESS_PHONE, "--check")
    assert clean.returncode == 0 and clean.stdout.splitlines()[-2] == "no drift", clean.stdout
    again = configure(cli, twilio, "--number", BUSINESS_PHONE)
    assert again.returncode == 0 and "nothing to change" in again.stdout
    assert len(twilio.updates) == 1 and owner(database_url, BUSINESS_PHONE) == business_id


@pytest.mark.both_databases
def test_an_unlinked_number_is_linked_to_the_business_named(cli, twilio, database_url):
    business_id = business_with_number(cli, phone=None)
    twilio.add(BUSINESS_PHONE, voice_url=f"{BASE}/webhook/incoming_call", status_callback=f"{BASE}/webhook/call_status",
               sms_url=f"{BASE}/webhook/whatsapp")
    check = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(business_id), "--check")
    assert check.returncode == 1 and "drift: business (run without --check to mend it)" in check.stdout
    assert line(check.stdout, "business") == f"business (not linked) → {business_id}"
    assert owner(database_url, BUSINESS_PHONE) is None  # --check changes nothing here either

    linked = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(business_id))
    assert linked.returncode == 0 and "updated: business" in linked.stdout
    assert twilio.updates == []  # Twilio's side was right already
    assert owner(database_url, BUSINESS_PHONE) == business_id
    assert configure(cli, twilio, "--number", BUSINESS_PHONE, "--check").returncode == 0


def test_a_messaging_service_is_kept_and_named(cli, twilio):
    business_with_number(cli)
    service = "MG" + "b" * 32
    sid = twilio.add(BUSINESS_PHONE, voice_url="https://old-crm.example.net/voice", sms_application_sid=service)
    result = configure(cli, twilio, "--number", BUSINESS_PHONE)
    assert result.returncode == 0, result.stderr
    form = twilio.updates[0][1]
    assert "SmsApplicationSid" not in form and form["SmsUrl"] == [f"{BASE}/webhook/whatsapp"]
    assert twilio.numbers[sid]["sms_application_sid"] == service
    assert f"note: the number belongs to Messaging Service {service}" in result.stdout
    assert configure(cli, twilio, "--number", BUSINESS_PHONE, "--check").returncode == 0


def test_a_twiml_app_on_messages_and_a_trunk_are_cleared(cli, twilio):
    business_with_number(cli)
    sid = stale(twilio, BUSINESS_PHONE)
    twilio.numbers[sid].update(sms_application_sid="AP" + "c" * 32, trunk_sid="TK" + "d" * 32,
                               sms_fallback_url="https://crm.dead-domain.example/sms", voice_method="post")
    assert configure(cli, twilio, "--number", BUSINESS_PHONE).returncode == 0
    form = twilio.updates[0][1]
    assert (form["SmsApplicationSid"], form["TrunkSid"], form["SmsFallbackUrl"]) == ([""], [""], [""])
    assert "VoiceMethod" not in form  # Twilio takes "post" as POST: not drift
    assert "Messaging Service" not in configure(cli, twilio, "--number", BUSINESS_PHONE, "--check").stdout


@pytest.mark.parametrize("missing", ["PUBLIC_HOST", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"])
def test_refuses_without_its_configuration(cli, twilio, missing):
    business_with_number(cli)
    result = configure(cli, twilio, "--number", BUSINESS_PHONE, **{missing: ""})
    assert result.returncode == 2 and result.stdout == ""
    assert missing in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert twilio.requests == []


@pytest.mark.parametrize("args, refusal", [
    (["--number", "hello"], "error: not a phone number: hello"),
    (["--number", "+97235550199"], "error: +97235550199 is not linked to any business here: name its business "
                                   "with --business-id"),
    (["--number", "+97235550199", "--business-id", "999"], "error: no business 999"),
])
def test_refuses_a_number_it_cannot_place(cli, twilio, args, refusal):
    business_with_number(cli)
    result = configure(cli, twilio, *args)
    assert (result.returncode, result.stdout, result.stderr.strip()) == (2, "", refusal)
    assert twilio.requests == []


def test_refuses_to_move_a_number_from_another_business(cli, twilio, database_url):
    first = business_with_number(cli)
    second = business_with_number(cli, phone=None)
    stale(twilio, BUSINESS_PHONE)
    result = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(second))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"error: {BUSINESS_PHONE} belongs to business {first}, not {second}: "
                                     "refusing to move it")
    assert twilio.requests == [] and owner(database_url, BUSINESS_PHONE) == first


def test_refuses_a_number_the_account_does_not_have(cli, twilio):
    business_with_number(cli)
    twilio.add(BUSINESS_PHONE + "9")  # a partial match is not the number
    result = configure(cli, twilio, "--number", BUSINESS_PHONE, "--check")
    assert result.returncode == 2
    assert result.stderr.strip() == (f"error: {BUSINESS_PHONE} is not a number of this Twilio account "
                                     "(TWILIO_ACCOUNT_SID)")
    assert posts(twilio) == []


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_refuses_when_twilio_refuses_or_is_unreachable(cli, twilio, database_url):
    business_id = business_with_number(cli, phone=None)
    stale(twilio, BUSINESS_PHONE)
    wrong = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(business_id),
                      TWILIO_AUTH_TOKEN="another-token")
    assert (wrong.returncode, wrong.stderr.strip()) == (2, "error: Twilio refused the request (HTTP 401, error 20003)")
    assert "another-token" not in wrong.stdout + wrong.stderr

    gone = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(business_id),
                     TWILIO_API_BASE=f"http://127.0.0.1:{closed_port()}")
    assert (gone.returncode, gone.stderr.strip()) == (2, "error: Twilio is unavailable (ConnectError)")

    twilio.fail_lookups_with.append((503, 20503))
    lookup = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(business_id))
    assert (lookup.returncode, lookup.stderr.strip()) == (2, "error: Twilio is unavailable (HTTP 503)")
    assert posts(twilio) == []

    twilio.fail_with.append((500, 20500))  # the lookup answers, the update fails
    update = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(business_id))
    assert (update.returncode, update.stderr.strip()) == (2, "error: Twilio is unavailable (HTTP 500)")
    assert len(posts(twilio)) == 1 and twilio.updates == []
    assert owner(database_url, BUSINESS_PHONE) is None  # nothing linked while Twilio is not set


def test_an_update_twilio_does_not_apply_is_not_reported_as_done(cli, twilio, database_url):
    business_id = business_with_number(cli, phone=None)
    sid = stale(twilio, BUSINESS_PHONE)
    original = twilio.handle_post

    def ignore_the_form(handler, body):  # a 200 with the number as it was
        original(handler, b"FriendlyName=x")

    twilio.handle_post = ignore_the_form
    result = configure(cli, twilio, "--number", BUSINESS_PHONE, "--business-id", str(business_id))
    assert result.returncode == 2 and "Twilio did not apply VoiceUrl, VoiceMethod" in result.stderr
    assert twilio.numbers[sid]["voice_url"].startswith("https://old-crm")
    assert owner(database_url, BUSINESS_PHONE) is None


def test_plan_reads_twilios_nulls_and_lower_case_methods_as_twilio_does():
    right = {"voice_url": f"{BASE}/webhook/incoming_call", "status_callback": f"{BASE}/webhook/call_status",
             "sms_url": f"{BASE}/webhook/whatsapp"}
    # A method Twilio gives as null is its default, POST; "post" is POST; a null SID or URL is empty.
    number = number_json(ACCOUNT_SID, "PN" + "1" * 32, BUSINESS_PHONE, **right, voice_method="post",
                         status_callback_method=None, voice_fallback_url=None, sms_application_sid=None)
    assert [field.name for field in numbers.plan(number=number, public_base_url=BASE + "/") if field.drifts] == []
    number.update(sms_method="GET", voice_fallback_url="https://crm.dead-domain.example/")
    drifted = [field for field in numbers.plan(number=number, public_base_url=BASE) if field.drifts]
    assert [(field.name, field.now, field.wanted) for field in drifted] == [
        ("VoiceFallbackUrl", "https://crm.dead-domain.example/", ""), ("SmsMethod", "GET", "POST")]
