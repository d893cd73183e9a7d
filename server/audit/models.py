from datetime import UTC, datetime

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    """One sensitive action (a recording heard, a PDF or an export downloaded, a customer
    changed or erased). Append-only: migration 8 (privacy_and_allocation) adds triggers that
    refuse UPDATE and DELETE, and no route writes it but `server.audit.service.record`.

    `user_email` is a copy, so the row still says who when the user is gone; `details` holds
    field names, counts and filters, never the personal data itself."""

    id = fields.BigIntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="audit_events", on_delete=fields.RESTRICT)
    user = fields.ForeignKeyField("models.User", related_name="audit_events", null=True, on_delete=fields.SET_NULL)
    user_email = fields.CharField(max_length=254, default="")
    action = fields.CharField(max_length=40)
    target_type = fields.CharField(max_length=32, default="")
    target_id = fields.IntField(null=True)
    details = fields.JSONField(default=dict)
    ip = fields.CharField(max_length=64, default="")
    at = fields.DatetimeField(default=lambda: datetime.now(UTC))

    class Meta:
        table = "audit_event"
        indexes = (("business_id", "at", "id"), ("business_id", "action", "at"),
                   ("business_id", "target_type", "target_id"))
