from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

TASK_STATUSES = ("open", "done")
TASK_KINDS = ("task", "callback")


class Task(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="tasks")
    title = fields.CharField(max_length=300)
    notes = fields.TextField(default="")
    customer = fields.ForeignKeyField("models.Customer", related_name="tasks", null=True, on_delete=fields.SET_NULL)
    assignee = fields.ForeignKeyField("models.User", related_name="tasks")
    created_by = fields.ForeignKeyField("models.User", related_name="created_tasks", null=True,
                                        on_delete=fields.SET_NULL)
    due_at = fields.DatetimeField()
    snoozed_until = fields.DatetimeField(null=True)
    status = fields.CharField(max_length=16, default="open")
    notified_at = fields.DatetimeField(null=True)  # when task:due went out for the current due time
    # Which scheduler pass claimed the current alert: one UPDATE claims every due task at once.
    notify_claim = fields.CharField(max_length=32, null=True)
    done_at = fields.DatetimeField(null=True)
    # The agent put the current due time's alert away: it is never replayed (a new due time clears it).
    alert_dismissed_at = fields.DatetimeField(null=True)
    kind = fields.CharField(max_length=16, default="task")  # one of TASK_KINDS
    # A call-back task's call: unique, so Twilio's retries and a re-run job never make a second.
    call = fields.ForeignKeyField("models.Call", related_name="callback_tasks", null=True, unique=True,
                                  on_delete=fields.SET_NULL)
    escalated_at = fields.DatetimeField(null=True)  # when an overdue call-back was raised to the admins

    class Meta:
        table = "task"
        indexes = (("business_id", "status", "due_at"), ("assignee_id", "status", "due_at"),
                   ("customer_id", "created_at"), ("status", "notified_at", "due_at"),
                   ("status", "notified_at", "snoozed_until"), ("notify_claim",))
