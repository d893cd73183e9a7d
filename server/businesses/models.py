from tortoise import fields
from tortoise.models import Model

from server.base_models import Timestamped

CALL_MODES = ("voicemail", "ring_agents")
WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def default_hours() -> dict[str, list[list[str]]]:
    """Sunday to Thursday 08:00-17:00, a short Friday, closed on Shabbat."""
    return {**{day: [["08:00", "17:00"]] for day in WEEKDAYS[:5]}, "fri": [["08:00", "13:00"]], "sat": []}


class Business(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    timezone = fields.CharField(max_length=64, default="Asia/Jerusalem")
    # What invoices and contracts print about the business.
    tax_id = fields.CharField(max_length=20, default="")
    tax_id_kind = fields.CharField(max_length=20, default="company")  # company, licensed_dealer, exempt_dealer
    address = fields.CharField(max_length=300, default="")
    phone = fields.CharField(max_length=20, default="")
    email = fields.CharField(max_length=254, default="")
    vat_rate = fields.DecimalField(max_digits=5, decimal_places=2, default=18)  # percent
    # The last invoice number given: numbers are sequential per business, with no gaps.
    invoice_seq = fields.IntField(default=0)
    # Missed-call follow-up: a call that ends with no recording (no answer, busy, a hang-up
    # during the greeting) becomes a call-back task for the on-duty agent (else the first active
    # admin), and, with a template set, a WhatsApp template to the caller.
    missed_call_followup = fields.BooleanField(default=False)
    missed_call_template_sid = fields.CharField(max_length=64, default="")  # Content API HX..., "" for none
    # A plain id, not a foreign key (user already points at business: tortoise refuses cycles);
    # checked to be an active user of this business when set and when used.
    on_duty_user_id = fields.IntField(null=True)
    # What the greeting says when an admin made it from text (server/greetings/), so the
    # settings page can show it for editing; null for an uploaded MP3 or the default welcome.
    greeting_text = fields.TextField(null=True)
    # Live calls (server/calls/routing.py): "voicemail" answers every call with the greeting and
    # a recording, as the brief asks; "ring_agents" rings the available agents together during
    # opening hours, and falls back to the recording when none answers.
    call_mode = fields.CharField(max_length=16, default="voicemail")
    ring_seconds = fields.IntField(default=20)
    # Weekly opening hours in `timezone`: {"sun": [["08:00", "17:00"]], ..., "sat": []}.
    hours = fields.JSONField(default=default_hours)
    closed_on_holidays = fields.BooleanField(default=True)  # Israel's official holidays
    callback_minutes = fields.IntField(default=30)  # a missed call's call-back task is due this long after
    # What the closed greeting says when made from text, as greeting_text is for the greeting.
    closed_greeting_text = fields.TextField(null=True)
    # Privacy (server/privacy/): recordings, transcripts and WhatsApp media are kept this long;
    # invoices and signed contracts are kept for the legal seven years whatever it says.
    retention_months = fields.IntField(default=24)
    # Callers hear that the message is recorded, and why, after the greeting; only an admin
    # may turn it off. Null wording: the default one (static/voice_responses/recording_notice.mp3).
    recording_notice = fields.BooleanField(default=True)
    recording_notice_text = fields.TextField(null=True)
    agents_can_listen = fields.BooleanField(default=True)  # admins always may
    agents_can_export = fields.BooleanField(default=False)  # CSV exports; admins always may
    # The Tax Authority's OAuth credentials, encrypted (server/secret_box.py); never in any JSON.
    tax_authority_credentials = fields.TextField(null=True)

    class Meta:
        table = "business"


class PhoneNumber(Timestamped, Model):
    """A Twilio number; the number called (`To`) tells which business a call is for."""

    id = fields.IntField(primary_key=True)
    e164 = fields.CharField(max_length=20, unique=True)
    business = fields.ForeignKeyField("models.Business", related_name="phone_numbers")

    class Meta:
        table = "phone_number"
