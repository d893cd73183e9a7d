from tortoise import fields
from tortoise.models import Model


class SocketPresence(Model):
    """One live Socket.IO connection of a user. Each server process refreshes `seen_at` for
    the connections it holds, so a process that died (kill -9) stops counting within a
    minute and a half instead of leaving its agents "online" for ever."""

    id = fields.IntField(primary_key=True)
    sid = fields.CharField(max_length=64, unique=True)
    user = fields.ForeignKeyField("models.User", related_name="sockets", on_delete=fields.CASCADE)
    business_id = fields.IntField()
    client = fields.CharField(max_length=16, default="web")
    connected_at = fields.DatetimeField()
    seen_at = fields.DatetimeField()

    class Meta:
        table = "socket_presence"
        indexes = (("user_id", "seen_at"), ("business_id", "seen_at"))
