"""`python -m server.cli`: its commands called in-process as `main(argv)` with the environment
a user would give them, and once as a process of its own (the entry point, the exit code)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, fields

import pytest

from server.cli import main
from server.config import Settings
from tests.conftest import ROOT

WELCOME = ROOT / "server/static/voice_responses/welcome.mp3"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(database_url, tmp_path, monkeypatch, capsys):
    env = {"DATABASE_URL": database_url, "MEDIA_ROOT": str(tmp_path / "media")}

    def run(*args: str, **extra_env) -> Result:
        with monkeypatch.context() as patched:
            for field in fields(Settings):  # only what this command is given, as in a clean shell
                patched.delenv(field.name.upper(), raising=False)
            for name, value in {**env, **extra_env}.items():
                patched.setenv(name, value)
            capsys.readouterr()
            returncode = main(list(args))
            out, err = capsys.readouterr()
        return Result(returncode, out, err)

    assert run("migrate").stdout.strip() == "up to date"  # a copy of the migrated template
    return run


def test_the_command_line_runs_as_a_process(database_url, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": database_url, "MEDIA_ROOT": str(tmp_path / "media"),
           "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "server.cli", "create-business", "--name", "מספרה", "--phone", "hello"]
    made = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert (made.returncode, made.stdout, made.stderr.strip()) == (2, "", "error: not a phone number: hello")


def test_business_user_and_greeting(cli, tmp_path):
    business = cli("create-business", "--name", "מרפאת השן", "--phone", "03-555-0111")
    assert business.returncode == 0 and business.stdout.strip().isdigit()
    user = cli("create-user", "--business-id", business.stdout.strip(), "--email", "a@b.co",
               "--password", "long-enough-pass", "--role", "admin")
    assert user.returncode == 0 and user.stdout.strip().isdigit()
    greeting = cli("set-greeting", "--business-id", business.stdout.strip(), str(WELCOME))
    assert greeting.returncode == 0
    installed = tmp_path / "media" / "voice_responses" / business.stdout.strip() / "greeting.mp3"
    assert installed.read_bytes() == WELCOME.read_bytes()


@pytest.mark.parametrize("content", [b"RIFF....WAVEfmt " + bytes(200), "שלום, זה לא קובץ קול".encode() * 20, b""])
def test_set_greeting_refuses_what_is_not_mp3(cli, tmp_path, content):
    business_id = cli("create-business", "--name", "x").stdout.strip()
    fake = tmp_path / "greeting.mp3"
    fake.write_bytes(content)
    result = cli("set-greeting", "--business-id", business_id, str(fake))
    assert result.returncode == 2
    assert result.stderr.strip() == "error: greeting.mp3 is not an MP3 file"
    assert not (tmp_path / "media" / "voice_responses" / business_id).exists()


def test_duplicate_number_and_bad_number_are_clear_errors(cli):
    assert cli("create-business", "--name", "a", "--phone", "+97235550100").returncode == 0
    taken = cli("create-business", "--name", "b", "--phone", "035550100")
    assert taken.returncode == 2 and "already belongs" in taken.stderr
    bad = cli("create-business", "--name", "c", "--phone", "hello")
    assert bad.returncode == 2 and "not a phone number" in bad.stderr


def test_seed_demo_runs_once_and_refuses_default_password_in_production(cli):
    first = cli("seed-demo")
    assert first.returncode == 0 and first.stdout.startswith("demo business created")
    assert cli("seed-demo").stdout.startswith("demo business exists")
    refused = cli("seed-demo", APP_ENV="production", PUBLIC_HOST="crm.example.com", JWT_SECRET="x" * 32,
                  TWILIO_AUTH_TOKEN="t")
    assert refused.returncode == 2 and "DEMO_PASSWORD" in refused.stderr
