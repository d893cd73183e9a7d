"""`python -m server.cli`: its commands called in-process as `main(argv)` with the environment
a user would give them, and once as a process of its own (the entry point, the exit code)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from dataclasses import dataclass, fields
from datetime import timedelta

import pytest
from mutagen.mp3 import MP3

from server.businesses.models import Business
from server.cli import main
from server.config import Settings
from server.jobs import queue
from server.jobs.errors import PermanentJobError
from server.jobs.models import Job
from server.jobs.worker import Worker
from server.runtime import Runtime
from tests.conftest import ROOT
from tests.fakes import FakeGoogle

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


def in_runtime(database_url: str, work):
    """`await work()` under a runtime of its own on the command's database."""
    async def run():
        async with Runtime.started(Settings(database_url=database_url), run_migrations=False):
            return await work()

    return asyncio.run(run())


def test_jobs_lists_the_queue_and_retry_queues_the_dead_again(cli, database_url):
    async def fill() -> list[int]:
        async def refuse(job, *, settings):
            raise PermanentJobError(f"recording {job.payload['n']} is not audio\nsecond line")

        worker = Worker(Settings(database_url=database_url), {"recording.fetch": refuse}, name="w")
        for n in range(3):
            await queue.enqueue("recording.fetch", {"n": n})
        await queue.enqueue("push.send", {})
        dead = []
        for _ in range(2):
            job = await queue.claim(worker="w", lease=timedelta(seconds=30))
            assert await worker.execute(job) == "dead"
            dead.append(job.id)
        return dead

    first, second = in_runtime(database_url, fill)
    listed = cli("jobs")
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert lines[:4] == [f"{'status':<8} {'kind':<24} {'jobs':>6}", f"{'queued':<8} {'push.send':<24} {1:>6}",
                         f"{'queued':<8} {'recording.fetch':<24} {1:>6}", f"{'dead':<8} {'recording.fetch':<24} {2:>6}"]
    dead_rows = [line.split(None, 4) for line in lines[7:]]
    assert [(int(r[0]), r[1], r[2], r[4]) for r in dead_rows] == [
        (second, "recording.fetch", "1", "recording 1 is not audio"),
        (first, "recording.fetch", "1", "recording 0 is not audio")]
    assert cli("jobs", "--limit", "1").stdout.splitlines()[-1] == "... and 1 more (--limit)"

    assert cli("jobs", "retry", "--id", str(first)).stdout.strip() == "1"
    assert cli("jobs", "retry", "--id", str(first)).stdout.strip() == "0"  # queued now
    assert cli("jobs", "retry").stdout.strip() == "1"

    async def states():
        return sorted((job.id, job.status, job.attempts) for job in await Job.filter(id__in=[first, second]))

    assert in_runtime(database_url, states) == [(first, "queued", 0), (second, "queued", 0)]
    assert "dead jobs" not in cli("jobs").stdout


def test_jobs_on_an_empty_queue(cli):
    assert cli("jobs").stdout.splitlines()[1:] == ["(no jobs)"]
    assert cli("jobs", "retry").stdout.strip() == "0"


def test_set_greeting_from_text_with_espeak_says_it_is_the_fallback(cli, tmp_path, database_url):
    business_id = cli("create-business", "--name", "מרפאה").stdout.strip()
    result = cli("set-greeting", "--business-id", business_id, "--text", "  שלום, הגעתם למרפאה. ")
    assert result.returncode == 0, result.stderr
    path, engine = result.stdout.strip().splitlines()
    assert path == str(tmp_path / "media" / "voice_responses" / business_id / "greeting.mp3")
    assert engine.startswith("engine: espeak-ng (espeak-ng: the basic fallback voice, because "
                             "GOOGLE_APPLICATION_CREDENTIALS is not set)")
    assert MP3(path).info.length > 0.5
    read = asyncio.run(_greeting_text(database_url, int(business_id)))
    assert read == "שלום, הגעתם למרפאה."
    # An MP3 file installed afterwards is not that text any more.
    assert cli("set-greeting", "--business-id", business_id, str(WELCOME)).returncode == 0
    assert asyncio.run(_greeting_text(database_url, int(business_id))) is None


async def _greeting_text(database_url: str, business_id: int) -> str | None:
    async with Runtime.started(Settings(database_url=database_url), run_migrations=False):
        return (await Business.get(id=business_id)).greeting_text


def test_set_greeting_from_text_with_google(cli, tmp_path):
    business_id = cli("create-business", "--name", "מרפאה").stdout.strip()
    with FakeGoogle(speech=WELCOME.read_bytes()) as google:
        env = {name.upper(): value for name, value in google.settings(tmp_path).items()}
        result = cli("set-greeting", "--business-id", business_id, "--text", "שלום", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[1].startswith("engine: google (Google Text-to-Speech, he-IL-Wavenet-A)")
    assert google.synthesize_bodies[0]["input"] == {"text": "שלום"}
    installed = tmp_path / "media" / "voice_responses" / business_id / "greeting.mp3"
    assert installed.read_bytes() == WELCOME.read_bytes()


@pytest.mark.parametrize(("args", "message"), [
    (("--text", "  "), "error: the greeting text must be 1 to 600 characters"),
    (("--text", "שלום", "x.mp3"), "error: give either an MP3 file or --text, not both"),
    ((), "error: give either an MP3 file or --text, not both"),
])
def test_set_greeting_usage_errors(cli, tmp_path, args, message):
    business_id = cli("create-business", "--name", "x").stdout.strip()
    result = cli("set-greeting", "--business-id", business_id, *args)
    assert (result.returncode, result.stderr.strip()) == (2, message)
    assert not (tmp_path / "media" / "voice_responses" / business_id).exists()


def test_set_greeting_from_text_without_any_engine_is_a_clear_error(cli, tmp_path):
    business_id = cli("create-business", "--name", "x").stdout.strip()
    (tmp_path / "empty-bin").mkdir()
    result = cli("set-greeting", "--business-id", business_id, "--text", "שלום", PATH=str(tmp_path / "empty-bin"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: text-to-speech needs Google credentials") and "espeak-ng" in result.stderr
    assert cli("set-greeting", "--business-id", "999", "--text", "שלום").stderr.strip() == "error: no business 999"
