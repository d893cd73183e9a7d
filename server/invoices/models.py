from datetime import UTC, datetime

from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

# awaiting_allocation: issued by the agent, waiting for the Tax Authority's allocation number
# (server/invoices/allocation.py); it becomes issued once the number arrives.
INVOICE_STATUSES = ("draft", "awaiting_allocation", "issued", "paid", "cancelled")
ALLOCATION_STATUSES = ("not_required", "pending", "allocated", "refused")


class Invoice(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="invoices")
    customer = fields.ForeignKeyField("models.Customer", related_name="invoices", on_delete=fields.RESTRICT)
    number = fields.IntField()
    lines = fields.JSONField(default=list)  # [{description, quantity, unit_price}] as strings of decimals
    subtotal = fields.DecimalField(max_digits=14, decimal_places=2)
    vat_rate = fields.DecimalField(max_digits=5, decimal_places=2)  # percent
    vat = fields.DecimalField(max_digits=14, decimal_places=2)
    total = fields.DecimalField(max_digits=14, decimal_places=2)
    currency = fields.CharField(max_length=3, default="ILS")
    status = fields.CharField(max_length=32, default="draft")  # "awaiting_allocation" needs 19
    notes = fields.TextField(default="")
    issued_at = fields.DatetimeField(null=True)
    paid_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    # Its latest event (created, issued, paid, cancelled): the timeline dates and pages by it.
    happened_at = fields.DatetimeField(default=lambda: datetime.now(UTC))
    # The allocation number (מספר הקצאה) of a B2B tax invoice at or above the threshold.
    allocation_status = fields.CharField(max_length=16, default="not_required")
    allocation_number = fields.CharField(max_length=32, null=True)
    allocation_error = fields.JSONField(null=True)  # {"code", "message" (Hebrew)} of the last failure
    allocation_attempts = fields.IntField(default=0)
    allocation_requested_at = fields.DatetimeField(null=True)
    # The buyer as it stood when the invoice was issued: the invoice keeps it for the legal seven
    # years even after the customer's personal data is erased.
    buyer_name = fields.CharField(max_length=200, default="")
    buyer_tax_id = fields.CharField(max_length=20, default="")

    class Meta:
        table = "invoice"
        unique_together = (("business", "number"),)
        indexes = (("customer_id", "created_at"), ("business_id", "status"), ("customer_id", "happened_at"))
