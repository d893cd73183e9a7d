"""What admins may write. Each model allow-lists its fields and refuses any other (422), so a
body can never carry business_id, id or anything the server owns."""

from decimal import Decimal
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from server.pagination import ListQuery
from server.schemas import DbId, PatchModel, ResponseModel, Timestamp

Role = Literal["admin", "agent"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class UserListQuery(ListQuery):
    role: Role | None = None
    is_active: bool | None = None


class UserCreate(_Strict):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1024)
    name: str = Field("", max_length=200)
    role: Role = "agent"


class UserPatch(_Strict, PatchModel):
    name: str | None = Field(None, max_length=200)
    role: Role | None = None
    is_active: bool | None = None
    password: str | None = Field(None, min_length=1, max_length=1024)
    phone: str | None = Field(None, max_length=32)  # the agent's own phone for click-to-call; "" clears


TaxIdKind = Literal["company", "licensed_dealer", "exempt_dealer"]


class BusinessPatch(_Strict, PatchModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(None, min_length=1, max_length=200)
    tax_id: str | None = Field(None, max_length=20, pattern=r"^[0-9-]*$")
    tax_id_kind: TaxIdKind | None = None
    address: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=20)
    email: str | None = Field(None, max_length=254)
    vat_rate: Decimal | None = Field(None, ge=0, le=100, max_digits=5, decimal_places=2)
    timezone: str | None = Field(None, max_length=64)
    missed_call_followup: bool | None = None
    missed_call_template_sid: str | None = Field(None, pattern=r"^(HX[0-9a-fA-F]{32})?$")  # "" for none
    on_duty_user_id: DbId | None = None  # null: the first active admin
    # Live calls; checked by the service (server/businesses/settings.py), whose 422s name the fault.
    call_mode: Any = None  # "voicemail" | "ring_agents"
    ring_seconds: Any = None  # 5..120
    hours: Any = None  # {"sun": [["08:00", "17:00"]], ..., "sat": []}
    closed_on_holidays: bool | None = None
    callback_minutes: Any = None  # 1..1440
    # Privacy (server/privacy/): months recordings, transcripts and WhatsApp media are kept.
    retention_months: Any = None  # 1..120
    recording_notice: bool | None = None  # false: callers are no longer told they are recorded
    agents_can_listen: bool | None = None
    agents_can_export: bool | None = None

    nullable = frozenset({"on_duty_user_id"})

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError) as error:
                raise ValueError(f"unknown time zone {value!r}") from error
        return value


USER_SORTS = ("id", "name", "email", "role", "created_at")


class UserAdminOut(ResponseModel):
    id: int
    email: str
    name: str
    role: Role
    business_id: int
    is_active: bool
    phone: str
    phone_display: str  # 054-123-4567; "" when not set
    created_at: Timestamp


class HolidayOut(ResponseModel):
    date: str
    name: str


class TaxAuthorityOut(ResponseModel):
    configured: bool
    source: Literal["settings", "env"] | None  # the admin's saved credentials, or the server's environment


class BusinessOut(ResponseModel):
    id: int
    name: str
    timezone: str
    tax_id: str
    tax_id_kind: TaxIdKind
    address: str
    phone: str
    email: str
    vat_rate: float  # percent
    greeting_url: str  # what callers hear: the business's own greeting, else the default
    greeting_text: str | None  # what it says, when it was made from text
    tts_engine: Literal["google", "espeak-ng"]  # who renders greetings from text here
    missed_call_followup: bool
    missed_call_template_sid: str
    on_duty_user_id: int | None
    call_mode: Literal["voicemail", "ring_agents"]
    ring_seconds: int
    hours: dict[str, list[list[str]]]  # {"sun": [["08:00", "17:00"]], ..., "sat": []}
    closed_on_holidays: bool
    callback_minutes: int
    open_now: bool
    next_opening: Timestamp | None
    upcoming_holidays: list[HolidayOut]
    closed_greeting_url: str  # what callers hear when the business is closed
    closed_greeting_text: str | None
    retention_months: int
    recording_notice: bool
    recording_notice_text: str  # the wording in force (the default one included)
    recording_notice_default: bool  # the default wording
    recording_notice_url: str
    agents_can_listen: bool
    agents_can_export: bool
    tax_authority: TaxAuthorityOut
    updated_at: Timestamp


class NumberListQuery(ListQuery):
    pass


NUMBER_SORTS = ("id", "e164", "created_at")


class NumberCreate(_Strict):
    number: str = Field(min_length=1, max_length=32)  # any Israeli format, or E.164


class NumberOut(ResponseModel):
    id: int
    number: str  # E.164
    number_display: str  # as an Israeli agent writes it: 03-555-0100
    created_at: Timestamp
