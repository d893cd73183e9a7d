"""Benchmark: signed Twilio incoming_call webhooks under load.

    python -m bench.webhooks [--duration 10] [--db postgres|sqlite|both]
                             [--only ours|sync|gevent|floor] [--markdown]

Targets, all on loopback, each in its own process group:
  ours    hypercorn --workers 2 --backlog 2048 server.main:app (PostgreSQL and/or SQLite):
          signature check + business lookup + a new call row per request
  sync    bench/reference_flask.py under gunicorn -w 2 -k sync --backlog 2048 (no database)
  gevent  bench/reference_flask.py under gunicorn -w 1 -k gevent (the brief's production
          command; no database)
  floor   bench/reference_asgi.py under the same Hypercorn command as ours: the same check and
          TwiML with no framework and no database, the most any app served this way can do

The load comes from wrk (a separate process, -t2, sharing the machine's cores with the
server) running bench/webhook_load.lua over a pool of requests signed here with twilio's
RequestValidator, each with its own CallSid. Targets are interleaved: every concurrency is
run for every target in one order, then again in the reverse order. Progress goes to
stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LUA_TEMPLATE = Path(__file__).with_name("webhook_load.lua")

WEBHOOK_PATH = "/webhook/incoming_call"
BUSINESS_PHONE = "+97235550100"
ACCOUNT_SID = "AC" + "b3e1c0a5" * 4
CALLER_PREFIX = "+9725"  # + 8 random digits: an Israeli mobile number
RECORD_WIDTH = 32 + 8 + 28  # CallSid hex, caller digits, base64 HMAC-SHA1
WRK_THREADS = 2
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
PG_BENCH_DB = "agentlocator_bench"
CLK_TCK = os.sysconf("SC_CLK_TCK")
# A run during which the rest of the machine used more than this (% of one core) is flagged.
DISTURBED_PCT = 30


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------
# Signed request pool


def twilio_params(sid_hex: str, caller_digits: str) -> dict[str, str]:
    """The form Twilio posts for a new inbound call."""
    caller = CALLER_PREFIX + caller_digits
    return {
        "AccountSid": ACCOUNT_SID,
        "ApiVersion": "2010-04-01",
        "CallSid": "CA" + sid_hex,
        "CallStatus": "ringing",
        "Called": BUSINESS_PHONE,
        "Caller": caller,
        "Direction": "inbound",
        "From": caller,
        "To": BUSINESS_PHONE,
    }


# The body with placeholders the Lua script replaces (alphanumeric, so urlencode keeps them).
BODY_TEMPLATE = urllib.parse.urlencode(twilio_params("QQSIDQQ", "QQFROMQQ"))


def body_for(sid_hex: str, caller_digits: str) -> str:
    return BODY_TEMPLATE.replace("QQSIDQQ", sid_hex).replace("QQFROMQQ", caller_digits)


def _sign_chunk(args: tuple[str, str, list[tuple[str, str]]]) -> list[str]:
    token, url, keys = args
    validator = RequestValidator(token)
    return [validator.compute_signature(url, twilio_params(s, c)) for s, c in keys]


def make_pool(executor: ProcessPoolExecutor, token: str, url: str, size: int) -> bytes:
    """`size` fixed-width records: a fresh CallSid, a random caller and their signature."""
    keys = [(secrets.token_hex(16), f"{secrets.randbelow(10**8):08d}") for _ in range(size)]
    step = max(1000, size // 8)
    chunks = [(token, url, keys[i : i + step]) for i in range(0, size, step)]
    sigs = [sig for part in executor.map(_sign_chunk, chunks) for sig in part]
    data = "".join(s + c + sig for (s, c), sig in zip(keys, sigs, strict=True))
    assert len(data) == size * RECORD_WIDTH, "unexpected signature width"
    # The body the Lua script builds must validate as Twilio's would.
    s, c = keys[0]
    form = dict(urllib.parse.parse_qsl(body_for(s, c)))
    assert RequestValidator(token).validate(url, form, sigs[0]), "pool signature does not validate"
    return data.encode("ascii")


def write_lua(path: Path, data: bytes) -> None:
    text = LUA_TEMPLATE.read_text()
    for key, value in {
        "@NTHREADS@": str(WRK_THREADS),
        "@PATH@": WEBHOOK_PATH,
        "@TEMPLATE@": BODY_TEMPLATE,
        "@WIDTH@": str(RECORD_WIDTH),
        "@DATA@": data.decode("ascii"),
    }.items():
        text = text.replace(key, value)
    path.write_text(text)


# ---------------------------------------------------------------------------------------
# Processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kill_group(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """Stop a process we started in its own session, and everything it spawned."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def group_cpu_seconds(pgid: int) -> dict[int, float]:
    """utime + stime of every live process in a process group, by pid."""
    return {pid: t for pid, _, grp, t in _proc_stats() if grp == pgid}


