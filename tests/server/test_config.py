import subprocess
import sys
from dataclasses import fields

import pytest

from server.config import ConfigError, Settings, load_settings
from tests.conftest import ROOT

PRODUCTION = {"APP_ENV": "production", "PUBLIC_HOST": "crm.example.com", "JWT_SECRET": "s" * 32,
              "TWILIO_AUTH_TOKEN": "t", "DATABASE_URL": "postgres://db/agentlocator"}


@pytest.mark.parametrize("missing", ["PUBLIC_HOST", "JWT_SECRET", "TWILIO_AUTH_TOKEN", "DATABASE_URL"])
def test_production_names_each_missing_variable(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    with pytest.raises(ConfigError, match=missing):
        load_settings(env)


def test_production_with_everything_loads_and_assumes_https():
    settings = load_settings(PRODUCTION)
    assert settings.production and not settings.auto_migrate
    assert settings.public_base_url == "https://crm.example.com"


def test_development_defaults_to_embedded_sqlite_and_no_host():
    settings = load_settings({})
    assert settings.database_url == "sqlite://data/agentlocator.sqlite3"
    assert settings.public_base_url == "" and settings.auto_migrate and settings.app_rev == "dev"


def test_token_without_public_host_is_refused_even_in_development():
    with pytest.raises(ConfigError, match="PUBLIC_HOST"):
        load_settings({"TWILIO_AUTH_TOKEN": "t"})


@pytest.mark.parametrize("value", ["ftp://x", "https://crm.example.com/path", "http://"])
def test_malformed_public_host_is_refused(value):
    with pytest.raises(ConfigError, match="PUBLIC_HOST"):
        load_settings({"PUBLIC_HOST": value})


def test_server_start_fails_fast_without_public_host():
    env = {"APP_ENV": "production", "JWT_SECRET": "x", "TWILIO_AUTH_TOKEN": "t",
           "DATABASE_URL": "sqlite:///tmp/never.sqlite3", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "server.main"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        "agentlocator: configuration error: production needs these environment variables: PUBLIC_HOST")


def test_no_fallback_host_anywhere_in_the_server():
    sources = "\n".join(p.read_text() for p in (ROOT / "server").rglob("*.py"))
    for stale in ("herokuapp", "ngrok", "replit", "onrender", "railway.app"):
        assert stale not in sources


def test_env_example_lists_every_setting_and_loads():
    lines = [line for line in (ROOT / ".env.example").read_text().splitlines() if line and not line.startswith("#")]
    example = dict(line.split("=", 1) for line in lines)
    assert sorted(example) == sorted(field.name.upper() for field in fields(Settings))
    settings = load_settings(example)
    assert settings == Settings(vapid_subject="mailto:ops@example.com", auto_migrate=True)
