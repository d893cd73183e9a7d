"""Allocation numbers (מספרי הקצאה): the dated thresholds, the issue that waits for a number, the
job that asks the Tax Authority (a local stand-in over real HTTP: tests/fake_tax_authority.py)
and each of its outcomes, the write-only credentials, and the number on the PDF."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader

from server.app import create_app
from server.audit.models import AuditEvent
from server.auth.service import create_user
from server.businesses.models import Business
from server.config import ConfigError, Settings
from server.customers.models import Customer
from server.invoices import service
from server.invoices.allocation import needs_allocation, threshold_on
from server.invoices.models import Invoice
from server.invoices.tax_authority import forget_tokens
from server.job_kinds import HANDLERS
from server.jobs import queue
from server.jobs.models import Job
from server.jobs.worker import Worker
from server.secret_box import SecretUnreadableError, open_sealed, seal
from tests.conftest import login
from tests.fake_tax_authority import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, REFUSAL, FakeTaxAuthority
from tests.server.test_whatsapp import run_jobs

BUSINESS_TAX_ID = "515000008"
BUYER_TAX_ID = "516203544"
UNREACHABLE = "רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית"
# The threshold in force today (the clock says December 2026): NIS 5,000.
AT_THRESHOLD = [{"description": "ייעוץ עסקי", "quantity": 1, "unit_price": "5000"}]
JUST_BELOW = [{"description": "ייעוץ עסקי", "quantity": 1, "unit_price": "4999.99"}]


# ---------------------------------------------------------------- the dated thresholds


@pytest.mark.parametrize(("day", "threshold"), [
    (date(2024, 5, 4), None),
    (date(2024, 5, 5), Decimal(25_000)),
    (date(2024, 12, 31), Decimal(25_000)),
    (date(2025, 1, 1), Decimal(20_000)),
    (date(2025, 12, 31), Decimal(20_000)),
    (date(2026, 1, 1), Decimal(10_000)),
    (date(2026, 5, 31), Decimal(10_000)),
    (date(2026, 6, 1), Decimal(5_000)),
    (date(2030, 1, 1), Decimal(5_000)),
])
def test_threshold_by_date(day, threshold):
    assert threshold_on(day) == threshold


def test_the_issue_date_is_israels():
    # 21:30 UTC on 31 May 2026 is already 00:30 on 1 June in Israel (summer time, UTC+3).
    assert threshold_on(datetime(2026, 5, 31, 21, 30, tzinfo=UTC)) == Decimal(5_000)
    assert threshold_on(datetime(2026, 5, 31, 20, 59, tzinfo=UTC)) == Decimal(10_000)
    # 22:30 UTC on 31 December 2025 is 00:30 on 1 January in Israel (winter time, UTC+2).
    assert threshold_on(datetime(2025, 12, 31, 22, 30, tzinfo=UTC)) == Decimal(10_000)


@pytest.mark.parametrize(("subtotal", "day", "tax_id", "needed"), [
    ("5000.00", date(2026, 6, 1), BUYER_TAX_ID, True),  # at the threshold
    ("4999.99", date(2026, 6, 1), BUYER_TAX_ID, False),  # just below
    ("5000.00", date(2026, 5, 31), BUYER_TAX_ID, False),  # the day before, 10,000 was in force
    ("9999.99", date(2026, 5, 31), BUYER_TAX_ID, False),
    ("10000.00", date(2026, 5, 31), BUYER_TAX_ID, True),
    ("10000.00", date(2025, 12, 31), BUYER_TAX_ID, False),  # 20,000 in 2025
    ("20000.00", date(2025, 1, 1), BUYER_TAX_ID, True),
    ("19999.99", date(2025, 1, 1), BUYER_TAX_ID, False),
    ("24999.99", date(2024, 12, 31), BUYER_TAX_ID, False),  # 25,000 from 5 May 2024
    ("25000.00", date(2024, 5, 5), BUYER_TAX_ID, True),
    ("1000000.00", date(2024, 5, 4), BUYER_TAX_ID, False),  # before the scheme
    ("1000000.00", date(2026, 6, 1), "", False),  # a buyer without a tax id: never
    ("1000000.00", date(2026, 6, 1), None, False),
])
def test_needs_allocation(subtotal, day, tax_id, needed):
    assert needs_allocation(Decimal(subtotal), day, tax_id) is needed


# ---------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def no_cached_tokens():
    forget_tokens()
    yield
    forget_tokens()


@pytest.fixture
def authority():
    with FakeTaxAuthority() as fake:
        yield fake


@pytest.fixture
async def seller(business):
    business.tax_id = BUSINESS_TAX_ID
    await business.save()
    return business


@pytest.fixture
async def buyer(seller):
    return await Customer.create(business=seller, name="נכסי השרון בע\"מ", phone="+972541234567",
                                 tax_id=BUYER_TAX_ID)


@pytest.fixture
def published(monkeypatch):
    events: list[dict] = []
    changed = asyncio.Event()

    async def record(event, data, *, room, to_sid=None):
        if event == "invoice:updated":
            events.append(data["invoice"])
            changed.set()

    monkeypatch.setattr(service.realtime, "publish", record)
    events_changed = events, changed
    return events_changed


def on_fake(app, authority: FakeTaxAuthority, *, with_env_credentials: bool = False):
    """Point the app (and the worker given these settings) at the stand-in."""
    overrides = authority.settings()
    if not with_env_credentials:
        overrides.update(tax_authority_client_id="", tax_authority_client_secret="", tax_authority_refresh_token="")
    app.config["SETTINGS"] = app.config["SETTINGS"].with_overrides(**overrides)
    return app.config["SETTINGS"]


async def save_credentials(client, headers, **override):
    body = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "refresh_token": REFRESH_TOKEN, **override}
    return await client.put("/api/business/tax_authority", headers=headers, json=body)


async def issue(client, headers, customer_id: int, lines=None) -> dict:
    """A draft, then issued by PATCH: the answer."""
    created = await client.post("/api/crm/invoices", headers=headers,
                                json={"customer_id": customer_id, "lines": lines or AT_THRESHOLD})
    assert created.status_code == 201
    response = await client.patch(f"/api/crm/invoices/{(await created.get_json())['id']}", headers=headers,
                                  json={"status": "issued"})
    assert response.status_code == 200, await response.get_data(as_text=True)
    return await response.get_json()


async def read(client, headers, invoice_id: int) -> dict:
    return await (await client.get(f"/api/crm/invoices/{invoice_id}", headers=headers)).get_json()


# ---------------------------------------------------------------- issuing


@pytest.mark.both_databases
async def test_issuing_at_the_threshold_waits_for_a_number_with_its_job_queued(client, auth_headers, buyer):
    invoice = await issue(client, auth_headers, buyer.id)
    assert (invoice["status"], invoice["allocation_status"], invoice["allocation_required"]) == (
        "awaiting_allocation", "pending", True)
    assert invoice["status_label"] == "ממתינה למספר הקצאה"
    assert (invoice["buyer_name"], invoice["buyer_tax_id"]) == ("נכסי השרון בע\"מ", BUYER_TAX_ID)
    assert invoice["issued_at"] is None and invoice["allocation_number"] is None
    jobs = await Job.filter(kind="invoice.allocate").values_list("payload", "status")
    assert jobs == [({"invoice_id": invoice["id"]}, "queued")]


@pytest.mark.both_databases
async def test_just_below_the_threshold_or_without_a_tax_id_is_issued_at_once(client, auth_headers, seller, buyer):
    below = await issue(client, auth_headers, buyer.id, lines=JUST_BELOW)
    assert (below["status"], below["allocation_status"], below["allocation_required"]) == (
        "issued", "not_required", False)
    assert below["issued_at"] and below["buyer_tax_id"] == BUYER_TAX_ID  # the snapshot all the same
    person = await Customer.create(business=seller, name="דנה לוי")
    large = await issue(client, auth_headers, person.id, lines=[{"description": "x", "quantity": 10,
                                                                 "unit_price": "100000"}])
    assert (large["status"], large["allocation_status"], large["buyer_name"], large["buyer_tax_id"]) == (
        "issued", "not_required", "דנה לוי", "")
    assert not await Job.filter(kind="invoice.allocate").exists()


async def test_an_exempt_dealer_issues_no_tax_invoice_so_needs_no_number(client, auth_headers, seller, buyer):
    seller.tax_id_kind = "exempt_dealer"
    await seller.save()
    invoice = await issue(client, auth_headers, buyer.id)
    assert (invoice["status"], invoice["allocation_status"]) == ("issued", "not_required")
    assert not await Job.filter(kind="invoice.allocate").exists()


async def test_creating_as_issued_waits_too(client, auth_headers, buyer):
    response = await client.post("/api/crm/invoices", headers=auth_headers,
                                 json={"customer_id": buyer.id, "lines": AT_THRESHOLD, "status": "issued"})
    assert response.status_code == 201
    invoice = await response.get_json()
    assert (invoice["status"], invoice["allocation_status"], invoice["buyer_tax_id"]) == (
        "awaiting_allocation", "pending", BUYER_TAX_ID)
    assert await Job.filter(kind="invoice.allocate").count() == 1


async def test_a_waiting_invoice_may_be_cancelled_not_paid_nor_edited(client, auth_headers, app, authority, buyer):
    invoice = await issue(client, auth_headers, buyer.id)
    url = f"/api/crm/invoices/{invoice['id']}"
    paid = await client.patch(url, headers=auth_headers, json={"status": "paid"})
    assert paid.status_code == 409 and (await paid.get_json())["error"]["code"] == "invalid_transition"
    edited = await client.patch(url, headers=auth_headers, json={"notes": "שינוי"})
    assert (await edited.get_json())["error"]["code"] == "invoice_locked"
    cancelled = await client.post(f"{url}/cancel", headers=auth_headers)
    assert cancelled.status_code == 200
    # Withdrawn: no client shows it as waiting for a number any more.
    body = await cancelled.get_json()
    assert (body["status"], body["allocation_status"], body["allocation_required"]) == (
        "cancelled", "not_required", False)
    # Its job then asks nothing.
    settings = on_fake(app, authority, with_env_credentials=True)
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    assert authority.approvals == [] and (await read(client, auth_headers, invoice["id"]))["status"] == "cancelled"


# ---------------------------------------------------------------- the Authority's answers


@pytest.mark.both_databases
async def test_approved_the_number_is_stored_shown_and_printed(client, auth_headers, app, authority, buyer,
                                                               published):
    events, changed = published
    settings = on_fake(app, authority)
    assert (await save_credentials(client, auth_headers)).status_code == 200
    invoice = await issue(client, auth_headers, buyer.id)
    worker = Worker(settings, HANDLERS, name="alloc", poll_seconds=30)  # woken by the queue, not polling
    worker.start()
    try:
        async with asyncio.timeout(10):
            while not any(e["id"] == invoice["id"] and e["status"] == "issued" for e in events):
                changed.clear()
                await changed.wait()
    finally:
        await worker.stop()

    shown = await read(client, auth_headers, invoice["id"])
    assert (shown["status"], shown["allocation_status"], shown["allocation_number"], shown["allocation_error"]) == (
        "issued", "allocated", "202600000001", None)
    assert shown["issued_at"] and shown["allocation_required"] is True
    assert [e["status"] for e in events if e["id"] == invoice["id"]][-2:] == ["awaiting_allocation", "issued"]

    # What was sent: the refresh-token grant, then the published v1 fields.
    assert authority.grants == [{"grant_type": "refresh_token", "refresh_token": REFRESH_TOKEN,
                                 "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "scope": "scope"}]
    [sent] = authority.approvals
    assert sent["Invoice_Type"] == 305 and sent["Invoice_ID"] == str(invoice["number"])
    assert (sent["Vat_Number"], sent["Customer_VAT_Number"], sent["Customer_Name"]) == (
        int(BUSINESS_TAX_ID), int(BUYER_TAX_ID), "נכסי השרון בע\"מ")
    assert (sent["Amount_Before_Discount"], sent["Discount"], sent["Payment_Amount"], sent["VAT_Amount"],
            sent["Payment_Amount_Including_VAT"]) == (5000.0, 0, 5000.0, 900.0, 5900.0)
    assert sent["Accounting_Software_Number"] == 123456
    assert sent["Invoice_Date"] == sent["Invoice_Issuance_Date"] == datetime.now(UTC).date().isoformat()
    assert sent["Items"] == [{"Index": 1, "Catalog_ID": "", "Category": 0, "Description": "ייעוץ עסקי",
                              "Measure_Unit_Description": "יחידה", "Quantity": 1.0, "Price_Per_Unit": 5000.0,
                              "Discount": 0, "Total_Amount": 5000.0, "VAT_Rate": 18.0, "VAT_Amount": 900.0}]
    assert {"Union_Vat_Number", "Invoice_Reference_Number", "Branch_ID", "Client_Software_Key", "Invoice_Note",
            "Action"} <= set(sent)

    pdf = await client.get(f"/api/crm/invoices/{invoice['id']}/pdf", headers=auth_headers)
    text = PdfReader(io.BytesIO(await pdf.get_data())).pages[0].extract_text()
    assert "202600000001" in text
    assert "מספר הקצאה" in text or "האצקה רפסמ" in text
    assert BUYER_TAX_ID in text


@pytest.mark.parametrize("refuse_status", [200, 400])
async def test_refused_goes_back_to_draft_with_the_authoritys_message(client, auth_headers, app, authority, buyer,
                                                                      published, refuse_status):
    settings = on_fake(app, authority, with_env_credentials=True)
    authority.mode, authority.refuse_status = "refuse", refuse_status
    invoice = await issue(client, auth_headers, buyer.id)
    assert await run_jobs(settings) == ["invoice.allocate:done"]  # no retry: asking again cannot help
    shown = await read(client, auth_headers, invoice["id"])
    assert (shown["status"], shown["allocation_status"], shown["allocation_number"]) == ("draft", "refused", None)
    assert shown["allocation_error"] == {"code": "refused", "message": REFUSAL}
    assert published[0][-1]["status"] == "draft"
    # Corrected and issued again, it asks again.
    authority.mode = "approve"
    again = await client.patch(f"/api/crm/invoices/{invoice['id']}", headers=auth_headers, json={"status": "issued"})
    assert (await again.get_json())["allocation_status"] == "pending"
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    assert (await read(client, auth_headers, invoice["id"]))["allocation_status"] == "allocated"
    assert len(authority.approvals) == 2


@pytest.mark.both_databases
async def test_unreachable_stays_waiting_and_the_retry_succeeds(client, auth_headers, app, authority, buyer,
                                                                published):
    settings = on_fake(app, authority, with_env_credentials=True)
    invoice = await issue(client, auth_headers, buyer.id)
    authority.stop()
    worker = Worker(settings, HANDLERS, name="test")
    job = await queue.claim(worker=worker.name, lease=timedelta(seconds=30))
    assert await worker.execute(job) == "queued"  # to be retried with the queue's backoff
    row = await Job.get(id=job.id)
    assert row.run_at > queue.now() and "unavailable" in row.last_error
    shown = await read(client, auth_headers, invoice["id"])
    assert (shown["status"], shown["allocation_status"]) == ("awaiting_allocation", "pending")
    assert shown["allocation_error"] == {"code": "unreachable", "message": UNREACHABLE}
    assert published[0][-1]["allocation_error"]["code"] == "unreachable"

    authority.start()
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    shown = await read(client, auth_headers, invoice["id"])
    assert (shown["status"], shown["allocation_status"], shown["allocation_error"]) == ("issued", "allocated", None)
    assert shown["allocation_number"] == "202600000001"
    assert (await Invoice.get(id=invoice["id"])).allocation_attempts == 2


async def test_a_5xx_is_unreachable_too(client, auth_headers, app, authority, buyer):
    settings = on_fake(app, authority, with_env_credentials=True)
    authority.mode = "fail"
    invoice = await issue(client, auth_headers, buyer.id)
    assert await run_jobs_once(settings) == "queued"
    assert (await read(client, auth_headers, invoice["id"]))["allocation_error"]["code"] == "unreachable"


async def test_a_redirect_is_not_followed(client, auth_headers, app, authority, buyer):
    with FakeTaxAuthority() as elsewhere:
        settings = on_fake(app, authority, with_env_credentials=True)
        authority.mode, authority.redirect_to = "redirect", f"{elsewhere.base_url}/Invoices/v1/Approval"
        invoice = await issue(client, auth_headers, buyer.id)
        assert await run_jobs_once(settings) == "queued"
        assert elsewhere.requests == []  # nothing, credentials or body, went to the other host
    assert (await read(client, auth_headers, invoice["id"]))["allocation_error"]["code"] == "unreachable"


async def test_an_access_token_the_authority_revoked_is_replaced_once(client, auth_headers, app, authority, buyer):
    settings = on_fake(app, authority, with_env_credentials=True)
    first = await issue(client, auth_headers, buyer.id)
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    authority.access_tokens.clear()  # the cached access token no longer works
    second = await issue(client, auth_headers, buyer.id)
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    assert len(authority.grants) == 2 and len(authority.approvals) == 2  # the refused try is not recorded
    for invoice in (first, second):
        assert (await read(client, auth_headers, invoice["id"]))["allocation_status"] == "allocated"


async def test_without_credentials_it_waits_until_an_admin_saves_them(client, auth_headers, app, authority, buyer,
                                                                      published):
    settings = on_fake(app, authority)
    invoice = await issue(client, auth_headers, buyer.id)
    assert await run_jobs(settings) == ["invoice.allocate:dead"]  # no automatic retry
    shown = await read(client, auth_headers, invoice["id"])
    assert (shown["status"], shown["allocation_error"]["code"]) == ("awaiting_allocation", "no_credentials")
    assert authority.grants == []

    saved = await save_credentials(client, auth_headers)
    assert saved.status_code == 200 and await saved.get_json() == {"configured": True, "source": "settings"}
    assert await run_jobs(settings) == ["invoice.allocate:done"]  # queued again by the save
    assert (await read(client, auth_headers, invoice["id"]))["allocation_number"] == "202600000001"


async def test_a_refused_token_is_unauthorized_and_not_retried(client, auth_headers, app, authority, buyer, caplog):
    caplog.set_level("DEBUG")
    settings = on_fake(app, authority)
    await save_credentials(client, auth_headers, refresh_token="expired-refresh-token")
    invoice = await issue(client, auth_headers, buyer.id)
    assert await run_jobs(settings) == ["invoice.allocate:dead"]
    error = (await read(client, auth_headers, invoice["id"]))["allocation_error"]
    assert error["code"] == "unauthorized" and "רשות המסים" in error["message"]
    assert authority.approvals == []
    job_errors = " ".join(await Job.filter(kind="invoice.allocate").values_list("last_error", flat=True))
    for secret in (CLIENT_SECRET, "expired-refresh-token"):
        assert secret not in caplog.text and secret not in job_errors
    await save_credentials(client, auth_headers)  # renewed: asked again
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    assert (await read(client, auth_headers, invoice["id"]))["status"] == "issued"


async def test_a_business_without_its_own_tax_id_cannot_ask(client, auth_headers, app, authority, buyer, seller):
    settings = on_fake(app, authority, with_env_credentials=True)
    await Business.filter(id=seller.id).update(tax_id="")
    invoice = await issue(client, auth_headers, buyer.id)
    assert await run_jobs(settings) == ["invoice.allocate:dead"]
    error = (await read(client, auth_headers, invoice["id"]))["allocation_error"]
    assert error["code"] == "missing_business_tax_id" and authority.grants == []


async def test_a_rotated_refresh_token_is_stored_back(client, auth_headers, app, buyer, seller, caplog):
    caplog.set_level("DEBUG")
    with FakeTaxAuthority(rotate=True) as authority:
        settings = on_fake(app, authority)
        await save_credentials(client, auth_headers)
        first = await issue(client, auth_headers, buyer.id)
        assert await run_jobs(settings) == ["invoice.allocate:done"]
        stored = open_sealed((await Business.get(id=seller.id)).tax_authority_credentials, settings=settings)
        assert stored["refresh_token"] == authority.refresh_token != REFRESH_TOKEN
        forget_tokens()  # a new process: no access token cached, so the stored refresh token must work
        second = await issue(client, auth_headers, buyer.id)
        assert await run_jobs(settings) == ["invoice.allocate:done"]
        numbers = [(await read(client, auth_headers, i["id"]))["allocation_number"] for i in (first, second)]
        assert numbers == ["202600000001", "202600000002"]
        assert "rotated" in caplog.text
        assert not any(token in caplog.text for token in (REFRESH_TOKEN, authority.refresh_token, CLIENT_SECRET))


# ---------------------------------------------------------------- asking again


async def test_ask_again_requeues_a_waiting_invoice_only(client, auth_headers, app, authority, buyer):
    settings = on_fake(app, authority)
    invoice = await issue(client, auth_headers, buyer.id)
    url = f"/api/crm/invoices/{invoice['id']}/allocate"
    # Its job is queued: asking again makes it due now, and queues no second one.
    await Job.filter(kind="invoice.allocate").update(run_at=queue.now() + timedelta(hours=1))
    response = await client.post(url, headers=auth_headers)
    assert response.status_code == 200 and (await response.get_json())["status"] == "awaiting_allocation"
    [job] = await Job.filter(kind="invoice.allocate")
    assert job.run_at <= queue.now()
    assert await run_jobs(settings) == ["invoice.allocate:dead"]  # no credentials yet
    # Dead: asking again queues a new job, which the Authority (now configured) answers.
    app.config["SETTINGS"] = settings = on_fake(app, authority, with_env_credentials=True)
    assert (await client.post(url, headers=auth_headers)).status_code == 200
    assert (await client.post(url, headers=auth_headers)).status_code == 200  # twice: still one more job
    assert await Job.filter(kind="invoice.allocate").count() == 2
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    refused = await client.post(url, headers=auth_headers)  # issued now
    assert refused.status_code == 409 and (await refused.get_json())["error"]["code"] == "not_awaiting"
    draft = await (await client.post("/api/crm/invoices", headers=auth_headers,
                                     json={"customer_id": buyer.id, "lines": AT_THRESHOLD})).get_json()
    assert (await client.post(f"/api/crm/invoices/{draft['id']}/allocate", headers=auth_headers)).status_code == 409


# ---------------------------------------------------------------- credentials


@pytest.mark.both_databases
async def test_credentials_are_stored_encrypted_and_never_answered(client, auth_headers, app, seller, user):
    saved = await save_credentials(client, auth_headers)
    assert saved.status_code == 200
    raw = (await Business.get(id=seller.id)).tax_authority_credentials
    assert raw and CLIENT_SECRET not in raw and REFRESH_TOKEN not in raw and CLIENT_ID not in raw
    assert open_sealed(raw, settings=app.config["SETTINGS"])["client_secret"] == CLIENT_SECRET
    business = await (await client.get("/api/business", headers=auth_headers)).get_data(as_text=True)
    assert CLIENT_SECRET not in business and REFRESH_TOKEN not in business and raw not in business
    assert '"tax_authority":{"configured":true,"source":"settings"}' in business.replace(" ", "")
    assert CLIENT_SECRET not in await saved.get_data(as_text=True)
    details = await AuditEvent.filter(action="settings.tax_authority").values_list("details", "user_id")
    assert details == [({"configured": True}, user.id)]

    removed = await client.delete("/api/business/tax_authority", headers=auth_headers)
    assert removed.status_code == 204
    assert (await Business.get(id=seller.id)).tax_authority_credentials is None
    shown = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert shown["tax_authority"] == {"configured": False, "source": None}
    assert await AuditEvent.filter(action="settings.tax_authority").count() == 2


async def test_the_environment_is_the_fallback(client, auth_headers, app, authority, buyer):
    settings = on_fake(app, authority, with_env_credentials=True)
    shown = await (await client.get("/api/business", headers=auth_headers)).get_json()
    assert shown["tax_authority"] == {"configured": True, "source": "env"}
    invoice = await issue(client, auth_headers, buyer.id)
    assert await run_jobs(settings) == ["invoice.allocate:done"]
    assert (await read(client, auth_headers, invoice["id"]))["allocation_status"] == "allocated"
    assert authority.grants[0]["refresh_token"] == REFRESH_TOKEN


async def test_agents_may_not_touch_the_credentials(client, seller, user):
    await create_user(business_id=seller.id, email="agent2@example.com", password="correct-horse-battery",
                      role="agent", name="סוכן")
    headers = await login(client, "agent2@example.com")
    assert (await save_credentials(client, headers)).status_code == 403
    assert (await client.delete("/api/business/tax_authority", headers=headers)).status_code == 403
    assert (await Business.get(id=seller.id)).tax_authority_credentials is None
    assert (await client.put("/api/business/tax_authority", json={})).status_code == 401


async def test_bad_credential_bodies_are_refused_without_echoing_them(client, auth_headers):
    response = await client.put("/api/business/tax_authority", headers=auth_headers,
                                json={"client_id": CLIENT_ID, "client_secret": "s3cr3t-value", "refresh_token": ""})
    assert response.status_code in (400, 422)
    assert "s3cr3t-value" not in await response.get_data(as_text=True)


def test_the_secret_box_keys():
    value = {"client_secret": "s"}
    by_jwt = Settings(jwt_secret="one-jwt-secret")
    sealed = seal(value, settings=by_jwt)
    assert "client_secret" not in sealed and open_sealed(sealed, settings=by_jwt) == value
    # SETTINGS_KEY set later: what JWT_SECRET's key sealed still opens; new values use SETTINGS_KEY's.
    both = by_jwt.with_overrides(settings_key="a-settings-key")
    assert open_sealed(sealed, settings=both) == value
    resealed = seal(value, settings=both)
    assert open_sealed(resealed, settings=Settings(settings_key="a-settings-key")) == value
    with pytest.raises(SecretUnreadableError):
        open_sealed(resealed, settings=by_jwt)
    with pytest.raises(SecretUnreadableError):
        open_sealed(sealed, settings=Settings(jwt_secret="another-jwt-secret"))
    # Development without either key works; production never falls back to the fixed dev key.
    assert open_sealed(seal(value, settings=Settings()), settings=Settings()) == value
    with pytest.raises(ConfigError):
        seal(value, settings=Settings(app_env="production"))


def test_stored_secrets_outlive_a_development_restart():
    # `make run` has no JWT_SECRET: each start makes a new one for its tokens. What an admin
    # saved before a restart must still open after it.
    before, after = (create_app(settings=Settings()).config["SETTINGS"] for _ in range(2))
    assert before.jwt_secret != after.jwt_secret
    assert open_sealed(seal({"client_secret": "s"}, settings=before), settings=after) == {"client_secret": "s"}


async def run_jobs_once(settings) -> str:
    worker = Worker(settings, HANDLERS, name="test")
    job = await queue.claim(worker=worker.name, lease=timedelta(seconds=30))
    return await worker.execute(job)
