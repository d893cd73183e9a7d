"""Invoices: numbers without gaps, exact money, and a status that only moves forward.

Money is Decimal throughout and goes out as strings of decimals ("1234.50"). Each line's
total is quantity × unit price rounded half up to the agora; the subtotal is the sum of the
line totals; VAT is the subtotal × rate rounded half up; the total is subtotal + VAT.

Numbers are given at creation, inside one transaction that locks the business row and bumps
its `invoice_seq`; the unique (business, number) constraint is the backstop. Invoices are
never deleted (a deleted one would leave a gap): they are cancelled.

Every change is announced as `invoice:updated` to the business's sockets, so an open card
follows a payment filed elsewhere; `happened_at` follows the latest status stamp (the
timeline's date).

Issuing takes the buyer's snapshot; an invoice that needs an allocation number waits for it
(`awaiting_allocation`, server/invoices/allocation.py) and becomes `issued` once the Tax
Authority gives it. A waiting invoice may be cancelled, not paid.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from tortoise.exceptions import IntegrityError, OperationalError, TransactionManagementError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server import realtime
from server.businesses.models import Business
from server.customers.models import Customer
from server.errors import APIError
from server.invoices.allocation import issue_values, queue_allocation
from server.invoices.models import Invoice
from server.jobs import queue
from server.labels import label
from server.pdf import render_invoice
from server.tenancy import owned, scoped

log = logging.getLogger("agentlocator.invoices")

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")  # what DecimalField(max_digits=14, decimal_places=2) holds
NUMBER_ATTEMPTS = 8
# Where each status may go; an issued, paid or cancelled invoice is never edited otherwise.
# `awaiting_allocation` is reached by asking for `issued` (when a number is needed) and left by
# the allocation job (to issued, or back to draft when refused), or by a cancellation.
TRANSITIONS = {"draft": {"issued", "cancelled"}, "awaiting_allocation": {"cancelled"},
               "issued": {"paid", "cancelled"}, "paid": set(), "cancelled": set()}
STAMPS = {"issued": "issued_at", "paid": "paid_at", "cancelled": "cancelled_at"}


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def priced_lines(lines: list) -> tuple[list[dict], Decimal]:
    """The lines as stored (strings of decimals, each with its rounded total) and their subtotal."""
    stored, subtotal = [], Decimal(0)
    for line in lines:
        line_total = money(line.quantity * line.unit_price)
        subtotal += line_total
        stored.append({
            "description": line.description,
            "quantity": f"{line.quantity.normalize():f}",
            "unit_price": str(money(line.unit_price)),
            "total": str(line_total),
        })
    return stored, subtotal


def totals(subtotal: Decimal, vat_rate: Decimal) -> dict:
    vat = money(subtotal * vat_rate / 100)
    total = subtotal + vat
    if total > MAX_AMOUNT:
        raise APIError(422, "amount_too_large", "the invoice total is too large")
    return {"subtotal": money(subtotal), "vat_rate": vat_rate, "vat": vat, "total": money(total)}


async def create_invoice(*, business_id: int, customer_id: int, lines: list, notes: str = "",
                         status: str = "draft") -> Invoice:
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    stored, subtotal = priced_lines(lines)
    for attempt in range(NUMBER_ATTEMPTS):
        try:
            async with in_transaction() as connection:
                # Lock the business row: concurrent creations queue here, so each reads the
                # number the previous one wrote (on SQLite the write lock serialises them).
                business = await Business.filter(id=business_id).select_for_update().using_db(connection).get()
                number = business.invoice_seq + 1
                await Business.filter(id=business_id).using_db(connection).update(invoice_seq=number)
                amounts = totals(subtotal, business.vat_rate)
                issue = issue_values(subtotal=amounts["subtotal"], customer=customer,
                                     seller_kind=business.tax_id_kind) if status == "issued" else {"status": status}
                invoice = await Invoice.create(
                    business_id=business_id, customer_id=customer_id, number=number, lines=stored,
                    currency="ILS", notes=notes, using_db=connection, **amounts, **issue,
                )
                if invoice.status == "awaiting_allocation":
                    await queue_allocation(invoice.id, using_db=connection)
        except (IntegrityError, OperationalError, TransactionManagementError) as error:
            # A serialisation failure or a duplicate number: the transaction rolled back, so
            # neither the number nor the invoice exists; try again.
            log.warning("invoice number attempt %d failed: %s", attempt + 1, error)
            await asyncio.sleep(0.01 * (attempt + 1))
            continue
        if invoice.status == "awaiting_allocation":
            queue.wake()
        await announce(invoice)  # committed: a socket that reloads at once finds it
        return invoice
    raise APIError(409, "busy", "could not number the invoice, try again")


async def get_invoice(*, business_id: int, invoice_id: int) -> Invoice:
    return await owned(Invoice, invoice_id, business_id=business_id, what="invoice")


async def update_invoice(*, business_id: int, invoice_id: int, changes: dict) -> Invoice:
    """Edit a draft's lines, notes or customer, and/or move the status one allowed step."""
    invoice = await get_invoice(business_id=business_id, invoice_id=invoice_id)
    status = changes.pop("status", None)
    if status == invoice.status:
        status = None
    values: dict = {}
    if changes:
        if invoice.status != "draft":
            raise APIError(409, "invoice_locked",
                           f"a {invoice.status} invoice cannot be edited; cancel it and issue a new one")
        if changes.get("customer_id") is not None:
            await owned(Customer, changes["customer_id"], business_id=business_id, what="customer")
            values["customer_id"] = changes["customer_id"]
        if changes.get("notes") is not None:
            values["notes"] = changes["notes"]
        if changes.get("lines") is not None:
            stored, subtotal = priced_lines(changes["lines"])
            values["lines"] = stored
            values.update(totals(subtotal, invoice.vat_rate))
    if status is not None:
        if status not in TRANSITIONS[invoice.status]:
            raise APIError(409, "invalid_transition", f"an invoice cannot go from {invoice.status} to {status}")
        now = datetime.now(UTC)
        if status == "issued":
            customer = await Customer.get(id=values.get("customer_id", invoice.customer_id))
            seller_kind = await Business.filter(id=business_id).first().values_list("tax_id_kind", flat=True)
            values.update(issue_values(subtotal=values.get("subtotal", invoice.subtotal), customer=customer,
                                       seller_kind=seller_kind, now=now))
        else:
            values.update({"status": status, STAMPS[status]: now, "happened_at": now})
        if status == "cancelled" and invoice.status == "awaiting_allocation":
            # Withdrawn before the Tax Authority answered: it needs no number any more (one that
            # still arrives is kept, see allocation_job.py), and no client shows it as waiting.
            values.update(allocation_status="not_required", allocation_error=None)
    if values.get("status") == "awaiting_allocation":
        async with in_transaction() as connection:  # the job exactly when the invoice waits
            await _conditional_update(invoice, values, using_db=connection)
            await queue_allocation(invoice.id, using_db=connection)
        queue.wake()
    elif values:
        await _conditional_update(invoice, values)
    invoice = await get_invoice(business_id=business_id, invoice_id=invoice_id)
    if values:
        await announce(invoice)
    return invoice