def postgres_cpu_seconds() -> float:
    return sum(t for _, comm, _, t in _proc_stats() if comm == "postgres")


def _proc_stats():
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        rest = stat[stat.rindex(")") + 2 :].split()
        yield int(entry.name), comm, int(rest[2]), (int(rest[11]) + int(rest[12])) / CLK_TCK


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine spent busy (all cores), from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / CLK_TCK


def wait_quiet(below_pct: float, limit: float) -> bool:
    """Wait (bounded) until the machine is nearly idle, so that other people's work (a test
    run, a build) does not share the cores with a measurement. False if it never was."""
    deadline = time.monotonic() + limit
    warned = False
    while True:
        before = machine_busy_seconds()
        time.sleep(1.0)
        busy_pct = 100 * (machine_busy_seconds() - before)
        if busy_pct < below_pct:
            return True
        if time.monotonic() > deadline:
            log(f"machine still {busy_pct:.0f}% busy after {limit:.0f} s: measuring anyway")
            return False
        if not warned:
            log(f"machine {busy_pct:.0f}% busy with other work: waiting up to {limit:.0f} s")
            warned = True


def listen_overflows() -> dict[str, int]:
    out = subprocess.run(
        ["nstat", "-asz", "TcpExtListenOverflows", "TcpExtListenDrops"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout
    counters = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("TcpExt"):
            counters[parts[0]] = int(parts[1])
    return counters


def http(url: str, data: bytes | None = None, headers: dict | None = None, timeout=5.0):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode(errors="replace")


# ---------------------------------------------------------------------------------------
# Targets


@dataclass
class Target:
    name: str  # ours-postgres, ours-sqlite, sync, gevent
    cmd: list[str]
    env: dict[str, str]
    port: int
    workdir: Path
    db: str | None = None  # postgres / sqlite for ours
    db_url: str = ""
    proc: subprocess.Popen | None = None
    error: str = ""
    call_table: str = ""
    rps_seen: float = 0.0
    pools: dict = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return self.base + WEBHOOK_PATH

    @property
    def token(self) -> str:
        return self.env["TWILIO_AUTH_TOKEN"]

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the target's output, without the per-request access lines."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        kept = [line for line in text.splitlines() if "agentlocator.access" not in line]
        return "\n".join(kept[-lines:])

    # -- rows written (ours only) --------------------------------------------------------

    def _query(self, sql: str) -> list[str]:
        if self.db == "postgres":
            out = subprocess.run(
                ["psql", self.db_url, "-tAc", sql],
                capture_output=True,
                text=True,
                timeout=30,
                check=True,
            ).stdout
            return [line for line in out.splitlines() if line]
        path = self.db_url.removeprefix("sqlite://")
        with sqlite3.connect(path, timeout=30) as conn:
            return [str(row[0]) for row in conn.execute(sql)]

    def find_call_table(self) -> str:
        if self.db == "postgres":
            sql = "select table_name from information_schema.tables where table_schema = 'public'"
        else:
            sql = "select name from sqlite_master where type = 'table'"
        tables = self._query(sql)
        for name in ("call", "calls"):
            if name in tables:
                return name
        guesses = [t for t in tables if "call" in t.lower()]
        raise RuntimeError(f"no call table among {sorted(tables)} (guesses: {guesses})")

    def count_calls(self) -> int:
        return int(self._query(f'select count(*) from "{self.call_table}"')[0])

    def settled_calls(self, limit: float = 15.0) -> int:
        """The call count once requests still in flight have finished writing."""
        deadline = time.monotonic() + limit
        last = self.count_calls()
        while time.monotonic() < deadline:
            time.sleep(0.3)
            now = self.count_calls()
            if now == last:
                return now
            last = now
        return last


def make_targets(args, workdir: Path) -> list[Target]:
    targets = []
    wanted = {args.only} if args.only else {"ours", "sync", "gevent", "floor"}
    if "sync" in wanted:
        targets.append(reference_target("sync", ["-w", "2", "-k", "sync", "--backlog", "2048"], workdir))
    if "ours" in wanted:
        dbs = ["postgres", "sqlite"] if args.db == "both" else [args.db]
        targets += [ours_target(db, workdir) for db in dbs]
    if "gevent" in wanted:
        targets.append(reference_target("gevent", ["-w", "1", "-k", "gevent"], workdir))
    if "floor" in wanted:
        targets.append(floor_target(workdir))
    return targets


def floor_target(workdir: Path) -> Target:
    """bench/reference_asgi.py under the same Hypercorn command as ours: no framework, no database."""
    t = reference_target("floor", [], workdir)
    t.cmd = [str(BIN / "hypercorn"), "--workers", "2", "--backlog", "2048", "--bind", f"127.0.0.1:{t.port}",
             "bench.reference_asgi:app"]
    return t


def reference_target(name: str, worker_args: list[str], workdir: Path) -> Target:
    port = free_port()
    env = {
        **os.environ,
        "PUBLIC_HOST": f"http://127.0.0.1:{port}",
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
    }
    cmd = [
        str(BIN / "gunicorn"),
        *worker_args,
        "-b",
        f"127.0.0.1:{port}",
        "bench.reference_flask:app",
    ]
    return Target(name=name, cmd=cmd, env=env, port=port, workdir=workdir)


def ours_target(db: str, workdir: Path) -> Target:
    port = free_port()
    if db == "postgres":
        db_url = f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}"
    else:
        db_url = f"sqlite://{workdir / 'ours.sqlite3'}"
    media = workdir / f"media-{db}"
    media.mkdir()
    env = {
        **os.environ,
        "APP_ENV": "production",
        "PUBLIC_HOST": f"http://127.0.0.1:{port}",
        "JWT_SECRET": secrets.token_urlsafe(32),
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "DATABASE_URL": db_url,
        "RUN_WORKER": "0",
        "MEDIA_ROOT": str(media),
    }
    cmd = [
        str(BIN / "hypercorn"),
        "--workers",
        "2",
        "--backlog",
        "2048",
        "--bind",
        f"127.0.0.1:{port}",
        "server.main:app",
    ]
    return Target(name=f"ours-{db}", cmd=cmd, env=env, port=port, workdir=workdir, db=db, db_url=db_url)


def prepare_ours(t: Target) -> None:
    if not (ROOT / "server" / "main.py").exists() or not (ROOT / "server" / "cli.py").exists():
        raise RuntimeError("server/main.py or server/cli.py does not exist yet")
    if t.db == "postgres":
        for sql in (
            f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)",
            f"CREATE DATABASE {PG_BENCH_DB}",
        ):
            subprocess.run(
                ["psql", PG_ADMIN_URL, "-qc", sql],
                check=True,
                timeout=60,
                capture_output=True,
                text=True,
            )
    for cli in (["migrate"], ["create-business", "--name", "Bench", "--phone", BUSINESS_PHONE]):
        cmd = [sys.executable, "-m", "server.cli", *cli]
        r = subprocess.run(cmd, env=t.env, cwd=ROOT, capture_output=True, text=True, timeout=180)
        if r.returncode != 0:
            raise RuntimeError(
                f"`python -m server.cli {' '.join(cli)}` exited {r.returncode}:\n"
                f"{(r.stderr or r.stdout).strip()[-3000:]}"
            )
        log(f"{t.name}: server.cli {cli[0]}: {r.stdout.strip()[-200:]}")
    t.call_table = t.find_call_table()


