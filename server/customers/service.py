"""Customers. (The CRM issue adds the full create/read/update/delete.)"""

from __future__ import annotations

from datetime import datetime

from tortoise.exceptions import IntegrityError

from server.customers.models import Customer
from server.phones import national


async def customer_for_caller(*, business_id: int, e164: str | None, seen_at: datetime) -> Customer | None:
    """The business's customer with this number, its last contact moved to `seen_at`; an
    unknown caller becomes a new lead, named by the number until an agent renames it.
    None when the caller hid the number."""
    if e164 is None:
        return None
    if await Customer.filter(business_id=business_id, phone=e164).update(last_contact_at=seen_at):
        return await Customer.get(business_id=business_id, phone=e164)
    try:
        return await Customer.create(business_id=business_id, phone=e164, name=national(e164), status="lead",
                                     last_contact_at=seen_at)
    except IntegrityError:
        # Two webhooks for one new caller raced; the other one created the customer.
        return await Customer.get(business_id=business_id, phone=e164)
