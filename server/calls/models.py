from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from server.base_models import Timestamped

# purged: the recording and its transcript were deleted (retention or erasure, server/privacy/).
TRANSCRIPT_STATUSES = ("none", "pending", "done", "failed", "unavailable", "purged")
# What came of a call, as the agent files it afterwards (labels: server/labels.json "call_outcome").
OUTCOMES = ("handled", "callback", "meeting", "message", "not_relevant")
# How an inbound call was handled (server/calls/routing.py): the greeting and a recording in a
# voicemail business; ringing the agents, then answered or missed (to the recording); no agent
# available (to the recording at once); closed (the closed greeting and a recording).
HANDLINGS = ("voicemail", "ringing", "answered", "missed", "no_agents", "closed")


class Call(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    business = fields.ForeignKeyField("models.Business", related_name="calls")
    customer = fields.ForeignKeyField("models.Customer", related_name="calls", null=True, on_delete=fields.SET_NULL)
    call_sid = fields.CharField(max_length=64, unique=True)
    direction = fields.CharField(max_length=32, default="inbound")
    status = fields.CharField(max_length=32, default="ringing")
    from_number = fields.CharField(max_length=64, default="")
    to_number = fields.CharField(max_length=64, default="")
    started_at = fields.DatetimeField()
    duration = fields.IntField(null=True)  # seconds, from Twilio's CallDuration
    recording_sid = fields.CharField(max_length=64, unique=True, null=True)
    recording_remote_url = fields.CharField(max_length=500, null=True)
    recording_duration = fields.IntField(null=True)
    recording_path = fields.CharField(max_length=500, null=True)  # relative to MEDIA_ROOT
    transcript = fields.TextField(null=True)
    transcript_status = fields.CharField(max_length=16, default="none")
    notes = fields.TextField(default="")
    outcome = fields.CharField(max_length=32, null=True)  # one of OUTCOMES; None until the agent files one
    handling = fields.CharField(max_length=16, default="voicemail")  # one of HANDLINGS
    answered_by = fields.ForeignKeyField("models.User", related_name="answered_calls", null=True,
                                         on_delete=fields.SET_NULL)
    answered_at = fields.DatetimeField(null=True)
    # A missed or after-hours call is called back when an agent's click-to-call reaches the customer.
    called_back_at = fields.DatetimeField(null=True)
    called_back_by = fields.ForeignKeyField("models.User", related_name="callbacks_made", null=True,
                                            on_delete=fields.SET_NULL)
    # The agent whose click-to-call placed an outbound call (the one who called back).
    placed_by = fields.ForeignKeyField("models.User", related_name="placed_calls", null=True,
                                       on_delete=fields.SET_NULL)
    # When retention or an erasure deleted its recording and transcript (the row stays: who
    # called, when, for how long, how it ended).
    purged_at = fields.DatetimeField(null=True)

    class Meta:
        table = "call"
        indexes = (
            ("business_id", "started_at"),
            ("customer_id", "started_at"),
            # The calls board reads only this (migration 7, call_stats_indexes, which also makes a
            # partial index of the called-back calls that tortoise cannot express).
            Index(fields=("business_id", "started_at", "direction", "answered_by_id", "recording_sid"),
                  name="call_stats_board"),
        )
