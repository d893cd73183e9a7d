"""Customers: the CRM's core list, and the callers the webhooks file calls under."""

from __future__ import annotations

from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from server.auth.models import User
from server.customers.models import Customer
from server.errors import APIError
from server.phones import national, to_e164
from server.tenancy import owned, scoped


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
                                     last_contact_at=seen_at, source="call")
    except IntegrityError:
        # Two webhooks for one new caller raced; the other one created the customer.
        return await Customer.get(business_id=business_id, phone=e164)


def _phone_digits(text: str) -> str | None:
    """The digits of a (partial) phone number as they appear in E.164, or None.

    `054-123` → `97254123`: local numbers drop their leading 0 for the country code.
    """
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) < 3 or len(digits) < len(text.replace(" ", "").replace("-", "").replace("+", "")) - 1:
        return None
    if digits.startswith("0"):
        return "972" + digits[1:]
    return digits


def search(query, q: str | None):
    """Free text: a name or email fragment (Hebrew or Latin), or a phone in any local format."""
    if not q or not q.strip():
        return query
    text = q.strip()
    condition = Q(name__icontains=text) | Q(email__icontains=text)
    digits = _phone_digits(text)
    if digits:
        condition |= Q(phone__contains=digits)
    return query.filter(condition)


def customers_query(*, business_id: int, q: str | None = None, status: str | None = None,
                    owner_id: int | None = None, source: str | None = None):
    query = scoped(Customer, business_id)
    if status:
        query = query.filter(status=status)
    if owner_id is not None:
        query = query.filter(owner_id=owner_id)
    if source:
        query = query.filter(source=source)
    return search(query, q)


async def _checked_fields(business_id: int, fields: dict, *, customer_id: int | None = None) -> dict:
    if "phone" in fields and fields["phone"] is not None and fields["phone"] != "":
        e164 = to_e164(fields["phone"])
        if e164 is None:
            raise APIError(422, "invalid_phone", f"not a phone number: {fields['phone']}")
        clash = await scoped(Customer, business_id).filter(phone=e164).exclude(id=customer_id or 0).first()
        if clash:
            raise APIError(409, "phone_taken", f"customer {clash.id} already has this phone number",
                           customer_id=clash.id)
        fields["phone"] = e164
    elif "phone" in fields:
        fields["phone"] = None
    if fields.get("owner_id") is not None:
        await owned(User, fields["owner_id"], business_id=business_id, what="user")
    if fields.get("email"):
        fields["email"] = fields["email"].strip().lower()
    return fields


async def create_customer(*, business_id: int, fields: dict) -> Customer:
    fields = await _checked_fields(business_id, dict(fields))
    try:
        return await Customer.create(business_id=business_id, source="manual", **fields)
    except IntegrityError as error:  # a concurrent create took the number
        raise APIError(409, "phone_taken", "a customer with this phone number exists") from error


async def update_customer(*, business_id: int, customer_id: int, fields: dict) -> Customer:
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    fields = await _checked_fields(business_id, dict(fields), customer_id=customer.id)
    if not fields:
        return customer
    customer.update_from_dict(fields)
    try:
        await customer.save(update_fields=[*fields, "updated_at"])
    except IntegrityError as error:
        raise APIError(409, "phone_taken", "a customer with this phone number exists") from error
    return customer


async def delete_customer(*, business_id: int, customer_id: int) -> None:
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    try:
        await customer.delete()
    except IntegrityError as error:
        raise APIError(409, "customer_in_use",
                       "this customer has invoices or contracts; mark the customer inactive instead") from error


def customer_json(customer: Customer) -> dict:
    return {
        "id": customer.id,
        "name": customer.name,
        "phone": customer.phone,
        "phone_display": national(customer.phone) if customer.phone else None,
        "email": customer.email,
        "status": customer.status,
        "owner_id": customer.owner_id,
        "address": customer.address,
        "notes": customer.notes,
        "source": customer.source,
        "created_at": customer.created_at.isoformat(),
        "updated_at": customer.updated_at.isoformat(),
        "last_contact_at": customer.last_contact_at.isoformat() if customer.last_contact_at else None,
    }
