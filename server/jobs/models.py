from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

JOB_STATUSES = ("queued", "running", "done", "dead")
# With the queue's backoff (2, 4, 8 ... s, then every 10 minutes), the 45th attempt comes about
# 6.1 hours after the first: an outage mended within that time loses no job. The column has no
# database default (enqueue always gives one), so changing this needs no migration.
DEFAULT_MAX_ATTEMPTS = 45


class Job(Timestamped, Model):
    """A unit of slow work that survives a crash: claimed under a lease, retried, or dead."""

    id = fields.IntField(primary_key=True)
    kind = fields.CharField(max_length=64)
    payload = fields.JSONField(default=dict)
    # One job per real-world event (e.g. a RecordingSid), so Twilio's retries enqueue nothing twice.
    dedupe_key = fields.CharField(max_length=200, unique=True, null=True)
    status = fields.CharField(max_length=16, default="queued")
    attempts = fields.IntField(default=0)
    max_attempts = fields.IntField(default=DEFAULT_MAX_ATTEMPTS)
    run_at = fields.DatetimeField()
    locked_until = fields.DatetimeField(null=True)
    locked_by = fields.CharField(max_length=100, null=True)
    last_error = fields.TextField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job"
        indexes = (("status", "run_at"),)

    @property
    def is_last_attempt(self) -> bool:
        """This run is the job's last: any failure now leaves it dead. (A permanent one does at
        any attempt; so does a Twilio refusal from `retry.REFUSED_ATTEMPTS` on.)"""
        return self.attempts >= self.max_attempts


class WorkerHeartbeat(Model):
    """One row per worker, written while its slots make progress (server/jobs/worker.py)."""

    name = fields.CharField(max_length=100, primary_key=True)
    seen_at = fields.DatetimeField()

    class Meta:
        table = "worker_heartbeat"
