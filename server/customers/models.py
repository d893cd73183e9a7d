from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped


class Customer(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="customers")
    name = fields.CharField(max_length=200)
    phone = fields.CharField(max_length=20, null=True)  # E.164
    email = fields.CharField(max_length=254, null=True)
    status = fields.CharField(max_length=32, default="lead")  # lead, active, inactive
    owner = fields.ForeignKeyField("models.User", related_name="customers", null=True, on_delete=fields.SET_NULL)
    last_contact_at = fields.DatetimeField(null=True)
    address = fields.CharField(max_length=300, default="")
    notes = fields.TextField(default="")
    source = fields.CharField(max_length=32, default="manual")  # manual, call, whatsapp, import
    # ח.פ. / ע.מ. / ת.ז.: nine digits with the Israeli check digit, "" for a private person. A
    # business customer's tax invoices above the threshold need an allocation number.
    tax_id = fields.CharField(max_length=20, default="")
    erased_at = fields.DatetimeField(null=True)  # its personal data erased on request (server/privacy/)

    class Meta:
        table = "customer"
        unique_together = (("business", "phone"),)
        # One per allowed sort, ending in id (the tie-breaker), so a sorted page of a business
        # is an index range scan however many customers it has. Free-text search indexes, and
        # the per-(business, status) counts behind unfiltered totals, are in the hand-written
        # search-and-counts migration (server/migrations/<dialect>/models/1_*), the indexes of
        # the status and owner filters in 3_* (customer_filter_indexes).
        indexes = (("business_id", "name", "id"), ("business_id", "created_at", "id"),
                   ("business_id", "updated_at", "id"), ("business_id", "last_contact_at", "id"),
                   ("business_id", "status", "id"))
