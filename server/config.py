"""Settings, read once from the environment.

Every other module takes its configuration from a `Settings` object (the app keeps one in
`app.config["SETTINGS"]`); nothing else reads `os.environ`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

REQUIRED_IN_PRODUCTION = ("PUBLIC_HOST", "JWT_SECRET", "TWILIO_AUTH_TOKEN", "DATABASE_URL")
DEFAULT_DATABASE_URL = "sqlite://data/agentlocator.sqlite3"
TWILIO_API_BASE = "https://api.twilio.com"
TWILIO_CONTENT_API_BASE = "https://content.twilio.com"  # the Content API (WhatsApp templates) has its own host
# Where `npm run build` writes the web app.
DEFAULT_WEB_DIST = Path(__file__).resolve().parent.parent / "web" / "dist"


class ConfigError(Exception):
    """The environment cannot run the server; the message names what is wrong."""


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    app_env: str = "development"
    public_host: str = ""
    port: int = 5000
    cors_origins: tuple[str, ...] = ()
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = ""
    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_api_base: str = TWILIO_API_BASE
    twilio_content_api_base: str = TWILIO_CONTENT_API_BASE
    jwt_secret: str = ""
    app_rev: str = "dev"
    vapid_public_key: str = ""
    vapid_private_key: str = ""
    vapid_subject: str = ""
    google_application_credentials: str = ""
    google_speech_api_base: str = "https://speech.googleapis.com"
    # Greetings from text (server/greetings/): Google Text-to-Speech when the credentials above
    # are set, else espeak-ng. Voices Google documents for he-IL: he-IL-Standard-A..D and
    # he-IL-Wavenet-A..D (A and C female, B and D male).
    google_tts_api_base: str = "https://texttospeech.googleapis.com"
    google_tts_voice: str = "he-IL-Wavenet-A"
    transcriber: str = "none"
    whisper_model: str = ""
    media_root: Path = Path("data/media")
    # The desktop installers an admin publishes (server/desktop_updates/); may be missing.
    desktop_downloads_dir: Path = Path("data/downloads/desktop")
    run_worker: bool = True
    run_scheduler: bool = True  # the task-due clock; every server process runs one (claims are atomic)
    # Development applies migrations at start-up; production runs `server.cli migrate`
    # once, so that several workers never race to migrate.
    auto_migrate: bool = True
    access_token_minutes: int = 15
    job_lease_seconds: float = 30.0
    # Proxies in front of the server whose X-Forwarded-For is trusted for the client address
    # (login throttling, rate limits, signatures' IPs): nginx in production, none in development.
    proxy_hops: int = -1
    # `python -m server.cli seed-demo`: the demo admin's password ("demo-password" when unset,
    # in development only).
    demo_password: str = ""
    web_dist: Path = DEFAULT_WEB_DIST
    # Allocation numbers (server/invoices/tax_authority.py). The client id and secret are the
    # registered software's; the refresh token a business's consent. A business's own
    # credentials, saved by its admin, come first.
    tax_authority_api_base: str = "https://ita-api.taxes.gov.il/shaam/production"
    tax_authority_client_id: str = ""
    tax_authority_client_secret: str = ""
    tax_authority_refresh_token: str = ""
    tax_authority_software_number: str = ""
    # Encrypts the settings stored as secrets (server/secret_box.py); derived from JWT_SECRET
    # when unset.
    settings_key: str = ""

    @property
    def production(self) -> bool:
        return self.app_env == "production"

    @property
    def public_base_url(self) -> str:
        """`PUBLIC_HOST` as a base URL without a trailing slash ("" when unset).

        A bare host means https: that is how Twilio reaches a production server.
        """
        host = self.public_host.strip()
        if host and "://" not in host:
            host = "https://" + host
        return host.rstrip("/") if host.count("/") > 2 else host

    @property
    def tts_engine(self) -> str:
        """Who renders greetings from text: Google when its credentials are configured (and
        then only Google: a failure is reported, never papered over with the basic voice)."""
        return "google" if self.google_application_credentials else "espeak-ng"

    @property
    def trusted_proxy_hops(self) -> int:
        if self.proxy_hops >= 0:
            return self.proxy_hops
        return 1 if self.production else 0

    @property
    def signatures_enforced(self) -> bool:
        return bool(self.twilio_auth_token)

    def with_overrides(self, **overrides) -> Settings:
        return replace(self, **overrides)


def _bool(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


_CONVERTERS = {
    "port": int,
    "cors_origins": _split,
    "media_root": Path,
    "desktop_downloads_dir": Path,
    "web_dist": Path,
    "run_worker": _bool,
    "run_scheduler": _bool,
    "auto_migrate": _bool,
    "access_token_minutes": int,
    "job_lease_seconds": float,
    "proxy_hops": int,
}


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Build and validate `Settings` from the environment (upper-case names of the fields)."""
    env = os.environ if environ is None else environ
    values: dict = {}
    for f in fields(Settings):
        raw = env.get(f.name.upper())
        if raw is None or raw == "":
            continue
        values[f.name] = _CONVERTERS.get(f.name, str)(raw)
    if "auto_migrate" not in values:
        values["auto_migrate"] = values.get("app_env", "development") != "production"
    settings = Settings(**values)
    validate(settings, env)
    return settings


def validate(settings: Settings, env: dict[str, str] | None = None) -> None:
    """Fail fast, in one line, on a configuration that cannot work."""
    env = os.environ if env is None else env
    if settings.app_env not in ("development", "production"):
        raise ConfigError(f"APP_ENV must be 'development' or 'production', not {settings.app_env!r}")
    if settings.production:
        missing = [name for name in REQUIRED_IN_PRODUCTION if not env.get(name)]
        if missing:
            raise ConfigError("production needs these environment variables: " + ", ".join(missing))
    if settings.twilio_auth_token and not settings.public_host:
        raise ConfigError(
            "TWILIO_AUTH_TOKEN is set but PUBLIC_HOST is not: Twilio signatures are checked "
            "against the public URL, so PUBLIC_HOST must name the host Twilio calls"
        )
    if settings.public_host:
        parts = urlsplit(settings.public_base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
            raise ConfigError(f"PUBLIC_HOST must be a host name or scheme://host[:port], got {settings.public_host!r}")
    if settings.transcriber not in ("none", "google", "whisper"):
        raise ConfigError(f"TRANSCRIBER must be one of none, google, whisper, not {settings.transcriber!r}")
    if not settings.database_url.startswith(("sqlite://", "postgres://", "postgresql://")):
        raise ConfigError("DATABASE_URL must start with sqlite:// or postgres://")
    if not settings.google_tts_voice.startswith("he-IL-"):
        raise ConfigError("GOOGLE_TTS_VOICE must be a he-IL voice (e.g. he-IL-Wavenet-A), "
                          f"not {settings.google_tts_voice!r}")