async def _conditional_update(invoice: Invoice, values: dict, *, using_db=None) -> None:
    # Conditional on the status read before: a concurrent change makes this one a 409.
    changed = await Invoice.filter(id=invoice.id, status=invoice.status).using_db(using_db).update(**values)
    if not changed:
        raise APIError(409, "invoice_changed", "the invoice changed meanwhile; reload it")


async def announce(invoice: Invoice) -> None:
    """`invoice:updated` to the invoice's business: created, edited, issued, paid or cancelled
    (never deleted: see above)."""
    await realtime.publish("invoice:updated", {"invoice": invoice_json(invoice)},
                           room=realtime.business_room(invoice.business_id))


def invoices_query(*, business_id: int, customer_id: int | None = None, status: str | None = None,
                   q: str | None = None):
    query = scoped(Invoice, business_id, customer_id=customer_id, status=status)
    if q and q.strip():
        text = q.strip()
        match = Q(customer__name__icontains=text) | Q(notes__icontains=text)
        if text.isdigit() and len(text) < 10:
            match |= Q(number=int(text))
        query = query.filter(match)
    return query


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(money(Decimal(value)))


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def invoice_json(invoice: Invoice) -> dict:
    return {
        "id": invoice.id,
        "number": invoice.number,
        "customer_id": invoice.customer_id,
        "lines": invoice.lines,
        "subtotal": _amount(invoice.subtotal),
        "vat_rate": _amount(invoice.vat_rate),
        "vat": _amount(invoice.vat),
        "total": _amount(invoice.total),
        "currency": invoice.currency,
        "status": invoice.status,
        "status_label": label("invoice_status", invoice.status),
        "notes": invoice.notes,
        "issued_at": _time(invoice.issued_at),
        "paid_at": _time(invoice.paid_at),
        "cancelled_at": _time(invoice.cancelled_at),
        "happened_at": _time(invoice.happened_at),
        "pdf_url": f"/api/crm/invoices/{invoice.id}/pdf",
        "allocation_required": invoice.allocation_status != "not_required",
        "allocation_status": invoice.allocation_status,
        "allocation_status_label": label("allocation_status", invoice.allocation_status),
        "allocation_number": invoice.allocation_number,
        "allocation_error": invoice.allocation_error,
        "buyer_name": invoice.buyer_name,
        "buyer_tax_id": invoice.buyer_tax_id,
        "created_at": _time(invoice.created_at),
        "updated_at": _time(invoice.updated_at),
    }


def business_dict(business: Business) -> dict:
    return {"name": business.name, "tax_id": business.tax_id, "tax_id_kind": business.tax_id_kind,
            "address": business.address, "phone": business.phone, "email": business.email}


def customer_dict(customer: Customer, invoice: Invoice | None = None) -> dict:
    """The buyer as the invoice prints it: its snapshot once issued (kept after an erasure),
    else (a draft, one refused back to draft included) the customer as it is now."""
    snapshot = invoice is not None and invoice.status != "draft" and bool(invoice.buyer_name)
    return {"name": invoice.buyer_name if snapshot else customer.name,
            "tax_id": invoice.buyer_tax_id if snapshot else customer.tax_id,
            "phone": customer.phone, "email": customer.email}


async def invoice_pdf(*, business_id: int, invoice_id: int) -> tuple[Invoice, bytes]:
    invoice = await get_invoice(business_id=business_id, invoice_id=invoice_id)
    business = await Business.get(id=business_id)
    customer = await Customer.get(id=invoice.customer_id)
    pdf = await asyncio.to_thread(render_invoice, business=business_dict(business),
                                  customer=customer_dict(customer, invoice), invoice=invoice_json(invoice))
    return invoice, pdf
