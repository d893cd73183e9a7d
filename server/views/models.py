from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped


class SavedView(Timestamped, Model):
    """A user's saved table layout (columns, sort, filters, density), for both clients."""

    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="saved_views")
    user = fields.ForeignKeyField("models.User", related_name="saved_views")
    resource = fields.CharField(max_length=32)  # customers, calls, tasks, invoices, contracts
    name = fields.CharField(max_length=100)
    columns = fields.JSONField(default=list)
    sort = fields.CharField(max_length=64, default="")
    filters = fields.JSONField(default=dict)
    density = fields.CharField(max_length=16, default="normal")  # compact, normal, comfortable
    is_default = fields.BooleanField(default=False)

    class Meta:
        table = "saved_view"
        unique_together = (("user", "resource", "name"),)
