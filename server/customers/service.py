"""Customers: the CRM's core list, and the callers the webhooks file calls under."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import partial

from pypika_tortoise.terms import Term, ValueWrapper
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from server import realtime, rows
from server.auth.models import User
from server.customers.counts import customer_count
from server.customers.models import Customer
from server.errors import APIError
from server.labels import label
from server.phones import national, to_e164
from server.tax_ids import checked_tax_id
from server.tenancy import owned, scoped


async def customer_for_caller(*, business_id: int, e164: str | None, seen_at: datetime, source: str = "call",
                              name: str | None = None) -> Customer | None:
    """The business's customer with this number, its last contact moved to `seen_at`; an
    unknown caller becomes a new lead, named `name` (WhatsApp's profile name) or by the number
    until an agent renames it. None when the caller hid the number."""
    if e164 is None:
        return None
    if await Customer.filter(business_id=business_id, phone=e164).update(last_contact_at=seen_at):
        return await Customer.get(business_id=business_id, phone=e164)
    try:
        lead = new_lead(business_id=business_id, e164=e164, seen_at=seen_at, source=source, name=name)
        await lead.save()
        return lead
    except IntegrityError:
        # Two webhooks for one new caller raced; the other one created the customer.
        return await Customer.get(business_id=business_id, phone=e164)


def new_lead(*, business_id: int, e164: str, seen_at: datetime, source: str, name: str | None = None) -> Customer:
    """An unknown caller as a new customer (not saved yet): a lead, named `name` or by the
    number until an agent renames it."""
    return Customer(business_id=business_id, phone=e164, name=(name or national(e164))[:200],
                    status="lead", last_contact_at=seen_at, source=source)


PREFIX_END = "~"  # sorts after every digit: [prefix, prefix + "~") holds the numbers starting with it
# SQLite's FTS5 index of the customers' name, email and phone (the search-and-counts migration).
SEARCH_TABLE = "customer_search"


def _phone_digits(text: str) -> str | None:
    """The digits of a (partial) phone number as they appear in E.164, or None.

    `054-123` → `97254123`: local numbers drop their leading 0 for the country code.
    """
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) < 3 or len(digits) < len(text.replace(" ", "").replace("-", "").replace("+", "")) - 1:
        return None
    if len(digits) > 15:  # E.164 numbers have at most 15 digits: this is not a phone number
        return None
    if digits.startswith("0"):
        return "972" + digits[1:]
    return digits


def search(query, q: str | None):
    """Free text: a name or email fragment (Hebrew or Latin), or a phone in any local format.

    A number typed from its start (`054-123`, `+972 54 123`) is a prefix of the E.164 number: a
    range on the (business, phone) index. Any other run of digits (`765-4321`) is found
    anywhere in the number. On PostgreSQL the LIKEs are answered by pg_trgm indexes; on SQLite
    a fragment of 3 characters or more goes through the FTS5 trigram index, and a shorter one
    falls back to the LIKEs (a scan)."""
    if not q or not q.strip():
        return query
    text = q.strip()
    digits = _phone_digits(text)
    prefix = "+" + digits if digits and text.startswith(("0", "+")) else None
    if len(text) >= 3 and rows.dialect() == "sqlite":
        condition = Q(id__in=_FtsMatch(_fts_phrase(text, None if prefix else digits)))
    else:
        condition = Q(name__icontains=text) | Q(email__icontains=text)
        if digits and not prefix:
            condition |= Q(phone__contains=digits)
    if prefix:
        condition |= Q(phone__gte=prefix, phone__lt=prefix + PREFIX_END)
    return query.filter(condition)


def _fts_phrase(text: str, digits: str | None) -> str:
    """The FTS5 query: the fragment as a phrase in the name or email (a `"` inside a phrase
    is written twice: FTS5's own syntax), or the digits in the phone."""
    match = "{name email} : " + '"' + text.replace("\x00", "").replace('"', '""') + '"'
    if digits:
        match += f' OR phone : "{digits}"'
    return match


class _FtsMatch(Term):
    """`(SELECT rowid FROM customer_search WHERE customer_search MATCH ?)`: the ids of the
    customers the FTS5 query matches, the query a bound parameter like every other value."""

    def __init__(self, match: str) -> None:
        super().__init__()
        self.match = match

    def get_sql(self, ctx) -> str:
        value = ValueWrapper(self.match).get_sql(ctx)
        return f"(SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH {value})"


def customers_query(*, business_id: int, q: str | None = None, status: str | None = None,
                    owner_id: int | None = None, no_owner: bool = False, source: str | None = None):
    query = scoped(Customer, business_id)
    if status:
        query = query.filter(status=status)
    if owner_id is not None:
        query = query.filter(owner_id=owner_id)
    if no_owner:
        query = query.filter(owner_id__isnull=True)
    if source:
        query = query.filter(source=source)
    return search(query, q)


def customers_count(*, business_id: int, q: str | None = None, status: str | None = None,
                    owner_id: int | None = None, no_owner: bool = False,
                    source: str | None = None) -> Callable[[], Awaitable[int]] | None:
    """The exact count of customers_query(...) from the kept counts, when no filter but
    `status` is given (a read of a few rows; COUNT(*) over a million rows is 100-250 ms);
    None otherwise: the list counts its query."""
    if (q and q.strip()) or owner_id is not None or no_owner or source:
        return None
    return partial(customer_count, business_id=business_id, status=status or None)


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
    if "tax_id" in fields:
        fields["tax_id"] = checked_tax_id(fields["tax_id"])
    return fields


async def announce(customer: Customer, *, deleted: bool = False) -> None:
    """`customer:updated` to the customer's business: created, changed or (`deleted`) removed."""
    await realtime.publish("customer:updated", {"customer": customer_json(customer), "deleted": deleted},
                           room=realtime.business_room(customer.business_id))


async def create_customer(*, business_id: int, fields: dict) -> Customer:
    fields = await _checked_fields(business_id, dict(fields))
    try:
        customer = await Customer.create(business_id=business_id, source="manual", **fields)
    except IntegrityError as error:  # a concurrent create took the number
        raise APIError(409, "phone_taken", "a customer with this phone number exists") from error
    await announce(customer)
    return customer


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
    await announce(customer)
    return customer


async def delete_customer(*, business_id: int, customer_id: int) -> None:
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    try:
        await customer.delete()
    except IntegrityError as error:
        raise APIError(409, "customer_in_use",
                       "this customer has invoices or contracts; mark the customer inactive instead") from error
    await announce(customer, deleted=True)


def customer_json(customer: Customer) -> dict:
    return {
        "id": customer.id,
        "name": customer.name,
        "phone": customer.phone,
        "phone_display": national(customer.phone) if customer.phone else None,
        "email": customer.email,
        "status": customer.status,
        "status_label": label("customer_status", customer.status),
        "owner_id": customer.owner_id,
        "address": customer.address,
        "notes": customer.notes,
        "source": customer.source,
        "source_label": label("customer_source", customer.source),
        "created_at": customer.created_at.isoformat(),
        "updated_at": customer.updated_at.isoformat(),
        "last_contact_at": customer.last_contact_at.isoformat() if customer.last_contact_at else None,
        "tax_id": customer.tax_id,
        "erased_at": customer.erased_at.isoformat() if customer.erased_at else None,
    }
