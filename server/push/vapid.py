"""VAPID keys: from the environment, or (development only) made once and kept under data/."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02, b64urlencode

from server.config import Settings

log = logging.getLogger("agentlocator.push")
DEV_KEY_FILE = Path("data/vapid.json")
DEFAULT_SUBJECT = "mailto:push@agentlocator.invalid"


@dataclass(frozen=True)
class VapidKeys:
    public_key: str  # b64url uncompressed P-256 point: what browsers take as applicationServerKey
    private_key: str  # b64url raw 32-byte scalar
    subject: str

    def signer(self) -> Vapid02:
        return Vapid02.from_raw(self.private_key.encode())


def generate() -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    private = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return b64urlencode(public), b64urlencode(private)


def load(settings: Settings, *, dev_key_file: Path = DEV_KEY_FILE) -> VapidKeys | None:
    subject = settings.vapid_subject or DEFAULT_SUBJECT
    if settings.vapid_public_key and settings.vapid_private_key:
        return VapidKeys(settings.vapid_public_key, settings.vapid_private_key, subject)
    if settings.production:
        log.warning("VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are not set: Web Push is off")
        return None
    if dev_key_file.is_file():
        stored = json.loads(dev_key_file.read_text())
    else:
        public, private = generate()
        stored = {"public_key": public, "private_key": private}
        dev_key_file.parent.mkdir(parents=True, exist_ok=True)
        dev_key_file.write_text(json.dumps(stored))
        dev_key_file.chmod(0o600)
        log.info("made a development VAPID key pair in %s", dev_key_file)
    return VapidKeys(stored["public_key"], stored["private_key"], subject)