def ensure_running(t: Target, notes: list[str]) -> None:
    """Start the target again if something outside this script stopped it."""
    if t.proc.poll() is None:
        return
    note = (
        f"{t.name} exited with status {t.proc.returncode} between runs without being asked "
        f"to by this script, and was restarted. Its log's last lines:\n{t.log_tail(6)}"
    )
    notes.append(note)
    log(note)
    start(t)
    wait_ready(t)


def start(t: Target) -> None:
    with open(t.log_path, "ab") as out:
        t.proc = subprocess.Popen(
            t.cmd,
            env=t.env,
            cwd=ROOT,
            stdout=out,
            stderr=out,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def signed_request(t: Target, sid_hex: str | None = None) -> tuple[bytes, dict]:
    params = twilio_params(sid_hex or secrets.token_hex(16), f"{secrets.randbelow(10**8):08d}")
    sig = RequestValidator(t.token).compute_signature(t.url, params)
    return urllib.parse.urlencode(params).encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": sig,
    }


def wait_ready(t: Target, limit: float = 60.0) -> None:
    """Poll until the target answers (GET /api/health for ours, a signed POST for refs)."""
    deadline = time.monotonic() + limit
    last = ""
    while time.monotonic() < deadline:
        if t.proc.poll() is not None:
            raise RuntimeError(f"{t.name} exited with {t.proc.returncode}:\n{t.log_tail()}")
        try:
            if t.db:
                status, _, body = http(t.base + "/api/health", timeout=2)
            else:
                status, _, body = http(t.url, *signed_request(t), timeout=2)
            if status == 200:
                return
            last = f"{status} {body[:200]}"
        except OSError as e:
            last = str(e)
        time.sleep(0.2)
    raise RuntimeError(f"{t.name} not ready after {limit:.0f} s (last: {last}):\n{t.log_tail()}")


