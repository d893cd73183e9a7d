"""The job `invoice.allocate`: ask the Tax Authority for a waiting invoice's allocation number,
and what each outcome does to the invoice (announced as `invoice:updated` each time):

- approved: `issued` (stamped now), allocation `allocated` with its number;
- refused: back to `draft` (the agent corrects it and issues again), allocation `refused`, the
  Authority's message in `allocation_error`; the job is done (asking again cannot help);
- unreachable: still waiting, `allocation_error` `unreachable`; the job fails and the queue
  retries it with its backoff (about six hours), the agent may ask again at once;
- no credentials, credentials refused, or no tax id of the business's own: still waiting with
  that error; the job goes dead at once (saving credentials in the settings queues it again,
  as does the agent's "try again").

An invoice cancelled meanwhile is left alone; should a number arrive for one cancelled while
the request was out, it is kept on the cancelled invoice (the Authority has it on record).
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from tortoise.expressions import F

from server.businesses.models import Business
from server.config import Settings
from server.errors import APIError
from server.invoices import credentials as stored_credentials
from server.invoices import tax_authority
from server.invoices.allocation import israel_date, queue_allocation
from server.invoices.models import Invoice
from server.invoices.service import announce, get_invoice
from server.jobs.errors import PermanentJobError

log = logging.getLogger("agentlocator.invoices")

WAITING = "awaiting_allocation"
# The agent's Hebrew for each reason an invoice still waits (a refusal carries the Authority's own).
MESSAGES = {
    "unreachable": "רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית",
    "no_credentials": "לא הוגדרו פרטי התחברות לרשות המסים; מנהל/ת המערכת יכול/ה להגדיר אותם בהגדרות",
    "unauthorized": "רשות המסים דחתה את פרטי ההתחברות; יש לחדש את ההרשאה בהגדרות",
    "missing_business_tax_id": "לעסק לא הוגדר מספר עוסק (ח.פ. / ע.מ.); יש להשלים אותו בהגדרות העסק",
}
# The errors that saving credentials mends.
CREDENTIAL_ERRORS = frozenset({"no_credentials", "unauthorized"})


async def allocate(job, *, settings: Settings) -> None:
    invoice = await Invoice.get_or_none(id=job.payload.get("invoice_id"))
    if invoice is None or invoice.status != WAITING:
        return  # cancelled meanwhile (or approved by an earlier run): nothing to ask
    business = await Business.get(id=invoice.business_id)
    if not business.tax_id:
        await _waiting_with(invoice, "missing_business_tax_id")
        raise PermanentJobError("the business has no tax id of its own")
    credentials = stored_credentials.for_business(business, settings=settings)
    if credentials is None:
        await _waiting_with(invoice, "no_credentials")
        raise PermanentJobError("no Tax Authority credentials")
    await Invoice.filter(id=invoice.id).update(allocation_attempts=F("allocation_attempts") + 1)
    requested = invoice.allocation_requested_at or datetime.now(UTC)
    body = tax_authority.approval_body(invoice=invoice, business=business,
                                       software_number=settings.tax_authority_software_number,
                                       invoice_date=israel_date(requested), issuance_date=israel_date(requested))
    try:
        answer = await tax_authority.request_allocation(
            api_base=settings.tax_authority_api_base, credentials=credentials, body=body,
            on_rotated=stored_credentials.rotation_saver(business.id, credentials, settings=settings))
    except tax_authority.TaxAuthorityUnauthorizedError as error:
        await _waiting_with(invoice, "unauthorized")
        raise PermanentJobError(str(error)) from None
    except tax_authority.TaxAuthorityUnavailableError:
        await _waiting_with(invoice, "unreachable")
        raise  # a TransientJobError: retried with the queue's backoff
    if answer.approved:
        await _approved(invoice, answer.number)
    else:
        await _refused(invoice, answer.message)


async def _waiting_with(invoice: Invoice, code: str) -> None:
    error = {"code": code, "message": MESSAGES[code]}
    if await Invoice.filter(id=invoice.id, status=WAITING).update(allocation_error=error):
        await _announce(invoice.id)


async def _approved(invoice: Invoice, number: str) -> None:
    now = datetime.now(UTC)
    done = await Invoice.filter(id=invoice.id, status=WAITING).update(
        status="issued", issued_at=now, happened_at=now, allocation_status="allocated", allocation_number=number,
        allocation_error=None)
    if not done:
        # Cancelled while the request was out: the Authority gave the number all the same.
        await Invoice.filter(id=invoice.id).update(allocation_status="allocated", allocation_number=number,
                                                   allocation_error=None)
    log.info("invoice %s allocated", invoice.id)
    await _announce(invoice.id)


async def _refused(invoice: Invoice, message: str) -> None:
    refused = await Invoice.filter(id=invoice.id, status=WAITING).update(
        status="draft", happened_at=datetime.now(UTC), allocation_status="refused",
        allocation_error={"code": "refused", "message": message})
    log.info("invoice %s: the Tax Authority refused its allocation", invoice.id)
    if refused:
        await _announce(invoice.id)


async def _announce(invoice_id: int) -> None:
    await announce(await Invoice.get(id=invoice_id))


async def ask_again(*, business_id: int, invoice_id: int) -> Invoice:
    """The agent's "try again": the waiting invoice's allocation is asked for now."""
    invoice = await get_invoice(business_id=business_id, invoice_id=invoice_id)
    if invoice.status != WAITING:
        raise APIError(409, "not_awaiting", f"a {invoice.status} invoice is not waiting for an allocation number")
    await queue_allocation(invoice.id)
    return invoice


async def credentials_saved(*, business_id: int) -> int:
    """After an admin saved credentials: every invoice of the business waiting because of
    missing or refused credentials is asked for again. Returns how many."""
    waiting = await Invoice.filter(business_id=business_id, status=WAITING)
    again = [i.id for i in waiting if (i.allocation_error or {}).get("code") in CREDENTIAL_ERRORS]
    for invoice_id in again:
        await queue_allocation(invoice_id)
    return len(again)
