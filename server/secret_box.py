"""Settings stored as secrets (a business's Tax Authority credentials): encrypted with Fernet
before they reach the database, so a database dump or backup alone does not reveal them.

The key is derived with HKDF-SHA256 from SETTINGS_KEY, else from JWT_SECRET (production
requires it), so any string serves as either. In development with neither, a fixed dev string
stands in (create_app makes it the SETTINGS_KEY when it makes a JWT secret for the process:
that one changes at every start): its secrets are only as safe as the database file. Values
encrypted under an older key still open once SETTINGS_KEY is set (JWT_SECRET's key is tried
after it); new values use the first key.
"""

from __future__ import annotations

import base64
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from server.config import ConfigError, Settings

DEV_KEY_MATERIAL = "agentlocator-development-only-settings-key"
_INFO = b"agentlocator secret_box v1"


class SecretUnreadableError(Exception):
    """The stored value does not open with any of the keys (they changed, or it is not ours)."""


def _fernet(material: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"agentlocator", info=_INFO).derive(material.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _box(settings: Settings) -> MultiFernet:
    materials = [m for m in (settings.settings_key, settings.jwt_secret) if m]
    if not materials:
        if settings.production:
            raise ConfigError("production needs JWT_SECRET (or SETTINGS_KEY) to encrypt stored secrets")
        materials = [DEV_KEY_MATERIAL]
    return MultiFernet([_fernet(m) for m in dict.fromkeys(materials)])


def seal(value: dict, *, settings: Settings) -> str:
    """`value` as JSON, encrypted: the text stored in the database."""
    return _box(settings).encrypt(json.dumps(value).encode()).decode()


def open_sealed(token: str, *, settings: Settings) -> dict:
    try:
        value = json.loads(_box(settings).decrypt(token.encode()))
    except (InvalidToken, ValueError):
        raise SecretUnreadableError("the stored secret does not open with the configured keys") from None
    if not isinstance(value, dict):
        raise SecretUnreadableError("the stored secret is not an object")
    return value
