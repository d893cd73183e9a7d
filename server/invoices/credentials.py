"""Whose Tax Authority credentials an allocation uses: the business's own (saved by its admin,
encrypted in `Business.tax_authority_credentials`), else the server's environment
(TAX_AUTHORITY_CLIENT_ID / _CLIENT_SECRET / _REFRESH_TOKEN), else none.

The secret and the refresh token never leave this module and server/invoices/tax_authority.py:
not in any JSON, error or log line.
"""

from __future__ import annotations

import logging

from server.businesses.models import Business
from server.businesses.settings import tax_authority_source
from server.config import Settings
from server.invoices.tax_authority import Credentials, forget_tokens
from server.secret_box import SecretUnreadableError, open_sealed, seal

log = logging.getLogger("agentlocator.invoices")


def for_business(business: Business, *, settings: Settings) -> Credentials | None:
    source = tax_authority_source(business, settings=settings)
    if source == "settings":
        try:
            stored = open_sealed(business.tax_authority_credentials, settings=settings)
        except SecretUnreadableError:
            # SETTINGS_KEY and JWT_SECRET both changed since they were saved: the admin saves them again.
            log.warning("business %s: its Tax Authority credentials do not decrypt with the configured keys",
                        business.id)
            return None
        if not all(isinstance(stored.get(k), str) and stored[k] for k in ("client_id", "client_secret",
                                                                           "refresh_token")):
            return None
        return Credentials(stored["client_id"], stored["client_secret"], stored["refresh_token"])
    if source == "env":
        return Credentials(settings.tax_authority_client_id, settings.tax_authority_client_secret,
                           settings.tax_authority_refresh_token)
    return None


async def save(*, business_id: int, credentials: Credentials, settings: Settings) -> None:
    sealed = seal({"client_id": credentials.client_id, "client_secret": credentials.client_secret,
                   "refresh_token": credentials.refresh_token}, settings=settings)
    await Business.filter(id=business_id).update(tax_authority_credentials=sealed)
    forget_tokens()


async def remove(*, business_id: int) -> None:
    await Business.filter(id=business_id).update(tax_authority_credentials=None)
    forget_tokens()


def rotation_saver(business_id: int, credentials: Credentials, *, settings: Settings):
    """What stores a refresh token the Authority rotated. It goes to the business's own row
    whichever the source: the environment cannot be written, and the old token may be dead
    already, so after a rotation the business's saved credentials (source "settings") carry on."""
    async def store(new_refresh_token: str) -> None:
        await save(business_id=business_id, settings=settings,
                   credentials=Credentials(credentials.client_id, credentials.client_secret, new_refresh_token))
    return store
