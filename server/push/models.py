from tortoise import fields
from tortoise.models import Model


class PushSubscription(Model):
    """A browser's Web Push subscription (the PushSubscription JSON), owned by one user."""

    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="push_subscriptions")
    user = fields.ForeignKeyField("models.User", related_name="push_subscriptions")
    endpoint = fields.CharField(max_length=1000)
    endpoint_hash = fields.CharField(max_length=64, unique=True)  # endpoints are too long to index
    p256dh = fields.CharField(max_length=200)
    auth = fields.CharField(max_length=100)
    user_agent = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_success_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_subscription"