def probe(t: Target) -> str:
    """One signed and one badly signed request: the answer must be the TwiML and a 403."""
    status, ctype, body = http(t.url, *signed_request(t))
    greeting = f"{t.base}/server/static/voice_responses/"
    problems = []
    if status != 200:
        problems.append(f"signed request got {status}: {body[:300]}")
    if not ctype.startswith("text/xml"):
        problems.append(f"Content-Type {ctype!r}")
    for part in (
        f"<Play>{greeting}",
        '<Pause length="1"',
        "<Record ",
        'action="/webhook/handle_recording"',
        'maxLength="30"',
        'timeout="5"',
        'finishOnKey="*"',
        'transcribe="false"',
    ):
        if part not in body:
            problems.append(f"TwiML lacks {part}")
    data, headers = signed_request(t)
    sig = headers["X-Twilio-Signature"]
    headers["X-Twilio-Signature"] = ("A" if sig[0] != "A" else "B") + sig[1:]
    bad_status = http(t.url, data, headers)[0]
    if bad_status != 403:
        problems.append(f"a bad signature got {bad_status}, not 403")
    if problems:
        return "; ".join(problems) + f"\n  body: {body[:500]}"
    return ""


# ---------------------------------------------------------------------------------------
# Runs


def run_wrk(t: Target, script: Path, connections: int, seconds: int) -> dict:
    cmd = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(script),
        t.url,
    ]
    out_path = t.workdir / "wrk.out"
    with open(out_path, "wb") as out:
        proc = subprocess.Popen(
            cmd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=seconds + 60)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"wrk did not finish within {seconds + 60} s") from None
        finally:
            kill_group(proc, grace=2)
    text = out_path.read_text(errors="replace")
    for line in text.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line.removeprefix("BENCH_RESULT "))
    raise RuntimeError(f"wrk printed no result (exit {proc.returncode}):\n{text[-2000:]}")


def pool_size(t: Target, seconds: float, connections: int, expect_rps: float) -> int:
    rps = max(expect_rps, 1.5 * t.rps_seen)
    return int(rps * seconds * 1.3) + 4 * connections


