"""Erasing a customer's personal data on request (the right to erasure).

What identifies the person goes: the customer's name, numbers, address, notes and tax id;
its calls' recordings, transcripts, notes and the caller's number; its messages' text,
attachments, sender and profile name (and a template's variables, which name the person);
its tasks' titles and notes; the text of contracts it never signed. What the law makes the
business keep stays as it is: invoices (with the buyer as it was when each was issued),
signed contracts and their signatures. The rows themselves stay, so the business's history
(how many calls, when) adds up.

Every row changes in one transaction; the files are deleted after it commits (a rolled-back
erasure must not have deleted anything). A file that cannot be deleted then stays named by its
row, and the retention sweep deletes it (server/privacy/retention.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tortoise.transactions import in_transaction

from server.calls.models import Call
from server.contracts.models import Contract
from server.customers.models import Customer
from server.customers.service import announce
from server.messages.models import Message
from server.privacy.retention import purge_calls, purge_messages
from server.tasks.models import Task
from server.tenancy import owned

ERASED_NAME = "לקוח שנמחק"
ERASED_TASK_TITLE = "משימה של לקוח שנמחק"
# What an unsigned contract says once erased (its PDF still opens: an empty body is refused there).
ERASED_CONTRACT_BODY = "תוכן החוזה נמחק יחד עם המידע האישי של הלקוח."


async def erase_customer(*, business_id: int, customer_id: int, media_root: Path) -> tuple[Customer, dict | None]:
    """The customer, erased; with the counts of what was erased now, or None when it had been
    erased already (a second erasure changes nothing)."""
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    if customer.erased_at is not None:
        return customer, None
    now = datetime.now(UTC)
    async with in_transaction() as connection:
        # Conditional, so two erasures at once erase (and count, and audit) once.
        if not await Customer.filter(id=customer.id, erased_at__isnull=True).using_db(connection).update(
                name=ERASED_NAME, phone=None, email=None, address="", notes="", tax_id="", erased_at=now,
                updated_at=now):
            return await Customer.get(id=customer.id), None
        calls = Call.filter(customer_id=customer.id).using_db(connection)
        counts = {"calls": await calls.update(transcript=None, transcript_status="purged", from_number="",
                                              notes="", updated_at=now)}
        # An outbound call's far end is the customer (or the agent's own phone: neither is kept).
        await calls.exclude(direction="inbound").update(to_number="")
        await calls.filter(purged_at__isnull=True).update(purged_at=now)
        counts["messages"] = await Message.filter(customer_id=customer.id).using_db(connection).update(
            body="", profile_name="", sender_id="", content_variables=None, updated_at=now)
        counts["tasks"] = await Task.filter(customer_id=customer.id).using_db(connection).update(
            title=ERASED_TASK_TITLE, notes="", updated_at=now)
        counts["contracts"] = await (Contract.filter(customer_id=customer.id).exclude(status="signed")
                                     .using_db(connection).update(body=ERASED_CONTRACT_BODY, updated_at=now))
    files = await purge_calls(Call.filter(customer_id=customer.id), media_root=media_root, now=now)
    files.add(await purge_messages(Message.filter(customer_id=customer.id), media_root=media_root, now=now,
                                   without_media=True))
    counts.update(recordings=files.recordings, media=files.media)
    customer = await Customer.get(id=customer.id)
    await announce(customer)
    return customer, counts
