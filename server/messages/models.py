from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

DIRECTIONS = ("inbound", "outbound")


class Message(Timestamped, Model):
    """A WhatsApp message, either way. `media`: one entry per attachment,
    `{"content_type", "remote_url", "path", "size", "status"}` (path relative to MEDIA_ROOT)."""

    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="messages")
    customer = fields.ForeignKeyField("models.Customer", related_name="messages", null=True, on_delete=fields.SET_NULL)
    # Twilio's MessageSid: set on arrival (inbound) or once Twilio accepted the send (outbound).
    message_sid = fields.CharField(max_length=64, unique=True, null=True)
    direction = fields.CharField(max_length=16)
    body = fields.TextField(default="")
    media = fields.JSONField(default=list)
    status = fields.CharField(max_length=16, default="received")
    error_code = fields.IntField(null=True)
    error_message = fields.CharField(max_length=300, null=True)  # Hebrew, for the agent
    # The customer's WhatsApp address without "whatsapp:": an E.164 number, or a business-scoped
    # user id (BSUID) that is no phone number.
    sender_id = fields.CharField(max_length=128, default="")
    profile_name = fields.CharField(max_length=200, default="")
    content_sid = fields.CharField(max_length=64, null=True)  # a template (Content API)
    content_variables = fields.JSONField(null=True)
    sent_by = fields.ForeignKeyField("models.User", related_name="messages_sent", null=True, on_delete=fields.SET_NULL)
    status_at = fields.DatetimeField(null=True)  # when the status last moved
    purged_at = fields.DatetimeField(null=True)  # when retention or an erasure deleted its media

    class Meta:
        table = "message"
        indexes = (("business_id", "created_at"), ("customer_id", "created_at"),
                   ("customer_id", "direction", "created_at"), ("business_id", "sender_id"))
