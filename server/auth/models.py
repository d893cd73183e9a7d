from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

ROLES = ("admin", "agent")


class User(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="users")
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=200, default="")
    password_hash = fields.CharField(max_length=255)
    role = fields.CharField(max_length=16, default="agent")
    is_active = fields.BooleanField(default=True)

    class Meta:
        table = "user"