def measure(t: Target, connections: int, args, executor, workdir: Path, run_no: int) -> dict:
    warm_n = pool_size(t, args.warmup, connections, args.expect_rps)
    main_n = pool_size(t, args.duration, connections, args.expect_rps)
    warm_lua, main_lua = workdir / f"run{run_no}-warm.lua", workdir / f"run{run_no}.lua"
    write_lua(warm_lua, make_pool(executor, t.token, t.url, warm_n))
    write_lua(main_lua, make_pool(executor, t.token, t.url, main_n))

    quiet = wait_quiet(args.quiet_below, args.quiet_limit)
    if args.warmup > 0:
        run_wrk(t, warm_lua, connections, args.warmup)
    rows_before = t.settled_calls() if t.db else None
    if t.proc.poll() is not None:
        raise RuntimeError(f"{t.name} died during warm-up:\n{t.log_tail()}")

    net_before = listen_overflows()
    cpu_before = group_cpu_seconds(t.proc.pid)
    db_cpu_before = postgres_cpu_seconds()
    wrk_cpu_before = _children_cpu()
    busy_before = machine_busy_seconds()
    started = time.monotonic()
    res = run_wrk(t, main_lua, connections, args.duration)
    wall = time.monotonic() - started
    busy = machine_busy_seconds() - busy_before
    wrk_cpu = _children_cpu() - wrk_cpu_before
    cpu_after = group_cpu_seconds(t.proc.pid)
    # Per process, busiest first: shows whether the workers shared the load.
    cpu_by_proc = sorted((cpu_after[pid] - cpu_before.get(pid, 0.0) for pid in cpu_after), reverse=True)
    cpu = sum(cpu_by_proc)
    db_cpu = postgres_cpu_seconds() - db_cpu_before
    net_after = listen_overflows()

    if t.proc.poll() is not None:
        raise RuntimeError(f"{t.name} exited with {t.proc.returncode} during the run:\n{t.log_tail()}")
    rows = t.settled_calls() - rows_before if t.db else None
    seconds = res["duration_us"] / 1e6
    rps = res["requests"] / seconds if seconds else 0.0
    t.rps_seen = max(t.rps_seen, rps)
    return {
        "target": t.name,
        "connections": connections,
        "rps": rps,
        "p50_ms": res["p50_us"] / 1000,
        "p90_ms": res["p90_us"] / 1000,
        "p99_ms": res["p99_us"] / 1000,
        "max_ms": res["max_us"] / 1000,
        "mean_ms": res["mean_us"] / 1000,
        "requests": res["requests"],
        "errors": res["connect"] + res["read"] + res["write"] + res["timeout"],
        "error_detail": {k: res[k] for k in ("connect", "read", "write", "timeout")},
        "non_2xx": res["status"],
        "listen_overflows": net_after.get("TcpExtListenOverflows", 0) - net_before.get("TcpExtListenOverflows", 0),
        "listen_drops": net_after.get("TcpExtListenDrops", 0) - net_before.get("TcpExtListenDrops", 0),
        "pool": res["pool"],
        "sent": res["sent"],
        "pool_wrapped": res["wraps"] > 0,
        "rows": rows,
        "server_cpu_pct": 100 * cpu / wall,
        "db_cpu_pct": 100 * db_cpu / wall if t.db == "postgres" else None,
        "wrk_cpu_pct": 100 * wrk_cpu / wall,
        "server_cpu_pct_by_process": [round(100 * c / wall) for c in cpu_by_proc],
        # Everything else the machine did meanwhile (this script, the kernel's share not
        # charged to a process, other people's work): large values mean a disturbed run.
        "other_cpu_pct": 100 * (busy - cpu - wrk_cpu - (db_cpu if t.db == "postgres" else 0)) / wall,
        "alive": t.proc.poll() is None,
        "quiet_before": quiet,
    }


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def _ignore_interrupts() -> None:
    """Signing workers leave Ctrl-C and SIGTERM to the main process, which cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


# ---------------------------------------------------------------------------------------
# Report


COLUMNS = [
    ("target", "{}"),
    ("conns", "{}"),
    ("pass", "{}"),
    ("rps", "{:.0f}"),
    ("p50 ms", "{:.1f}"),
    ("p99 ms", "{:.1f}"),
    ("max ms", "{:.0f}"),
    ("errors", "{}"),
    ("non-2xx", "{}"),
    ("listen overflows", "{}"),
    ("rows / 2xx", "{}"),
    ("CPU % server/db/wrk/rest", "{}"),
]


def row_cells(r: dict) -> list[str]:
    rows = "-"
    if r["rows"] is not None:
        rows = f"{r['rows']} / {r['requests'] - r['non_2xx']}"
    cpu = (
        f"{r['server_cpu_pct']:.0f}/"
        + (f"{r['db_cpu_pct']:.0f}" if r["db_cpu_pct"] is not None else "-")
        + f"/{r['wrk_cpu_pct']:.0f}/{r['other_cpu_pct']:.0f}"
    )
    errors = str(r["errors"])
    if r["errors"]:
        errors += " (" + ", ".join(f"{k} {v}" for k, v in r["error_detail"].items() if v) + ")"
    values = [
        r["target"],
        r["connections"],
        r["pass"],
        r["rps"],
        r["p50_ms"],
        r["p99_ms"],
        r["max_ms"],
        errors,
        r["non_2xx"],
        r["listen_overflows"],
        rows,
        cpu,
    ]
    cells = [fmt.format(v) for (_, fmt), v in zip(COLUMNS, values, strict=True)]
    if r["other_cpu_pct"] > DISTURBED_PCT:
        cells[0] += " (disturbed)"
    if r["pool_wrapped"]:
        cells[0] += " (pool wrapped)"
    return cells


def render(results: list[dict], markdown: bool) -> str:
    header = [name for name, _ in COLUMNS]
    body = [row_cells(r) for r in results]
    if markdown:
        lines = [
            "| " + " | ".join(header) + " |",
            "| " + " | ".join("---" if i < 1 else "---:" for i in range(len(header))) + " |",
        ]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(str(c)) for c in col) for col in zip(header, *body, strict=True)]
    return "\n".join(
        "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) for cells in [header, *body]
    )


def verdicts(results: list[dict]) -> list[str]:
    """The issue's target at 200 connections, pass by pass against the sync reference."""
    lines = []
    top = max((r["connections"] for r in results), default=0)
    by = {(r["target"], r["pass"], r["connections"]): r for r in results}
    for (name, pass_no, conns), r in sorted(by.items()):
        if not (name.startswith("ours") or name == "floor") or conns != top:
            continue
        ref = by.get(("sync", pass_no, conns))
        if ref is None:
            continue
        ok_rps = r["rps"] >= ref["rps"]
        ok_p99 = r["p99_ms"] <= ref["p99_ms"]
        clean = r["errors"] == 0 and r["non_2xx"] == 0
        verdict = "MET" if ok_rps and ok_p99 and clean else "NOT MET"
        lines.append(
            f"{name} pass {pass_no} at {conns}: rps {r['rps']:.0f} vs sync {ref['rps']:.0f} "
            f"({'ok' if ok_rps else 'lower'}), p99 {r['p99_ms']:.1f} vs {ref['p99_ms']:.1f} ms "
            f"({'ok' if ok_p99 else 'higher'})" + ("" if clean else ", with errors/non-2xx") + f": {verdict}"
            + (" (the floor: no framework, no database; what Hypercorn itself allows)" if name == "floor" else "")
        )
    return lines


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {dt.date.today().isoformat()}"
    )


