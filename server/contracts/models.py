from datetime import UTC, datetime

from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

CONTRACT_STATUSES = ("draft", "sent", "signed", "declined")


class Contract(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="contracts")
    customer = fields.ForeignKeyField("models.Customer", related_name="contracts", on_delete=fields.RESTRICT)
    title = fields.CharField(max_length=300)
    body = fields.TextField()
    status = fields.CharField(max_length=16, default="draft")
    sign_token = fields.CharField(max_length=64, unique=True)
    sent_at = fields.DatetimeField(null=True)
    signed_at = fields.DatetimeField(null=True)
    declined_at = fields.DatetimeField(null=True)
    # Its latest event (created, sent, signed, declined): the timeline dates and pages by it.
    happened_at = fields.DatetimeField(default=lambda: datetime.now(UTC))

    class Meta:
        table = "contract"
        indexes = (("customer_id", "created_at"), ("business_id", "status"), ("customer_id", "happened_at"))


class Signature(Model):
    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="signatures")
    contract = fields.OneToOneField("models.Contract", related_name="signature", on_delete=fields.RESTRICT)
    signer_name = fields.CharField(max_length=200)
    signed_at = fields.DatetimeField()
    ip = fields.CharField(max_length=64)
    user_agent = fields.CharField(max_length=500, default="")
    document_sha256 = fields.CharField(max_length=64)
    image_path = fields.CharField(max_length=300)  # PNG, relative to MEDIA_ROOT
    pdf_path = fields.CharField(max_length=300, null=True)  # the signed PDF, relative to MEDIA_ROOT

    class Meta:
        table = "signature"
