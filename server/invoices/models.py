from datetime import UTC, datetime

from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

INVOICE_STATUSES = ("draft", "issued", "paid", "cancelled")


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
    status = fields.CharField(max_length=16, default="draft")
    notes = fields.TextField(default="")
    issued_at = fields.DatetimeField(null=True)
    paid_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    # Its latest event (created, issued, paid, cancelled): the timeline dates and pages by it.
    happened_at = fields.DatetimeField(default=lambda: datetime.now(UTC))

    class Meta:
        table = "invoice"
        unique_together = (("business", "number"),)
        indexes = (("customer_id", "created_at"), ("business_id", "status"), ("customer_id", "happened_at"))
