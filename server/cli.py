"""`python -m server.cli COMMAND`: administration from the shell.

Each command prints its result on stdout (ids alone, so scripts can capture them) and a
clear one-line error on stderr with exit code 2. `twilio-configure --check` exits 1 when it
finds drift.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from server import backup_retention, backups, db, demo
from server.auth.service import create_user
from server.bulk import seed_bulk
from server.businesses.models import Business, PhoneNumber
from server.businesses.number_setup import configure_number
from server.businesses.service import create_business, greeting_file, set_greeting
from server.config import ConfigError, Settings, load_settings
from server.errors import APIError, DomainError
from server.greetings.engines import engine_for
from server.greetings.schemas import MAX_TEXT, GreetingText
from server.greetings.service import install_text_greeting
from server.jobs import queue, report
from server.privacy.retention import sweep
from server.runtime import Runtime
from server.telephony.client import TwilioError

DEMO_BUSINESS = "סוכנות הדגמה"
DEMO_PHONE = "+97235550100"
DEMO_EMAIL = "demo@agentlocator.test"
DEMO_DEV_PASSWORD = "demo-password"
DRIFT_EXIT = 1


@dataclass(frozen=True)
class Output:
    """What a command prints, with an exit code other than 0 (a command may return a plain str)."""
    text: str
    exit_code: int = 0


async def _migrate(settings: Settings, args) -> str:
    applied = await db.migrate(settings.database_url)
    return "applied: " + ", ".join(applied) if applied else "up to date"


def _counts(tables: dict[str, int]) -> str:
    shown = ("business", "customer", "call", "message", "task", "invoice", "contract", "signature", "user")
    return ", ".join(f"{name} {tables[name]}" for name in shown if name in tables)


async def _backup(settings: Settings, args) -> str:
    target = Path(args.dir) / backup_retention.dated_name() if args.dated else Path(args.dir)
    manifest = await backups.backup(database_url=settings.database_url, media_root=settings.media_root,
                                    target=target)
    return f"{target}: {manifest['dialect']}, {_counts(manifest['tables'])}, {manifest['media_files']} media files"


async def _prune_backups(settings: Settings, args) -> str:
    kept, deleted = backup_retention.prune(Path(args.dir), daily=args.daily, weekly=args.weekly,
                                           monthly=args.monthly)
    return f"kept {len(kept)}: {' '.join(kept) or '-'}\ndeleted {len(deleted)}: {' '.join(deleted) or '-'}"


async def _restore(settings: Settings, args) -> str:
    tables = await backups.restore(database_url=settings.database_url, media_root=settings.media_root,
                                   source=Path(args.dir), force=args.force)
    return f"restored from {args.dir}: {_counts(tables)}"


async def _create_business(settings: Settings, args) -> str:
    business = await create_business(name=args.name, phone=args.phone)
    return str(business.id)


async def _create_user(settings: Settings, args) -> str:
    user = await create_user(business_id=args.business_id, email=args.email, password=args.password,
                             role=args.role, name=args.name or "")
    return str(user.id)


async def _set_greeting(settings: Settings, args) -> str:
    if (args.file is None) == (args.text is None):
        raise APIError(422, "usage", "give either an MP3 file or --text, not both")
    if args.text is not None:
        return await _set_greeting_text(settings, args)
    source = Path(args.file)
    if not source.is_file():
        raise APIError(404, "not_found", f"no such file: {source}")
    await set_greeting(media_root=settings.media_root, business_id=args.business_id, source=source)
    return str(greeting_file(settings.media_root, args.business_id))


async def _set_greeting_text(settings: Settings, args) -> str:
    try:
        text = GreetingText(text=args.text).text  # the API's own rule: stripped, 1..MAX_TEXT
    except ValidationError:
        raise APIError(422, "invalid_text", f"the greeting text must be 1 to {MAX_TEXT} characters") from None
    if not await Business.exists(id=args.business_id):  # before rendering: a render costs money
        raise APIError(404, "not_found", f"no business {args.business_id}")
    rendered = await install_text_greeting(media_root=settings.media_root, business_id=args.business_id,
                                           engine=engine_for(settings), text=text)
    target = greeting_file(settings.media_root, args.business_id)
    voice = f"Google Text-to-Speech, {settings.google_tts_voice}" if rendered.engine == "google" else (
        "espeak-ng: the basic fallback voice, because GOOGLE_APPLICATION_CREDENTIALS is not set")
    return f"{target}\nengine: {rendered.engine} ({voice}); {rendered.duration:.1f} s"


async def _twilio_configure(settings: Settings, args) -> Output:
    outcome = await configure_number(settings=settings, number=args.number, business_id=args.business_id,
                                     check=args.check)
    return Output(outcome.text, DRIFT_EXIT if outcome.drifted else 0)


async def _seed_demo(settings: Settings, args) -> str:
    password = settings.demo_password
    if not password:
        if settings.production:
            raise APIError(400, "demo_password", "set DEMO_PASSWORD: the development default is refused in production")
        password = DEMO_DEV_PASSWORD
    existing = await PhoneNumber.get_or_none(e164=DEMO_PHONE)
    if existing:
        return f"demo business exists: {existing.business_id}"
    business = await create_business(name=DEMO_BUSINESS, phone=DEMO_PHONE)
    admin = await create_user(business_id=business.id, email=DEMO_EMAIL, password=password, role="admin",
                              name="מנהלת הדגמה")
    made = await demo.fill(business_id=business.id, admin_id=admin.id, password=password,
                           media_root=settings.media_root)
    return f"demo business created: {business.id} (" + ", ".join(f"{n} {what}" for what, n in made.items()) + ")"


async def _seed_bulk(settings: Settings, args) -> str:
    return await seed_bulk(database_url=settings.database_url, customers=args.customers, business_id=args.business_id,
                           timeline_events=args.timeline_events, events_customer_id=args.events_customer_id)


async def _list_jobs(settings: Settings, args) -> str:
    counts = await report.counts()
    lines = [f"{'status':<8} {'kind':<24} {'jobs':>6}"]
    lines += [f"{status:<8} {kind:<24} {n:>6}" for status, kind, n in counts] or ["(no jobs)"]
    dead = await report.dead(limit=args.limit)
    if dead:
        lines += ["", "dead jobs, newest first (`jobs retry` queues them again):",
                  f"{'id':>8} {'kind':<24} {'attempts':>8}  {'finished_at':<25}  last error"]
        lines += [f"{job.id:>8} {job.kind:<24} {job.attempts:>8}  "
                  f"{job.finished_at.isoformat(timespec='seconds') if job.finished_at else '-':<25}  "
                  f"{report.first_line(job.last_error)}" for job in dead]
        total = sum(n for status, _, n in counts if status == "dead")
        if total > len(dead):
            lines.append(f"... and {total - len(dead)} more (--limit)")
    return "\n".join(lines)


async def _retry_jobs(settings: Settings, args) -> str:
    return str(await queue.revive(job_id=args.id))


async def _retention(settings: Settings, args) -> str:
    counts = await sweep(media_root=settings.media_root)
    return (f"purged: {counts.calls} calls ({counts.recordings} recording files deleted), "
            f"{counts.messages} messages ({counts.media} media files deleted)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m server.cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("migrate", help="apply the migrations to DATABASE_URL").set_defaults(run=_migrate)

    p = commands.add_parser("create-business", help="create a business; prints its id")
    p.add_argument("--name", required=True)
    p.add_argument("--phone", help="its Twilio number, e.g. +97235550100")
    p.set_defaults(run=_create_business)

    p = commands.add_parser("create-user", help="create a user; prints its id")
    p.add_argument("--business-id", type=int, required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--role", choices=["admin", "agent"], default="agent")
    p.add_argument("--name")
    p.set_defaults(run=_create_user)

    p = commands.add_parser("set-greeting", help="install a business's greeting: an MP3 file, or --text rendered "
                                                 "to speech (Google when configured, else espeak-ng)")
    p.add_argument("--business-id", type=int, required=True)
    p.add_argument("file", nargs="?", help="an MP3 file")
    p.add_argument("--text", help="Hebrew text to render and install instead of a file")
    p.set_defaults(run=_set_greeting)

    p = commands.add_parser("backup", help="a consistent copy of the database and MEDIA_ROOT into DIR (a new folder)")
    p.add_argument("dir")
    p.add_argument("--dated", action="store_true", help="DIR holds the backups: write this one into a new folder "
                                                        "in it named by the UTC time (as the backup timer does)")
    p.set_defaults(run=_backup)

    p = commands.add_parser("prune-backups", help="delete the backups in DIR that the retention does not keep: the "
                                                  "newest of each of the last N days, weeks and months")
    p.add_argument("dir")
    p.add_argument("--daily", type=int, default=7)
    p.add_argument("--weekly", type=int, default=4)
    p.add_argument("--monthly", type=int, default=12)
    p.set_defaults(run=_prune_backups)

    p = commands.add_parser("restore", help="bring a backup folder back into an empty deployment (stop the server "
                                            "first)")
    p.add_argument("dir")
    p.add_argument("--force", action="store_true", help="replace a deployment that already holds data")
    p.set_defaults(run=_restore)

    p = commands.add_parser(
        "twilio-configure", help="point a Twilio number at PUBLIC_HOST's webhooks and link it to its business",
        description="Looks the number up on the Twilio account (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN) and sets "
                    "VoiceUrl https://PUBLIC_HOST/webhook/incoming_call, StatusCallback .../webhook/call_status "
                    "and SmsUrl .../webhook/whatsapp (all POST); clears VoiceFallbackUrl, SmsFallbackUrl and any "
                    "TwiML App or SIP trunk that would override them; links the number to its business. Prints "
                    "each field before and after. A Messaging Service's or WhatsApp sender's own webhook is named, "
                    "not changed.",
        epilog="exit codes: 0 done (with --check: nothing drifts), 1 --check found drift (listed), "
               "2 refused (one line on stderr says why)")
    p.add_argument("--number", required=True, help="the Twilio number, +972... or an Israeli local form")
    p.add_argument("--business-id", type=int, help="link a number no business has yet to this business")
    p.add_argument("--check", action="store_true", help="only report drift; change nothing on Twilio or here")
    p.set_defaults(run=_twilio_configure)

    commands.add_parser("seed-demo", help="the demo business, once").set_defaults(run=_seed_demo)

    p = commands.add_parser("seed-bulk", help="many customers (and one long timeline) for benchmarks")
    p.add_argument("--customers", type=int, default=0, help="how many customers to add")
    p.add_argument("--business-id", type=int, help="add them to this business (default: a new one)")
    p.add_argument("--timeline-events", type=int, default=0, help="give one customer this many timeline events")
    p.add_argument("--events-customer-id", type=int, help="that customer (default: the business's first)")
    p.set_defaults(run=_seed_bulk)

    commands.add_parser("retention", help="one retention sweep now: delete the recordings, transcripts and "
                                          "WhatsApp media older than each business's retention_months (the "
                                          "daily job privacy.retention does the same)").set_defaults(run=_retention)

    p = commands.add_parser("jobs", help="the job queue: counts by status and kind, and the dead jobs")
    p.add_argument("--limit", type=int, default=50, help="list at most this many dead jobs")
    p.set_defaults(run=_list_jobs)
    actions = p.add_subparsers(dest="action")
    retry = actions.add_parser("retry", help="queue dead jobs again from their first attempt; prints how many")
    retry.add_argument("--id", type=int, help="only this job (default: every dead job)")
    retry.set_defaults(run=_retry_jobs)
    return parser


async def _run(args) -> str | Output:
    settings = load_settings()
    if args.run in (_migrate, _backup, _restore, _prune_backups):  # the database as it is, without the app around it
        return await args.run(settings, args)
    async with Runtime.started(settings, run_migrations=settings.auto_migrate):
        return await args.run(settings, args)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        result = asyncio.run(_run(args))
    except (APIError, DomainError, ConfigError, TwilioError) as error:
        print(f"error: {getattr(error, 'message', error)}", file=sys.stderr)
        return 2
    output = result if isinstance(result, Output) else Output(result)
    print(output.text)
    return output.exit_code


if __name__ == "__main__":
    sys.exit(main())
