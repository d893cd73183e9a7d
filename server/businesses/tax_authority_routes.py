"""The business's Tax Authority credentials: write-only. An admin saves or removes them; no
answer, error or log line ever carries the secret or the refresh token (`GET /api/business`
says only whether they are configured, and where from)."""

from pydantic import BaseModel, ConfigDict, Field
from quart import Blueprint, Response, current_app, g
from quart_schema import document_response, tag_blueprint, validate_request, validate_response

from server.audit.service import record
from server.auth.current import admin_required
from server.businesses.schemas import TaxAuthorityOut
from server.invoices import allocation_job
from server.invoices import credentials as stored_credentials
from server.invoices.tax_authority import Credentials
from server.openapi import NO_CONTENT

bp = Blueprint("business_tax_authority", __name__)
tag_blueprint(bp, ["business"])


class TaxAuthorityCredentialsIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    client_id: str = Field(min_length=1, max_length=200)
    client_secret: str = Field(min_length=1, max_length=500)
    refresh_token: str = Field(min_length=1, max_length=4000)


@bp.put("/api/business/tax_authority")
@admin_required
@validate_request(TaxAuthorityCredentialsIn)
@validate_response(TaxAuthorityOut)
async def save_credentials(data: TaxAuthorityCredentialsIn):
    """Save the business's own credentials (encrypted); invoices waiting for want of them are
    asked for again."""
    await stored_credentials.save(business_id=g.user.business_id, settings=current_app.config["SETTINGS"],
                                  credentials=Credentials(data.client_id, data.client_secret, data.refresh_token))
    await allocation_job.credentials_saved(business_id=g.user.business_id)
    await record(action="settings.tax_authority", user=g.user, details={"configured": True})
    return {"configured": True, "source": "settings"}


@bp.delete("/api/business/tax_authority")
@admin_required
@document_response(NO_CONTENT, 204)
async def remove_credentials():
    """Remove the business's own credentials (the environment's, if any, apply again)."""
    await stored_credentials.remove(business_id=g.user.business_id)
    await record(action="settings.tax_authority", user=g.user, details={"configured": False})
    return Response(status=204)
