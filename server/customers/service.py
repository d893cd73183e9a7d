"""Customers. (The CRM issue adds the full create/read/update/delete.)"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from server.customers.models import Customer
from server.phones import national


async def customer_for_caller(*, business_id: int, e164: str | None) -> Customer | None:
    """The business's customer with this number; an unknown caller becomes a new lead,
    named by the number until an agent renames it. None when the caller hid the number."""
    if e164 is None:
        return None
    customer = await Customer.get_or_none(business_id=business_id, phone=e164)
    if customer:
        return customer
    try:
        return await Customer.create(
            business_id=business_id, phone=e164, name=national(e164), status="lead"
        )
    except IntegrityError:
        # Two webhooks for one new caller raced; the other one created the customer.
        return await Customer.get(business_id=business_id, phone=e164)
