"""Benchmark: task:due to 1,000 connected Socket.IO clients, every task due in the same second.

    python -m bench.realtime [--clients 1000] [--configs postgres:1 postgres:2 sqlite:1]
                             [--procs 4] [--lead 45] [--grace 10] [--markdown] [--json FILE]

For each configuration (database:workers):
  1. a fresh database (PostgreSQL `agentlocator_bench_rt`, or a SQLite file), `python -m
     server.cli migrate`, then one business, N agents (one Argon2 hash shared: logins are not
     under test) and one open task per agent, all due at the same whole second, `--lead` s
     ahead, inserted directly with the server's tortoise models BEFORE the server starts;
  2. `hypercorn --workers W --backlog 2048 server.main:app` with APP_ENV=production, no job
     worker, no Web Push; with 2 workers, a private redis-server on a free port (REDIS_URL),
     so that no other Redis user's Socket.IO channel mixes with ours;
  3. N python-socketio AsyncClients (websocket transport only), each authenticated with an
     access token minted here (issue_access_token, the server's JWT_SECRET), spread over
     `--procs` client processes, connecting with bounded concurrency and retries;
  4. each client records the wall-clock arrival of every task:due; at due + `--grace` s the
     processes send their records back.

delay = arrival - due_at (one machine, one clock). lost = connected agents whose task never
arrived; duplicated = agents that received their task more than once; misrouted = task:due
for another agent's task. The server's own scheduler line ("task:due sent for N task(s), up
to X s after due") is read from its log, with the time it was written. Progress goes to
stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import multiprocessing as mp
import os
import queue
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.webhooks import (
    free_port,
    group_cpu_seconds,
    http,
    kill_group,
    listen_overflows,
    machine,
    machine_busy_seconds,
    postgres_cpu_seconds,
    wait_quiet,
)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "agentlocator_bench_rt"
CLK_TCK = os.sysconf("SC_CLK_TCK")
TARGET_S = 1.0
CONNECT_ATTEMPTS = 4
SCHEDULER_LINE = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) \S+ agentlocator\.scheduler "
    r"task:due sent for (\d+) task\(s\), up to ([\d.]+) s after due"
)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (NaN for no values)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def pids_cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        rest = stat[stat.rindex(")") + 2 :].split()
        total += (int(rest[11]) + int(rest[12])) / CLK_TCK
    return total


# ---------------------------------------------------------------------------------------
# Client processes


async def _clients(
    base: str, agents: list[tuple[int, int, str]], due_ts: float, until_ts: float, concurrency: int, progress
) -> dict:
    """Connect one socket per agent, record every task:due until `until_ts`, disconnect."""
    import socketio

    gate = asyncio.Semaphore(concurrency)
    arrivals: list[tuple[int, int, float, bool]] = []  # agent, task id, wall time, replay
    errors: Counter[str] = Counter()
    connect_s: list[float] = []
    connected: list = []
    dropped: list[tuple[int, float]] = []
    closing = False

    async def one(user_id: int, token: str) -> None:
        for attempt in range(CONNECT_ATTEMPTS):
            client = socketio.AsyncClient(reconnection=False)

            async def on_due(data, user_id=user_id):
                arrivals.append((user_id, int(data["task"]["id"]), time.time(), bool(data.get("replay"))))

            async def on_disconnect(*_reason, user_id=user_id):
                if not closing:
                    dropped.append((user_id, time.time()))

            client.on("task:due", on_due)
            async with gate:
                started = time.time()
                try:
                    await client.connect(
                        base, socketio_path="ws", transports=["websocket"], auth={"token": token}, wait_timeout=10
                    )
                except Exception as error:  # noqa: BLE001 - counted and retried
                    errors[f"{type(error).__name__}: {error}"[:160]] += 1
                    await client.disconnect()
                else:
                    client.on("disconnect", on_disconnect)
                    connect_s.append(time.time() - started)
                    connected.append(client)
                    return
            await asyncio.sleep(0.5 * (attempt + 1))

    first = time.time()
    await asyncio.gather(*(one(user_id, token) for user_id, _task, token in agents))
    last = time.time()
    progress.put(("connected", len(connected), len(agents), first, last))
    await asyncio.sleep(max(0.0, until_ts - time.time()))
    closing = True
    await asyncio.wait_for(asyncio.gather(*(c.disconnect() for c in connected), return_exceptions=True), 30)
    return {
        "arrivals": arrivals,
        "errors": dict(errors),
        "connect_s": connect_s,
        "connected": len(connected),
        "first": first,
        "last": last,
        "dropped": dropped,
    }


def client_process(index: int, base: str, agents, due_ts: float, until_ts: float, concurrency: int, progress) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    try:
        result = asyncio.run(_clients(base, agents, due_ts, until_ts, concurrency, progress))
    except Exception as error:  # noqa: BLE001 - reported to the parent
        progress.put(("failed", index, f"{type(error).__name__}: {error}"))
        return
    progress.put(("result", index, result))


# ---------------------------------------------------------------------------------------
# Setup


@dataclass
class Run:
    db: str
    workers: int
    clients: int
    workdir: Path
    port: int = field(default_factory=free_port)
    jwt_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    db_url: str = ""
    redis: subprocess.Popen | None = None
    redis_url: str = ""
    server: subprocess.Popen | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.db}, {self.workers} worker{'s' if self.workers > 1 else ''}" + (
            " + Redis" if self.redis_url else ""
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / f"server-{self.db}-{self.workers}.log"

    def env(self) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("APP_", "DATABASE_", "TWILIO_", "VAPID_", "REDIS_", "JWT_", "RUN_"))
        }
        env.update(
            {
                "APP_ENV": "production",
                "PUBLIC_HOST": self.base,
                "JWT_SECRET": self.jwt_secret,
                "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
                "DATABASE_URL": self.db_url,
                "RUN_WORKER": "0",
                "MEDIA_ROOT": str(self.workdir / "media"),
            }
        )
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        return env

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join([x for x in text.splitlines() if "agentlocator.access" not in x][-lines:])


def start_redis(run: Run) -> None:
    port = free_port()
    cmd = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    with open(run.workdir / "redis.log", "ab") as out:
        run.redis = subprocess.Popen(
            cmd + ["--dir", str(run.workdir)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ping = subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True, timeout=5)
        if ping.stdout.strip() == "PONG":
            run.redis_url = f"redis://127.0.0.1:{port}/0"
            return
        time.sleep(0.1)
    raise RuntimeError("redis-server did not answer within 10 s")


def prepare_database(run: Run) -> None:
    if run.db == "postgres":
        run.db_url = f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}"
        for sql in (f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)", f"CREATE DATABASE {PG_BENCH_DB}"):
            subprocess.run(["psql", PG_ADMIN_URL, "-qc", sql], check=True, timeout=60, capture_output=True)
    else:
        run.db_url = f"sqlite://{run.workdir / 'bench-rt.sqlite3'}"
    r = subprocess.run(
        [sys.executable, "-m", "server.cli", "migrate"],
        env=run.env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if r.returncode != 0:
        raise RuntimeError(f"server.cli migrate exited {r.returncode}: {(r.stderr or r.stdout)[-2000:]}")


async def _seed(db_url: str, n: int, due: datetime) -> list[tuple[int, int, int]]:
    """One business, n agents and one task each due at `due`: [(user id, business id, task id)]."""
    from argon2 import PasswordHasher
    from tortoise import Tortoise

    from server.auth.models import User
    from server.businesses.models import Business
    from server.db import forget_prepared_sql, tortoise_config
    from server.tasks.models import Task

    forget_prepared_sql()
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        business = await Business.create(name="Realtime bench")
        password_hash = PasswordHasher().hash(secrets.token_urlsafe(16))  # one hash for all
        now = datetime.now(UTC)
        await User.bulk_create(
            [
                User(
                    business_id=business.id,
                    email=f"agent{i}@bench-rt.test",
                    name=f"Agent {i}",
                    password_hash=password_hash,
                    role="agent",
                    created_at=now,
                    updated_at=now,
                )
                for i in range(n)
            ],
            batch_size=500,
        )
        user_ids = await User.filter(business_id=business.id).order_by("id").values_list("id", flat=True)
        await Task.bulk_create(
            [
                Task(
                    business_id=business.id,
                    title=f"Call back #{uid}",
                    assignee_id=uid,
                    created_by_id=uid,
                    due_at=due,
                    status="open",
                    created_at=now,
                    updated_at=now,
                )
                for uid in user_ids
            ],
            batch_size=500,
        )
        tasks = await Task.filter(business_id=business.id).values_list("assignee_id", "id")
        by_user = dict(tasks)
        return [(uid, business.id, by_user[uid]) for uid in user_ids]
    finally:
        await Tortoise.close_connections()


def mint_tokens(run: Run, rows: list[tuple[int, int, int]]) -> list[tuple[int, int, str]]:
    """An access token per agent, each for a session (refresh family) of its own made here:
    the server refuses a token whose session it does not know."""
    from server.auth.tokens import issue_access_token
    from server.config import Settings

    settings = Settings(jwt_secret=run.jwt_secret, access_token_minutes=120)
    families = asyncio.run(_sessions(run.db_url, [uid for uid, _bid, _task in rows]))
    return [
        (uid, task_id, issue_access_token(user_id=uid, business_id=bid, role="agent", session_id=families[uid],
                                          settings=settings))
        for uid, bid, task_id in rows
    ]


async def _sessions(db_url: str, user_ids: list[int]) -> dict[int, str]:
    """A refresh family per user, as a login would store it: {user id: family id}."""
    import hashlib

    from tortoise import Tortoise

    from server.auth.models import RefreshToken, User
    from server.db import forget_prepared_sql, tortoise_config

    forget_prepared_sql()
    await Tortoise.init(config=tortoise_config(db_url))
    try:
        users = await User.filter(id__in=user_ids).values_list("id", "business_id")
        expires = datetime.now(UTC) + timedelta(days=1)
        families = {uid: secrets.token_hex(16) for uid, _ in users}
        await RefreshToken.bulk_create(
            [RefreshToken(user_id=uid, business_id=bid, family_id=families[uid], client="desktop",
                          token_hash=hashlib.sha256(secrets.token_bytes(32)).hexdigest(), expires_at=expires)
             for uid, bid in users],
            batch_size=500,
        )
        return families
    finally:
        await Tortoise.close_connections()


def start_server(run: Run) -> None:
    cmd = [
        str(BIN / "hypercorn"),
        "--workers",
        str(run.workers),
        "--backlog",
        "2048",
        "--bind",
        f"127.0.0.1:{run.port}",
        "server.main:app",
    ]
    with open(run.log_path, "ab") as out:
        run.server = subprocess.Popen(
            cmd, env=run.env(), cwd=ROOT, stdout=out, stderr=out, stdin=subprocess.DEVNULL, start_new_session=True
        )
    deadline = time.monotonic() + 60
    last = ""
    while time.monotonic() < deadline:
        if run.server.poll() is not None:
            raise RuntimeError(f"server exited with {run.server.returncode}:\n{run.log_tail()}")
        try:
            status, _, body = http(run.base + "/api/health", timeout=2)
            if status == 200:
                return
            last = f"{status} {body[:200]}"
        except OSError as error:
            last = str(error)
        time.sleep(0.2)
    raise RuntimeError(f"server not ready after 60 s (last: {last}):\n{run.log_tail()}")


def scheduler_lines(run: Run, due_ts: float) -> list[dict]:
    """The server's "task:due sent" lines: how many, the claim's lateness, when written."""
    found = []
    for line in run.log_path.read_text(errors="replace").splitlines():
        m = SCHEDULER_LINE.match(line)
        if m:
            written = time.mktime(time.strptime(m[1], "%Y-%m-%d %H:%M:%S")) + int(m[2]) / 1000
            found.append({"tasks": int(m[3]), "late_s": float(m[4]), "written_after_due_s": written - due_ts})
    return found


def error_lines(run: Run) -> list[str]:
    text = run.log_path.read_text(errors="replace").splitlines()
    return [x for x in text if (" ERROR " in x or "Traceback" in x) and "agentlocator.access" not in x]


# ---------------------------------------------------------------------------------------
# One run


def measure(run: Run, args) -> dict:
    (run.workdir / "media").mkdir(exist_ok=True)
    if run.workers > 1:
        start_redis(run)
    prepare_database(run)
    due = datetime.fromtimestamp(math.ceil(time.time() + args.lead), UTC)
    due_ts = due.timestamp()
    rows = asyncio.run(_seed(run.db_url, run.clients, due))
    agents = mint_tokens(run, rows)
    log(
        f"{run.name}: {len(rows)} agents and tasks inserted, all due at {due:%H:%M:%S} UTC "
        f"({due_ts - time.time():.1f} s from now)"
    )
    start_server(run)
    log(f"{run.name}: server ready on {run.base} ({due_ts - time.time():.1f} s before due)")

    until_ts = due_ts + args.grace
    ctx = mp.get_context("spawn")
    progress = ctx.Queue()
    procs = []
    per = math.ceil(len(agents) / args.procs)
    slices = [agents[i : i + per] for i in range(0, len(agents), per)]
    concurrency = max(1, args.concurrency // len(slices))
    cpu0, net0, pg0 = group_cpu_seconds(run.server.pid), listen_overflows(), postgres_cpu_seconds()
    t0 = time.time()
    for index, part in enumerate(slices):
        p = ctx.Process(
            target=client_process, args=(index, run.base, part, due_ts, until_ts, concurrency, progress), daemon=True
        )
        p.start()
        procs.append(p)
    client_pids = [p.pid for p in procs]

    def snapshot() -> tuple[float, float, float, float, float]:
        return (
            time.time(),
            sum(group_cpu_seconds(run.server.pid).values()),
            postgres_cpu_seconds(),
            pids_cpu_seconds(client_pids),
            machine_busy_seconds(),
        )

    connected, first, last, reported = 0, math.inf, 0.0, 0
    results: list[dict] = []
    failures: list[str] = []
    snapshots: dict[str, tuple] = {}
    net1: dict[str, int] = {}
    hard_deadline = until_ts + 60
    while len(results) + len(failures) < len(procs):
        if "due-1" not in snapshots and time.time() >= due_ts - 1:
            snapshots["due-1"] = snapshot()
        wait = max(0.01, due_ts - 1 - time.time()) if "due-1" not in snapshots else 0.5
        try:
            msg = progress.get(timeout=min(0.5, wait))
        except queue.Empty:
            if time.time() > hard_deadline:
                raise RuntimeError("client processes did not report back in time") from None
            continue
        if msg[0] == "connected":
            _, ok, _n, f, la = msg
            connected, first, last, reported = connected + ok, min(first, f), max(last, la), reported + 1
            if reported == len(procs):
                snapshots["connected"] = snapshot()
                net1 = listen_overflows()
                log(
                    f"{run.name}: {connected}/{len(agents)} connected in {last - first:.1f} s "
                    f"({due_ts - time.time():.1f} s before due)"
                )
        elif msg[0] == "result":
            results.append(msg[2])
        else:
            failures.append(f"client process {msg[1]}: {msg[2]}")
    after = snapshot()
    for p in procs:
        p.join(10)
    net1 = net1 or listen_overflows()
    server_alive = run.server.poll() is None

    # -- figures ------------------------------------------------------------------------
    task_of = {uid: task_id for uid, task_id, _ in agents}
    arrivals = [a for r in results for a in r["arrivals"]]
    got: dict[int, list[float]] = {}
    replays = misrouted = 0
    for uid, task_id, at, replay in arrivals:
        if task_of.get(uid) != task_id:
            misrouted += 1
            continue
        replays += replay
        got.setdefault(uid, []).append(at)
    connected_total = sum(r["connected"] for r in results)
    delays = [min(times) - due_ts for times in got.values()]
    lost = connected_total - len(got)
    duplicated = sum(1 for times in got.values() if len(times) > 1)
    dropped = [d for r in results for d in r["dropped"]]
    errors: Counter[str] = Counter()
    for r in results:
        errors.update(r["errors"])
    connect_s = [s for r in results for s in r["connect_s"]]
    sched = scheduler_lines(run, due_ts)

    def window(a, b):
        wall = b[0] - a[0]
        return {
            "server_cpu_pct": 100 * (b[1] - a[1]) / wall,
            "postgres_cpu_pct": 100 * (b[2] - a[2]) / wall,
            "clients_cpu_pct": 100 * (b[3] - a[3]) / wall,
            "rest_cpu_pct": 100 * ((b[4] - a[4]) - (b[1] - a[1]) - (b[2] - a[2]) - (b[3] - a[3])) / wall,
            "seconds": wall,
        }

    connect_window = None
    if "connected" in snapshots:
        s = snapshots["connected"]
        connect_window = {
            "server_cpu_pct": 100 * (s[1] - sum(cpu0.values())) / (s[0] - t0),
            "postgres_cpu_pct": 100 * (s[2] - pg0) / (s[0] - t0),
            "seconds": s[0] - t0,
        }
    due_window = window(snapshots["due-1"], after) if "due-1" in snapshots else None
    return {
        "config": run.name,
        "db": run.db,
        "workers": run.workers,
        "clients": len(agents),
        "client_processes": len(procs),
        "connected": connected_total,
        "connect_s": (last - first) if connected else math.nan,
        "connect_p50_ms": 1000 * pct(connect_s, 50),
        "connect_p99_ms": 1000 * pct(connect_s, 99),
        "connected_before_due_s": due_ts - last if connected else math.nan,
        "connect_errors": dict(errors),
        "listen_overflows": net1.get("TcpExtListenOverflows", 0) - net0.get("TcpExtListenOverflows", 0),
        "delivered": len(got),
        "p50_ms": 1000 * pct(delays, 50),
        "p95_ms": 1000 * pct(delays, 95),
        "p99_ms": 1000 * pct(delays, 99),
        "max_ms": 1000 * max(delays, default=math.nan),
        "min_ms": 1000 * min(delays, default=math.nan),
        "within_target": sum(1 for d in delays if d <= TARGET_S),
        "lost": lost,
        "duplicated": duplicated,
        "replays": replays,
        "misrouted": misrouted,
        "dropped_sockets": len(dropped),
        "scheduler": sched,
        "connect_window": connect_window,
        "due_window": due_window,
        "server_alive": server_alive,
        "server_errors": error_lines(run)[-10:],
        "client_failures": failures,
        "due_at": due.isoformat(),
        "grace_s": args.grace,
    }


# ---------------------------------------------------------------------------------------
# Report

COLUMNS = [
    "config",
    "connected",
    "connect s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "lost",
    "dup",
    "scheduler line (tasks, late s, written +s)",
    "server CPU % connect / due",
    "rest of machine %",
]


def cells(r: dict) -> list[str]:
    sched = "; ".join(f"{s['tasks']}, {s['late_s']:.3f}, +{s['written_after_due_s']:.2f}" for s in r["scheduler"])
    cw, dw = r["connect_window"], r["due_window"]
    cpu = (f"{cw['server_cpu_pct']:.0f}" if cw else "-") + " / " + (f"{dw['server_cpu_pct']:.0f}" if dw else "-")
    return [
        r["config"],
        f"{r['connected']}/{r['clients']}",
        f"{r['connect_s']:.1f}",
        f"{r['p50_ms']:.0f}",
        f"{r['p95_ms']:.0f}",
        f"{r['p99_ms']:.0f}",
        f"{r['max_ms']:.0f}",
        str(r["lost"]),
        str(r["duplicated"]),
        sched or "none",
        cpu,
        f"{dw['rest_cpu_pct']:.0f}" if dw else "-",
    ]


def render(results: list[dict], markdown: bool) -> str:
    body = [cells(r) for r in results]
    if markdown:
        lines = ["| " + " | ".join(COLUMNS) + " |", "| --- |" + " ---: |" * (len(COLUMNS) - 1)]
        return "\n".join(lines + ["| " + " | ".join(c) + " |" for c in body])
    widths = [max(len(str(c)) for c in col) for col in zip(COLUMNS, *body, strict=True)]
    return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in [COLUMNS, *body])


def verdict(r: dict) -> str:
    met = (
        r["connected"] == r["clients"]
        and r["lost"] == 0
        and r["duplicated"] == 0
        and r["misrouted"] == 0
        and r["max_ms"] <= 1000 * TARGET_S
    )
    extra = []
    if r["replays"]:
        extra.append(f"{r['replays']} replayed alerts (a socket that connected after due)")
    if r["misrouted"]:
        extra.append(f"{r['misrouted']} events for another agent's task")
    if r["dropped_sockets"]:
        extra.append(f"{r['dropped_sockets']} sockets dropped by the server")
    if r["connect_errors"]:
        extra.append("connect errors (retried): " + ", ".join(f"{k} x{v}" for k, v in r["connect_errors"].items()))
    if r["listen_overflows"]:
        extra.append(f"{r['listen_overflows']} listen overflows while connecting")
    if r["connected_before_due_s"] < 1:
        extra.append(f"connecting ended only {r['connected_before_due_s']:.1f} s before due (raise --lead)")
    if not r["server_alive"]:
        extra.append("the server died")
    if r["server_errors"]:
        extra.append(f"{len(r['server_errors'])} error lines in the server log, last: {r['server_errors'][-1][:200]}")
    for f in r["client_failures"]:
        extra.append(f)
    dw = r["due_window"] or {}
    return (
        f"{r['config']}: {r['delivered']}/{r['connected']} delivered, {r['within_target']} within "
        f"{TARGET_S:.0f} s, max {r['max_ms']:.0f} ms, lost {r['lost']}, duplicated {r['duplicated']}: "
        f"{'MET' if met else 'NOT MET'}. Connect p50/p99 {r['connect_p50_ms']:.0f}/{r['connect_p99_ms']:.0f} ms; "
        f"CPU % in due-1 s..due+{r['grace_s']:.0f} s: server {dw.get('server_cpu_pct', math.nan):.0f}, "
        f"postgres {dw.get('postgres_cpu_pct', math.nan):.0f}, clients {dw.get('clients_cpu_pct', math.nan):.0f}, "
        f"rest {dw.get('rest_cpu_pct', math.nan):.0f}." + ("" if not extra else " " + "; ".join(extra) + ".")
    )


# ---------------------------------------------------------------------------------------


def wait_for_other_benchmarks(limit: float) -> str:
    """Other load tools on these cores skew delays: wait (bounded) until none runs."""
    deadline = time.monotonic() + limit
    me = str(os.getpid())
    waited = False
    while True:
        found = []
        for cmd in (["pgrep", "-a", "wrk"], ["pgrep", "-af", r"bench\.(webhooks|crm)"]):
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout
            found += [line for line in out.splitlines() if line and line.split()[0] != me]
        if not found:
            return "waited for another benchmark to finish" if waited else ""
        if time.monotonic() > deadline:
            return "another benchmark was running: " + "; ".join(found)[:300]
        if not waited:
            log(f"another benchmark is running, waiting up to {limit:.0f} s: {found[0][:120]}")
            waited = True
        time.sleep(15)


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def parse_config(text: str) -> tuple[str, int]:
    db, _, workers = text.partition(":")
    if db not in ("postgres", "sqlite") or workers not in ("", "1", "2"):
        raise argparse.ArgumentTypeError(f"{text!r}: expected postgres|sqlite[:1|2]")
    return db, int(workers or 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.realtime", description=__doc__.split("\n")[0])
    p.add_argument("--clients", type=int, default=1000)
    p.add_argument(
        "--configs",
        type=parse_config,
        nargs="+",
        default=[("postgres", 1)],
        help="database:workers, e.g. postgres:1 postgres:2 sqlite:1 (2 workers add a private Redis)",
    )
    p.add_argument("--db", choices=["postgres", "sqlite"], help="shorthand for --configs DB:WORKERS")
    p.add_argument("--workers", type=int, choices=[1, 2], default=1, help="with --db")
    p.add_argument("--procs", type=int, default=4, help="client processes")
    p.add_argument("--concurrency", type=int, default=100, help="connections being opened at once, in all")
    p.add_argument("--lead", type=float, default=45, help="seconds from inserting the tasks to their due time")
    p.add_argument("--grace", type=float, default=10, help="seconds after due to keep listening")
    p.add_argument("--wait-others", type=float, default=900, help="wait this long at most for other benchmarks")
    p.add_argument("--quiet-below", type=float, default=30, help="wait until the machine is less busy (%% of a core)")
    p.add_argument("--quiet-limit", type=float, default=60, help="...for at most this many s")
    p.add_argument("--markdown", action="store_true")
    p.add_argument("--json", type=Path)
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (server logs)")
    args = p.parse_args(argv)
    if args.db:
        args.configs = [(args.db, args.workers)]
    if not (BIN / "hypercorn").exists():
        p.error(f"run with the project's venv python (no hypercorn in {BIN})")
    signal.signal(signal.SIGTERM, _interrupt)

    results: list[dict] = []
    notes: list[str] = []
    interrupted = False
    with tempfile.TemporaryDirectory(prefix="bench-realtime-", delete=not args.keep) as tmp:
        if args.keep:
            log(f"keeping {tmp}")
        for db, workers in args.configs:
            run = Run(db=db, workers=workers, clients=args.clients, workdir=Path(tmp) / f"{db}-{workers}")
            run.workdir.mkdir()
            try:
                note = wait_for_other_benchmarks(args.wait_others)
                if note:
                    notes.append(f"{run.name}: {note}")
                if not wait_quiet(args.quiet_below, args.quiet_limit):
                    notes.append(f"{run.name}: the machine was busy with other work before the run")
                r = measure(run, args)
                results.append(r)
                log(verdict(r))
                for s in r["scheduler"]:
                    log(f"  scheduler: {s}")
            except KeyboardInterrupt as e:
                log(f"interrupted ({e or 'Ctrl-C'}): stopping")
                interrupted = True
            except Exception as e:  # noqa: BLE001 - reported; the next configuration still runs
                notes.append(f"{run.name} failed: {e}")
                log(f"{run.name} FAILED: {e}")
            finally:
                for proc in (run.server, run.redis):
                    if proc:
                        kill_group(proc)
            if interrupted:
                break

        print(
            f"Machine: {machine()}; {args.clients} clients in {args.procs} client processes on the same cores; "
            f"tasks due {args.lead:.0f} s after insertion; listened until due + {args.grace:.0f} s."
        )
        print()
        print(render(results, args.markdown))
        print()
        for r in results:
            print(("- " if args.markdown else "") + verdict(r))
        for note in notes:
            print(("- " if args.markdown else "") + " ".join(note.split()))
        if args.json:
            args.json.write_text(
                json.dumps({"machine": machine(), "results": results, "notes": notes}, indent=1, default=str)
            )
    return 130 if interrupted else 0 if results and not any("failed" in n for n in notes) else 1


if __name__ == "__main__":
    sys.exit(main())
