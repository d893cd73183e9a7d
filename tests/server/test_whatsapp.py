"""WhatsApp: inbound messages and media, sends inside and outside the 24-hour window, status
callbacks, tenancy, and the missed-call follow-up; Twilio is a local fake over real HTTP."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest

from server.auth.service import create_user
from server.businesses.models import PhoneNumber
from server.businesses.service import create_business
from server.calls.models import Call
from server.customers.models import Customer
from server.job_kinds import HANDLERS
from server.jobs import queue
from server.jobs.models import Job
from server.jobs.worker import Worker
from server.labels import label
from server.messages.models import Message
from server.phones import national
from server.tasks.models import Task
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, BUSINESS_PHONE, PUBLIC_HOST, login
from tests.fake_twilio_messages import FakeTwilioMessages
from tests.twilio_helpers import call_params, signed_form

CALLER = "+972541234567"
TEMPLATE = "HX" + "a" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2000


def inbound(sid: str, body: str = "שלום, אפשר פרטים?", sender: str = f"whatsapp:{CALLER}", **extra) -> dict:
    params = {"AccountSid": ACCOUNT_SID, "MessageSid": sid, "SmsMessageSid": sid, "From": sender,
              "To": f"whatsapp:{BUSINESS_PHONE}", "Body": body, "NumMedia": "0", "ProfileName": "דנה",
              "WaId": CALLER.lstrip("+"), "ApiVersion": "2010-04-01"}
    params.update(extra)
    return {k: v for k, v in params.items() if v is not None}


async def post_signed(client, path: str, params: dict):
    full_path, body, headers = signed_form(PUBLIC_HOST, path, params)
    return await client.post(full_path, data=body, headers=headers)


async def run_jobs(settings) -> list[str]:
    """Run every queued job now (delays skipped), as the worker would; their outcomes."""
    worker, outcomes = Worker(settings, HANDLERS, name="test"), []
    while True:
        await Job.filter(status="queued").update(run_at=queue.now())
        job = await queue.claim(worker=worker.name, lease=timedelta(seconds=30))
        if job is None:
            return outcomes
        outcomes.append(f"{job.kind}:{await worker.execute(job)}")


@pytest.fixture
def twilio(settings):
    with FakeTwilioMessages(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture
def api_settings(settings, twilio):
    return settings.with_overrides(twilio_api_base=twilio.base_url)


@pytest.fixture
def app_on_fake(app, api_settings):
    app.config["SETTINGS"] = api_settings
    return app


@pytest.mark.both_databases
async def test_inbound_text_is_stored_once_under_its_customer(client, business):
    params = inbound("SM" + "1" * 32, body="שלום\x00 עולם")
    for _ in range(2):  # Twilio's retry
        response = await post_signed(client, "/webhook/whatsapp", params)
        assert response.status_code == 200 and response.content_type.startswith("text/xml")
        assert ET.fromstring(await response.get_data()).tag == "Response"
        assert len(ET.fromstring(await response.get_data())) == 0
    message = await Message.get(message_sid="SM" + "1" * 32)
    customer = await Customer.get(id=message.customer_id)
    assert (message.business_id, message.direction, message.body, message.status) == (
        business.id, "inbound", "שלום עולם", "received")
    assert (customer.business_id, customer.phone, customer.name, customer.source) == (
        business.id, CALLER, "דנה", "whatsapp")
    assert await Message.all().count() == 1 and await Customer.all().count() == 1
    assert await Job.all().count() == 0


async def test_inbound_for_an_existing_customer_joins_them(client, business):
    known = await Customer.create(business=business, name="דנה כהן", phone=CALLER)
    await post_signed(client, "/webhook/whatsapp", inbound("SM" + "2" * 32))
    assert (await Message.get(message_sid="SM" + "2" * 32)).customer_id == known.id
    assert (await Customer.get(id=known.id)).name == "דנה כהן"


@pytest.mark.parametrize("path", ["/webhook/whatsapp", "/webhook/whatsapp_status"])
async def test_unsigned_or_forged_is_403_and_writes_nothing(client, business, path):
    params = inbound("SM" + "3" * 32, MessageStatus="delivered")
    body = "&".join(f"{k}={v}" for k, v in params.items()).encode()
    unsigned = await client.post(path, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    _, signed_body, headers = signed_form(PUBLIC_HOST, path, params)
    forged = await client.post(path, data=signed_body.replace(b"3333", b"4444"), headers=headers)
    assert (unsigned.status_code, forged.status_code) == (403, 403)
    assert await Message.all().count() == 0 and await Customer.all().count() == 0 and await Job.all().count() == 0


async def test_bsuid_sender_does_not_crash(client, business):
    bsuid = "whatsapp:IL.13491208655302741918"
    for n in ("5", "6"):
        response = await post_signed(client, "/webhook/whatsapp", inbound("SM" + n * 32, sender=bsuid, WaId=None))
        assert response.status_code == 200
    first, second = await Message.filter(sender_id="IL.13491208655302741918").order_by("id")
    customer = await Customer.get(id=first.customer_id)
    assert second.customer_id == customer.id and customer.phone is None and customer.name == "דנה"
    # With a WaId, a BSUID sender is still filed under the number.
    await post_signed(client, "/webhook/whatsapp", inbound("SM" + "7" * 32, sender=bsuid))
    assert (await Customer.get(id=(await Message.get(message_sid="SM" + "7" * 32)).customer_id)).phone == CALLER


async def test_inbound_media_is_fetched_from_twilio_within_limits(client, business, app_on_fake, api_settings,
                                                                  twilio):
    sid = "MM" + "8" * 32
    photo = twilio.add_media(sid, "ME1", "image/jpeg", JPEG)
    lying = twilio.add_media(sid, "ME2", "text/html", b"<script>")  # declared as a PDF
    params = inbound(sid, body="", NumMedia="4",
                     MediaUrl0=photo, MediaContentType0="image/jpeg",
                     MediaUrl1=lying, MediaContentType1="application/pdf",
                     MediaUrl2="http://169.254.169.254/latest/meta-data", MediaContentType2="image/png",
                     MediaUrl3=twilio.media_url(sid, "ME4"), MediaContentType3="application/x-msdownload")
    for _ in range(2):
        assert (await post_signed(client, "/webhook/whatsapp", params)).status_code == 200
    assert await Job.filter(kind="whatsapp.media").count() == 1
    assert await run_jobs(api_settings) == ["whatsapp.media:done"]
    message = await Message.get(message_sid=sid)
    assert [item["status"] for item in message.media] == ["stored", "refused", "refused", "refused"]
    assert (api_settings.media_root / message.media[0]["path"]).read_bytes() == JPEG
    assert message.media[0]["path"].startswith(f"whatsapp/{business.id}/")
    fetched = [path for method, path, _headers in twilio.requests if method == "GET"]
    assert len(fetched) == 2  # the photo and the lying PDF; never the foreign host nor the .exe

    headers = await login(client, (await create_user(business_id=business.id, email="a@example.com",
                                                     password="correct-horse-battery")).email)
    listed = await (await client.get("/api/crm/messages", headers=headers)).get_json()
    url = listed["results"][0]["media"][0]["url"]
    assert url == f"/api/crm/messages/{message.id}/media/1"
    served = await client.get(url, headers=headers)
    assert served.status_code == 200 and served.content_type == "image/jpeg" and await served.get_data() == JPEG
    assert (await client.get(f"/api/crm/messages/{message.id}/media/2", headers=headers)).status_code == 404


async def inbound_at(client, at: datetime, sid: str = "SM" + "9" * 32) -> Message:
    await post_signed(client, "/webhook/whatsapp", inbound(sid))
    await Message.filter(message_sid=sid).update(created_at=at)
    return await Message.get(message_sid=sid)


async def test_reply_inside_the_window_goes_out_as_free_text(client, business, auth_headers, app_on_fake,
                                                              api_settings, twilio):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=23))
    response = await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                                 json={"body": "בשמחה! מתי נוח לך?"})
    assert response.status_code == 202, await response.get_data(as_text=True)
    queued = await response.get_json()
    assert (queued["status"], queued["direction"], queued["message_sid"]) == ("pending", "outbound", None)
    assert await run_jobs(api_settings) == ["whatsapp.send:done"]
    (sent,) = twilio.sent
    assert sent == {"To": f"whatsapp:{CALLER}", "From": f"whatsapp:{BUSINESS_PHONE}", "Body": "בשמחה! מתי נוח לך?",
                    "StatusCallback": f"{PUBLIC_HOST}/webhook/whatsapp_status"}
    message = await Message.get(id=queued["id"])
    assert message.message_sid.startswith("SM") and message.status == "queued"


async def test_free_text_outside_the_window_is_409(client, business, auth_headers, app_on_fake, twilio):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=25))
    response = await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                                 json={"body": "היי"})
    assert response.status_code == 409
    error = (await response.get_json())["error"]
    assert error["code"] == "outside_window" and "24" in error["message"] and "תבנית" in error["message"]
    never = await Customer.create(business=business, name="לא כתב מעולם", phone="+972529990000")
    response = await client.post(f"/api/crm/customers/{never.id}/whatsapp", headers=auth_headers, json={"body": "היי"})
    assert response.status_code == 409
    assert await Message.filter(direction="outbound").count() == 0 and await Job.all().count() == 0


async def test_template_goes_out_outside_the_window(client, business, auth_headers, app_on_fake, api_settings, twilio):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(days=3))
    response = await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                                 json={"content_sid": TEMPLATE, "variables": {"1": "דנה", "2": "מחר ב-10"}})
    assert response.status_code == 202
    await run_jobs(api_settings)
    (sent,) = twilio.sent
    assert sent["ContentSid"] == TEMPLATE and "Body" not in sent
    assert json.loads(sent["ContentVariables"]) == {"1": "דנה", "2": "מחר ב-10"}


@pytest.mark.parametrize("body", [{}, {"body": "x", "content_sid": TEMPLATE}, {"content_sid": "HXnope"},
                                  {"body": "x", "variables": {"1": "a"}}, {"body": ""}])
async def test_bad_send_bodies_are_422(client, business, auth_headers, body):
    customer = await Customer.create(business=business, name="x", phone=CALLER)
    response = await client.post(f"/api/crm/customers/{customer.id}/whatsapp", headers=auth_headers, json=body)
    assert response.status_code == 422


async def test_twilio_refusal_lands_on_the_message_in_hebrew(client, business, auth_headers, app_on_fake,
                                                              api_settings, twilio):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=1))
    twilio.fail_with = [(503, None), (400, 63016)]
    response = await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                                 json={"body": "שלום"})
    message_id = (await response.get_json())["id"]
    # The 503 is retried (the job goes back to the queue), the 400 is final.
    assert await run_jobs(api_settings) == ["whatsapp.send:queued", "whatsapp.send:done"]
    message = await Message.get(id=message_id)
    assert (message.status, message.error_code) == ("failed", 63016)
    assert message.error_message == "מחוץ לחלון 24 השעות: יש לשלוח תבנית מאושרת"
    assert twilio.sent == []


async def test_a_refusal_without_a_code_is_failed_in_hebrew_without_twilios_text(
        client, business, auth_headers, app_on_fake, api_settings, twilio):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=1))
    twilio.fail_with = [(400, None)]
    response = await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                                 json={"body": "שלום"})
    assert await run_jobs(api_settings) == ["whatsapp.send:done"]
    message = await Message.get(id=(await response.get_json())["id"])
    assert (message.status, message.error_code) == ("failed", None)
    assert message.error_message == "שליחה נכשלה: Twilio סירב לבקשה (HTTP 400)"


async def test_an_outage_is_retried_until_the_last_attempt_fails_the_message(
        client, business, auth_headers, app_on_fake, api_settings, twilio, caplog):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=1))
    twilio.fail_with = [(429, 20429), (500, None), (502, None), (503, None), (504, None)]
    response = await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                                 json={"body": "שלום"})
    await Job.filter(kind="whatsapp.send").update(max_attempts=5)  # the default outlasts five failures
    assert await run_jobs(api_settings) == ["whatsapp.send:queued"] * 4 + ["whatsapp.send:dead"]
    message = await Message.get(id=(await response.get_json())["id"])
    assert (message.status, message.error_message) == ("failed", "שליחה נכשלה: שירות Twilio אינו זמין כרגע")
    # Each retry is logged, by the error's kind and status: not by the URL, which names the account.
    assert "Twilio is unavailable (HTTP 503)" in caplog.text and ACCOUNT_SID not in caplog.text


async def test_an_outage_within_the_default_budget_loses_no_message(client, business, auth_headers, app_on_fake,
                                                                    api_settings, twilio):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=1))
    twilio.fail_with = [(429, 20429), (500, None), (502, None), (503, None), (504, None)]
    await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                      json={"body": "שלום"})
    assert await run_jobs(api_settings) == ["whatsapp.send:queued"] * 5 + ["whatsapp.send:done"]
    assert [sent["Body"] for sent in twilio.sent] == ["שלום"]


async def test_no_sender_number_is_409_and_no_address_is_422(client, business, auth_headers):
    no_phone = await Customer.create(business=business, name="ללא טלפון")
    response = await client.post(f"/api/crm/customers/{no_phone.id}/whatsapp", headers=auth_headers,
                                 json={"body": "היי"})
    assert response.status_code == 422
    assert (await response.get_json())["error"] == {
        "code": "no_whatsapp_address", "message": "this customer has no phone number or WhatsApp id"}
    await PhoneNumber.filter(business_id=business.id).delete()
    customer = await Customer.create(business=business, name="עם טלפון", phone=CALLER)
    response = await client.post(f"/api/crm/customers/{customer.id}/whatsapp", headers=auth_headers,
                                 json={"body": "היי"})
    assert response.status_code == 409
    assert (await response.get_json())["error"] == {
        "code": "no_whatsapp_sender", "message": "the business has no Twilio number to send WhatsApp from"}
    assert await Message.filter(direction="outbound").count() == 0 and await Job.all().count() == 0


async def test_outside_the_window_names_the_last_inbound_message(client, business, auth_headers):
    received = await inbound_at(client, datetime.now(UTC) - timedelta(hours=25))
    response = await client.post(f"/api/crm/customers/{received.customer_id}/whatsapp", headers=auth_headers,
                                 json={"body": "היי"})
    error = (await response.get_json())["error"]
    assert error["details"] == {"last_inbound_at": (await Message.get(id=received.id)).created_at.isoformat()}


async def status(client, sid: str, value: str, **extra):
    params = {"AccountSid": ACCOUNT_SID, "MessageSid": sid, "MessageStatus": value, "SmsStatus": value,
              "To": f"whatsapp:{CALLER}", "From": f"whatsapp:{BUSINESS_PHONE}", **extra}
    response = await post_signed(client, "/webhook/whatsapp_status", params)
    assert response.status_code == 204
    return (await Message.get(message_sid=sid)).status


async def test_status_never_moves_backwards_and_failures_are_final(client, business):
    ok = await Message.create(business=business, message_sid="SM" + "a" * 32, direction="outbound", status="queued")
    steps = ["sent", "delivered", "sent", "queued", "read", "delivered", "failed", "read"]
    assert [await status(client, ok.message_sid, s) for s in steps] == [
        "sent", "delivered", "delivered", "delivered", "read", "read", "read", "read"]
    bad = await Message.create(business=business, message_sid="SM" + "b" * 32, direction="outbound", status="queued")
    assert await status(client, bad.message_sid, "undelivered", ErrorCode="30003") == "undelivered"
    assert await status(client, bad.message_sid, "delivered") == "undelivered"
    assert await status(client, bad.message_sid, "failed", ErrorCode="30008") == "undelivered"
    bad = await Message.get(id=bad.id)
    assert (bad.error_code, bad.error_message) == (30003, "ההודעה לא נמסרה: מכשיר הנמען אינו זמין")
    other = await Message.create(business=business, message_sid="SM" + "c" * 32, direction="outbound", status="sent")
    assert await status(client, other.message_sid, "failed", ErrorCode="12345") == "failed"
    assert (await Message.get(id=other.id)).error_message == "שליחה נכשלה (קוד 12345)"
    # An unknown MessageSid is answered and ignored.
    params = {"AccountSid": ACCOUNT_SID, "MessageSid": "SM" + "d" * 32, "MessageStatus": "sent"}
    assert (await post_signed(client, "/webhook/whatsapp_status", params)).status_code == 204


async def test_list_filter_timeline_and_another_business_sees_nothing(client, business, auth_headers):
    await post_signed(client, "/webhook/whatsapp", inbound("SM" + "e" * 32))
    await post_signed(client, "/webhook/whatsapp", inbound("SM" + "f" * 32, sender="whatsapp:+972529998877",
                                                           WaId="972529998877", ProfileName="יוסי"))
    page = await (await client.get("/api/crm/messages", headers=auth_headers, query_string={"limit": 1})).get_json()
    assert (page["page"], page["pages"], page["total"], len(page["results"])) == (1, 2, 2, 1)
    dana = await Customer.get(phone=CALLER)
    only = await (await client.get("/api/crm/messages", headers=auth_headers,
                                   query_string={"customer_id": dana.id})).get_json()
    assert [m["message_sid"] for m in only["results"]] == ["SM" + "e" * 32]
    timeline = await (await client.get(f"/api/customers/{dana.id}/timeline", headers=auth_headers)).get_json()
    items = [(item["type"], item["data"]["message_sid"]) for item in timeline["items"]]
    assert items == [("whatsapp", "SM" + "e" * 32)]
    assert timeline["items"][0]["title"].startswith("וואטסאפ נכנס")

    rival = await create_business(name="מתחרה", phone="+97235550999")
    await create_user(business_id=rival.id, email="rival@example.com", password="correct-horse-battery")
    rival_headers = await login(client, "rival@example.com")
    theirs = await (await client.get("/api/crm/messages", headers=rival_headers)).get_json()
    assert theirs["total"] == 0
    filtered = await client.get("/api/crm/messages", headers=rival_headers, query_string={"customer_id": dana.id})
    assert (await filtered.get_json())["total"] == 0
    send = await client.post(f"/api/crm/customers/{dana.id}/whatsapp", headers=rival_headers, json={"body": "x"})
    assert send.status_code == 404
    message = await Message.get(message_sid="SM" + "e" * 32)
    assert (await client.get(f"/api/crm/messages/{message.id}/media/1", headers=rival_headers)).status_code == 404


# --- missed-call follow-up -------------------------------------------------------------------

async def enable_followup(client, auth_headers, **extra) -> dict:
    response = await client.patch("/api/business", headers=auth_headers,
                                  json={"missed_call_followup": True, "missed_call_template_sid": TEMPLATE, **extra})
    assert response.status_code == 200, await response.get_data(as_text=True)
    return await response.get_json()


async def end_call(client, call_sid: str, final: str, **extra):
    await post_signed(client, "/webhook/incoming_call", call_params(call_sid))
    response = await post_signed(client, "/webhook/call_status", call_params(call_sid, CallStatus=final, **extra))
    assert response.status_code == 200


async def test_missed_call_creates_a_task_and_sends_the_template(client, business, user, auth_headers,
                                                                 app_on_fake, api_settings, twilio):
    agent = await create_user(business_id=business.id, email="duty@example.com", password="correct-horse-battery",
                              role="agent", name="תורן")
    settings_json = await enable_followup(client, auth_headers, on_duty_user_id=agent.id)
    assert (settings_json["missed_call_followup"], settings_json["on_duty_user_id"]) == (True, agent.id)
    call_sid = "CA" + "1" * 32
    await end_call(client, call_sid, "no-answer")
    # Twilio's retry of the final status enqueues nothing more.
    await post_signed(client, "/webhook/call_status", call_params(call_sid, CallStatus="no-answer"))
    assert await Job.filter(kind="call.missed_followup").count() == 1
    assert await run_jobs(api_settings) == ["call.missed_followup:done", "whatsapp.send:done"]

    customer = await Customer.get(business_id=business.id, phone=CALLER)
    (task,) = await Task.all()
    assert (task.assignee_id, task.customer_id, task.status) == (agent.id, customer.id, "open")
    assert task.title == f"להתקשר בחזרה ל{customer.name}" and call_sid in task.notes
    assert f"({label('call_status', 'no-answer')}) מ-{national(CALLER)}" in task.notes  # as people read them
    assert task.due_at <= datetime.now(UTC)
    (sent,) = twilio.sent
    assert (sent["To"], sent["ContentSid"], "Body" in sent) == (f"whatsapp:{CALLER}", TEMPLATE, False)
    assert json.loads(sent["ContentVariables"]) == {"1": business.name}
    message = await Message.get(customer_id=customer.id)
    assert (message.direction, message.content_sid, message.status) == ("outbound", TEMPLATE, "queued")


@pytest.mark.both_databases
async def test_followup_job_run_twice_makes_one_task(client, business, user, auth_headers, app_on_fake,
                                                     api_settings, twilio):
    from server.messages.followup import follow_up

    await enable_followup(client, auth_headers, missed_call_template_sid="")
    await end_call(client, "CA" + "2" * 32, "completed", CallDuration="4")  # hung up during the greeting
    job = await Job.get(kind="call.missed_followup")
    await follow_up(job, settings=api_settings)
    await follow_up(job, settings=api_settings)
    (task,) = await Task.all()
    assert task.assignee_id == user.id  # no on-duty agent: the first active admin
    assert await Message.all().count() == 0 and twilio.sent == []  # no template set: a task only


async def test_no_followup_for_a_recorded_call_or_when_disabled(client, business, user, auth_headers, app_on_fake):
    await end_call(client, "CA" + "3" * 32, "busy")  # follow-up not enabled
    await enable_followup(client, auth_headers)
    recorded = "CA" + "4" * 32
    await post_signed(client, "/webhook/incoming_call", call_params(recorded))
    await Call.filter(call_sid=recorded).update(recording_sid="RE" + "4" * 32)
    await post_signed(client, "/webhook/call_status", call_params(recorded, CallStatus="completed"))
    assert await Job.filter(kind="call.missed_followup").count() == 0


async def test_on_duty_agent_must_belong_to_the_business(client, business, auth_headers):
    rival = await create_business(name="מתחרה", phone="+97235550999")
    stranger = await create_user(business_id=rival.id, email="s@example.com", password="correct-horse-battery")
    response = await client.patch("/api/business", headers=auth_headers, json={"on_duty_user_id": stranger.id})
    assert response.status_code == 404
    bad = await client.patch("/api/business", headers=auth_headers, json={"missed_call_template_sid": "nope"})
    assert bad.status_code == 422
    cleared = await client.patch("/api/business", headers=auth_headers, json={"on_duty_user_id": None})
    assert (await cleared.get_json())["on_duty_user_id"] is None


@pytest.mark.parametrize("message_sid", ["SM../../../etc/x", "SM" + "1" * 31, "XX" + "1" * 32, "SM" + "q" * 32])
async def test_a_message_sid_that_is_no_sid_is_answered_but_stored_nowhere(client, business, message_sid):
    """A MessageSid names the media files: anything else gets the empty TwiML and no row, job or file."""
    params = inbound(message_sid, NumMedia="1", MediaUrl0=f"http://127.0.0.1:9/Messages/{message_sid}/Media/ME1",
                     MediaContentType0="image/jpeg")
    response = await post_signed(client, "/webhook/whatsapp", params)
    assert response.status_code == 200 and ET.fromstring(await response.get_data()).tag == "Response"
    status = await post_signed(client, "/webhook/whatsapp_status", inbound(message_sid, MessageStatus="read"))
    assert status.status_code == 204
    assert await Message.all().count() == 0 and await Customer.all().count() == 0 and await Job.all().count() == 0


async def test_a_stored_message_with_a_bad_sid_downloads_nothing(app, settings, business, twilio):
    """A row from before the webhook checked: the media job refuses to name a file by it."""
    url = twilio.add_media("MM1", "ME1", "image/jpeg", JPEG)
    message = await Message.create(business=business, message_sid="../../escaped", direction="inbound", body="",
                                   media=[{"remote_url": url, "content_type": "image/jpeg", "path": None,
                                           "size": None, "status": "pending"}], status="received")
    await queue.enqueue("whatsapp.media", {"message_id": message.id}, dedupe_key="m")
    assert await run_jobs(settings.with_overrides(twilio_api_base=twilio.base_url)) == ["whatsapp.media:dead"]
    assert twilio.requests == []
    assert [p for p in settings.media_root.rglob("*") if p.is_file()] == []
