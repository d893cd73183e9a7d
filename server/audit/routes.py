"""The audit log, for admins: read and exported, never written, changed or deleted here (no
route but these two GETs exists, so anything else is a 405)."""

from __future__ import annotations

import csv
import io

from quart import Blueprint, Response, g
from quart_schema import document_response, tag_blueprint, validate_querystring, validate_response

from server.audit.models import AuditEvent
from server.audit.schemas import AUDIT_SORTS, AuditEventOut, AuditListQuery
from server.audit.service import audit_json, audit_query, record
from server.auth.current import admin_required
from server.auth.models import User
from server.customers.export import safe_cell
from server.openapi import CSV
from server.pagination import ordering, page_of, paginated

bp = Blueprint("audit", __name__, url_prefix="/api/audit")
tag_blueprint(bp, ["audit"])

EXPORT_MAX = 100_000  # rows in one CSV: years of a busy office; a filter narrows the rest
HEADER = ("מועד", "משתמש", "דוא\"ל", "פעולה", "סוג רשומה", "מספר רשומה", "פרטים", "כתובת IP")


def _filters(args: AuditListQuery) -> dict:
    return {"action": args.action, "user_id": args.user_id, "target_type": args.target_type,
            "target_id": args.target_id, "since": args.since, "until": args.until}


async def _names(business_id: int) -> dict[int, str]:
    """The business's users' names (a handful): one read, not one per row."""
    return {user_id: name or email for user_id, name, email
            in await User.filter(business_id=business_id).values_list("id", "name", "email")}


@bp.get("")
@admin_required
@validate_querystring(AuditListQuery)
@validate_response(page_of(AuditEventOut))
async def list_events(query_args: AuditListQuery):
    names = await _names(g.user.business_id)
    return await paginated(audit_query(business_id=g.user.business_id, **_filters(query_args)),
                           page=query_args.page, limit=query_args.limit,
                           order_by=ordering(query_args.sort, allowed=AUDIT_SORTS, default="-at"),
                           serialize=lambda event: audit_json(event, user_name=names.get(event.user_id, "")))


def _csv(events: list[AuditEvent], names: dict[int, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for event in events:
        item = audit_json(event, user_name=names.get(event.user_id, ""))
        details = "; ".join(f"{key}={value}" for key, value in sorted(item["details"].items()))
        writer.writerow([safe_cell(value) for value in (
            item["at"], item["user_name"], item["user_email"], item["action_label"], item["target_type"],
            item["target_id"] or "", details, item["ip"])])
    return "\ufeff" + out.getvalue()  # a BOM: Excel shows the Hebrew


@bp.get("/export.csv")
@admin_required
@validate_querystring(AuditListQuery)
@document_response(CSV)
async def export_events(query_args: AuditListQuery):
    filters = _filters(query_args)
    events = await audit_query(business_id=g.user.business_id, **filters).order_by("-at", "-id").limit(EXPORT_MAX)
    body = _csv(events, await _names(g.user.business_id))
    await record(action="audit.export", user=g.user,
                 details={"rows": len(events), **{k: str(v) for k, v in filters.items() if v is not None}})
    return Response(body, content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'})
