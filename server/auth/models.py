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
    # The agent's own phone (E.164): click-to-call rings it first, then dials the customer.
    phone = fields.CharField(max_length=20, default="")
    # What the agent chose ("available" or "away"); ringing also needs a live socket
    # (server/presence/).
    presence = fields.CharField(max_length=16, default="available")

    class Meta:
        table = "user"


class RefreshToken(Model):
    """An opaque refresh token, stored only as its SHA-256. Each use rotates it within its
    family; presenting a rotated one again revokes the whole family (token theft)."""

    id = fields.IntField(primary_key=True)
    user = fields.ForeignKeyField("models.User", related_name="refresh_tokens")
    business_id = fields.IntField()
    family_id = fields.CharField(max_length=32, db_index=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    client = fields.CharField(max_length=16, default="web")
    user_agent = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()  # absolute: the family's, not extended by rotation
    used_at = fields.DatetimeField(null=True)
    replaced_by_id = fields.IntField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_token"


class LoginAttempt(Model):
    """Failed logins, counted per account and per IP to slow down password guessing."""

    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254)
    ip = fields.CharField(max_length=64)
    at = fields.DatetimeField()

    class Meta:
        table = "login_attempt"
        indexes = (("email", "at"), ("ip", "at"))
