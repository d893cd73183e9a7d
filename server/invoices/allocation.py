"""Allocation numbers (מספרי הקצאה): when a tax invoice needs one, and what issuing it does.

A tax invoice to a buyer with a tax id needs the Tax Authority's allocation number when its
amount before VAT is at or above the threshold in force on its issue date (Israel's date):

    from 2024-05-05  NIS 25,000
    from 2025-01-01  NIS 20,000
    from 2026-01-01  NIS 10,000
    from 2026-06-01  NIS  5,000
    before 2024-05-05 none is needed.

Issuing such an invoice makes it `awaiting_allocation` (allocation `pending`) and queues the
job `invoice.allocate` in the same transaction (server/invoices/allocation_job.py asks the
Authority); every issue, needed or not, takes the buyer's snapshot (name and tax id as they
are now), which the invoice keeps after the customer is erased.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from server.customers.models import Customer
from server.jobs import queue
from server.jobs.models import Job

ISRAEL = ZoneInfo("Asia/Jerusalem")
JOB_KIND = "invoice.allocate"
# (first day, threshold before VAT), oldest first.
THRESHOLDS: tuple[tuple[date, Decimal], ...] = (
    (date(2024, 5, 5), Decimal(25_000)),
    (date(2025, 1, 1), Decimal(20_000)),
    (date(2026, 1, 1), Decimal(10_000)),
    (date(2026, 6, 1), Decimal(5_000)),
)


def israel_date(at: datetime | date) -> date:
    if isinstance(at, datetime):
        return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(ISRAEL).date()
    return at


def threshold_on(day: datetime | date) -> Decimal | None:
    """The threshold in force on `day` (a datetime counts by its date in Israel); None before
    the first."""
    day = israel_date(day)
    found = None
    for start, threshold in THRESHOLDS:
        if day >= start:
            found = threshold
    return found


def needs_allocation(subtotal: Decimal, on: datetime | date, buyer_tax_id: str | None) -> bool:
    """A number is needed for a buyer with a tax id and an amount before VAT at or above the
    threshold of the issue date."""
    threshold = threshold_on(on)
    return bool(buyer_tax_id) and threshold is not None and Decimal(subtotal) >= threshold


def issue_values(*, subtotal: Decimal, customer: Customer, seller_kind: str, now: datetime | None = None) -> dict:
    """The fields an issue sets: the buyer's snapshot, and either `issued` or, when a number is
    needed, `awaiting_allocation` with allocation `pending`. An exempt dealer (עוסק פטור,
    `seller_kind` "exempt_dealer") issues no tax invoices, so never needs a number."""
    now = now or datetime.now(UTC)
    snapshot = {"buyer_name": customer.name, "buyer_tax_id": customer.tax_id or "", "allocation_error": None,
                "allocation_number": None, "happened_at": now}
    if seller_kind != "exempt_dealer" and needs_allocation(subtotal, now, customer.tax_id):
        return {**snapshot, "status": "awaiting_allocation", "allocation_status": "pending",
                "allocation_requested_at": now, "issued_at": None}
    return {**snapshot, "status": "issued", "allocation_status": "not_required", "issued_at": now}


def _key_prefix(invoice_id: int) -> str:
    return f"{JOB_KIND}:{invoice_id}:"


async def queue_allocation(invoice_id: int, *, using_db=None) -> None:
    """Have the invoice's allocation asked for now: its queued job is made due now, a running
    one is left to finish, else a new job is queued. Inside a caller's transaction, the caller
    calls `queue.wake()` after commit.

    The dedupe key names the invoice and its latest job, so two callers racing to queue the
    same invoice's next job queue one (an invoice asked for twice could get two numbers).
    """
    jobs = Job.filter(kind=JOB_KIND, dedupe_key__startswith=_key_prefix(invoice_id)).using_db(using_db)
    if await jobs.filter(status="running").exists():
        return
    if await jobs.filter(status="queued").update(run_at=queue.now()):
        if using_db is None:
            queue.wake()
        return
    latest = await jobs.order_by("-id").first().values_list("id", flat=True)
    await queue.enqueue("invoice.allocate", {"invoice_id": invoice_id},
                        dedupe_key=f"{_key_prefix(invoice_id)}{latest or 0}", using_db=using_db)
