"""The audit log: one row per sensitive action, written by `record` and by nothing else.

Routes call `record` after the action succeeded (a refused or failed request leaves no row:
it showed nobody anything). The log is per business and append-only (database triggers); it
holds who, what, on which record and when, and in `details` only field names, counts and
filters, so the log itself never becomes a second copy of the personal data.
"""

from __future__ import annotations

from datetime import UTC, datetime

from quart import has_request_context, request

from server.audit.models import AuditEvent
from server.auth.models import User
from server.labels import label
from server.tenancy import scoped

ACTIONS = ("recording.listen", "invoice.pdf", "contract.pdf", "customers.export_csv", "customer.export",
           "customer.erase", "customer.update", "customer.delete", "audit.export", "settings.update",
           "settings.recording_notice", "settings.tax_authority")


async def record(*, action: str, user: User, target_type: str = "", target_id: int | None = None,
                 details: dict | None = None) -> AuditEvent:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")  # a typo would hide a row from every filter
    return await AuditEvent.create(
        business_id=user.business_id, user_id=user.id, user_email=user.email, action=action,
        target_type=target_type, target_id=target_id, details=details or {},
        ip=(request.remote_addr or "") if has_request_context() else "", at=datetime.now(UTC))


def audit_query(*, business_id: int, action: str | None = None, user_id: int | None = None,
                target_type: str | None = None, target_id: int | None = None,
                since: datetime | None = None, until: datetime | None = None):
    query = scoped(AuditEvent, business_id, action=action, user_id=user_id, target_type=target_type,
                   target_id=target_id)
    if since is not None:
        query = query.filter(at__gte=since)
    if until is not None:
        query = query.filter(at__lt=until)
    return query


def audit_json(event: AuditEvent, *, user_name: str = "") -> dict:
    return {
        "id": event.id,
        "at": event.at.isoformat(),
        "user_id": event.user_id,
        "user_email": event.user_email,
        "user_name": user_name,
        "action": event.action,
        "action_label": label("audit_action", event.action),
        "target_type": event.target_type,
        "target_id": event.target_id,
        "details": event.details,
        "ip": event.ip,
    }
