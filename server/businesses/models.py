from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped


class Business(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    timezone = fields.CharField(max_length=64, default="Asia/Jerusalem")

    class Meta:
        table = "business"


class PhoneNumber(Timestamped, Model):
    """A Twilio number; the number called (`To`) tells which business a call is for."""

    id = fields.IntField(primary_key=True)
    e164 = fields.CharField(max_length=20, unique=True)
    business = fields.ForeignKeyField("models.Business", related_name="phone_numbers")

    class Meta:
        table = "phone_number"
