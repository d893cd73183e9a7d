"""What every table shares."""

from tortoise import fields


class Timestamped:
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