# ---------------------------------------------------------------------------------------


def start_targets(targets: list[Target], failures: dict[str, str]) -> None:
    for t in targets:
        try:
            if t.db:
                prepare_ours(t)
            start(t)
            wait_ready(t)
            problem = probe(t)
            if problem:
                raise RuntimeError(f"wrong answer: {problem}")
            log(f"{t.name} ready on {t.base}")
        except Exception as e:  # report it and go on with the other targets
            failures[t.name] = str(e)
            log(f"{t.name} FAILED: {e}")
            if t.proc:
                kill_group(t.proc)


def run_all(args, targets, executor, workdir, results, failures, notes) -> None:
    """Every target at every concurrency, pass after pass, even passes in reverse order."""
    live = [t for t in targets if t.name not in failures]
    run_no = 0
    for pass_no in range(1, args.passes + 1):
        order = live if pass_no % 2 else list(reversed(live))
        for conns in args.connections:
            for t in order:
                if t.name in failures:
                    continue
                for attempt in range(1 + args.retries):
                    run_no += 1
                    log(f"pass {pass_no}: {t.name} at {conns} connections ...")
                    try:
                        ensure_running(t, notes)
                        r = measure(t, conns, args, executor, workdir, run_no)
                    except Exception as e:
                        if attempt < args.retries and t.proc.poll() is not None:
                            log(f"{t.name} stopped ({e}); restarting it, measuring again")
                            continue
                        failures[t.name] = f"pass {pass_no} at {conns}: {e}"
                        log(f"{t.name} FAILED: {e}")
                        break
                    r["pass"] = pass_no
                    log("  " + render([r], markdown=False).splitlines()[1])
                    log(
                        f"  CPU % by server process: {r['server_cpu_pct_by_process']}, "
                        f"rest of the machine: {r['other_cpu_pct']:.0f}"
                    )
                    if r["other_cpu_pct"] <= DISTURBED_PCT or attempt == args.retries:
                        results.append(r)
                        break
                    log("  disturbed by other work on the machine: measuring again")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.webhooks", description=__doc__.split("\n")[0])
    p.add_argument("--duration", type=int, default=10, help="measured seconds per run")
    p.add_argument("--warmup", type=int, default=3, help="warm-up seconds before each run")
    p.add_argument("--db", choices=["postgres", "sqlite", "both"], default="postgres")
    p.add_argument("--only", choices=["ours", "sync", "gevent", "floor"])
    p.add_argument("--connections", type=int, nargs="+", default=[50, 200])
    p.add_argument("--passes", type=int, default=2, help="interleaved passes (even ones reversed)")
    p.add_argument(
        "--expect-rps",
        type=float,
        default=6000,
        help="rps the first request pool is sized for (later pools: 1.5x the best)",
    )
    p.add_argument(
        "--quiet-below",
        type=float,
        default=20,
        help="before each run, wait until the machine is less busy than this (%% of one core)",
    )
    p.add_argument("--quiet-limit", type=float, default=180, help="...for at most this many s")
    p.add_argument(
        "--retries",
        type=int,
        default=2,
        help="measure a run again (at most this many times) when other work disturbed it",
    )
    p.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    p.add_argument("--json", type=Path, help="also write every result to this file")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, Lua)")
    args = p.parse_args(argv)

    if not (BIN / "gunicorn").exists() or not (BIN / "hypercorn").exists():
        p.error(f"run with the project's venv python (no gunicorn/hypercorn in {BIN})")

    # SIGTERM ends the run like Ctrl-C, through the finally below.
    signal.signal(signal.SIGTERM, _interrupt)

    results: list[dict] = []
    failures: dict[str, str] = {}
    notes: list[str] = []
    interrupted = False
    with (
        tempfile.TemporaryDirectory(prefix="bench-webhooks-", delete=not args.keep) as tmp,
        ProcessPoolExecutor(max_workers=os.cpu_count() or 2, initializer=_ignore_interrupts) as executor,
    ):
        workdir = Path(tmp)
        if args.keep:
            log(f"keeping {workdir}")
        targets = make_targets(args, workdir)
        try:
            start_targets(targets, failures)
            run_all(args, targets, executor, workdir, results, failures, notes)
        except KeyboardInterrupt as e:
            log(f"interrupted ({e or 'Ctrl-C'}): stopping; the table below is partial")
            interrupted = True
        finally:
            for t in targets:
                if t.proc:
                    kill_group(t.proc)
            for t in targets:
                if t.proc and t.proc.returncode not in (0, -signal.SIGTERM):
                    log(f"{t.name} exit status {t.proc.returncode}; log tail:\n{t.log_tail(15)}")

    print(
        f"Machine: {machine()}; wrk -t{WRK_THREADS} on the same cores; "
        f"{args.warmup} s warm-up + {args.duration} s measured per run."
    )
    print()
    print(render(results, args.markdown))
    print()
    for line in verdicts(results):
        print(("- " if args.markdown else "") + line)
    for text in [f"{name} failed: {err}" for name, err in failures.items()] + notes:
        print(f"- {' '.join(text.split())}" if args.markdown else text)
    if args.json:
        args.json.write_text(
            json.dumps({"machine": machine(), "results": results, "failures": failures, "notes": notes}, indent=1)
        )
    return 130 if interrupted else 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
